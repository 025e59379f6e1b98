//! Every finding code's fixtures, in one place named after the code (ruff's
//! convention): `tests/codes/<code>/fires/` holds inputs on which the
//! checker raises the code, `tests/codes/<code>/passes/` the same situation
//! written so that it does not. A folder holds its flows (`*.json`), the
//! manifests they are checked with (`manifests/*.json`), and, when the case
//! needs more of the command line, an `args` file (one argument a line, paths
//! relative to the folder). A code in [`Code::ALL`] without both folders
//! fails [`every_code_has_fixtures`], so a new rule cannot land untested.

use std::fs;
use std::path::{Path, PathBuf};

use connect_flow::Code;

use crate::checker::check_json;

/// The folder of one code's fixtures.
fn code_dir(code: Code) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/codes")
        .join(code.as_str())
}

/// The JSON files directly in `dir`, sorted, so a run's order is the same
/// on every machine.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// `check`'s arguments for one fixture folder, with paths relative to the
/// crate (the directory `check_json` runs the binary in).
fn fixture_args(dir: &Path) -> Vec<String> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = |path: &Path| {
        path.strip_prefix(crate_dir)
            .expect("fixtures live in the crate")
            .display()
            .to_string()
    };
    let mut args: Vec<String> = json_files(dir).iter().map(|path| relative(path)).collect();
    for manifest in json_files(&dir.join("manifests")) {
        args.push("--manifest".to_owned());
        args.push(relative(&manifest));
    }
    if let Ok(extra) = fs::read_to_string(dir.join("args")) {
        for line in extra.lines().filter(|line| !line.trim().is_empty()) {
            let line = line.trim();
            // A path in the folder is written relative to it.
            let in_dir = dir.join(line);
            args.push(if in_dir.exists() {
                relative(&in_dir)
            } else {
                line.to_owned()
            });
        }
    }
    args
}

/// The codes `check` raises on one fixture folder.
fn codes_raised(dir: &Path) -> Vec<String> {
    let args = fixture_args(dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (_, seen, _) = check_json(&args);
    seen.into_iter().map(|finding| finding.code).collect()
}

#[test]
fn every_code_has_fixtures() {
    let missing: Vec<String> = Code::ALL
        .iter()
        .flat_map(|&code| {
            ["fires", "passes"].into_iter().filter_map(move |variant| {
                let dir = code_dir(code).join(variant);
                json_files(&dir)
                    .is_empty()
                    .then(|| format!("tests/codes/{code}/{variant}/"))
            })
        })
        .collect();
    assert!(
        missing.is_empty(),
        "every finding code needs a fixture that fires it and one that does not; \
         add a flow (and its manifests under manifests/) to: {missing:#?}"
    );
}

#[test]
fn every_fixture_folder_names_a_code() {
    let known: Vec<&str> = Code::ALL.iter().map(|code| code.as_str()).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/codes");
    for entry in fs::read_dir(&root).expect("tests/codes exists") {
        let entry = entry.expect("a readable entry");
        if !entry.path().is_dir() {
            continue; // README.md
        }
        let name = entry.file_name();
        let name = name.to_string_lossy();
        assert!(
            known.contains(&name.as_ref()),
            "tests/codes/{name} names no finding code (a renamed or removed code?)"
        );
    }
}

#[test]
fn each_code_fires_on_its_fixture_and_not_on_the_fix() {
    let mut wrong = Vec::new();
    for &code in &Code::ALL {
        let fires = code_dir(code).join("fires");
        let passes = code_dir(code).join("passes");
        if json_files(&fires).is_empty() || json_files(&passes).is_empty() {
            // every_code_has_fixtures names it.
            continue;
        }
        let raised = codes_raised(&fires);
        if !raised.iter().any(|seen| seen == code.as_str()) {
            wrong.push(format!("tests/codes/{code}/fires/ raised {raised:?}"));
        }
        let raised = codes_raised(&passes);
        if raised.iter().any(|seen| seen == code.as_str()) {
            wrong.push(format!("tests/codes/{code}/passes/ raised {raised:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
