//! What the resolved model changes at the command line: a Lambda block with
//! no function is a finding of its own and blames no earlier Lambda; JSON
//! findings name their file; an unreadable flow among good ones still gives
//! a report; text from a hostile flow cannot reach the terminal raw.

use std::process::Command;

use serde_json::Value;

use crate::checker::{check_json, run};

const MISSING_ARN: &str = "tests/flows/model/missing_arn.json";

/// Runs the built binary and returns its exit code and the raw bytes it
/// wrote.
fn run_bytes(args: &[&str]) -> (i32, Vec<u8>, Vec<u8>) {
    let output = Command::new(env!("CARGO_BIN_EXE_connect-flow"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the connect-flow binary runs");
    (
        output.status.code().expect("exited"),
        output.stdout,
        output.stderr,
    )
}

#[test]
fn a_lambda_block_without_a_function_is_its_own_finding_and_blames_no_earlier_lambda() {
    let (_, seen, messages) = check_json(&[
        MISSING_ARN,
        "--manifest",
        "tests/manifests/get_balance.json",
    ]);
    let codes: Vec<(&str, Option<&str>)> = seen
        .iter()
        .map(|f| (f.code.as_str(), f.action.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            ("unknown-function", Some("Read callback")),
            ("unknown-function", Some("Read empty")),
        ],
        "{messages:?}"
    );
    assert!(
        messages[0].contains("has no LambdaFunctionARN"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("has an empty LambdaFunctionARN"),
        "{}",
        messages[1]
    );
    // Nothing says `DateTime` is not returned by get_balance.
    assert!(
        !messages.iter().any(|m| m.contains("get_balance")),
        "{messages:?}"
    );
}

#[test]
fn every_help_for_an_unknown_function_is_a_command_the_cli_accepts() {
    let run = run(&["check", MISSING_ARN]);
    assert!(!run.stdout.contains("--map '="), "{}", run.stdout);
    assert!(run.stdout.contains("unknown-function"), "{}", run.stdout);
}

#[test]
fn json_findings_name_their_file_so_two_copies_of_a_flow_differ_by_file() {
    let dir = std::env::temp_dir().join(format!("connect-flow-copies-{}", std::process::id()));
    let (production, staging) = (dir.join("production"), dir.join("staging"));
    for folder in [&production, &staging] {
        std::fs::create_dir_all(folder).unwrap();
        std::fs::copy("tests/flows/no_validation.json", folder.join("flow.json")).unwrap();
    }
    let (a, b) = (production.join("flow.json"), staging.join("flow.json"));
    let run = run(&[
        "check",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let value: Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = value["findings"].as_array().unwrap();
    let of = |path: &std::path::Path| -> Vec<Value> {
        findings
            .iter()
            .filter(|f| f["file"] == path.to_str().unwrap())
            .map(|f| {
                let mut f = f.clone();
                f.as_object_mut().unwrap().remove("file");
                f
            })
            .collect()
    };
    let (in_a, in_b) = (of(&a), of(&b));
    assert!(!in_a.is_empty());
    assert_eq!(in_a.len() + in_b.len(), findings.len());
    assert_eq!(in_a, in_b, "the same findings, told apart by file only");
    let _ = std::fs::remove_dir_all(&dir);
}

/// One unreadable flow among good ones: reported on stderr, the good ones
/// checked and written in each format, exit 2.
#[test]
fn an_unreadable_flow_among_good_ones_still_writes_the_report() {
    for format in ["json", "sarif", "html", "human"] {
        let run = run(&[
            "check",
            "tests/flows/no_validation.json",
            "tests/bad/bad_json.json",
            MISSING_ARN,
            "--format",
            format,
        ]);
        assert_eq!(run.code, 2, "{format}: {}", run.stderr);
        assert!(
            run.stderr
                .starts_with("error: tests/bad/bad_json.json: not valid JSON"),
            "{format}: {}",
            run.stderr
        );
        match format {
            "json" => {
                let value: Value = serde_json::from_str(&run.stdout).unwrap();
                let files: Vec<&str> = value["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|f| f["file"].as_str())
                    .collect();
                assert!(files.contains(&"tests/flows/no_validation.json"));
                assert!(files.contains(&MISSING_ARN));
            }
            "sarif" => {
                let value: Value = serde_json::from_str(&run.stdout).unwrap();
                let results = value["runs"][0]["results"].as_array().unwrap();
                assert!(results.iter().any(|r| r["ruleId"] == "unknown-function"));
            }
            "html" => {
                assert!(run.stdout.starts_with("<!DOCTYPE html>"));
                assert!(run.stdout.contains(r#"data-block-id="Read callback""#));
            }
            _ => assert!(run.stdout.contains("checked 2 flows"), "{}", run.stdout),
        }
    }
}

/// Whether `text` holds a character a terminal would act on.
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn a_hostile_flow_cannot_write_a_control_character_to_the_terminal() {
    for format in ["human", "json", "sarif"] {
        let (code, stdout, stderr) = run_bytes(&[
            "check",
            "tests/flows/model/hostile.json",
            "tests/flows/model/hostile_version.json",
            "--format",
            format,
        ]);
        assert_eq!(code, 2);
        let stdout = String::from_utf8(stdout).unwrap();
        let stderr = String::from_utf8(stderr).unwrap();
        assert!(stdout.contains("2J"), "the hostile text is shown: {stdout}");
        assert!(stderr.contains("2J2019"), "{stderr}");
        for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            let raw: Vec<char> = text.chars().filter(|c| acts_on_terminal(*c)).collect();
            assert!(raw.is_empty(), "{format} {stream} holds {raw:?}:\n{text}");
        }
    }
    let (_, stdout, _) = run_bytes(&["check", "tests/flows/model/hostile.json"]);
    let stdout = String::from_utf8(stdout).unwrap();
    assert!(stdout.contains(r"\u{1b}[2J"), "{stdout}");
}

/// A public flow's transfers (`tests/flows/public/rules-engine-integration.json`
/// transfers by `{{contactFlows.RulesEngineError.arn}}` and
/// `{{contactFlows.RulesEngineMain.arn}}`, the placeholders its repository's
/// deployment fills) link to the given flows of those names: one known by
/// its file name, one by the name its export carries. Their exports are not
/// copied here, so each is a stand-in written for the test. Given alone, the
/// flow links nowhere.
#[test]
fn a_public_flows_transfer_placeholders_link_to_the_flows_they_name() {
    use connect_flow::{input, model::Model};

    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("public-transfer-links");
    std::fs::create_dir_all(&dir).unwrap();
    let stand_in = |name: Option<&str>| {
        let metadata = name.map_or(String::new(), |n| {
            format!(r#", "Metadata": {{"name": "{n}"}}"#)
        });
        format!(
            r#"{{"Version": "2019-10-30", "StartAction": "end", "Actions": [
              {{"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {{}},
                "Transitions": {{}}}}]{metadata}}}"#
        )
    };
    let error = dir.join("rules-engine-error.json");
    let main = dir.join("deployed-main.json");
    std::fs::write(&error, stand_in(None)).unwrap();
    std::fs::write(&main, stand_in(Some("RulesEngineMain"))).unwrap();
    let public = std::path::PathBuf::from("tests/flows/public/rules-engine-integration.json");

    let loaded = input::read_all(&[public.clone(), error, main]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let model = Model::new(loaded.flows);
    let flow = &model.flows[0];
    let link = |identifier: &str| flow.blocks[flow.position(identifier).unwrap()].link;
    assert_eq!(link("ccbe240a-239d-4c12-b5e3-694a5362ebd3"), Some(1));
    assert_eq!(link("37b16bd8-acfe-480e-bf33-7f4d2859cb68"), Some(2));

    let alone = Model::new(input::read_all(&[public]).flows);
    assert!(alone.flows[0].blocks.iter().all(|b| b.link.is_none()));
}
