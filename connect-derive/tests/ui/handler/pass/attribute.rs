use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
fn greet(
    #[attribute(rename = "greetingPlayed")] greeted: Option<bool>,
    #[attribute] language: String,
) -> Echo {
    Echo { echo: format!("{greeted:?} {language}") }
}

fn main() {
    let _handler = greet::handler();
    assert_eq!(greet::manifest().attributes.len(), 2);
}
