//! The runner of the `harness = false` tests that re-run themselves as a
//! child process (`cli_process`, `runtime_safety`): libtest would run their
//! checks on threads of one process, while each of these needs the whole
//! process (its environment, its panic hook, its exit code) to itself.

/// One check: `Err` holds what went wrong, for the report.
pub type Check = fn() -> Result<(), String>;

/// Runs every check in order, prints a libtest-like line for each and a
/// summary naming `suite`, and exits 1 when any failed.
pub fn run(suite: &str, checks: &[(&str, Check)]) {
    let mut failed = 0;
    for (name, check) in checks {
        match check() {
            Ok(()) => println!("test {name} ... ok"),
            Err(problem) => {
                failed += 1;
                println!("test {name} ... FAILED\n{problem}");
            }
        }
    }
    println!();
    println!("{suite}: {} passed, {failed} failed", checks.len() - failed);
    if failed > 0 {
        std::process::exit(1);
    }
}
