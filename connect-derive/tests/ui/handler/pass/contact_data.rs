use connect_lambda::{connect_handler, ContactData};
include!("../support/echo.rs");

#[connect_handler]
async fn greet(contact: &ContactData, other: &connect_lambda::ContactData) -> Echo {
    Echo { echo: format!("{}", contact.attributes.len() + other.attributes.len()) }
}

fn main() {
    let _handler = greet::handler();
    assert_eq!(greet::manifest().contact_data[0].path, "*");
}
