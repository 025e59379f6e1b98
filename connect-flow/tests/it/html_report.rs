//! The `--format html` report, rendered in a real headless Chromium.
//!
//! The page checks itself when opened at `#selftest` (page.js): from the
//! layout the browser computed, every block is visible, inside its drawing
//! and uncovered once scrolled to, no two blocks overlap, every finding is
//! marked on its block, a click on a finding scrolls to and highlights its
//! block, focus opens a block's tip, nothing was fetched, errors precede
//! warnings in every list, no finding's text is cut, no two branch labels
//! overlap, each transfer link reaches a flow's section, and what the page
//! opened on (the first error, focused, its block in view); it also writes
//! the blocks' and labels' boxes for the tests to compare. Chromium's `--dump-dom`
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
use std::sync::OnceLock;
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

/// The drawing's fixtures (tests/html/README.md): `drawing-main.json`, no
/// `Metadata`, a 12-branch input block, a retry loop, a long unbroken
/// `--map` help, warnings the checker lists before its error, a module
/// invoked by the placeholder `<OPENING_HOURS_ARN>`; `drawing-hours.json`,
/// the module, named "Opening hours" in its export. Given after the public
/// flow (warnings only, a drawing taller than the window) so the first
/// error is in the third section, below the fold. Rendered once and
/// shared: each Chromium start costs a second or more.
fn drawing() -> Option<&'static (PathBuf, PathBuf, Value, String)> {
    static PAGE: OnceLock<Option<(PathBuf, PathBuf, Value, String)>> = OnceLock::new();
    PAGE.get_or_init(|| {
        let browser = browser()?;
        let dir = scratch("drawing");
        let main = repo().join("connect-flow/tests/html/drawing-main.json");
        let hours = repo().join("connect-flow/tests/html/drawing-hours.json");
        let public = repo().join("connect-flow/tests/html/sbs_backend_guide.json");
        let (page, code) = connect_flow(&[&public, &hours, &main], "html");
        assert_eq!(code, 1, "one error");
        let (verdict, dom) = render(&browser, &dir, &page);
        assert_clean(&verdict);
        Some((main, hours, verdict, dom))
    })
    .as_ref()
}

/// `[drawing, left, top, right, bottom]` boxes from the page's geometry.
fn boxes(verdict: &Value, kind: &str) -> Vec<[f64; 5]> {
    verdict["geometry"][kind]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let v: Vec<f64> = b
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_f64().unwrap())
                .collect();
            [v[0], v[1], v[2], v[3], v[4]]
        })
        .collect()
}

fn overlapping(boxes: &[[f64; 5]]) -> Vec<([f64; 5], [f64; 5])> {
    let mut pairs = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if a[0] == b[0] && a[1] < b[3] && b[1] < a[3] && a[2] < b[4] && b[2] < a[4] {
                pairs.push((*a, *b));
            }
        }
    }
    pairs
}

#[test]
fn branch_labels_of_a_block_with_many_branches_do_not_overlap() {
    let Some((_, _, verdict, dom)) = drawing() else {
        return;
    };
    let labels = boxes(verdict, "labels");
    assert_eq!(overlapping(&labels), vec![], "{verdict}");
    assert_eq!(verdict["labelOverlaps"], 0, "{verdict}");
    // Menu (the third action of the third drawing) has a Success row, 8
    // conditions and 3 errors, each label inside its block, one under the
    // other.
    let main: Vec<[f64; 5]> = boxes(verdict, "blocks")
        .into_iter()
        .filter(|b| b[0] == 2.0)
        .collect();
    let menu = main[2];
    let inside: Vec<&[f64; 5]> = labels
        .iter()
        .filter(|l| {
            l[0] == menu[0]
                && l[1] >= menu[1] - 1.0
                && l[3] <= menu[3] + 1.0
                && l[2] >= menu[2] - 1.0
                && l[4] <= menu[4] + 1.0
        })
        .collect();
    assert_eq!(inside.len(), 12, "{verdict}");
    assert!(
        inside.windows(2).all(|w| w[1][2] >= w[0][4] - 0.5),
        "{inside:?}"
    );
    assert!(dom.contains(r#"<div class="port error" title="InputTimeLimitExceeded">Timeout</div>"#));
    assert!(dom.contains(r#"<div class="port condition" title="Equals 8">8</div>"#));
}

#[test]
fn help_text_wraps_instead_of_being_cut() {
    let Some((_, _, verdict, dom)) = drawing() else {
        return;
    };
    assert_eq!(verdict["clipped"], 0, "{verdict}");
    // The whole --map argument is on the page, one unbroken word.
    assert!(dom.contains(
        "--map 'arn:aws:lambda:us-east-1:123456789012:function:\
         CustomerAccountLookupWithAVeryLongFunctionNameThatNeverBreaks=MANIFEST.json'"
    ));
}

#[test]
fn a_flow_without_positions_is_drawn_as_a_layered_graph() {
    let Some((main, _, verdict, _)) = drawing() else {
        return;
    };
    let blocks: Vec<[f64; 5]> = boxes(verdict, "blocks")
        .into_iter()
        .filter(|b| b[0] == 2.0)
        .collect();
    assert_eq!(blocks.len() as u64, actions_in(main));
    assert_eq!(overlapping(&blocks), vec![], "{verdict}");
    let distinct = |at: usize| {
        let mut v: Vec<i64> = blocks.iter().map(|b| b[at] as i64).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    assert!(
        distinct(2) >= 3,
        "blocks on at least three rows: {blocks:?}"
    );
    assert!(distinct(1) >= 4, "and in at least four columns: {blocks:?}");
    // Left to right as the flow runs: Greet, Lookup, Menu; the retry loop
    // back to Menu does not push Menu right of Retry (the fourth action).
    assert!(blocks[0][1] < blocks[1][1] && blocks[1][1] < blocks[2][1]);
    assert!(blocks[2][1] < blocks[3][1], "{blocks:?}");
}

#[test]
fn errors_are_listed_first_and_the_page_opens_on_the_first() {
    let Some((main, _, verdict, dom)) = drawing() else {
        return;
    };
    let section = &dom[dom.find(r#"<section class="flow" id="flow-2""#).unwrap()..];
    let codes: Vec<&str> = section
        .match_indices(r#"<li class="finding "#)
        .map(|(at, _)| &section[at..at + 80])
        .collect();
    // The checker lists no-lambda-ran and no-manifest (warnings) first.
    assert!(
        codes[0].contains(r#"finding error" data-code="invalid-timeout""#),
        "{codes:?}"
    );
    assert!(
        codes[1..].iter().all(|c| c.contains("finding warning")),
        "{codes:?}"
    );
    let opened = &verdict["opened"];
    assert_eq!(opened["code"], "invalid-timeout", "{verdict}");
    assert_eq!(opened["blockId"], "Balance", "{verdict}");
    assert_eq!(opened["flow"], main.display().to_string(), "{verdict}");
    assert_eq!(
        opened["focused"], true,
        "the finding has the focus: {verdict}"
    );
    // Not the public flow's first warning, above it: the window scrolled
    // down to the error, which is in view with its block.
    assert!(
        opened["windowScrolled"].as_f64().unwrap() > 0.0,
        "{verdict}"
    );
    assert_eq!(opened["listedInView"], true, "{verdict}");
    assert_eq!(
        opened["blockInView"], true,
        "its block is in view, highlighted: {verdict}"
    );
}

#[test]
fn a_transfer_to_a_checked_flow_links_to_it() {
    let Some((_, hours, verdict, dom)) = drawing() else {
        return;
    };
    // "Hours" invokes <OPENING_HOURS_ARN>, the module named "Opening hours";
    // "Agent" transfers to a flow not on the page: no link.
    assert_eq!(
        verdict["transfers"],
        serde_json::json!([{"from": "Hours", "to": hours.display().to_string()}]),
        "{verdict}"
    );
    assert!(dom.contains(r##"<a class="transfer" href="#flow-1" data-transfer-to="flow-1""##));
    assert!(dom.contains(
        r#"<div class="transfer unlinked" title="9b3e7f00-not-on-this-page">9b3e7f00-not-on-this-page</div>"#
    ));
    assert!(dom.contains(&format!(
        r#"<section class="flow" id="flow-1" data-path="{}""#,
        hours.display()
    )));
}
