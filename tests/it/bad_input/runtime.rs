//! Every case again, through `connect_lambda::run` and the real
//! `lambda_runtime` client: each bad event gets its error, and the runtime
//! answers the good event sent after it.

use super::*;

const TIMEOUT: Duration = Duration::from_secs(60);

/// Sets the variables Lambda sets, pointing at `endpoint`; the caller holds
/// [`crate::LAMBDA_ENVIRONMENT`].
fn lambda_environment(endpoint: &str) {
    std::env::set_var("AWS_LAMBDA_RUNTIME_API", endpoint);
    std::env::set_var("AWS_LAMBDA_FUNCTION_NAME", "bad-input");
    std::env::set_var("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    std::env::set_var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128");
    std::env::remove_var("AWS_LAMBDA_MAX_CONCURRENCY");
}

/// Serves `events` with `which` through `connect_lambda::run` until each is
/// answered and the runtime polls again; fails if it stops first.
async fn serve(which: Which, events: Vec<Vec<u8>>) -> Vec<Outcome> {
    let count = events.len();
    let api = RuntimeApi::start(events).await;
    lambda_environment(&api.endpoint());
    let runtime = tokio::spawn(async move {
        match which {
            Which::Tutorial => connect_lambda::run(tutorial::handler()).await,
            Which::WholeEvent => connect_lambda::run(whole_event::handler()).await,
            Which::Tally => connect_lambda::run(tally::handler()).await,
            Which::Transcript => connect_lambda::run(transcript::handler()).await,
            Which::Panicky => connect_lambda::run(panicky::handler()).await,
        }
        .map_err(|error| error.to_string())
    });
    let answered = async {
        let outcomes = api.outcomes(TIMEOUT).await?;
        api.wait_for_next_calls(count + 1, TIMEOUT).await?;
        Ok::<_, String>(outcomes)
    };
    tokio::pin!(runtime);
    let outcomes = tokio::select! {
        outcomes = answered => outcomes.unwrap_or_else(|problem| panic!("{which:?}: {problem}")),
        stopped = &mut runtime => panic!("{which:?}: the runtime stopped while serving: {stopped:?}"),
    };
    assert!(
        !runtime.is_finished(),
        "{which:?}: the runtime keeps serving"
    );
    runtime.abort();
    assert_eq!(api.unexpected(), Vec::<String>::new());
    outcomes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_runtime_answers_the_next_good_event_after_each_bad_one() {
    let _env = crate::LAMBDA_ENVIRONMENT.lock().await;
    let cases = cases();
    let mut failures = Vec::new();
    let mut served = 0;
    for which in ALL {
        // Bad, good, bad, good, ...; then the 6 MB event.
        let mine: Vec<&Case> = cases.iter().filter(|case| case.which == which).collect();
        let mut events = Vec::new();
        for case in &mine {
            events.push(case.body.clone());
            events.push(good_event(which));
        }
        if which == Which::Tutorial {
            events.push(six_megabyte_event());
        }
        let outcomes = serve(which, events).await;
        served += outcomes.len();

        for (case, pair) in mine.iter().zip(outcomes.chunks(2)) {
            let (bad, good) = (&pair[0], &pair[1]);
            let problems = if bad.success {
                vec![format!("succeeded: {}", String::from_utf8_lossy(&bad.body))]
            } else {
                let message = bad.error_message().unwrap_or_default();
                let mut problems = check(case, bad.error_type().as_deref(), &message);
                if bad.error_type_header.as_deref() != Some("unhandled") {
                    problems.push(format!("error header {:?}", bad.error_type_header));
                }
                problems
            };
            failures.extend(
                problems
                    .into_iter()
                    .map(|problem| format!("{} ({which:?}): {problem}", case.name)),
            );
            if !good.success || good.json() != good_response(which) {
                failures.push(format!(
                    "{} ({which:?}): the next good event got {}",
                    case.name,
                    String::from_utf8_lossy(&good.body)
                ));
            }
        }
        if which == Which::Tutorial {
            let large = outcomes.last().expect("the 6 MB event's outcome");
            assert!(large.success, "{}", String::from_utf8_lossy(&large.body));
            assert_eq!(large.json(), good_response(which));
        }
    }
    assert_eq!(served, cases.len() * 2 + 1);
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
