//! A crate that denies warnings and missing docs still compiles with
//! handlers in it, served or not, whatever their visibility.
#![deny(warnings, missing_docs)]

use connect_lambda::connect_handler;
include!("../support/echo.rs");

/// Shared clients.
pub struct Clients;

/// Served below.
#[connect_handler]
pub async fn served(#[state] r#type: &Clients, #[param] r#match: String) -> Echo {
    let _ = r#type;
    Echo { echo: r#match }
}

/// Never served: its function and manifest are still used by the
/// generated code, so no dead-code warning.
#[connect_handler]
pub(crate) fn unserved(#[param] name: String) -> Echo {
    Echo { echo: name }
}

mod private {
    use super::Echo;
    use connect_lambda::connect_handler;

    #[connect_handler]
    fn never_used(#[param] name: String) -> Echo {
        Echo { echo: name }
    }
}

fn main() {
    let _ = served::handler(Clients);
}
