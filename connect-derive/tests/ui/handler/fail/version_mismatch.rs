// A tree with two versions: the macros of one connect-derive and the
// runtime of another connect-lambda, which declares its hidden module under
// its own patch version. `older_connect_lambda` stands in for that runtime.
include!("../support/echo.rs");

mod older_connect_lambda {
    #[doc(hidden)]
    pub mod __private999 {}
}

#[connect_lambda::connect_handler(crate = "crate::older_connect_lambda")]
async fn greet(#[param] name: String) -> Echo {
    Echo { echo: name }
}

fn main() {}
