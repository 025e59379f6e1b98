//! What a simulated run depends on, as the test says it: the contact, the
//! caller's inputs in order, and the environment (hours, staffing, Lex,
//! percentage draws). Nothing here is chosen by the simulator: a block that
//! needs something the test did not say stops the run, naming it.

use std::collections::BTreeMap;
use std::fmt;

/// The contact's channel (`$.Channel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Channel {
    /// A phone call.
    #[default]
    Voice,
    /// A chat.
    Chat,
    /// A task.
    Task,
}

impl Channel {
    /// As Connect writes it: `VOICE`, `CHAT`, `TASK`.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Voice => "VOICE",
            Channel::Chat => "CHAT",
            Channel::Task => "TASK",
        }
    }

    /// Reads `VOICE`, `CHAT` or `TASK` (any case).
    ///
    /// ```
    /// use connect_flow::simulate::Channel;
    /// assert_eq!(Channel::parse("chat"), Some(Channel::Chat));
    /// assert_eq!(Channel::parse("fax"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Channel> {
        match text.to_ascii_uppercase().as_str() {
            "VOICE" => Some(Channel::Voice),
            "CHAT" => Some(Channel::Chat),
            "TASK" => Some(Channel::Task),
            _ => None,
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The contact as it enters the first flow.
///
/// ```
/// use connect_flow::simulate::{Channel, Contact};
///
/// let contact = Contact::voice("+15550100")
///     .attribute("vip", "true")
///     .data("$.Customer.FirstName", "Jane");
/// assert_eq!(contact.channel, Channel::Voice);
/// assert_eq!(contact.attributes["vip"], "true");
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    /// `$.Channel`.
    pub channel: Channel,
    /// `$.CustomerEndpoint.Address`: the caller's number (voice).
    pub customer: Option<String>,
    /// `$.SystemEndpoint.Address`: the number dialled (voice).
    pub system: Option<String>,
    /// `$.Attributes` when the contact arrives.
    pub attributes: BTreeMap<String, String>,
    /// `$.LanguageCode`, when set.
    pub language: Option<String>,
    /// Any other reference a flow reads that the simulator does not set
    /// itself (`$.Customer.FirstName`, `$.Views.Action`): its value, keyed by
    /// the reference as the flow writes it.
    pub data: BTreeMap<String, String>,
}

impl Contact {
    /// A phone call from `customer`.
    pub fn voice(customer: impl Into<String>) -> Contact {
        Contact {
            channel: Channel::Voice,
            customer: Some(customer.into()),
            ..Contact::default()
        }
    }

    /// A chat (no endpoints).
    pub fn chat() -> Contact {
        Contact {
            channel: Channel::Chat,
            ..Contact::default()
        }
    }

    /// A contact on `channel`, without endpoints.
    pub fn on(channel: Channel) -> Contact {
        Contact {
            channel,
            ..Contact::default()
        }
    }

    /// Sets the dialled number.
    #[must_use]
    pub fn system(mut self, address: impl Into<String>) -> Contact {
        self.system = Some(address.into());
        self
    }

    /// Sets an initial contact attribute.
    #[must_use]
    pub fn attribute(mut self, key: impl Into<String>, value: impl Into<String>) -> Contact {
        self.attributes.insert(key.into(), value.into());
        self
    }

    /// Sets `$.LanguageCode`.
    #[must_use]
    pub fn language(mut self, code: impl Into<String>) -> Contact {
        self.language = Some(code.into());
        self
    }

    /// Gives the value of another reference (`$.Customer.FirstName`).
    #[must_use]
    pub fn data(mut self, reference: impl Into<String>, value: impl Into<String>) -> Contact {
        self.data.insert(reference.into(), value.into());
        self
    }
}

/// One thing the caller does when a block waits for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Keys pressed, in one go (`"1"`, `"42#"`).
    Dtmf(String),
    /// Words said (or typed, on chat): what a Lex bot hears.
    Say(String),
    /// Nothing, until the block's time limit.
    Silence,
    /// The caller hangs up.
    HangUp,
}

/// The caller's inputs, in the order blocks ask for them. Once they run
/// out, the caller is silent (a block that waits times out).
///
/// ```
/// use connect_flow::simulate::{Caller, Input};
/// let caller = Caller::new().dtmf("1").say("billing").silence().hang_up();
/// assert_eq!(caller.inputs[1], Input::Say("billing".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Caller {
    /// The inputs, first first.
    pub inputs: Vec<Input>,
}

impl Caller {
    /// A caller who does nothing.
    pub fn new() -> Caller {
        Caller::default()
    }

    /// Then presses `digits`.
    #[must_use]
    pub fn dtmf(mut self, digits: impl Into<String>) -> Caller {
        self.inputs.push(Input::Dtmf(digits.into()));
        self
    }

    /// Then says `words`.
    #[must_use]
    pub fn say(mut self, words: impl Into<String>) -> Caller {
        self.inputs.push(Input::Say(words.into()));
        self
    }

    /// Then lets a block time out.
    #[must_use]
    pub fn silence(mut self) -> Caller {
        self.inputs.push(Input::Silence);
        self
    }

    /// Then hangs up.
    #[must_use]
    pub fn hang_up(mut self) -> Caller {
        self.inputs.push(Input::HangUp);
        self
    }
}

/// Whether the hours of operation a block checks are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hours {
    /// In hours: the `True` branch.
    Open,
    /// Out of hours: the `False` branch.
    Closed,
}

/// The world around the contact: what Connect would find out at run time.
///
/// ```
/// use connect_flow::simulate::{Environment, Hours};
///
/// let env = Environment::new()
///     .hours(Hours::Open)
///     .agents(2)
///     .intent("I want to pay my bill", "PayBill")
///     .percent(37);
/// assert_eq!(env.hours, Some(Hours::Open));
/// assert_eq!(env.metrics["NumberOfAgentsStaffed"], 2.0);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Environment {
    /// What "Check hours of operation" finds; `None` stops the run there.
    pub hours: Option<Hours>,
    /// What "Check staffing" / "Check queue status" read, by `MetricType`
    /// (`NumberOfAgentsAvailable`, `NumberOfContactsInQueue`, ...).
    pub metrics: BTreeMap<String, f64>,
    /// The intent a Lex bot recognises in each utterance.
    pub intents: BTreeMap<String, String>,
    /// The numbers (1 to 100) "Distribute by percentage" draws, in order.
    pub percentages: Vec<u32>,
    /// Whether the queue a contact is transferred to is full.
    pub queue_at_capacity: bool,
}

impl Environment {
    /// An environment that says nothing: any block that needs it stops.
    pub fn new() -> Environment {
        Environment::default()
    }

    /// Sets the hours of operation.
    #[must_use]
    pub fn hours(mut self, hours: Hours) -> Environment {
        self.hours = Some(hours);
        self
    }

    /// Sets one metric.
    #[must_use]
    pub fn metric(mut self, metric: impl Into<String>, value: f64) -> Environment {
        self.metrics.insert(metric.into(), value);
        self
    }

    /// Sets the staffing: `n` agents available, staffed and online.
    #[must_use]
    pub fn agents(self, n: u32) -> Environment {
        let n = f64::from(n);
        self.metric("NumberOfAgentsAvailable", n)
            .metric("NumberOfAgentsStaffed", n)
            .metric("NumberOfAgentsOnline", n)
    }

    /// Says which Lex intent `utterance` is.
    #[must_use]
    pub fn intent(
        mut self,
        utterance: impl Into<String>,
        intent: impl Into<String>,
    ) -> Environment {
        self.intents.insert(utterance.into(), intent.into());
        self
    }

    /// Adds the next percentage draw (1 to 100).
    #[must_use]
    pub fn percent(mut self, draw: u32) -> Environment {
        self.percentages.push(draw);
        self
    }

    /// Makes every queue full.
    #[must_use]
    pub fn queue_at_capacity(mut self) -> Environment {
        self.queue_at_capacity = true;
        self
    }
}
