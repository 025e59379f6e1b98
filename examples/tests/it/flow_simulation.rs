//! The examples' flow (`flows/customer-service.json`) simulated with the
//! example handlers called in process: what a caller hears, where the
//! contact goes, and the attributes left behind, for each path through the
//! flow.
//!
//! These tests pin what the flow depends on in each handler's answer. Each
//! test says which: change what a handler returns there (rename a field,
//! change a value the flow compares) and the test fails, even though each
//! handler's own tests still pass.

use connect_flow::matching::{LoadedManifest, Manifests};
use connect_flow::simulate::{Caller, Contact, Environment, Outcome, Trace};
use serde_json::json;

use crate::in_process::simulator;

/// A first-time caller, whose first name the flow reads from Customer
/// Profiles (`$.Customer.FirstName`).
fn caller() -> Contact {
    Contact::voice("+15550100").data("$.Customer.FirstName", "Jane")
}

fn run(contact: &Contact, caller: Caller) -> Trace {
    simulator().run(contact, &caller, &Environment::new())
}

/// Depends on: greeting_router answering `nextStep: "greet"` to a caller
/// with no `greetingPlayed` attribute (the Compare's `Equals "greet"`);
/// my_first_connect_lambda's `customerBalance` and `websiteUrl` (the last 4
/// digits of the caller's number as dollars and cents); caller_profile's
/// `Profile.DisplayName` (the `Name` passed) and `Profile.AgeGroup`
/// (`adult` from 18).
#[test]
fn sim_first_call_is_greeted_and_personalised() {
    let trace = run(&caller(), Caller::new().dtmf("42#"));
    assert_eq!(
        trace.prompt_texts(),
        [
            "Welcome to Example Corp. Let us look up your account.",
            "To personalise your service, please enter your age, followed by the pound key.",
            "<speak>Thank you, Jane. Your balance is 1.00 dollars. You will find the details at \
             https://www.example corp.example.com.</speak>",
        ]
    );
    let router = &trace.steps[3];
    assert_eq!(
        router.branch.as_deref(),
        Some(r#"Condition 1: Equals "greet""#)
    );
    assert_eq!(trace.attributes["greetingPlayed"], "true");
    assert_eq!(trace.attributes["customerBalance"], "1.00");
    assert_eq!(trace.attributes["ageGroup"], "adult");
    let profile = trace.calls_to("CallerProfile").next().unwrap();
    assert_eq!(
        profile.parameters,
        *json!({"Name": "Jane", "Age": "42", "isEnrolledInSchool": "false"})
            .as_object()
            .unwrap()
    );
    assert_eq!(trace.outcome(), &Outcome::Disconnected);
    assert!(trace.assumptions.is_empty(), "{:?}", trace.assumptions);
}

/// Depends on: greeting_router answering `nextStep: "menu"` when the
/// contact's `greetingPlayed` attribute is `"true"` (the Compare's
/// `Equals "menu"`: no welcome again); caller_profile's `AgeGroup` `child`
/// up to 12.
#[test]
fn sim_returning_caller_skips_the_welcome() {
    let trace = run(
        &caller().attribute("greetingPlayed", "true"),
        Caller::new().dtmf("9#"),
    );
    assert_eq!(
        trace.steps[3].branch.as_deref(),
        Some(r#"Condition 2: Equals "menu""#)
    );
    assert!(!trace
        .prompt_texts()
        .iter()
        .any(|p| p.starts_with("Welcome")));
    assert_eq!(trace.attributes["ageGroup"], "child");
}

/// Depends on: caller_profile refusing an `Age` that is not a number (the
/// stored input is `Timeout` when the caller enters nothing), which sends
/// the flow down the CallerProfile block's Error branch to the balance
/// alone; my_first_connect_lambda's `customerBalance`.
#[test]
fn sim_no_age_entered_falls_back_to_the_balance() {
    let trace = run(&caller(), Caller::new());
    let profile = trace.calls_to("CallerProfile").next().unwrap();
    assert_eq!(profile.parameters["Age"], "Timeout");
    assert!(profile.result.is_err(), "{:?}", profile.result);
    assert_eq!(
        trace.prompt_texts().last().copied(),
        Some("Your balance is 1.00 dollars.")
    );
    assert!(!trace.attributes.contains_key("ageGroup"));
    assert_eq!(trace.outcome(), &Outcome::Disconnected);
}

/// The dependency made visible: a router that renamed `nextStep` (here a
/// stand-in answering `next_step`) matches no condition, so the flow goes
/// through NoMatchingCondition, and the welcome is never played: the first
/// test above fails on such a change.
#[test]
fn sim_a_renamed_router_field_changes_the_path() {
    let mut simulator = simulator();
    simulator.lambda("GreetingRouter", |_: &[u8]| {
        Ok(br#"{"next_step": "greet"}"#.to_vec())
    });
    let trace = simulator.run(&caller(), &Caller::new().dtmf("42#"), &Environment::new());
    assert_eq!(
        trace.steps[3].branch.as_deref(),
        Some("NoMatchingCondition")
    );
    assert!(!trace
        .prompt_texts()
        .iter()
        .any(|p| p.starts_with("Welcome")));
}

/// A mock is held to the handler's manifest before the run: a misspelt key
/// is refused with the key it meant.
#[test]
fn sim_a_mock_is_checked_against_the_example_manifest() {
    let mut manifests = Manifests::new();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/manifests/greeting_router.json"
    );
    manifests.add(LoadedManifest::load(std::path::Path::new(path)).unwrap());
    let mut simulator = simulator();
    let err = simulator
        .mock("GreetingRouter", &json!({"nextstep": "menu"}), &manifests)
        .unwrap_err();
    assert!(
        err.to_string().contains("did you mean `nextStep`?"),
        "{err}"
    );
    simulator
        .mock("GreetingRouter", &json!({"nextStep": "menu"}), &manifests)
        .unwrap();
    let trace = simulator.run(&caller(), &Caller::new().dtmf("42#"), &Environment::new());
    assert_eq!(
        trace.steps[3].branch.as_deref(),
        Some(r#"Condition 2: Equals "menu""#)
    );
}

/// An example binary is a command Lambda as it ships (`--event -`): the
/// same path as in process.
#[test]
fn sim_the_example_binaries_as_commands() {
    if cfg!(windows) {
        return;
    }
    let mut simulator = simulator();
    simulator
        .command(
            "GreetingRouter",
            format!("{} --event -", env!("CARGO_BIN_EXE_greeting_router")),
        )
        .command(
            "MyFirstConnectLambda",
            format!(
                "{} --event -",
                env!("CARGO_BIN_EXE_my_first_connect_lambda")
            ),
        );
    let by_command = simulator.run(&caller(), &Caller::new().dtmf("42#"), &Environment::new());
    let in_process = run(&caller(), Caller::new().dtmf("42#"));
    assert_eq!(by_command.prompt_texts(), in_process.prompt_texts());
    assert_eq!(by_command.attributes, in_process.attributes);
}

/// connect-flow's README shows this trace: `connect-flow simulate` on the
/// examples' flow with the example binaries as commands. It must stay what
/// the command prints (the first line names the flow path as given, so it is
/// left out).
#[test]
fn sim_the_readme_trace_is_what_the_command_prints() {
    if cfg!(windows) {
        return;
    }
    let readme = include_str!("../../../connect-flow/README.md");
    let shown = readme
        .split("A VOICE contact from +15550100 enters examples/flows/customer-service.json:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the trace in connect-flow/README.md");
    let lambda = |function: &str, bin: &str| format!("{function}={bin} --event -");
    let args = [
        "connect-flow".to_owned(),
        "simulate".to_owned(),
        crate::in_process::FLOW.to_owned(),
        "--customer".to_owned(),
        "+15550100".to_owned(),
        "--lambda".to_owned(),
        lambda("GreetingRouter", env!("CARGO_BIN_EXE_greeting_router")),
        "--lambda".to_owned(),
        lambda(
            "MyFirstConnectLambda",
            env!("CARGO_BIN_EXE_my_first_connect_lambda"),
        ),
        "--lambda".to_owned(),
        lambda("CallerProfile", env!("CARGO_BIN_EXE_caller_profile")),
        "--data".to_owned(),
        "$.Customer.FirstName=Jane".to_owned(),
        "--dtmf".to_owned(),
        "42#".to_owned(),
    ];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = connect_flow::cli::run(args, &mut out, &mut err);
    let out = String::from_utf8(out).unwrap();
    assert_eq!((code, String::from_utf8(err).unwrap().as_str()), (0, ""));
    let printed = out.split_once('\n').map_or("", |(_, rest)| rest).trim_end();
    assert_eq!(printed, shown);
}
