//! `connect-flow simulate`: one contact through flows, offline, with the
//! Lambdas as commands or checked mocks; the trace as a story or as JSON.
//!
//! ```text
//! connect-flow simulate INPUT [INPUT2 ...]
//!     [--lambda FUNCTION=COMMAND ...] [--mock FUNCTION=RESPONSE.json ...]
//!     [--manifest M.json ...] [--customer PHONE] [--system PHONE]
//!     [--channel VOICE|CHAT|TASK] [--attribute K=V ...] [--data REF=VALUE ...]
//!     [--dtmf DIGITS ...] [--say TEXT ...] [--hang-up]
//!     [--hours open|closed] [--agents N] [--intent UTTERANCE=INTENT ...]
//!     [--percent N ...] [--queue-full] [--max-steps N] [--format human|json]
//! ```
//!
//! `--dtmf` and `--say` are the caller's inputs in the order given (an empty
//! `--dtmf ''` is silence until the block's time limit); once they run out
//! the caller is silent, and `--hang-up` hangs up instead. Exit 0 when the
//! contact reached an end of the flow (a queue, a number, a disconnect, the
//! caller hanging up, the end of the flow, a flow not given), 1 when the run
//! stopped short of one (a block not simulated, the step limit, a missing
//! transition), 2 when an input cannot be read or a mock says what its
//! Lambda never does.

use std::io::Write;
use std::path::PathBuf;

use clap::{ArgMatches, Args, FromArgMatches, ValueEnum};

use super::lambda_sources::{pair, LambdaSources};
use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::simulate::{Caller, Channel, Contact, Environment, Hours, Input, Outcome, Simulator};

/// The options of `connect-flow simulate`, as clap reads them.
#[derive(Debug, Clone, Args)]
pub struct SimulateOptions {
    /// The flows: the contact enters the first.
    #[arg(required = true, value_name = "INPUT", help = concat!(
        "The flows: the contact enters the first; the others are flows and \
         modules it may transfer to or invoke. ",
        flow_matching_help!(),
        " ",
        input_help!()
    ))]
    pub flows: Vec<PathBuf>,
    /// The Lambdas: commands, mocks, manifests, other references' values.
    #[command(flatten)]
    pub sources: LambdaSources,
    /// The caller's number ($.CustomerEndpoint.Address).
    #[arg(long, value_name = "PHONE")]
    pub customer: Option<String>,
    /// The number dialled ($.SystemEndpoint.Address).
    #[arg(long, value_name = "PHONE")]
    pub system: Option<String>,
    /// The contact's channel.
    #[arg(long, value_enum, default_value_t = ChannelArg::Voice)]
    pub channel: ChannelArg,
    /// An initial contact attribute.
    #[arg(long = "attribute", value_name = "K=V")]
    pub attributes: Vec<String>,
    /// Keys the caller presses when a block waits (in order with --say).
    #[arg(long, value_name = "DIGITS")]
    pub dtmf: Vec<String>,
    /// Words the caller says (or types) when a block waits.
    #[arg(long, value_name = "TEXT")]
    pub say: Vec<String>,
    /// The caller hangs up after the inputs given, instead of staying silent.
    #[arg(long)]
    pub hang_up: bool,
    /// Whether "Check hours of operation" finds the hours open.
    #[arg(long, value_enum)]
    pub hours: Option<HoursArg>,
    /// Agents available, staffed and online, for "Check staffing".
    #[arg(long, value_name = "N")]
    pub agents: Option<u32>,
    /// The Lex intent an utterance is.
    #[arg(long = "intent", value_name = "UTTERANCE=INTENT")]
    pub intents: Vec<String>,
    /// The next "Distribute by percentage" draw, 1 to 100.
    #[arg(long = "percent", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub percents: Vec<u32>,
    /// Every queue is full (QueueAtCapacity).
    #[arg(long)]
    pub queue_full: bool,
    /// The most blocks one run goes through.
    #[arg(long, value_name = "N", default_value_t = crate::simulate::DEFAULT_MAX_STEPS)]
    pub max_steps: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TraceFormat::Human)]
    pub format: TraceFormat,
}

/// The arguments of `connect-flow simulate`: the options, and the caller's
/// inputs in the order they were given on the command line.
#[derive(Debug, Clone)]
pub struct SimulateArgs {
    /// The options.
    pub options: SimulateOptions,
    /// `--dtmf` and `--say`, interleaved as given.
    pub inputs: Vec<Input>,
}

impl FromArgMatches for SimulateArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let options = SimulateOptions::from_arg_matches(matches)?;
        // clap keeps each option's values apart; their positions on the
        // command line put --dtmf and --say back in the caller's order.
        let mut inputs: Vec<(usize, Input)> = Vec::new();
        let mut collect = |id: &str, make: fn(String) -> Input| {
            if let (Some(values), Some(indices)) =
                (matches.get_many::<String>(id), matches.indices_of(id))
            {
                inputs.extend(indices.zip(values).map(|(i, v)| (i, make(v.clone()))));
            }
        };
        collect("dtmf", |digits| {
            if digits.is_empty() {
                Input::Silence
            } else {
                Input::Dtmf(digits)
            }
        });
        collect("say", Input::Say);
        inputs.sort_by_key(|(i, _)| *i);
        let mut inputs: Vec<Input> = inputs.into_iter().map(|(_, input)| input).collect();
        if options.hang_up {
            inputs.push(Input::HangUp);
        }
        Ok(SimulateArgs { options, inputs })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = SimulateArgs::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for SimulateArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        SimulateOptions::augment_args(cmd)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        SimulateOptions::augment_args_for_update(cmd)
    }
}

/// `--channel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "UPPER")]
pub enum ChannelArg {
    /// A phone call.
    Voice,
    /// A chat.
    Chat,
    /// A task.
    Task,
}

/// `--hours`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HoursArg {
    /// In hours.
    Open,
    /// Out of hours.
    Closed,
}

/// How the trace is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TraceFormat {
    /// A story, block by block.
    Human,
    /// `{"steps", "prompts", "lambdaCalls", "attributes", "outcome", "assumptions"}`.
    Json,
}

impl SimulateArgs {
    fn simulator(&self) -> Result<Simulator, String> {
        let o = &self.options;
        let flows = crate::input::read_all(&o.flows)
            .into_flows()
            .map_err(|e| e.to_string())?;
        let manifests = o.sources.load_manifests()?;
        let mut simulator = Simulator::new(flows);
        simulator.max_steps(o.max_steps);
        for (function, command) in o.sources.commands()? {
            simulator.command(function, command);
        }
        for mock in o.sources.mock_files()? {
            simulator
                .mock(mock.function, &mock.response, &manifests)
                .map_err(|e| format!("{}: {e}", mock.path.display()))?;
        }
        Ok(simulator)
    }

    fn contact(&self) -> Result<Contact, String> {
        let o = &self.options;
        let mut contact = Contact::on(match o.channel {
            ChannelArg::Voice => Channel::Voice,
            ChannelArg::Chat => Channel::Chat,
            ChannelArg::Task => Channel::Task,
        });
        contact.customer = o.customer.clone();
        contact.system = o.system.clone();
        for argument in &o.attributes {
            let (k, v) = pair(argument, "--attribute", "K=V")?;
            contact = contact.attribute(k, v);
        }
        for (k, v) in o.sources.data()? {
            contact = contact.data(k, v);
        }
        Ok(contact)
    }

    fn environment(&self) -> Result<Environment, String> {
        let o = &self.options;
        let mut env = Environment::new();
        env.hours = o.hours.map(|h| match h {
            HoursArg::Open => Hours::Open,
            HoursArg::Closed => Hours::Closed,
        });
        if let Some(n) = o.agents {
            env = env.agents(n);
        }
        for argument in &o.intents {
            let (utterance, intent) = pair(argument, "--intent", "UTTERANCE=INTENT")?;
            env = env.intent(utterance, intent);
        }
        env.percentages.clone_from(&o.percents);
        env.queue_at_capacity = o.queue_full;
        Ok(env)
    }
}

/// Runs `connect-flow simulate`; returns the exit code.
pub fn run_simulate(args: &SimulateArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let prepared = args
        .simulator()
        .and_then(|simulator| Ok((simulator, args.contact()?, args.environment()?)));
    let (simulator, contact, env) = match prepared {
        Ok(prepared) => prepared,
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}");
            return EXIT_INPUT;
        }
    };
    let caller = Caller {
        inputs: args.inputs.clone(),
    };
    let trace = simulator.run(&contact, &caller, &env);
    let written = match args.options.format {
        TraceFormat::Json => writeln!(stdout, "{:#}", trace.to_json()),
        TraceFormat::Human => {
            let from = contact
                .customer
                .as_deref()
                .map(|c| format!(" from {c}"))
                .unwrap_or_default();
            writeln!(
                stdout,
                "A {} contact{from} enters {}:\n{}",
                contact.channel,
                args.options.flows[0].display(),
                trace.human().trim_end()
            )
        }
    };
    if written.is_err() {
        return EXIT_INPUT;
    }
    match trace.outcome() {
        Outcome::NotSimulated { .. } | Outcome::LoopLimit { .. } | Outcome::NoTransition { .. } => {
            EXIT_FINDINGS
        }
        _ => EXIT_OK,
    }
}
