//! The `--format html` report, rendered in a real headless Chromium.
//!
//! The page checks itself when opened at `#selftest` (page.js): from the
//! layout the browser computed, every block is visible, inside its drawing
//! and uncovered once scrolled to, no two blocks overlap, every finding is
//! marked on its block, a click on a finding scrolls to and highlights its
//! block, focus opens a block's tip, and nothing was fetched. Chromium's `--dump-dom`
//! hands back the page with that verdict in `<output id="selftest">`; these
//! tests hold the verdict to facts taken from the flow files and the JSON
//! output. `--dump-dom` was chosen over driving the DevTools protocol: it
//! needs no crate and no port, and the checks run where the layout is.
//!
//! Without a browser the tests are skipped with a message, unless `CI` is
//! set: CI installs Debian's `chromium` (.ci/run), so there a missing
//! browser fails. `CHROMIUM=/path/to/chrome` picks another browser.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_connect-flow");

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The browser to render with, or `None` (after saying so) to skip.
pub(crate) fn browser() -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path).find_map(|dir| {
            [
                "chromium",
                "chromium-browser",
                "google-chrome",
                "google-chrome-stable",
            ]
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
        })
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "no Chromium found and CI is set: install Debian's `chromium` package \
             (.ci/run does) or set CHROMIUM to a Chrome or Chromium binary"
        );
        // Written to the process's stderr, past the test harness's capture,
        // so a skipped browser test is seen in a passing run.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: no Chromium found; install the `chromium` package or set CHROMIUM \
             (with CI set, this test fails instead)"
        );
    }
    found
}

/// A fresh folder for one test's files.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("html-report-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `connect-flow check` with `args`; returns stdout and the exit code.
fn connect_flow(args: &[&Path], format: &str) -> (String, i32) {
    let output = Command::new(BIN)
        .arg("check")
        .args(args)
        .args(["--format", format])
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

/// Opens `page` (HTML text) in headless Chromium at `#selftest` and returns
/// the page's verdict and the dumped DOM.
pub(crate) fn render(browser: &Path, dir: &Path, page: &str) -> (Value, String) {
    let file = dir.join("report.html");
    std::fs::write(&file, page).unwrap();
    let profile = dir.join("profile");
    let _ = std::fs::remove_dir_all(&profile);
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,900",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!(
            "file://{}#selftest",
            file.canonicalize().unwrap().display()
        ))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!(
                "{} did not finish rendering within 120 s",
                browser.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    let dom = String::from_utf8(output.stdout).unwrap();
    let open = "<output id=\"selftest\" hidden=\"\">";
    let start = dom
        .find(open)
        .unwrap_or_else(|| panic!("no #selftest output in the dumped page:\n{dom:.2000}"))
        + open.len();
    let end = start + dom[start..].find("</output>").unwrap();
    let text = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let verdict: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("the page wrote no verdict ({e}): {text:?}"));
    (verdict, dom)
}

fn actions_in(flow: &Path) -> u64 {
    let value: Value = serde_json::from_slice(&std::fs::read(flow).unwrap()).unwrap();
    value["Actions"].as_array().unwrap().len() as u64
}

/// The examples' customer-service flow with `$.External.customerBalance`
/// misspelt, written to `dir`, and its manifests.
fn misspelt_example(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let original =
        std::fs::read_to_string(repo().join("examples/flows/customer-service.json")).unwrap();
    assert!(original.contains("$.External.customerBalance\""));
    let flow = dir.join("customer-service.json");
    std::fs::write(
        &flow,
        original.replace(
            "$.External.customerBalance\"",
            "$.External.customerBalanse\"",
        ),
    )
    .unwrap();
    let manifests = [
        "my_first_connect_lambda",
        "caller_profile",
        "greeting_router",
    ]
    .iter()
    .map(|name| repo().join(format!("examples/manifests/{name}.json")))
    .collect();
    (flow, manifests)
}

fn check_args<'a>(flows: &[&'a Path], manifests: &'a [PathBuf]) -> Vec<&'a Path> {
    let mut args: Vec<&Path> = flows.to_vec();
    for manifest in manifests {
        args.push(Path::new("--manifest"));
        args.push(manifest);
    }
    args
}

pub(crate) fn assert_clean(verdict: &Value) {
    assert_eq!(verdict["ok"], true, "the page found problems: {verdict}");
    assert_eq!(verdict["overlaps"], 0, "{verdict}");
    assert_eq!(verdict["resources"], 0, "{verdict}");
    assert!(
        verdict["csp"]
            .as_str()
            .unwrap()
            .starts_with("default-src 'none'"),
        "{verdict}"
    );
}

#[test]
fn misspelt_key_is_marked_on_its_block_in_the_examples_flow() {
    let Some(browser) = browser() else { return };
    let dir = scratch("example");
    let (flow, manifests) = misspelt_example(&dir);
    let args = check_args(&[&flow], &manifests);

    let (json, _) = connect_flow(&args, "json");
    let findings: Value = serde_json::from_str(&json).unwrap();
    let findings = findings["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{json}");
    assert_eq!(findings[0]["code"], "unknown-key");
    let block = findings[0]["action"].as_str().unwrap();

    let (page, code) = connect_flow(&args, "html");
    assert_eq!(code, 1, "an error exits 1, as in the other formats");
    let (verdict, dom) = render(&browser, &dir, &page);
    assert_clean(&verdict);
    assert_eq!(verdict["blocks"], actions_in(&flow), "{verdict}");
    assert_eq!(verdict["findings"], 1, "{verdict}");
    assert_eq!(verdict["marked"], 1, "{verdict}");
    assert_eq!(
        verdict["shown"], 1,
        "a click on the finding shows its block: {verdict}"
    );
    assert!(
        dom.contains(&format!(
            r#"class="finding error" data-code="unknown-key" data-block-id="{block}""#
        )),
        "the listed finding names block {block}"
    );
    assert!(dom.contains(r#"<span class="error" data-summary="errors">1 error</span>"#));
}

#[test]
fn public_flow_with_uuid_identifiers_and_a_second_flow_render_as_two_sections() {
    let Some(browser) = browser() else { return };
    let dir = scratch("public");
    let (example, manifests) = misspelt_example(&dir);
    // aws-samples' step-by-step guide backend flow: UUID identifiers,
    // negative designer positions, Lambda blocks with placeholder ARNs.
    let public = repo().join("connect-flow/tests/html/sbs_backend_guide.json");
    let args = check_args(&[&public, &example], &manifests);

    let (json, _) = connect_flow(&args, "json");
    let findings: Value = serde_json::from_str(&json).unwrap();
    let expected = findings["findings"].as_array().unwrap().len() as u64;
    assert!(
        expected >= 3,
        "the placeholder Lambdas have no manifest: {json}"
    );

    let (page, code) = connect_flow(&args, "html");
    assert_eq!(code, 1);
    let (verdict, dom) = render(&browser, &dir, &page);
    assert_clean(&verdict);
    assert_eq!(
        verdict["blocks"],
        actions_in(&public) + actions_in(&example),
        "{verdict}"
    );
    assert_eq!(verdict["findings"], expected, "{verdict}");
    assert_eq!(verdict["marked"], expected, "{verdict}");
    assert_eq!(verdict["shown"], expected, "{verdict}");
    assert_eq!(dom.matches(r#"<section class="flow""#).count(), 2);
    assert!(dom.contains(r#"<span data-summary="flows">2 flows</span>"#));
    // A UUID Identifier is labelled by its first 8 characters.
    assert!(dom.contains(r#"data-block-id="3120fc9e-79ba-4509-b037-9a4367d7103f""#));
    assert!(dom.contains(
        r#"<div class="label" title="3120fc9e-79ba-4509-b037-9a4367d7103f">3120fc9e</div>"#
    ));
}

#[test]
fn the_self_check_reports_overlapping_blocks() {
    let Some(browser) = browser() else { return };
    let dir = scratch("overlap");
    let (flow, manifests) = misspelt_example(&dir);
    let (page, _) = connect_flow(&check_args(&[&flow], &manifests), "html");
    // Put the second block where the first is: the page must notice.
    let positions: Vec<&str> = page
        .match_indices("tabindex=\"0\" style=\"left:")
        .map(|(at, _)| {
            let rest = &page[at + "tabindex=\"0\" style=\"".len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    let broken = page.replacen(positions[1], positions[0], 1);
    assert_ne!(broken, page);
    let (verdict, _) = render(&browser, &dir, &broken);
    assert_eq!(verdict["ok"], false, "{verdict}");
    assert!(verdict["overlaps"].as_u64().unwrap() >= 1, "{verdict}");
}

#[test]
fn exit_codes_are_those_of_the_other_formats() {
    let dir = scratch("exit-codes");
    let (example, manifests) = misspelt_example(&dir);
    let public = repo().join("connect-flow/tests/html/sbs_backend_guide.json");
    let missing = dir.join("no-such-flow.json");
    let deny = Path::new("--deny-warnings");
    let cases: [(Vec<&Path>, i32); 4] = [
        (vec![&public], 0),                       // warnings only
        (vec![&public, deny], 1),                 // warnings denied
        (check_args(&[&example], &manifests), 1), // an error
        (vec![&missing], 2),                      // unreadable input
    ];
    for (args, expected) in cases {
        let (page, html_code) = connect_flow(&args, "html");
        let (_, json_code) = connect_flow(&args, "json");
        assert_eq!(html_code, expected, "{args:?}");
        assert_eq!(html_code, json_code, "{args:?}");
        assert_eq!(
            page.starts_with("<!DOCTYPE html>"),
            expected != 2,
            "{args:?}"
        );
    }
}
