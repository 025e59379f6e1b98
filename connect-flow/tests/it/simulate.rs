//! The simulator on small flows written for each semantic rule
//! (tests/flows/sim/), and on real public flows (tests/flows/public/), with
//! the branch taken checked against what the flow's own conditions say.

use connect_flow::matching::{LoadedManifest, Manifests};
use connect_flow::simulate::{
    Caller, Contact, Environment, Hours, JsonLambda, Outcome, Simulator, RESPONSE_LIMIT,
};
use connect_flow::Flow;
use serde_json::{json, Value};

fn flow(name: &str) -> Flow {
    let path = format!("{}/tests/flows/{name}", env!("CARGO_MANIFEST_DIR"));
    Flow::load(std::path::Path::new(&path)).unwrap()
}

fn sim(names: &[&str]) -> Simulator {
    Simulator::new(names.iter().map(|n| flow(n)))
}

fn answer(value: Value) -> JsonLambda<impl Fn(&Value) -> Result<Value, String>> {
    JsonLambda(move |_: &Value| Ok(value.clone()))
}

fn voice() -> Contact {
    Contact::voice("+15550100")
}

fn blocks(trace: &connect_flow::simulate::Trace) -> Vec<&str> {
    trace.steps.iter().map(|s| s.block.as_str()).collect()
}

#[test]
fn sim_conditions_in_order_and_case_sensitive() {
    let s = sim(&["sim/compare.json"]);
    let run = |tier: &str| {
        s.run(
            &voice().attribute("tier", tier),
            &Caller::new(),
            &Environment::new(),
        )
    };
    // "Gold" satisfies Equals "Gold" and TextStartsWith "Go": the first listed wins.
    let gold = run("Gold");
    assert_eq!(gold.prompt_texts(), ["Gold"]);
    assert_eq!(
        gold.steps[0].branch.as_deref(),
        Some(r#"Condition 1: Equals "Gold""#)
    );
    assert_eq!(run("Good").prompt_texts(), ["Starts with Go"]);
    assert_eq!(run("11").prompt_texts(), ["Big number"]);
    // Case-sensitive: "gold" matches nothing, and no match goes through
    // the NoMatchingCondition error, not NextAction (which here differs).
    let lower = run("gold");
    assert_eq!(lower.prompt_texts(), ["No match"]);
    assert_eq!(
        lower.steps[0].branch.as_deref(),
        Some("NoMatchingCondition")
    );
    // A non-number under NumberGreaterThan: stated as an assumption.
    assert!(lower.assumptions.iter().any(|a| a
        .text
        .contains("NumberGreaterThan on a value that is not a number")));
    assert_eq!(lower.outcome(), &Outcome::Disconnected);
    // An unset attribute reads as empty, and the trace says it assumed so.
    let unset = s.run(&voice(), &Caller::new(), &Environment::new());
    assert_eq!(unset.prompt_texts(), ["No match"]);
    assert!(unset.assumptions[0]
        .text
        .contains("$.Attributes.tier is not set here and reads as empty"));
}

fn lambdas() -> Simulator {
    let mut s = sim(&["sim/lambdas.json"]);
    s.lambda("FirstLambda", answer(json!({"a": "from first"})));
    s.lambda(
        "SecondLambda",
        answer(json!({"obj": {"x": "nested"}, "n": 3})),
    );
    s
}

#[test]
fn sim_external_is_replaced_by_each_call() {
    let s = lambdas();
    let trace = s.run(
        &voice().attribute("tier", "Gold"),
        &Caller::new(),
        &Environment::new(),
    );
    assert_eq!(
        trace.branches(),
        ["Success", "Success", "Success", "Success", "Success", ""]
    );
    // The parameters as sent, references filled in.
    assert_eq!(
        trace.lambda_calls[0].parameters,
        *json!({"caller": "+15550100", "tier": "Gold"})
            .as_object()
            .unwrap()
    );
    assert_eq!(
        trace.lambda_calls[1].parameters["previous"],
        json!("from first")
    );
    // After the second call, $.External.a (only the first returned it) is gone.
    assert_eq!(trace.attributes["fromFirst"], "from first");
    assert_eq!(trace.attributes["aAfterSecond"], "");
    assert_eq!(trace.attributes["nested"], "nested");
    assert_eq!(
        trace.prompt_texts(),
        ["first said from first, then nested."]
    );
    let json = trace.to_json();
    assert_eq!(json["lambdaCalls"][1]["response"]["n"], json!(3));
    assert_eq!(
        json["lambdaCalls"][1]["arn"],
        "arn:aws:lambda:us-east-1:123456789012:function:SecondLambda"
    );
    assert_eq!(json["outcome"]["kind"], "disconnected");
}

#[test]
fn sim_a_bad_answer_takes_the_error_branch() {
    let error_prompt = |s: &Simulator| {
        let trace = s.run(&voice(), &Caller::new(), &Environment::new());
        (trace.prompt_texts().concat(), trace)
    };
    // STRING_MAP: a number is not a string.
    let mut s = lambdas();
    s.lambda("FirstLambda", answer(json!({"a": 1})));
    let (prompt, trace) = error_prompt(&s);
    assert_eq!(prompt, "first failed");
    assert_eq!(trace.steps[0].branch.as_deref(), Some("NoMatchingError"));
    assert!(trace.lambda_calls[0]
        .result
        .as_ref()
        .unwrap_err()
        .contains("STRING_MAP"));
    // STRING_MAP: nested JSON is refused; JSON validation takes it (above).
    s.lambda("FirstLambda", answer(json!({"a": {"b": "c"}})));
    assert_eq!(error_prompt(&s).0, "first failed");
    // 32 KB or more.
    let big = "x".repeat(RESPONSE_LIMIT);
    s.lambda("FirstLambda", answer(json!({ "a": big })));
    let (prompt, trace) = error_prompt(&s);
    assert_eq!(prompt, "first failed");
    assert!(trace.lambda_calls[0]
        .result
        .as_ref()
        .unwrap_err()
        .contains("32 KB"));
    // The handler fails; not JSON at all.
    s.lambda("FirstLambda", |_: &[u8]| Err("boom".to_owned()));
    assert_eq!(error_prompt(&s).0, "first failed");
    s.lambda("FirstLambda", |_: &[u8]| Ok(b"not json".to_vec()));
    assert_eq!(error_prompt(&s).0, "first failed");
    // JSON validation: a scalar is valid JSON (stated), an object nested fine.
    let mut s = lambdas();
    s.lambda("SecondLambda", |_: &[u8]| Ok(b"[1]".to_vec()));
    let (_, trace) = error_prompt(&s);
    assert_eq!(trace.steps[2].branch.as_deref(), Some("Success"));
    assert!(trace
        .assumptions
        .iter()
        .any(|a| a.text.contains("not an object leaves $.External empty")));
}

#[test]
fn sim_a_lambda_not_given_stops_the_run_naming_it() {
    let s = sim(&["sim/lambdas.json"]);
    let trace = s.run(&voice(), &Caller::new(), &Environment::new());
    let Outcome::NotSimulated { reason } = trace.outcome() else {
        panic!("{:?}", trace.outcome())
    };
    assert!(
        reason.contains("no Lambda was given for FirstLambda"),
        "{reason}"
    );
    assert_eq!(
        trace.ending.block.as_deref(),
        Some(r#""Invoke AWS Lambda function" "First" (FirstLambda)"#)
    );
}

#[test]
fn sim_a_command_is_a_lambda() {
    if cfg!(windows) {
        return;
    }
    let mut s = sim(&["sim/lambdas.json"]);
    // The event on stdin, the response on stdout.
    s.command(
        "FirstLambda",
        r#"grep -q '"caller":"+15550100"' && echo '{"a": "from a command"}'"#,
    );
    s.command("SecondLambda", "echo 'oops' >&2; exit 3");
    let trace = s.run(&voice(), &Caller::new(), &Environment::new());
    assert_eq!(trace.attributes["fromFirst"], "from a command");
    assert_eq!(trace.prompt_texts(), ["second failed"]);
    let error = trace.lambda_calls[1].result.as_ref().unwrap_err();
    assert!(error.contains("exit status: 3: oops"), "{error}");
}

#[test]
fn sim_mocks_are_checked_against_the_manifest() {
    let mut manifests = Manifests::new();
    manifests.add(
        LoadedManifest::from_slice(
            br#"{"manifestVersion": 1, "handler": "first", "function": "FirstLambda",
                "responseValidation": "STRING_MAP",
                "external": [{"path": "$.External.a", "key": "a", "type": "string",
                              "required": true, "referenceable": true}]}"#,
            "first.json",
        )
        .unwrap(),
    );
    let mut s = sim(&["sim/lambdas.json"]);
    let err = s
        .mock("FirstLambda", &json!({"A": "x"}), &manifests)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "mock for FirstLambda: `A` is not a key the Lambda returns (first.json); \
         did you mean `a`? Fix the mock, or the handler and its manifest"
    );
    let err = s
        .mock("FirstLambda", &json!({"a": 7}), &manifests)
        .unwrap_err();
    assert!(err.to_string().contains("write it as \"7\""), "{err}");
    s.mock("FirstLambda", &json!({"a": "ok"}), &manifests)
        .unwrap();
    // No manifest for SecondLambda: nothing to check against.
    s.mock("SecondLambda", &json!({"anything": 1}), &manifests)
        .unwrap();
    let trace = s.run(&voice(), &Caller::new(), &Environment::new());
    assert_eq!(trace.attributes["fromFirst"], "ok");
}

#[test]
fn sim_store_customer_input_and_menus() {
    let s = sim(&["sim/input.json"]);
    let run = |caller: Caller| s.run(&voice(), &caller, &Environment::new());
    let trace = run(Caller::new().dtmf("42#").dtmf("2"));
    assert_eq!(
        trace.prompt_texts(),
        [
            "Enter your age, then pound.",
            "You entered 42.",
            "Press 1 for sales, 2 for support.",
            "Support"
        ]
    );
    assert_eq!(
        trace.steps[2].branch.as_deref(),
        Some(r#"Condition 2: Equals "2""#)
    );
    // No input: store input takes Success with "Timeout"; a menu its
    // InputTimeLimitExceeded branch.
    let trace = run(Caller::new());
    assert_eq!(trace.prompt_texts()[1], "You entered Timeout.");
    assert_eq!(trace.steps[0].branch.as_deref(), Some("Success"));
    assert_eq!(
        trace.steps[2].branch.as_deref(),
        Some("InputTimeLimitExceeded")
    );
    assert_eq!(trace.prompt_texts()[3], "We did not hear you");
    // A key no condition names; MaximumLength 3; a hang-up.
    let trace = run(Caller::new().dtmf("12345#").dtmf("9"));
    assert_eq!(trace.prompt_texts()[1], "You entered 123.");
    assert_eq!(trace.prompt_texts()[3], "That is not an option");
    let trace = run(Caller::new().dtmf("1#").hang_up());
    assert_eq!(trace.outcome(), &Outcome::HungUp);
    assert_eq!(
        trace.ending.block.as_deref(),
        Some(r#""Get customer input" "Menu""#)
    );
}

#[test]
fn sim_loops_count_per_block() {
    let s = sim(&["sim/loop.json"]);
    let trace = s.run(
        &voice().attribute("times", "2"),
        &Caller::new(),
        &Environment::new(),
    );
    assert_eq!(trace.prompt_texts(), ["round", "round", "inner"]);
    assert_eq!(
        blocks(&trace),
        [
            "Outer",
            "Round",
            "Outer",
            "Round",
            "Outer",
            "Inner",
            "Inner round",
            "Inner",
            "Bye"
        ]
    );
    // Count 0: Done the first time.
    let trace = s.run(
        &voice().attribute("times", "0"),
        &Caller::new(),
        &Environment::new(),
    );
    assert_eq!(trace.prompt_texts(), ["inner"]);
    // A count that is not a number stops the run, naming the block.
    let trace = s.run(
        &voice().attribute("times", "two"),
        &Caller::new(),
        &Environment::new(),
    );
    assert!(
        matches!(trace.outcome(), Outcome::NotSimulated { reason } if reason.contains("\"two\""))
    );
}

#[test]
fn sim_a_contact_that_never_leaves_hits_the_loop_limit() {
    let mut s = sim(&["sim/forever.json"]);
    s.max_steps(50);
    let trace = s.run(&voice(), &Caller::new(), &Environment::new());
    assert_eq!(trace.outcome(), &Outcome::LoopLimit { steps: 50 });
    assert_eq!(trace.prompts.len(), 50);
}

fn routing() -> Simulator {
    sim(&["sim/routing.json", "sim/module.json", "sim/other.json"])
}

#[test]
fn sim_hours_percentages_queues() {
    let s = routing();
    let closed = s.run(
        &voice(),
        &Caller::new(),
        &Environment::new().hours(Hours::Closed),
    );
    assert_eq!(closed.prompt_texts(), ["We are closed."]);
    // The test must say the hours: nothing is guessed.
    let unsaid = s.run(&voice(), &Caller::new(), &Environment::new());
    assert!(
        matches!(unsaid.outcome(), Outcome::NotSimulated { reason } if reason.contains("--hours"))
    );
    assert_eq!(
        unsaid.ending.block.as_deref(),
        Some(r#""Check hours of operation" "Hours""#)
    );
    let open = Environment::new().hours(Hours::Open);
    let unsaid = s.run(&voice(), &Caller::new(), &open);
    assert!(
        matches!(unsaid.outcome(), Outcome::NotSimulated { reason } if reason.contains("percentage"))
    );
    // A draw of 30 is under 31: the first branch, to the queue.
    let queued = s.run(&voice(), &Caller::new(), &open.clone().percent(30));
    assert_eq!(
        queued.outcome(),
        &Outcome::Queue {
            queue: "arn:aws:connect:us-east-1:123456789012:instance/i/queue/billing".into()
        }
    );
    let full = s.run(
        &voice(),
        &Caller::new(),
        &open.clone().percent(1).queue_at_capacity(),
    );
    assert_eq!(full.prompt_texts(), ["All agents are busy."]);
    assert_eq!(full.steps[3].branch.as_deref(), Some("QueueAtCapacity"));
}

#[test]
fn sim_flows_and_modules() {
    let s = routing();
    let env = Environment::new().hours(Hours::Open);
    // 45: the second branch, to the flow the attribute names.
    let other = s.run(
        &voice().attribute(
            "nextFlow",
            "arn:aws:connect:us-east-1:1:instance/i/contact-flow/other",
        ),
        &Caller::new(),
        &env.clone().percent(45),
    );
    assert_eq!(other.prompt_texts(), ["This is the other flow, ."]);
    assert!(other.steps.iter().any(|s| s.flow.ends_with("other.json")));
    let missing = s.run(
        &voice().attribute(
            "nextFlow",
            "arn:aws:connect:us-east-1:1:instance/i/contact-flow/unknown",
        ),
        &Caller::new(),
        &env.clone().percent(45),
    );
    assert_eq!(
        missing.outcome(),
        &Outcome::FlowNotGiven {
            flow: "arn:aws:connect:us-east-1:1:instance/i/contact-flow/unknown".into()
        }
    );
    // 90: no condition holds, NoMatchingCondition: the module (found by its
    // Metadata.name), which sets an attribute and a flow attribute of its
    // own, then the Lex bot, whose intent the test gives.
    let env = env
        .percent(90)
        .intent("I want an agent", "Agent")
        .percent(10);
    let trace = s.run(&voice(), &Caller::new().say("I want an agent"), &env);
    assert_eq!(trace.attributes["moduleRan"], "true");
    // Flow attributes are not passed back from a module.
    assert_eq!(trace.prompt_texts(), ["How can I help, ?"]);
    assert!(matches!(trace.outcome(), Outcome::Queue { .. }));
    let unknown = s.run(
        &voice(),
        &Caller::new().say("pay my bill"),
        &Environment::new().hours(Hours::Open).percent(90),
    );
    assert!(
        matches!(unknown.outcome(), Outcome::NotSimulated { reason } if reason.contains("Lex intent"))
    );
    // A block the simulator has no semantics for stops the run, named.
    let env = Environment::new()
        .hours(Hours::Open)
        .percent(90)
        .intent("pay my bill", "PayBill");
    let view = s.run(&voice(), &Caller::new().say("pay my bill"), &env);
    assert_eq!(
        view.outcome(),
        &Outcome::NotSimulated {
            reason: "ShowView blocks are not simulated".into()
        }
    );
    assert_eq!(view.ending.block.as_deref(), Some(r#""Show view" "View""#));
    let human = view.human();
    assert!(
        human.contains(
            "Outcome: not simulated: ShowView blocks are not simulated at \"Show view\" \"View\""
        ),
        "{human}"
    );
}

#[test]
fn sim_human_trace_escapes_control_characters() {
    let s = sim(&["sim/compare.json"]);
    let trace = s.run(
        &voice().attribute("tier", "a\u{1b}[31mb\nc"),
        &Caller::new(),
        &Environment::new(),
    );
    let human = trace.human();
    assert!(!human.contains('\u{1b}'), "{human}");
    assert!(human.contains(r"a\u{1b}[31mb\nc"), "{human}");
}

/// A Lambda that answers from the parameters it is sent.
fn from_parameters(
    f: impl Fn(&serde_json::Map<String, Value>) -> Value,
) -> JsonLambda<impl Fn(&Value) -> Result<Value, String>> {
    JsonLambda(move |event: &Value| {
        let parameters = event["Details"]["Parameters"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        Ok(f(&parameters))
    })
}

/// aws-samples/amazon-connect-contact-surveys' module: a Loop counted by
/// an attribute from a Lambda, store customer input on voice, Lambdas that
/// echo their state back through $.External, an attribute with a dynamic
/// key, and the Compare on `validInput` whose `Equals "false"` condition
/// sends an invalid answer to "Invalid input.".
#[test]
fn sim_public_contact_surveys_module() {
    let mut s = sim(&["public/contact-surveys-module.json"]);
    s.lambda(
        "GetSurveyConfig",
        answer(
            json!({"surveyId": "s1", "introPrompt": "Please answer two questions.",
                      "surveySize": "2", "outroPrompt": "Thank you.", "min": "1", "max": "5",
                      "question_1": "How was the agent?", "question_2": "How was the wait?"}),
        ),
    );
    s.lambda(
        "SurveyUtils",
        from_parameters(|p| {
            let mut out = p.clone();
            let text = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
            let index: u32 = text("currentQuestionIndex").parse().unwrap_or(0);
            // The flow asks again with $.External.nextQuestion after an
            // invalid answer: both operations return it.
            out.insert(
                "nextQuestion".into(),
                json!(text(&format!("question_{index}"))),
            );
            if text("operation") == "getNextSurveyQuestion" {
                out.insert("newCounter".into(), json!((index + 1).to_string()));
            } else {
                let valid = matches!(text("input").as_str(), "1" | "2" | "3" | "4" | "5");
                out.insert("validInput".into(), json!(valid.to_string()));
            }
            Value::Object(out)
        }),
    );
    s.lambda("ProcessSurveyFlagsConfig", answer(json!({})));
    s.lambda("WriteSurveysResults", answer(json!({})));
    let trace = s.run(
        &voice().attribute("surveyId", "s1"),
        &Caller::new().dtmf("4").dtmf("9").dtmf("5"),
        &Environment::new(),
    );
    assert_eq!(
        trace.prompt_texts(),
        [
            "Please answer two questions.",
            "How was the agent?",
            "How was the wait?",
            "Invalid input.",
            "How was the wait?",
            "Thank you."
        ]
    );
    // The dynamic key `survey_result_$.Attributes.loopCounter`.
    assert_eq!(trace.attributes["survey_result_1"], "4");
    assert_eq!(trace.attributes["survey_result_2"], "5");
    // "9" is not valid: the Compare's own condition `Equals "false"` holds.
    let compares: Vec<&str> = trace
        .steps
        .iter()
        .filter(|s| s.block.starts_with("63107da9"))
        .map(|s| s.branch.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        compares,
        [
            "NoMatchingCondition",
            r#"Condition 1: Equals "false""#,
            "NoMatchingCondition"
        ]
    );
    assert_eq!(trace.outcome(), &Outcome::Disconnected);
    // On chat, `$.Channel` Equals "CHAT" holds: the Lex bot asks instead.
    let chat = s.run(
        &Contact::chat().attribute("surveyId", "s1"),
        &Caller::new().say("four"),
        &Environment::new().intent("four", "4"),
    );
    let channel = chat
        .steps
        .iter()
        .find(|s| s.block.starts_with("f16ab885"))
        .unwrap();
    assert_eq!(
        channel.branch.as_deref(),
        Some(r#"Condition 1: Equals "CHAT""#)
    );
    let bot = chat
        .steps
        .iter()
        .find(|s| s.block.starts_with("b80d83ff"))
        .unwrap();
    assert_eq!(bot.branch.as_deref(), Some(r#"Condition 5: Equals "4""#));
}

/// aws-samples/amazon-connect-rules-engine's integration flow: a Lambda's
/// `IntegrationStatus` compared against START, RUN, ..., DONE, a polling
/// loop, and a transfer to a flow given by a placeholder.
#[test]
fn sim_public_rules_engine_integration() {
    let mut s = sim(&["public/rules-engine-integration.json"]);
    s.lambda(
        "connectintegrationstart",
        answer(json!({"IntegrationStatus": "START",
                      "CurrentRule_functionMessageType": "ssml",
                      "CurrentRule_functionMessage": "<speak>One moment.</speak>"})),
    );
    let polls = std::cell::Cell::new(0);
    s.lambda(
        "connectchecktimeout",
        JsonLambda(move |_: &Value| {
            polls.set(polls.get() + 1);
            let status = if polls.get() < 3 { "RUN" } else { "DONE" };
            Ok(json!({ "IntegrationStatus": status }))
        }),
    );
    let trace = s.run(&voice(), &Caller::new(), &Environment::new());
    assert_eq!(trace.prompt_texts(), ["<speak>One moment.</speak>"]);
    // START is not DONE: NoMatchingCondition, then Equals "ssml"; RUN twice
    // (Condition 2), then DONE (Condition 5) and the transfer.
    let branches: Vec<&str> = trace
        .steps
        .iter()
        .filter(|s| s.action_type == "Compare")
        .map(|s| s.branch.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        branches,
        [
            "NoMatchingCondition",
            r#"Condition 2: Equals "ssml""#,
            r#"Condition 2: Equals "RUN""#,
            r#"Condition 2: Equals "RUN""#,
            r#"Condition 5: Equals "DONE""#
        ]
    );
    assert_eq!(
        trace.outcome(),
        &Outcome::FlowNotGiven {
            flow: "{{contactFlows.RulesEngineMain.arn}}".into()
        }
    );
}

/// amazon-connect-snippets' task flow: `$.Attributes.taskTopic` routes to a
/// queue transfer (no working queue set: stated) or to a Lambda named by
/// a placeholder.
#[test]
fn sim_public_snippets_task_flow() {
    let mut s = sim(&["public/snippets-task-flow.json"]);
    s.lambda("${sendResponseLambdaArn}", answer(json!({})));
    let task = |topic: &str| {
        Contact::on(connect_flow::simulate::Channel::Task).attribute("taskTopic", topic)
    };
    let response = s.run(&task("emailResponse"), &Caller::new(), &Environment::new());
    assert_eq!(
        response.steps[1].branch.as_deref(),
        Some(r#"Condition 2: Equals "emailResponse""#)
    );
    assert_eq!(response.lambda_calls.len(), 1);
    assert_eq!(response.lambda_calls[0].arn, "${sendResponseLambdaArn}");
    assert_eq!(
        response.lambda_calls[0].function,
        "${sendResponseLambdaArn}"
    );
    let request = s.run(&task("emailRequest"), &Caller::new(), &Environment::new());
    assert_eq!(
        request.steps[1].branch.as_deref(),
        Some(r#"Condition 1: Equals "emailRequest""#)
    );
    assert_eq!(request.steps[2].branch.as_deref(), Some("NoMatchingError"));
    assert!(request
        .assumptions
        .iter()
        .any(|a| a.text.contains("no working queue")));
    assert_eq!(request.outcome(), &Outcome::Disconnected);
}

/// `connect-flow simulate`, in process: exit code, stdout, stderr.
fn cli(args: &[&str]) -> (u8, String, String) {
    let dir = env!("CARGO_MANIFEST_DIR");
    let mut argv = vec!["connect-flow".to_owned(), "simulate".to_owned()];
    argv.extend(args.iter().map(|a| a.replace("{dir}", dir)));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = connect_flow::cli::run(argv, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn sim_cli_keeps_the_callers_order_and_prints_json() {
    // --dtmf and --say interleaved: the order given is the caller's.
    let (code, out, err) = cli(&[
        "{dir}/tests/flows/sim/input.json",
        "--say",
        "7",
        "--dtmf",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    let trace: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(trace["prompts"][1]["text"], "You entered 7.");
    assert_eq!(trace["prompts"][3]["text"], "Sales");
    assert_eq!(trace["steps"][0]["block"], "Age");
    assert_eq!(trace["steps"][0]["type"], "GetParticipantInput");
    assert_eq!(trace["steps"][0]["name"], r#""Store customer input" "Age""#);
    assert_eq!(trace["steps"][2]["branch"], r#"Condition 1: Equals "1""#);
    assert_eq!(
        trace["outcome"],
        json!({"kind": "disconnected", "block": r#""Disconnect / hang up" "Bye""#})
    );
    // Reversed, and an empty --dtmf is silence; --hang-up ends it.
    let (_, out, _) = cli(&[
        "{dir}/tests/flows/sim/input.json",
        "--dtmf",
        "",
        "--hang-up",
        "--format",
        "json",
    ]);
    let trace: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(trace["prompts"][1]["text"], "You entered Timeout.");
    assert_eq!(trace["outcome"]["kind"], "hungUp");
}

#[test]
fn sim_cli_lambdas_mocks_and_the_story() {
    if cfg!(windows) {
        return;
    }
    let mock = std::env::temp_dir().join(format!("sim-mock-{}.json", std::process::id()));
    std::fs::write(&mock, r#"{"obj": {"x": "from the mock"}}"#).unwrap();
    let mock_arg = format!("SecondLambda={}", mock.display());
    let (code, out, err) = cli(&[
        "{dir}/tests/flows/sim/lambdas.json",
        "--lambda",
        r#"FirstLambda=echo '{"a": "from echo"}'"#,
        "--mock",
        &mock_arg,
        "--customer",
        "+15550100",
        "--attribute",
        "tier=Gold",
    ]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        out.starts_with("A VOICE contact from +15550100 enters "),
        "{out}"
    );
    for line in [
        r#"  1. "Invoke AWS Lambda function" "First" (FirstLambda)"#,
        r#"       calls FirstLambda with {"caller":"+15550100","tier":"Gold"}"#,
        r#"       answer {"a":"from echo"}"#,
        r#"       plays "first said from echo, then from the mock.""#,
        "Outcome: disconnected at \"Disconnect / hang up\" \"Bye\"",
        r#"  fromFirst = "from echo""#,
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    std::fs::remove_file(&mock).ok();
}

#[test]
fn sim_cli_refuses_a_mock_the_manifest_contradicts() {
    let dir = std::env::temp_dir().join(format!("sim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let manifest = dir.join("first.json");
    std::fs::write(
        &manifest,
        r#"{"manifestVersion": 1, "handler": "first_lambda", "responseValidation": "STRING_MAP",
            "external": [{"path": "$.External.a", "key": "a", "type": "string",
                          "required": true, "referenceable": true}]}"#,
    )
    .unwrap();
    let mock = dir.join("mock.json");
    std::fs::write(&mock, r#"{"b": "x"}"#).unwrap();
    let (code, out, err) = cli(&[
        "{dir}/tests/flows/sim/lambdas.json",
        "--manifest",
        manifest.to_str().unwrap(),
        "--mock",
        &format!("FirstLambda={}", mock.display()),
    ]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("mock for FirstLambda: `b` is not a key the Lambda returns"),
        "{err}"
    );
    // A block not simulated: exit 1, the block named.
    let (code, out, _) = cli(&["{dir}/tests/flows/sim/routing.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("--hours open|closed"), "{out}");
    // A malformed pair and a missing flow: exit 2, saying what to write.
    let (code, _, err) = cli(&[
        "{dir}/tests/flows/sim/compare.json",
        "--attribute",
        "novalue",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--attribute \"novalue\": expected K=V"),
        "{err}"
    );
    let (code, _, err) = cli(&["no/such/flow.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no/such/flow.json: cannot read the file"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Every fixture flow (the checker's, the public ones, these), under a few
/// contacts and environments, with any Lambda answering `{}`: the run
/// always ends with an outcome, never a panic.
#[test]
fn sim_every_fixture_flow_runs_to_an_outcome() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/flows");
    let mut paths = Vec::new();
    for sub in ["", "public", "sim"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                paths.push(path);
            }
        }
    }
    assert!(paths.len() > 15, "{paths:?}");
    for path in paths {
        let Ok(flow) = Flow::load(&path) else {
            continue;
        };
        let functions: Vec<String> = flow
            .actions
            .iter()
            .filter_map(|a| a.lambda_invoke()?.function_arn().map(str::to_owned))
            .collect();
        let mut s = Simulator::new([flow]);
        s.max_steps(200);
        for function in functions {
            s.lambda(function, answer(json!({})));
        }
        let env = Environment::new()
            .hours(Hours::Open)
            .agents(1)
            .percent(50)
            .intent("yes", "Yes");
        for (contact, caller) in [
            (voice(), Caller::new()),
            (voice(), Caller::new().dtmf("1").dtmf("2#").say("yes")),
            (Contact::chat(), Caller::new().say("yes").hang_up()),
        ] {
            let trace = s.run(&contact, &caller, &env);
            assert!(!trace.steps.is_empty(), "{}", path.display());
            let _ = (trace.human(), trace.to_json());
        }
    }
}

/// "Set contact attributes" sets all or none: past 32 KB of attributes, none
/// is set and the block takes its Error branch.
#[test]
fn sim_attributes_over_32_kb_take_the_error_branch() {
    let mut s = lambdas();
    s.lambda("FirstLambda", answer(json!({ "a": "x".repeat(20_000) })));
    let fits = s.run(&voice(), &Caller::new(), &Environment::new());
    assert_eq!(fits.steps[1].branch.as_deref(), Some("Success"));
    let big = voice().attribute("big", "y".repeat(15_000));
    let over = s.run(&big, &Caller::new(), &Environment::new());
    assert_eq!(over.steps[1].branch.as_deref(), Some("NoMatchingError"));
    assert_eq!(over.prompt_texts(), ["attributes failed"]);
    assert!(!over.attributes.contains_key("fromFirst"));
    assert!(over.steps[1]
        .detail
        .as_deref()
        .unwrap()
        .contains("over Connect's 32 KB"));
}

/// The remaining outcomes and stops, on flows written inline: a transfer to
/// a number, the end of a flow, a missing transition, a condition with two
/// operands (undocumented: not guessed), a Wait block (not simulated).
#[test]
fn sim_numbers_ends_and_what_is_not_guessed() {
    let run = |actions: &str| {
        let text =
            format!(r#"{{"Version": "2019-10-30", "StartAction": "a", "Actions": [{actions}]}}"#);
        let flow = Flow::from_slice(text.as_bytes(), "inline.json").unwrap();
        Simulator::new([flow]).run(&voice(), &Caller::new(), &Environment::new())
    };
    let number = run(r#"{"Identifier": "a", "Type": "UpdateFlowAttributes",
            "Parameters": {"FlowAttributes": {"to": "+15550199"}}, "Transitions": {"NextAction": "b"}},
           {"Identifier": "b", "Type": "TransferParticipantToThirdParty",
            "Parameters": {"ThirdPartyPhoneNumber": "$.FlowAttributes.to"}, "Transitions": {}}"#);
    assert_eq!(
        number.outcome(),
        &Outcome::Number {
            number: "+15550199".into()
        }
    );
    let ended = run(
        r#"{"Identifier": "a", "Type": "EndFlowExecution", "Parameters": {}, "Transitions": {}}"#,
    );
    assert_eq!(ended.outcome(), &Outcome::Ended);
    let nowhere = run(
        r#"{"Identifier": "a", "Type": "MessageParticipant", "Parameters": {"Text": "hi"}, "Transitions": {}}"#,
    );
    assert_eq!(
        nowhere.outcome(),
        &Outcome::NoTransition {
            branch: "Success".into()
        }
    );
    let two = run(
        r#"{"Identifier": "a", "Type": "Compare", "Parameters": {"ComparisonValue": "x"},
            "Transitions": {"Conditions": [{"NextAction": "a", "Condition": {"Operator": "Equals", "Operands": ["x", "y"]}}]}}"#,
    );
    assert!(
        matches!(two.outcome(), Outcome::NotSimulated { reason } if reason.contains("2 operands"))
    );
    let wait = run(r#"{"Identifier": "a", "Type": "Wait", "Parameters": {}, "Transitions": {}}"#);
    assert_eq!(
        wait.outcome(),
        &Outcome::NotSimulated {
            reason: "Wait blocks are not simulated".into()
        }
    );
    assert_eq!(
        wait.to_json()["outcome"],
        json!({"kind": "notSimulated", "reason": "Wait blocks are not simulated", "block": "\"Wait\" \"a\""})
    );
}

/// A command past the block's InvocationTimeLimitSeconds is stopped and the
/// block takes its Error branch, as Connect does at the time limit.
#[test]
fn sim_a_command_past_the_time_limit_is_an_error() {
    if cfg!(windows) {
        return;
    }
    let flow = Flow::from_slice(
        br#"{"Version": "2019-10-30", "StartAction": "a", "Actions": [
          {"Identifier": "a", "Type": "InvokeLambdaFunction",
           "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:us-east-1:1:function:Slow",
                          "InvocationTimeLimitSeconds": "1"},
           "Transitions": {"NextAction": "b", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "b"}]}},
          {"Identifier": "b", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}"#,
        "slow.json",
    )
    .unwrap();
    let mut s = Simulator::new([flow]);
    s.command("Slow", "sleep 5; echo '{}'");
    let started = std::time::Instant::now();
    let trace = s.run(&voice(), &Caller::new(), &Environment::new());
    assert!(started.elapsed() < std::time::Duration::from_secs(4));
    assert_eq!(trace.steps[0].branch.as_deref(), Some("NoMatchingError"));
    let error = trace.lambda_calls[0].result.as_ref().unwrap_err();
    assert!(
        error.contains("ran past the block's time limit of 1 s"),
        "{error}"
    );
}

/// A transfer goes where the resolved model links it: a placeholder naming
/// the flow's exported name, loosely (`OtherFlow` is "Other flow"), and a
/// `$.` reference read when the contact runs, by the same rules.
#[test]
fn sim_transfers_follow_the_models_links() {
    let transfer = |target: &str| {
        Flow::from_slice(
            format!(
                r#"{{"Version": "2019-10-30", "StartAction": "go", "Actions": [
                  {{"Identifier": "go", "Type": "TransferToFlow",
                   "Parameters": {{"ContactFlowId": {target:?}}}, "Transitions": {{}}}}]}}"#
            )
            .as_bytes(),
            "main.json",
        )
        .unwrap()
    };
    let other = flow("sim/other.json");
    let placeholder = Simulator::new([transfer("{{contactFlows.OtherFlow.arn}}"), other.clone()]);
    let trace = placeholder.run(&voice(), &Caller::new(), &Environment::new());
    assert_eq!(trace.prompt_texts(), ["This is the other flow, ."]);
    assert_eq!(trace.outcome(), &Outcome::Disconnected);
    let runtime = Simulator::new([transfer("$.Attributes.next"), other]);
    let trace = runtime.run(
        &voice().attribute("next", "${var.other_flow_arn}"),
        &Caller::new(),
        &Environment::new(),
    );
    assert_eq!(trace.outcome(), &Outcome::Disconnected);
    assert!(trace.steps.iter().any(|s| s.flow.ends_with("other.json")));
}
