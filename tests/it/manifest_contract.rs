//! The committed-manifest contract, run for real: a scratch crate (a bin
//! with one handler, built by cargo the way trybuild builds its ui tests)
//! whose generated test `cargo test` runs, with and without a `manifests/`
//! folder, a missing file, `CONNECT_MANIFEST=overwrite`, a handler changed
//! after its manifest was committed, and a file that cannot be read.
//!
//! One test, its steps in order: each starts from what the one before left.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What the command to accept a change says, in every failure.
const UPDATE: &str = "CONNECT_MANIFEST=overwrite cargo test";

/// The scratch crate's handler; `{key}` is its parameter's key.
const MAIN: &str = r#"
use connect_lambda::{connect_handler, ConnectResponse};

#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
struct Balance {
    customer_balance: String,
}

#[connect_handler(function = "ContractLambda")]
fn contract_handler(#[param(rename = "{key}")] company: String) -> Balance {
    Balance { customer_balance: company }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), connect_lambda::Error> {
    connect_lambda::run(contract_handler::handler()).await
}
"#;

struct Scratch {
    dir: PathBuf,
}

/// What one cargo command did.
struct Outcome {
    success: bool,
    /// stdout and stderr together: cargo test prints a failed test's panic
    /// on stdout, cargo's own errors on stderr.
    output: String,
}

impl Scratch {
    fn new() -> Scratch {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("manifest-contract");
        let _ = std::fs::remove_dir_all(dir.join("manifests"));
        std::fs::create_dir_all(dir.join("src")).unwrap();
        let cargo_toml = format!(
            r#"[package]
name = "manifest-contract"
version = "0.0.0"
edition = "2021"
publish = false

[[bin]]
name = "contract"
path = "src/main.rs"

[dependencies]
connect-lambda = {{ path = {repo:?} }}
tokio = {{ version = "1", features = ["rt", "macros"] }}

[workspace]
"#
        );
        std::fs::write(dir.join("Cargo.toml"), cargo_toml).unwrap();
        // The repository's versions, so that nothing is resolved anew.
        std::fs::copy(repo.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
        let scratch = Scratch { dir };
        scratch.handler_reads("companyName");
        scratch
    }

    fn handler_reads(&self, key: &str) {
        let main = MAIN.replace("{key}", key);
        let file = self.dir.join("src/main.rs");
        // Rewritten only when it changes: cargo rebuilds on a newer file.
        if std::fs::read_to_string(&file).ok().as_deref() != Some(&main) {
            std::fs::write(file, main).unwrap();
        }
    }

    fn manifests(&self) -> PathBuf {
        self.dir.join("manifests")
    }

    fn committed(&self) -> PathBuf {
        self.manifests().join("contract_handler.json")
    }

    fn cargo(&self, args: &[&str], overwrite: bool) -> Outcome {
        let mut command = Command::new(std::env::var_os("CARGO").unwrap_or("cargo".into()));
        command
            .arg("--offline")
            .args(args)
            .current_dir(&self.dir)
            // A target folder of its own, as trybuild's (the outer cargo
            // holds this package's), shared with connect-flow's scaffold
            // test: both build the facade's dependencies the same way, once.
            .env(
                "CARGO_TARGET_DIR",
                Path::new(env!("CARGO_TARGET_TMPDIR")).join("packages"),
            )
            .env_remove("CONNECT_MANIFEST")
            .env_remove("CONNECT_MANIFEST_DIR")
            .env_remove("AWS_LAMBDA_RUNTIME_API")
            .env_remove("RUSTFLAGS")
            // A throwaway build of the facade's whole dependency tree: no
            // debug info (as the workspace's profile has for dependencies)
            // and no incremental state, which only a rebuild would read.
            .env("CARGO_PROFILE_DEV_DEBUG", "false")
            .env("CARGO_PROFILE_TEST_DEBUG", "false")
            .env("CARGO_INCREMENTAL", "0")
            .env_remove("CARGO_MANIFEST_DIR");
        if overwrite {
            command.env("CONNECT_MANIFEST", "overwrite");
        }
        let out = command.output().expect("cargo runs");
        Outcome {
            success: out.status.success(),
            output: format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        }
    }

    fn test(&self) -> Outcome {
        self.cargo(&["test", "-q"], false)
    }

    fn printed_manifest(&self) -> String {
        let out = self.cargo(&["run", "-q", "--", "--manifest"], false);
        assert!(out.success, "{}", out.output);
        // `cargo run -q` prints nothing of its own on stdout.
        out.output
    }
}

#[test]
fn a_crate_with_a_manifests_folder_keeps_its_committed_manifests_true() {
    let scratch = Scratch::new();

    // No folder: only the manifest's own rules are checked, nothing written.
    let out = scratch.test();
    assert!(out.success, "{}", out.output);
    assert!(!scratch.manifests().exists());

    // The folder, without the file: the test fails and says how to write it.
    std::fs::create_dir(scratch.manifests()).unwrap();
    let out = scratch.test();
    assert!(!out.success, "{}", out.output);
    assert!(
        out.output.contains(&format!(
            "{} is missing: this crate has a `manifests/` folder",
            scratch.committed().display()
        )),
        "{}",
        out.output
    );
    assert!(out.output.contains(UPDATE), "{}", out.output);

    // Overwrite: the file is written, it is the --manifest text, and the
    // test passes, then and without the variable.
    let out = scratch.cargo(&["test", "-q"], true);
    assert!(out.success, "{}", out.output);
    let committed = std::fs::read_to_string(scratch.committed()).unwrap();
    assert_eq!(committed, scratch.printed_manifest());
    assert!(committed.contains(r#""key": "companyName""#), "{committed}");
    let out = scratch.test();
    assert!(out.success, "{}", out.output);

    // The handler changes: the test names the keys that changed.
    scratch.handler_reads("company");
    let out = scratch.test();
    assert!(!out.success, "{}", out.output);
    for expected in [
        format!(
            "{} is not the manifest of handler `contract_handler`",
            scratch.committed().display()
        ),
        "  - `parameters` `company`: added\n".to_owned(),
        "  - `parameters` `companyName`: removed\n".to_owned(),
        UPDATE.to_owned(),
    ] {
        assert!(out.output.contains(&expected), "{expected}\n{}", out.output);
    }
    assert_eq!(
        std::fs::read_to_string(scratch.committed()).unwrap(),
        committed,
        "a failed check leaves the committed file alone"
    );
    let out = scratch.cargo(&["test", "-q"], true);
    assert!(out.success, "{}", out.output);
    assert_eq!(
        std::fs::read_to_string(scratch.committed()).unwrap(),
        scratch.printed_manifest()
    );

    // A file that cannot be read (a folder in its place): the path and why.
    std::fs::remove_file(scratch.committed()).unwrap();
    std::fs::create_dir(scratch.committed()).unwrap();
    let out = scratch.test();
    assert!(!out.success, "{}", out.output);
    assert!(
        out.output
            .contains(&format!("cannot read {}: ", scratch.committed().display())),
        "{}",
        out.output
    );
    std::fs::remove_dir(scratch.committed()).unwrap();
}
