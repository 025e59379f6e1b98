// Sync and async functions, plain and `Result` returns, any error that
// converts into connect_lambda::Error.
use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
fn plain(#[param] name: String) -> Echo {
    Echo { echo: name }
}

#[connect_handler]
fn sync_result(#[param] name: String) -> Result<Echo, std::io::Error> {
    Ok(Echo { echo: name })
}

#[connect_handler]
async fn boxed(#[param] age: String) -> Result<Echo, connect_lambda::Error> {
    let age: u32 = age.parse()?;
    Ok(Echo { echo: age.to_string() })
}

type Result<T, E = connect_lambda::Error> = std::result::Result<T, E>;

#[connect_handler]
async fn alias(#[param] name: String) -> Result<Echo> {
    Ok(Echo { echo: name })
}

#[connect_handler]
async fn nothing_read() -> Echo {
    Echo { echo: String::new() }
}

fn main() {
    let _ = (plain::handler(), sync_result::handler(), boxed::handler());
    let _ = (alias::handler(), nothing_read::handler());
    // The functions stay callable as written.
    let _ = plain("Jane".to_owned());
}
