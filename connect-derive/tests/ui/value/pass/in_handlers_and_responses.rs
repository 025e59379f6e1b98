// A ConnectValue enum is a string in a STRING_MAP response and a JSON one,
// a handler argument, and its values reach the manifest; a displayed bool
// lists `true` and `false`.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use connect_lambda::{connect_handler, ConnectResponse, ConnectValue};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, ConnectValue, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
enum Next {
    None,
    Speak,
    TransferToAgent,
}

#[derive(Deserialize, ConnectValue)]
#[serde(rename_all = "UPPERCASE")]
enum Tier {
    Gold,
    Silver,
}

#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
struct Route {
    next: Next,
    previous: Option<Next>,
    #[connect(display)]
    valid_input: bool,
    #[connect(display)]
    retried: Option<bool>,
    note: String,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Detail {
    next: Next,
    maybe: Option<Next>,
}

#[connect_handler]
fn route(#[param] next: Next, #[attribute] tier: Option<Tier>) -> Route {
    Route {
        previous: tier.map(|_| Next::Speak),
        next,
        valid_input: true,
        retried: None,
        note: String::new(),
    }
}

fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("a sync handler is ready at once"),
    }
}

fn values(list: &Option<Vec<String>>) -> Vec<&str> {
    list.iter().flatten().map(String::as_str).collect()
}

fn main() {
    let manifest = route::manifest();
    assert_eq!(manifest.manifest_version, 2);
    let next = &manifest.parameters[0];
    assert_eq!(next.ty.unwrap().as_str(), "string");
    assert_eq!(values(&next.values), ["none", "speak", "transferToAgent"]);
    assert_eq!(values(&manifest.attributes[0].values), ["GOLD", "SILVER"]);
    let external = &manifest.external;
    assert_eq!(values(&external[0].values), ["none", "speak", "transferToAgent"]);
    assert_eq!(values(&external[1].values), ["none", "speak", "transferToAgent"]);
    assert!(!external[1].required);
    assert_eq!(values(&external[2].values), ["true", "false"]);
    assert_eq!(values(&external[3].values), ["true", "false"]);
    assert_eq!(external[4].values, None);

    let json = Detail::external_keys();
    assert_eq!(json[0].ty.as_str(), "string");
    assert_eq!(values(&json[0].values), ["none", "speak", "transferToAgent"]);
    assert_eq!(values(&json[1].values), ["none", "speak", "transferToAgent"]);
    assert!(!json[1].required);

    let response = Route {
        next: Next::TransferToAgent,
        previous: None,
        valid_input: false,
        retried: Some(true),
        note: "n".into(),
    };
    assert_eq!(
        response.to_response_bytes().unwrap(),
        br#"{"next":"transferToAgent","validInput":"false","retried":"true","note":"n"}"#
    );

    let event = br#"{"Name": "ContactFlowEvent", "Details": {"ContactData": {"Attributes": {"tier": "GOLD"}}, "Parameters": {"next": "speak"}}}"#;
    let bytes = run(route::handler().invoke(event)).unwrap();
    assert_eq!(bytes, br#"{"next":"speak","previous":"speak","validInput":"true","note":""}"#);

    // A value outside the set: the key and the values, never what was sent.
    let event = br#"{"Name": "ContactFlowEvent", "Details": {"ContactData": {"Attributes": {"tier": "platinum-secret"}}, "Parameters": {"next": "speak"}}}"#;
    let error = run(route::handler().invoke(event)).unwrap_err();
    assert_eq!(error.error_type(), "InvalidEvent");
    let message = error.to_string();
    assert!(!message.contains("platinum-secret"), "{message}");
    assert!(message.contains("tier"), "{message}");
    assert!(message.contains("GOLD") && message.contains("SILVER"), "{message}");
    println!("{message}");
}
