//! A Lambda that reads contact attributes and contact data to route a
//! greeting, with an SDK-style client built once at cold start.
//!
//! The flow has stored `greetingPlayed` (and maybe `vip`) with a "Set contact
//! attributes" block; the handler also reads the contact's channel and
//! language. The response tells the flow which prompt to play and where to
//! go next, as flat strings (STRING_MAP).
//!
//! ```sh
//! cargo run -p connect-lambda-examples --bin greeting_router -- --event examples/events/chat-without-endpoints.json
//! ```

use connect_lambda::event::Channel;
use connect_lambda::{connect_handler, ConnectResponse, ConnectValue};
use serde::Serialize;

/// What a deployed Lambda would build once at cold start (an SDK client, a
/// cache): here, the greetings per language.
#[derive(Debug, Clone)]
pub struct Greetings {
    default_language: String,
}

impl Greetings {
    /// The greetings this example knows.
    pub fn new() -> Self {
        Greetings {
            default_language: "en-US".to_owned(),
        }
    }

    fn greeting(&self, language: &str, channel: &Channel) -> String {
        let hello = match language.split('-').next() {
            Some("fr") => "Bonjour",
            Some("es") => "Hola",
            Some("de") => "Hallo",
            _ => "Hello",
        };
        match channel {
            Channel::Voice => format!("{hello}, thank you for calling."),
            _ => format!("{hello}, thank you for contacting us."),
        }
    }
}

impl Default for Greetings {
    fn default() -> Self {
        Self::new()
    }
}

/// Where the flow goes next: `$.External.nextStep`, which the flow's
/// "Check contact attributes" block compares with `greet` and `menu`. The
/// manifest lists the two, so a condition on `Menu` or `main-menu` is
/// caught before deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ConnectValue)]
#[serde(rename_all = "camelCase")]
pub enum NextStep {
    /// Play the greeting first.
    Greet,
    /// Straight to the menu: the greeting was played.
    Menu,
}

/// Read by the flow as `$.External.nextStep`, and the optional
/// `$.External.greeting` (absent once the greeting was played) and
/// `$.External.vipNote`.
#[derive(Debug, PartialEq, ConnectResponse)]
#[connect(rename_all = "camelCase")]
pub struct Route {
    greeting: Option<String>,
    next_step: NextStep,
    vip_note: Option<String>,
}

/// Chooses the greeting and the next step.
#[connect_handler(function = "GreetingRouter")]
pub async fn greeting_router(
    #[attribute(rename = "greetingPlayed")] greeted: Option<bool>,
    #[attribute] vip: Option<bool>,
    #[contact("Channel")] channel: Channel,
    #[contact("LanguageCode")] language: Option<String>,
    #[state] greetings: &Greetings,
) -> Route {
    let language = language.unwrap_or_else(|| greetings.default_language.clone());
    let greeted = greeted.unwrap_or(false);
    Route {
        greeting: (!greeted).then(|| greetings.greeting(&language, &channel)),
        next_step: if greeted {
            NextStep::Menu
        } else {
            NextStep::Greet
        },
        vip_note: vip.filter(|vip| *vip).map(|_| "Priority queue".to_owned()),
    }
}

// One invocation at a time: see my_first_connect_lambda.rs.
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), connect_lambda::Error> {
    connect_lambda::run(greeting_router::handler(Greetings::new())).await
}
