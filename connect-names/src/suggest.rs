//! "Did you mean": the closest of the valid names to a misspelt one.
//!
//! One policy for every message of connect-lambda (a misspelt option, a
//! contact data field, a `$.External` key): a candidate equal to the input
//! ignoring ASCII case wins; otherwise the candidate at the smallest edit
//! distance, if that distance is at most a third of the input's length (at
//! least 1, so a one-letter slip in a short name is caught). The distance is
//! the optimal string alignment distance: an insertion, a deletion, a
//! substitution or a swap of two neighbours each count one (`dispaly` is one
//! edit from `display`). On a tie the earlier candidate wins; the input
//! itself is never suggested.
//!
//! ```
//! use connect_names::suggest::did_you_mean;
//!
//! let options = ["rename", "skip", "display"];
//! assert_eq!(did_you_mean("dispaly", options), Some("display"));
//! assert_eq!(did_you_mean("RENAME", options), Some("rename"));
//! assert_eq!(did_you_mean("frobnicate", options), None);
//! assert_eq!(did_you_mean("skip", options), None);
//! ```

/// The candidate the user most likely meant by `input`, under the policy
/// above, or `None` when no candidate is close enough.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = (input.chars().count() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == input {
            continue;
        }
        let distance = if candidate.eq_ignore_ascii_case(input) {
            0
        } else {
            edit_distance(input, candidate)
        };
        if distance <= limit && best.is_none_or(|(best, _)| distance < best) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// The optimal string alignment distance between `a` and `b`, over chars.
///
/// ```
/// use connect_names::suggest::edit_distance;
///
/// assert_eq!(edit_distance("renam", "rename"), 1);
/// assert_eq!(edit_distance("dispaly", "display"), 1);
/// assert_eq!(edit_distance("kitten", "sitting"), 3);
/// ```
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the dynamic-programming table: the swap rule looks two
    // rows back.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut distance = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                distance = distance.min(before[j - 2] + 1);
            }
            current[j] = distance;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// `` `a`, `b` and `c` ``: names joined for a message, each in backticks.
///
/// ```
/// use connect_names::suggest::list;
///
/// assert_eq!(list(&["a"]), "`a`");
/// assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
/// ```
pub fn list(names: &[&str]) -> String {
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
    fn the_threshold_grows_with_the_length() {
        // Three letters: one edit.
        assert_eq!(did_you_mean("jsn", ["string_map", "json"]), Some("json"));
        assert_eq!(did_you_mean("jn", ["json"]), None);
        // Nine letters: three edits.
        assert_eq!(did_you_mean("atributte", ["attribute"]), Some("attribute"));
        assert_eq!(did_you_mean("param", ["state", "contact"]), None);
    }

    #[test]
    fn the_earlier_candidate_wins_a_tie() {
        assert_eq!(did_you_mean("cat", ["bat", "hat"]), Some("bat"));
        assert_eq!(did_you_mean("cat", ["hat", "bat"]), Some("hat"));
    }

    #[test]
    fn a_swap_is_one_edit() {
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
    }
}
