//! `connect-flow`: checks exported Amazon Connect flows against connect-lambda
//! handler manifests. See [`connect_flow::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = connect_flow::cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
