//! `rename_all`: serde's case names, applied to snake_case field names.

/// A case convention for the keys of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

/// Every rule with its name, in the order messages list them.
pub const RULES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    /// The rule named `name`, spelt exactly as serde spells it.
    pub fn from_name(name: &str) -> Option<Self> {
        RULES
            .iter()
            .find(|(rule_name, _)| *rule_name == name)
            .map(|(_, rule)| *rule)
    }

    /// Every rule's name.
    pub fn all_names() -> Vec<&'static str> {
        RULES.iter().map(|(name, _)| *name).collect()
    }

    /// The names, quoted and comma-separated, for messages.
    pub fn names() -> String {
        RULES
            .iter()
            .map(|(name, _)| format!("\"{name}\""))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Applies the rule to a snake_case field name.
    pub fn apply(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => pascal(field),
            RenameRule::Camel => {
                let pascal = pascal(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => pascal,
                }
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

fn pascal(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut capitalize = true;
    for ch in field.chars() {
        if ch == '_' {
            capitalize = true;
        } else if capitalize {
            out.push(ch.to_ascii_uppercase());
            capitalize = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_matches_serde() {
        let expected = [
            ("lowercase", "customer_balance2"),
            ("UPPERCASE", "CUSTOMER_BALANCE2"),
            ("PascalCase", "CustomerBalance2"),
            ("camelCase", "customerBalance2"),
            ("snake_case", "customer_balance2"),
            ("SCREAMING_SNAKE_CASE", "CUSTOMER_BALANCE2"),
            ("kebab-case", "customer-balance2"),
            ("SCREAMING-KEBAB-CASE", "CUSTOMER-BALANCE2"),
        ];
        for (name, key) in expected {
            let rule = RenameRule::from_name(name).unwrap();
            assert_eq!(rule.apply("customer_balance2"), key, "{name}");
        }
        assert_eq!(RenameRule::from_name("camelcase"), None);
        assert_eq!(RenameRule::Camel.apply("url"), "url");
    }
}
