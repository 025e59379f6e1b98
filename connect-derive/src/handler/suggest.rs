//! "Did you mean": the closest of the valid names to a misspelt one.

/// The candidate closest to `input`, if it is close enough to be what the
/// user meant: equal ignoring case, or within an edit distance of a third of
/// its length (at least 1, so a one-letter typo in a short name is caught).
pub(crate) fn closest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lowered = input.to_ascii_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = if candidate.to_ascii_lowercase() == lowered {
            0
        } else {
            strsim::damerau_levenshtein(input, candidate)
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let limit = (input.chars().count() / 3).max(1);
    best.filter(|(distance, _)| *distance <= limit)
        .map(|(_, candidate)| candidate)
}

/// `a`, `b` and `c`: the names joined for a message, each in backticks.
pub(crate) fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_case_slips() {
        let names = ["param", "attribute", "contact", "state"];
        assert_eq!(closest("parm", names), Some("param"));
        assert_eq!(closest("atribute", names), Some("attribute"));
        assert_eq!(closest("State", names), Some("state"));
        assert_eq!(closest("serde", names), None);
    }

    #[test]
    fn lists_names() {
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
