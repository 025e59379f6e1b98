use connect_lambda::{connect_handler, ContactFlowEvent};
include!("../support/echo.rs");

#[connect_handler]
fn greet(event: &ContactFlowEvent) -> Echo {
    Echo { echo: event.name.clone() }
}

fn main() {
    let _handler = greet::handler();
    let manifest = greet::manifest();
    assert_eq!(manifest.parameters[0].key, "*");
    assert_eq!(manifest.attributes[0].key, "*");
    assert_eq!(manifest.contact_data[0].path, "*");
}
