//! `rename_all`: serde's case names, applied as serde applies them: to
//! snake_case field names (a response's keys) and to PascalCase variant
//! names (a `ConnectValue` enum's values).

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

    /// The one message for a case serde does not know, `name`.
    pub fn unknown_message(name: &str) -> String {
        format!(
            "unknown case `{name}` for `rename_all`{}; the cases are {}",
            connect_names::suggest::did_you_mean(name, Self::all_names())
                .map(|case| format!(" (did you mean `{case}`?)"))
                .unwrap_or_default(),
            Self::names()
        )
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

impl RenameRule {
    /// Applies the rule to a PascalCase variant name, as serde's
    /// `RenameRule::apply_to_variant` does.
    pub fn apply_to_variant(self, variant: &str) -> String {
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => String::new(),
                }
            }
            RenameRule::Snake => snake(variant),
            RenameRule::ScreamingSnake => snake(variant).to_ascii_uppercase(),
            RenameRule::Kebab => snake(variant).replace('_', "-"),
            RenameRule::ScreamingKebab => snake(variant).to_ascii_uppercase().replace('_', "-"),
        }
    }
}

/// serde's snake_case of a variant: `_` before every uppercase letter but
/// the first, then lowercase.
fn snake(variant: &str) -> String {
    let mut out = String::with_capacity(variant.len() + 4);
    for (i, ch) in variant.char_indices() {
        if i > 0 && ch.is_uppercase() {
            out.push('_');
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
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
        // serde's own output for `TransferToAgent2` under each rule.
        let variants = [
            ("lowercase", "transfertoagent2"),
            ("UPPERCASE", "TRANSFERTOAGENT2"),
            ("PascalCase", "TransferToAgent2"),
            ("camelCase", "transferToAgent2"),
            ("snake_case", "transfer_to_agent2"),
            ("SCREAMING_SNAKE_CASE", "TRANSFER_TO_AGENT2"),
            ("kebab-case", "transfer-to-agent2"),
            ("SCREAMING-KEBAB-CASE", "TRANSFER-TO-AGENT2"),
        ];
        for (name, value) in variants {
            let rule = RenameRule::from_name(name).unwrap();
            assert_eq!(rule.apply_to_variant("TransferToAgent2"), value, "{name}");
        }
        assert_eq!(RenameRule::Camel.apply("url"), "url");
    }
}
