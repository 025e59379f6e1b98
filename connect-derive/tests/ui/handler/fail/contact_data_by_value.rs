use connect_lambda::{connect_handler, ContactData};
include!("../support/echo.rs");

#[connect_handler]
async fn greet(contact: ContactData) -> Echo {
    Echo { echo: format!("{}", contact.attributes.len()) }
}

fn main() {}
