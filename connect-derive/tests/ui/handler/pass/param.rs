use connect_lambda::connect_handler;
use std::collections::HashMap;
include!("../support/echo.rs");

#[derive(serde::Deserialize)]
pub struct Hobbies {
    pub books: Vec<String>,
}

#[connect_handler]
async fn greet(
    #[param] name: String,
    #[param(rename = "Age")] age: Option<u32>,
    #[param(rename = "isEnrolledInSchool")] enrolled: bool,
    #[param] hobbies: Hobbies,
    #[param] scores: Vec<f64>,
    #[param] extra: HashMap<String, String>,
    #[param] r#type: Option<serde_json::Value>,
) -> Echo {
    let _ = (age, enrolled, hobbies.books, scores, extra, r#type);
    Echo { echo: name }
}

fn main() {
    let _handler = greet::handler();
    let manifest = greet::manifest();
    assert_eq!(manifest.parameters.len(), 7);
}
