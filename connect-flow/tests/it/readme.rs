//! The README's excerpts of `connect-flow check` output are what the
//! command prints: each excerpt's `$ connect-flow ...` line (its `\`
//! continuations joined) is run from the crate's directory, and the lines
//! below it are its notes (stderr) then its report (stdout), line for line.

use std::path::Path;

use crate::checker::run;

/// The `$ connect-flow ...` excerpt in `README.md` that starts with
/// `command_start`: its arguments, and the lines it shows printed.
fn excerpt(command_start: &str) -> (Vec<String>, Vec<String>) {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let marker = format!("```text\n$ {command_start}");
    let start = readme
        .find(&marker)
        .unwrap_or_else(|| panic!("no excerpt {marker:?}"))
        + "```text\n$ ".len();
    let text = &readme[start..start + readme[start..].find("```").unwrap()];
    let mut lines = text.lines();
    let mut command = String::new();
    for line in lines.by_ref() {
        command.push_str(line.trim_end_matches('\\'));
        command.push(' ');
        if !line.ends_with('\\') {
            break;
        }
    }
    let args = command
        .split_whitespace()
        .skip(1)
        .map(str::to_owned)
        .collect();
    (args, lines.map(str::to_owned).collect())
}

/// Runs `args` and asserts it prints `shown`, with exit code `code`.
fn assert_prints(args: &[String], shown: &[String], code: i32) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = run(&args);
    assert_eq!(run.code, code, "{}", run.stderr);
    let printed = format!("{}{}", run.stderr, run.stdout);
    assert_eq!(shown, printed.lines().collect::<Vec<_>>());
}

/// "Inputs": the pipelines' flows given as one directory.
#[test]
fn the_inputs_excerpt() {
    let (args, shown) = excerpt("connect-flow check tests/flows/pipelines");
    assert_prints(&args, &shown, 1);
}

/// The chain Connect would cut short, on a public flow.
#[test]
fn the_rules_engine_excerpt() {
    let (args, shown) =
        excerpt("connect-flow check tests/flows/public/rules-engine-integration.json");
    assert_prints(&args, &shown, 0);
}

/// The key dropped from a public manifest: the README's copies in
/// `../target/surveys/` are made here, in the test's own folder.
#[test]
fn the_contact_surveys_excerpt() {
    let (args, shown) =
        excerpt("connect-flow check tests/flows/public/contact-surveys-module.json");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-surveys");
    std::fs::create_dir_all(&dir).unwrap();
    let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/manifests/public");
    for entry in std::fs::read_dir(&public).unwrap() {
        let path = entry.unwrap().path();
        let mut manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if path.file_stem().is_some_and(|s| s == "get_survey_config") {
            if let Some(external) = manifest["external"].as_array_mut() {
                external.retain(|e| e["key"] != "surveySize");
            }
        }
        std::fs::write(dir.join(path.file_name().unwrap()), manifest.to_string()).unwrap();
    }
    let here = dir.display().to_string();
    let moved = |text: &String| text.replace("../target/surveys", &here);
    let args: Vec<String> = args.iter().map(moved).collect();
    let shown: Vec<String> = shown.iter().map(moved).collect();
    assert_prints(&args, &shown, 1);
}

/// The SARIF result shown is the rules-engine run's first, with `--format sarif`.
#[test]
fn the_sarif_excerpt() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let after = &readme[readme
        .find("The first result of the rules-engine run above:")
        .unwrap()..];
    let start = after.find("```json\n").unwrap() + "```json\n".len();
    let shown: serde_json::Value =
        serde_json::from_str(&after[start..start + after[start..].find("```").unwrap()]).unwrap();
    let (mut args, _) =
        excerpt("connect-flow check tests/flows/public/rules-engine-integration.json");
    args.extend(["--format".into(), "sarif".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = run(&args);
    let log: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(log["runs"][0]["results"][0], shown);
}
