//! Replays every file of the kept fuzz corpus (`fuzz/corpus/<target>/`)
//! through the same check the fuzz target runs
//! (`connect_test_support::fuzz_checks`), so the
//! interesting inputs the fuzzer found stay regression tests of the normal
//! `cargo test`, no nightly toolchain or cargo-fuzz needed.

use std::path::{Path, PathBuf};

use connect_test_support::fuzz_checks;

/// The check behind each fuzz target, by the target's name.
fn check_for(target: &str) -> Option<fn(&[u8])> {
    match target {
        "event_parse" => Some(fuzz_checks::event_parse),
        "extract_scan" => Some(fuzz_checks::extract_scan),
        "response_serialize" => Some(fuzz_checks::response_serialize),
        "handler_panic" => Some(fuzz_checks::handler_panic),
        _ => None,
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_file_passes_its_targets_check() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut replayed = 0;
    for target_dir in files_in(&corpus) {
        let target = target_dir
            .file_name()
            .and_then(|name| name.to_str())
            .expect("a target directory name");
        let check = check_for(target).unwrap_or_else(|| {
            panic!(
                "fuzz/corpus/{target}/ has no check: add it to check_for in tests/it/fuzz_corpus.rs"
            )
        });
        let files = files_in(&target_dir);
        assert!(!files.is_empty(), "fuzz/corpus/{target}/ is empty");
        for file in files {
            let bytes = std::fs::read(&file).expect("a corpus file");
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{} fails its check", file.display());
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no corpus file was replayed");
}

#[test]
fn the_corpus_holds_inputs_the_model_accepts_and_rejects() {
    // A corpus of only-valid or only-invalid inputs would exercise half the
    // check: keep both kinds.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/event_parse");
    let outcomes: Vec<bool> = files_in(&dir)
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).expect("a corpus file");
            serde_json::from_slice::<connect_types::ContactFlowEvent>(&bytes).is_ok()
        })
        .collect();
    assert!(outcomes.contains(&true), "no corpus event parses");
    assert!(outcomes.contains(&false), "every corpus event parses");
}
