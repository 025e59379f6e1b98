//! The compile errors of both macros, one mistake per file with the
//! `.stderr` a user reads, and the shapes that must compile:
//!
//! ```text
//! tests/ui/handler/fail/   #[connect_handler] mistakes
//! tests/ui/handler/pass/   #[connect_handler] arguments and returns that compile
//! tests/ui/response/fail/  #[derive(ConnectResponse)] mistakes
//! tests/ui/response/pass/  #[derive(ConnectResponse)] shapes that compile
//! tests/ui/value/fail/     #[derive(ConnectValue)] mistakes
//! tests/ui/value/pass/     #[derive(ConnectValue)] enums and their uses
//! ```
//!
//! They live in connect-derive, not in the facade, because trybuild builds
//! every dependency and dev-dependency of the package it runs in: here that
//! is the facade and serde, not the facade's benchmark and test stack.
//!
//! Regenerate the snapshots with `TRYBUILD=overwrite cargo test -p
//! connect-derive --test it ui`, then read every changed `.stderr`.

use std::path::{Path, PathBuf};

/// The folders the cases live in; anything else under `tests/ui/` is
/// `support/`, included by the cases.
const LAYOUT: [&str; 6] = [
    "tests/ui/handler/fail",
    "tests/ui/handler/pass",
    "tests/ui/response/fail",
    "tests/ui/response/pass",
    "tests/ui/value/fail",
    "tests/ui/value/pass",
];

#[test]
fn ui() {
    // Two settings for the cargo that trybuild runs (it inherits this
    // process's environment; no other test of this binary reads it):
    //
    // - trybuild passes its rustc flags with `--config build.rustflags`,
    //   adding `--diagnostic-width=140` to the build of the cases only: its
    //   first build (the project's own `main.rs`) and its `cargo run` of
    //   each pass case have different flags, so the facade's whole
    //   dependency tree was built twice and every pass case compiled twice.
    //   `CARGO_ENCODED_RUSTFLAGS` takes precedence over both: the same
    //   flags, trybuild's full list (trybuild 1.0.122, `rustflags.rs`), for
    //   every build. A change to that list shows in the `.stderr` files.
    // - trybuild's project has no `[profile]`: without this its copy of the
    //   facade's dependencies (tokio, hyper, lambda_runtime, serde_json) is
    //   built with full debug info and linked into every pass case, which
    //   the workspace's own profile keeps out of its builds. Panics still
    //   name file and line (panic locations need no debug info).
    std::env::set_var(
        "CARGO_ENCODED_RUSTFLAGS",
        [
            "--cfg",
            "trybuild",
            "--verbose",
            "-A",
            "dead_code",
            "--diagnostic-width=140",
        ]
        .join("\x1f"),
    );
    std::env::set_var("CARGO_PROFILE_DEV_DEBUG", "false");
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/handler/fail/*.rs");
    cases.pass("tests/ui/handler/pass/*.rs");
    cases.compile_fail("tests/ui/response/fail/*.rs");
    cases.pass("tests/ui/response/pass/*.rs");
}

/// `#[derive(ConnectValue)]`'s cases, runnable alone (`-- ui_value`).
#[test]
fn ui_value() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/value/fail/*.rs");
    cases.pass("tests/ui/value/pass/*.rs");
}

/// A case placed beside the layout would never run: trybuild only sees the
/// globs above.
#[test]
fn every_case_is_in_a_fail_or_pass_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stray = Vec::new();
    let mut pending = vec![root.join("tests/ui")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            let relative = path.strip_prefix(root).expect("under the crate");
            if path.is_dir() {
                if !relative.ends_with("support") {
                    pending.push(path);
                }
            } else if !LAYOUT
                .iter()
                .any(|folder| relative.parent() == Some(Path::new(folder)))
            {
                stray.push(relative.to_owned());
            }
        }
    }
    stray.sort();
    assert_eq!(
        stray,
        Vec::<PathBuf>::new(),
        "move each case into tests/ui/{{handler,response,value}}/{{fail,pass}}/ \
         (with `include!(\"../support/echo.rs\")` for the handler cases), \
         then run TRYBUILD=overwrite cargo test -p connect-derive --test it ui"
    );
}
