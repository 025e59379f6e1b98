// A handler declared by a `macro_rules!` gets its literals in invisible
// groups (`$name:literal`, `$name:expr`): they read as the literal itself.
include!("../support/echo.rs");

macro_rules! lambda {
    ($function:literal, $key:expr) => {
        #[connect_lambda::connect_handler(function = $function)]
        async fn greet(#[param(rename = $key)] name: String) -> Echo {
            Echo { echo: name }
        }
    };
}

lambda!("MyFirstConnectLambda", "companyName");

fn main() {
    let manifest = greet::manifest();
    assert_eq!(manifest.function.as_deref(), Some("MyFirstConnectLambda"));
    assert_eq!(manifest.parameters[0].key, "companyName");
}
