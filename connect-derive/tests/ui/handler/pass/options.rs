// `function = "..."` names the deployed Lambda; `crate = "..."` lets a crate
// that re-exports connect-lambda expand the macro through its own path.
include!("../support/echo.rs");

mod sdk {
    pub use connect_lambda as connect;
}

#[connect_lambda::connect_handler(function = "MyFirstConnectLambda", crate = "crate::sdk::connect")]
async fn greet(#[param] name: String) -> Echo {
    Echo { echo: name }
}

fn main() {
    let manifest = greet::manifest();
    assert_eq!(manifest.function.as_deref(), Some("MyFirstConnectLambda"));
    assert_eq!(manifest.handler, "greet");
}
