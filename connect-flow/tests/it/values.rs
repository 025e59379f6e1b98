//! The README's section "Conditions on a Lambda's answer": its command and
//! output are what `connect-flow check` prints (the value rules' fixtures
//! are in tests/codes/, their public-flow cases in flows.rs).

use std::path::Path;
use std::process::Command;

/// The README's excerpt is the whole output of the README's command, run
/// from the workspace root as the README says.
#[test]
fn the_readmes_value_conditions_output_is_what_check_prints() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(crate_dir.join("README.md")).unwrap();
    let section = &readme[readme
        .find("## Conditions on a Lambda's answer")
        .expect("the README's section")..];
    let block = |fence: &str| -> String {
        let start = section.find(fence).unwrap() + fence.len();
        section[start..start + section[start..].find("```").unwrap()].to_owned()
    };
    let command = block("```sh\n").replace("\\\n", " ");
    let words: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(
        words[..6],
        ["cargo", "run", "-q", "-p", "connect-flow", "--"]
    );
    let output = Command::new(env!("CARGO_BIN_EXE_connect-flow"))
        .args(&words[6..])
        .current_dir(crate_dir.parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        block("```text\n")
    );
}
