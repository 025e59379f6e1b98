//! The reader on the documented forms, the service's variants, and bad
//! input: each error names its JSON path and what was expected.

use super::*;

const CONTENT: &[u8] = include_bytes!("../../tests/cases/balance-content.json");
const REQUEST: &[u8] = include_bytes!("../../tests/cases/balance-request.json");

fn case(json: &str) -> Result<TestCase, CaseError> {
    TestCase::from_slice(json.as_bytes(), "case.json")
}

/// A one-observation case whose observation is `observation`.
fn with(observation: &str) -> String {
    format!(r#"{{"Version": "2019-10-30", "Observations": [{observation}]}}"#)
}

/// A TestInitiated observation holding `action`.
fn with_action(action: &str) -> String {
    with(&format!(
        r#"{{"Identifier": "o", "Event": {{"Type": "TestInitiated", "Properties": {{}}}}, "Actions": [{action}]}}"#
    ))
}

/// The observations with their JSON paths blanked: the same case reads
/// the same whatever the paths (a request's are within `$.Content`).
fn pathless(case: &TestCase) -> Vec<Observation> {
    let mut observations = case.observations.clone();
    for o in &mut observations {
        o.at.clear();
        for a in &mut o.actions {
            a.at.clear();
        }
    }
    observations
}

fn shape_error(json: &str) -> (String, String) {
    match case(json) {
        Err(CaseError::Shape { at, expected, .. }) => (at, expected),
        other => panic!("expected a shape error, got {other:?}"),
    }
}

#[test]
fn the_content_alone_is_read_in_order() {
    let case = TestCase::from_slice(CONTENT, "cases/balance-content.json").unwrap();
    assert_eq!(case.name, "balance-content");
    let ids: Vec<&str> = case.observations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["start", "welcome", "balance-lambda", "sorry"]);
    assert_eq!(case.roots().len(), 1);
    assert_eq!(case.observations[0].next, ["welcome"]);
    assert!(case.observations[3].next.is_empty());
    assert_eq!(case.observations[1].usage, Usage::Exactly(1));
    let ActionKind::OverrideSystemBehavior(mock) = &case.observations[0].actions[0].kind else {
        panic!("an override");
    };
    assert_eq!(
        mock.target.action_type,
        FlowActionType::InvokeLambdaFunction
    );
    assert_eq!(
        mock.strategy,
        Strategy::MockResponse(MockResponse::ExecutionResult {
            delay_seconds: Some(0.0),
            loaded_data: Some(serde_json::json!({"nextStep": "greet"})),
            value: None,
        })
    );
    let ActionKind::OverrideSystemBehavior(error) = &case.observations[0].actions[1].kind else {
        panic!("an override");
    };
    assert!(
        matches!(&error.strategy, Strategy::MockResponse(MockResponse::Error { value, .. }) if value == "NoMatchingError")
    );
    let EventKind::MessageReceived(message) = &case.observations[1].event.kind else {
        panic!("a message");
    };
    assert_eq!(message.criteria, MatchingCriteria::Inclusion);
    assert_eq!(
        case.observations[2].actions[0].kind,
        ActionKind::Assert(Assertion {
            namespace: "$.Attributes.greetingPlayed".into(),
            operator: Operator::Equals,
            operand: Some("true".into()),
        })
    );
    assert!(case.notes.is_empty(), "{:?}", case.notes);
}

#[test]
fn a_create_test_case_request_reads_as_its_content_with_entry_point_and_attributes() {
    let content = TestCase::from_slice(CONTENT, "a.json").unwrap();
    let request = TestCase::from_slice(REQUEST, "b.json").unwrap();
    assert_eq!(request.name, "balance lookup fails");
    assert_eq!(pathless(&request), pathless(&content));
    assert_eq!(request.observations[1].at, "$.Content > $.Observations[1]");
    assert_eq!(request.entry_point.channel, Channel::Voice);
    assert_eq!(
        request.entry_point.source_phone_number.as_deref(),
        Some("+15555550100")
    );
    assert_eq!(
        request.entry_point.flow_id.as_deref(),
        Some("customer-service")
    );
    assert_eq!(
        request.attributes.get("language").map(String::as_str),
        Some("en-US")
    );
    // describe-test-case's wrapper reads the same.
    let value: serde_json::Value = serde_json::from_slice(REQUEST).unwrap();
    let wrapped = serde_json::json!({ "TestCase": value }).to_string();
    assert_eq!(pathless(&case(&wrapped).unwrap()), pathless(&content));
}

#[test]
fn errors_inside_content_name_the_path_within_it() {
    let request = serde_json::json!({
        "Content": with(r#"{"Identifier": "o", "Event": {"Type": "Nope"}}"#),
    })
    .to_string();
    let (at, _) = shape_error(&request);
    assert_eq!(at, "$.Content > $.Observations[0].Event.Type");
    let bad_json = serde_json::json!({ "Content": "{\"Version\": " }).to_string();
    let err = case(&bad_json).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("case.json: not valid JSON in the string at $.Content: "),
        "{err}"
    );
    let object = serde_json::json!({ "Content": {} }).to_string();
    let (at, expected) = shape_error(&object);
    assert_eq!(at, "$.Content");
    assert!(expected.contains("string of JSON"), "{expected}");
}

#[test]
fn the_services_spellings_are_read_and_noted() {
    let json = r#"{"Version": "2025-06-21", "Observations": [
      {"Identifier": "o", "Event": {"Type": "TestInitiated", "Properties": {}},
       "Actions": [
         {"Id": "a1", "Type": "SendInstruction", "Parameters": {"ActionType": "SendInstruction", "Actor": "Customer",
            "Instruction": {"Type": "Utterance", "Properties": {"Value": "balance", "LanguageCode": "en-US"}}}},
         {"Identifier": "a2", "Type": "SendInstruction", "Parameters": {"ActionType": "SendInstruction",
            "Instruction": {"Type": "TextUtterance", "Properties": {"Text": "agent"}}}},
         {"Identifier": "a3", "Type": "SendInstruction", "Parameters": {"ActionType": "SendInstruction",
            "Instruction": {"Type": "DtmfInput", "Properties": {"Value": 42}}}},
         {"Identifier": "a4", "Type": "SendInstruction", "Parameters": {"ActionType": "SendInstruction",
            "Instruction": {"Type": "Disconnect"}}}
       ]}]}"#;
    let case = case(json).unwrap();
    let kinds: Vec<&ActionKind> = case.observations[0]
        .actions
        .iter()
        .map(|a| &a.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            &ActionKind::SendInstruction(Instruction::Utterance("balance".into())),
            &ActionKind::SendInstruction(Instruction::Utterance("agent".into())),
            &ActionKind::SendInstruction(Instruction::Dtmf("42".into())),
            &ActionKind::SendInstruction(Instruction::Disconnect),
        ]
    );
    let at: Vec<&str> = case.notes.iter().map(|n| n.at.as_str()).collect();
    assert_eq!(
        at,
        [
            "$.Version",
            "$.Observations[0].Actions[0].Id",
            "$.Observations[0].Actions[1].Parameters.Instruction.Type"
        ]
    );
}

#[test]
fn other_flow_action_types_are_an_extension_said_so() {
    let case = case(&with(
        r#"{"Identifier": "o", "Event": {"Type": "FlowActionStarted", "Properties": {
            "ActionType": "UpdateContactAttributes", "ActionParameters": {"TargetContact": "Current"}}}}"#,
    ))
    .unwrap();
    let EventKind::FlowActionStarted(action) = &case.observations[0].event.kind else {
        panic!("a flow action");
    };
    assert_eq!(
        action.action_type,
        FlowActionType::Extension("UpdateContactAttributes".into())
    );
    assert_eq!(case.notes.len(), 1);
    assert_eq!(
        case.notes[0].at,
        "$.Observations[0].Event.Properties.ActionType"
    );
    assert!(
        case.notes[0].text.contains("extension"),
        "{}",
        case.notes[0].text
    );
}

#[test]
fn actions_run_along_next_action() {
    let case = case(&with_action(
        r#"{"Identifier": "b", "Type": "TestControl", "Parameters": {"Command": {"Type": "EndTest"}}},
           {"Identifier": "a", "Type": "Assert", "Parameters": {"Namespace": "$.Channel", "Operator": "Equals", "Operand": "VOICE"},
            "Transitions": {"NextAction": "b"}}"#,
    ))
    .unwrap();
    let order: Vec<&str> = case.observations[0]
        .actions
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(order, ["b", "a"], "b is first written and ends no chain");
}

#[test]
fn usage_any_and_times() {
    let any = case(&with(
        r#"{"Identifier": "o", "Event": {"Type": "TestCompleted"}, "Usage": {"Type": "ANY"}}"#,
    ))
    .unwrap();
    assert_eq!(any.observations[0].usage, Usage::Any);
    let (at, expected) = shape_error(&with(
        r#"{"Identifier": "o", "Event": {"Type": "TestCompleted"}, "Usage": {"Type": "Exactly"}}"#,
    ));
    assert_eq!(at, "$.Observations[0].Usage.Type");
    assert_eq!(expected, "one of \"EXACTLY\", \"ANY\"");
}

#[test]
fn shape_errors_say_where_and_what_was_expected() {
    let cases: &[(&str, &str, &str)] = &[
        (r#"[]"#, "$", "an object, found an array"),
        (r#"{"Observations": []}"#, "$", "a member `Version`"),
        (
            r#"{"Version": "2020-01-01", "Observations": []}"#,
            "$.Version",
            "one of \"2019-10-30\", \"2025-06-21\"",
        ),
        (
            r#"{"Version": "2019-10-30", "Observations": []}"#,
            "$.Observations",
            "at least one observation",
        ),
    ];
    for (json, at, expected) in cases {
        assert_eq!(
            shape_error(json),
            (at.to_string(), expected.to_string()),
            "{json}"
        );
    }
    let (at, expected) = shape_error(&with(
        r#"{"Identifier": "o", "Event": {"Type": "TestInitiated"}, "Transitions": {"NextObservations": ["missing"]}}"#,
    ));
    assert_eq!(
        (at.as_str(), expected.as_str()),
        (
            "$.Observations[0].Transitions.NextObservations[0]",
            "the Identifier of an observation of this case"
        )
    );
    let (at, expected) = shape_error(&with_action(
        r#"{"Identifier": "a", "Type": "Assert", "Parameters": {"Namespace": "$.Channel", "Operator": "Matches", "Operand": "x"}}"#,
    ));
    assert_eq!(at, "$.Observations[0].Actions[0].Parameters.Operator");
    assert!(
        expected.starts_with("one of \"Equals\", \"TextStartsWith\""),
        "{expected}"
    );
    let (at, expected) = shape_error(&with_action(
        r#"{"Identifier": "a", "Type": "Assert", "Parameters": {"Namespace": "$.Channel", "Operator": "Equals"}}"#,
    ));
    assert_eq!(at, "$.Observations[0].Actions[0].Parameters");
    assert!(expected.starts_with("a member `Operand`"), "{expected}");
    let mock = |loaded: &str| {
        with_action(&format!(
            r#"{{"Identifier": "m", "Type": "OverrideSystemBehavior", "Parameters": {{"Behavior": {{"Type": "FlowAction", "Properties": {{
                "ActionType": "InvokeLambdaFunction", "ActionParameters": {{"LambdaFunctionARN": "arn"}},
                "Strategy": {{"Type": "MockResponse", "Response": {{"Type": "ExecutionResult", "ExecutionResult": {{"LoadedData": {loaded}}}}}}}}}}}}}}}"#
        ))
    };
    let (at, expected) = shape_error(&mock(r#"{"a": "b"}"#));
    assert_eq!(at, "$.Observations[0].Actions[0].Parameters.Behavior.Properties.Strategy.Response.ExecutionResult.LoadedData");
    assert!(
        expected.contains("found an object: write the response as a string"),
        "{expected}"
    );
    let err = case(&mock(r#""{not json""#)).unwrap_err();
    assert!(
        err.to_string()
            .contains("not valid JSON in the string at $.Observations[0].Actions[0]"),
        "{err}"
    );
    let (at, expected) = shape_error(&with_action(
        r#"{"Identifier": "m", "Type": "OverrideSystemBehavior", "Parameters": {"Behavior": {"Type": "FlowAction", "Properties": {
            "ActionType": "TransferContactToQueue", "ActionParameters": {},
            "Strategy": {"Type": "SubstituteResource", "SubstituteArn": "q"}}}}}"#,
    ));
    assert!(at.ends_with("Properties.ActionParameters"), "{at}");
    assert!(
        expected.contains("rejects an empty ActionParameters"),
        "{expected}"
    );
}

#[test]
fn dtmf_under_a_chat_entry_point_is_refused() {
    let request = serde_json::json!({
        "Content": with_action(r#"{"Identifier": "a", "Type": "SendInstruction", "Parameters": {
            "Instruction": {"Type": "DtmfInput", "Properties": {"Value": "1"}}}}"#),
        "EntryPoint": {"Type": "CHAT", "ChatEntryPointParameters": {"FlowId": "f"}},
    })
    .to_string();
    let (at, expected) = shape_error(&request);
    assert_eq!(
        at,
        "$.Content > $.Observations[0].Actions[0].Parameters.Instruction"
    );
    assert!(
        expected.starts_with("no DtmfInput under a CHAT entry point"),
        "{expected}"
    );
}

#[test]
fn initialization_data_must_be_a_string_of_attributes() {
    let content = with(r#"{"Identifier": "o", "Event": {"Type": "TestInitiated"}}"#);
    let request =
        serde_json::json!({ "Content": content, "InitializationData": {"Attributes": {}} })
            .to_string();
    let (at, expected) = shape_error(&request);
    assert_eq!(at, "$.InitializationData");
    assert!(expected.starts_with("a string holding JSON"), "{expected}");
    let flat =
        serde_json::json!({ "Content": content, "InitializationData": "{\"language\": \"en\"}" })
            .to_string();
    let case = case(&flat).unwrap();
    assert!(case.attributes.is_empty());
    assert_eq!(
        case.notes.len(),
        1,
        "a flat map is read back empty by the service: said so"
    );
    let number = serde_json::json!({ "Content": content, "InitializationData": "{\"Attributes\": {\"n\": 1}}" }).to_string();
    let (at, _) = shape_error(&number);
    assert_eq!(at, "$.InitializationData > $.Attributes.n");
}

#[test]
fn errors_never_show_values_from_the_file() {
    let secret = "4111111111111111";
    let inputs = [
        format!(r#"{{"Version": "{secret}", "Observations": []}}"#),
        with_action(&format!(
            r#"{{"Identifier": "a", "Type": "Assert", "Parameters": {{"Namespace": "$.Channel", "Operator": "{secret}", "Operand": "x"}}}}"#
        )),
        with_action(&format!(
            r#"{{"Identifier": "a", "Type": "SendInstruction", "Parameters": {{"Instruction": {{"Type": "DtmfInput", "Properties": {{"Value": "{secret}x"}}}}}}}}"#
        )),
    ];
    for input in inputs {
        let err = case(&input).unwrap_err().to_string();
        assert!(!err.contains(secret), "{err}");
    }
}

#[test]
fn mangled_input_is_an_error_never_a_panic() {
    let whole = String::from_utf8(CONTENT.to_vec()).unwrap();
    for cut in (0..whole.len()).step_by(7) {
        let _ = case(&whole[..cut]);
        let replaced = whole.replacen('"', "1", cut % 40);
        let _ = case(&replaced);
    }
}

fn lambda_mock(arn: &str, loaded: &str) -> TestCase {
    let loaded = serde_json::to_string(loaded).unwrap();
    case(&with_action(&format!(
        r#"{{"Identifier": "m", "Type": "OverrideSystemBehavior", "Parameters": {{"Behavior": {{"Type": "FlowAction", "Properties": {{
            "ActionType": "InvokeLambdaFunction", "ActionParameters": {{"LambdaFunctionARN": "{arn}"}},
            "Strategy": {{"Type": "MockResponse", "Response": {{"Type": "ExecutionResult", "ExecutionResult": {{"LoadedData": {loaded}}}}}}}}}}}}}}}"#
    )))
    .unwrap()
}

fn manifests(mode: &str, external: &str) -> crate::Manifests {
    let mut manifests = crate::Manifests::new();
    let json = format!(
        r#"{{"manifestVersion": 1, "handler": "profile", "responseValidation": "{mode}", "external": [{external}]}}"#
    );
    manifests.add(crate::LoadedManifest::from_slice(json.as_bytes(), "profile.json").unwrap());
    manifests
}

const ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:Profile";

#[test]
fn mocks_are_held_to_the_manifest() {
    let string_map = manifests(
        "STRING_MAP",
        r#"{"path": "$.External.balance", "key": "balance", "type": "string", "required": true, "referenceable": true}"#,
    );
    let ok = lambda_mock(ARN, r#"{"balance": "1"}"#);
    assert!(check_mocks(&ok, &string_map).is_empty());
    let number = check_mocks(&lambda_mock(ARN, r#"{"balance": 1}"#), &string_map);
    assert_eq!(number.len(), 1);
    assert!(
        number[0].message.contains("is a number"),
        "{}",
        number[0].message
    );
    assert_eq!(
        number[0].at,
        "$.Observations[0].Actions[0].Parameters.Behavior.Properties.Strategy.Response.ExecutionResult.LoadedData"
    );
    let not_object = check_mocks(&lambda_mock(ARN, "[]"), &string_map);
    assert!(not_object[0].message.contains("not a JSON object"));
    // A Lambda without a manifest is not checked.
    let other = lambda_mock("arn:aws:lambda:us-east-1:1:function:Other", r#"{"x": 1}"#);
    assert!(check_mocks(&other, &string_map).is_empty());

    let json = manifests(
        "JSON",
        r#"{"path": "$.External.Profile", "key": "Profile", "type": "object", "required": true, "referenceable": true},
           {"path": "$.External.Profile.Name", "key": "Profile.Name", "type": "string", "required": true, "referenceable": true},
           {"path": "$.External.Tags", "key": "Tags", "type": "map", "required": true, "referenceable": true}"#,
    );
    let nested = lambda_mock(
        ARN,
        r#"{"Profile": {"Name": "Ann", "Nmae": "x"}, "Tags": {"any": 1}}"#,
    );
    let problems = check_mocks(&nested, &json);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].key, "Profile.Nmae");
    assert_eq!(problems[0].suggestion.as_deref(), Some("Profile.Name"));
}

/// A mocked value outside the key's `values` is a response production
/// never gives: refused, with the value probably meant.
#[test]
fn mocked_values_are_held_to_the_keys_values() {
    let routed = manifests(
        "JSON",
        r#"{"path": "$.External.next", "key": "next", "type": "string", "required": true, "referenceable": true,
            "values": ["none", "speak", "transferToAgent"]},
           {"path": "$.External.vip", "key": "vip", "type": "boolean", "required": true, "referenceable": true,
            "values": ["true", "false"]}"#,
    );
    let ok = lambda_mock(ARN, r#"{"next": "speak", "vip": true}"#);
    assert!(check_mocks(&ok, &routed).is_empty());
    let wrong = lambda_mock(ARN, r#"{"next": "TRANSFER_TO_AGENT", "vip": "yes"}"#);
    let problems = check_mocks(&wrong, &routed);
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["next", "vip"], "{problems:?}");
    assert_eq!(
        problems[0].message,
        "`next` is `TRANSFER_TO_AGENT` in the mocked response of `profile`, which returns only one \
         of `none`, `speak` and `transferToAgent` (its manifest, profile.json): the mock would run \
         the flow on a value production never gives"
    );
    assert_eq!(problems[0].suggestion, None);
    let case_slip = check_mocks(&lambda_mock(ARN, r#"{"next": "Speak"}"#), &routed);
    assert_eq!(case_slip[0].suggestion.as_deref(), Some("speak"));
}

#[test]
fn a_chain_that_is_only_a_cycle_is_refused() {
    let (at, expected) = shape_error(
        r#"{"Version": "2019-10-30", "Observations": [
          {"Identifier": "a", "Event": {"Type": "TestCompleted"}, "Transitions": {"NextObservations": ["b"]}},
          {"Identifier": "b", "Event": {"Type": "TestCompleted"}, "Transitions": {"NextObservations": ["a"]}}]}"#,
    );
    assert_eq!(at, "$.Observations[0]");
    assert!(expected.contains("cycle"), "{expected}");
    // A cycle with an entry is fine: the entry is awaited first.
    assert!(case(
        r#"{"Version": "2019-10-30", "Observations": [
          {"Identifier": "s", "Event": {"Type": "TestInitiated"}, "Transitions": {"NextObservations": ["a"]}},
          {"Identifier": "a", "Event": {"Type": "TestCompleted"}, "Transitions": {"NextObservations": ["b"]}},
          {"Identifier": "b", "Event": {"Type": "TestCompleted"}, "Transitions": {"NextObservations": ["a"]}}]}"#
    )
    .is_ok());
}

/// `EntryPoint.FlowId` picks the flow the contact enters by the model's
/// link rules: an ARN's id against a flow's file name, loosely.
#[test]
fn the_entry_point_names_its_flow_as_a_transfer_does() {
    let flow = |path: &str, text: &str| {
        crate::Flow::from_slice(
            format!(
                r#"{{"Version": "2019-10-30", "StartAction": "say", "Actions": [
                  {{"Identifier": "say", "Type": "MessageParticipant",
                   "Parameters": {{"Text": "{text}"}}, "Transitions": {{"NextAction": "bye"}}}},
                  {{"Identifier": "bye", "Type": "DisconnectParticipant", "Parameters": {{}}, "Transitions": {{}}}}]}}"#
            )
            .as_bytes(),
            path,
        )
        .unwrap()
    };
    let runner = Runner::new(
        vec![flow("main.json", "main"), flow("after_hours.json", "after")],
        crate::matching::Manifests::new(),
    );
    let entering = |flow_id: &str| {
        let request = serde_json::json!({
            "Content": with(r#"{"Identifier": "o", "Event": {"Type": "MessageReceived",
                "Properties": {"Text": "after"}}, "Transitions": {"NextObservations": []}}"#),
            "EntryPoint": {"Type": "VOICE_CALL", "VoiceCallEntryPointParameters": {"FlowId": flow_id}},
        })
        .to_string();
        let report = runner.run_all(&[case(&request).unwrap()], false);
        let flow_id_notes = report.cases[0]
            .notes
            .iter()
            .filter(|n| n.text.contains("FlowId"))
            .count();
        (report.passed(), flow_id_notes)
    };
    assert_eq!(
        entering("arn:aws:connect:us-east-1:1:instance/i/contact-flow/after-hours"),
        (true, 0)
    );
    assert_eq!(entering("somewhere-else"), (false, 1));
}
