//! Amazon Connect's own test cases (the Testing language), read offline.
//!
//! Connect's Testing & Simulation runs a test case on a live instance: a
//! chain of *observations*, each an awaited [`Event`] (a prompt, a block
//! starting) with [`Action`]s run when it is seen (the caller's input, a
//! Lambda's mocked result, an assertion, the end of the test). This module
//! reads such a case, as Connect documents it and as its service accepts
//! it where the two differ (`Version`, `Identifier`/`Id`,
//! `Utterance`/`TextUtterance`), into a [`TestCase`]. A file holds the
//! case's content alone, or the whole `create-test-case` request as kept
//! for the AWS CLI (`Content` as a string, `EntryPoint`,
//! `InitializationData`). Every error names the JSON path and what was
//! expected there ([`CaseError`]); every variant read that the service may
//! not take is a [`Note`] on the case.
//!
//! ```
//! use connect_flow::testcase::{ActionKind, EventKind, Instruction, TestCase};
//!
//! let case = TestCase::from_slice(br#"{
//!   "Version": "2019-10-30", "Metadata": {},
//!   "Observations": [
//!     {"Identifier": "start",
//!      "Event": {"Identifier": "e1", "Type": "TestInitiated", "Actor": "System", "Properties": {}},
//!      "Transitions": {"NextObservations": ["menu"]}},
//!     {"Identifier": "menu",
//!      "Event": {"Identifier": "e2", "Type": "MessageReceived", "Actor": "System",
//!                "Properties": {"Text": "Press 1 for sales", "MatchingCriteria": {"Type": "Inclusion"}}},
//!      "Actions": [{"Identifier": "a1", "Type": "SendInstruction",
//!                   "Parameters": {"ActionType": "SendInstruction", "Actor": "Customer",
//!                                  "Instruction": {"Type": "DtmfInput", "Properties": {"Value": "1"}}},
//!                   "Transitions": {}}]}
//!   ]}"#, "menu.json").unwrap();
//! assert_eq!(case.name, "menu");
//! assert!(matches!(case.observations[1].event.kind, EventKind::MessageReceived(_)));
//! assert_eq!(case.observations[1].actions[0].kind,
//!            ActionKind::SendInstruction(Instruction::Dtmf("1".into())));
//!
//! let err = TestCase::from_slice(br#"{"Version": "2019-10-30", "Observations": [
//!   {"Identifier": "o", "Event": {"Type": "PromptPlayed"}}]}"#, "bad.json").unwrap_err();
//! assert_eq!(err.to_string(), "bad.json: not a Connect test case: at $.Observations[0].Event.Type: \
//!   expected one of \"TestInitiated\", \"MessageReceived\", \"FlowActionStarted\", \"TestCompleted\"");
//! ```

mod action;
mod assertion;
mod contract;
mod control;
mod coverage;
mod entry;
mod error;
mod event;
mod human;
mod instruction;
mod json;
mod junit;
mod mock;
mod observation;
mod read;
mod result;
mod run;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

pub use action::{Action, ActionKind};
pub use assertion::{Assertion, Operator};
pub use contract::check_mocks;
pub use control::Control;
pub use coverage::{BlockCoverage, BranchCoverage, Coverage, FlowCoverage};
pub use entry::{Channel, EntryPoint};
pub use error::CaseError;
pub use event::{
    Event, EventKind, ExpectedAction, ExpectedMessage, FlowActionType, MatchingCriteria,
    MessageContent,
};
pub use human::human;
pub use instruction::Instruction;
pub use json::json;
pub use junit::junit;
pub use mock::{MockResponse, Override, Strategy};
pub use observation::{Observation, Usage};
pub use result::{
    AssertionResult, CaseResult, CoverageSummary, Failure, LogEntry, MockProblem, Report,
};
pub use run::Runner;

use read::{one_of, Ctx};

/// The Testing language version every case known to run live declares.
pub const VERSION: &str = "2019-10-30";
/// The version the API reference's copy of the pages writes; read, with a
/// note, since whether the service takes it is unconfirmed.
pub const DOCUMENTED_VERSION: &str = "2025-06-21";

/// Something read that the service may treat differently: a documented
/// variant the service is known to reject or ignore, or an extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The JSON path it is about.
    pub at: String,
    /// What was read, and what the service does.
    pub text: String,
}

/// One test case, read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TestCase {
    /// The request's `Name`, else the file's name without `.json`.
    pub name: String,
    /// The file it was read from.
    pub file: PathBuf,
    /// The declared `Version`.
    pub version: String,
    /// The observations, as written.
    pub observations: Vec<Observation>,
    /// The request's `EntryPoint` (a voice call when the file is the content
    /// alone).
    pub entry_point: EntryPoint,
    /// The contact's attributes at the start (`InitializationData`).
    pub attributes: BTreeMap<String, String>,
    /// What was read that the service may take differently.
    pub notes: Vec<Note>,
}

impl TestCase {
    /// Reads the case in file `path`.
    pub fn read(path: &Path) -> Result<TestCase, CaseError> {
        let bytes = std::fs::read(path).map_err(|source| CaseError::Read {
            path: path.to_owned(),
            source,
        })?;
        TestCase::from_slice(&bytes, path)
    }

    /// Reads a case from `bytes`; `path` names it in errors and results.
    pub fn from_slice(bytes: &[u8], path: impl AsRef<Path>) -> Result<TestCase, CaseError> {
        let path = path.as_ref();
        let value: Value = serde_json::from_slice(bytes).map_err(|e| CaseError::Json {
            path: path.to_owned(),
            at: String::new(),
            message: e.to_string(),
        })?;
        let mut ctx = Ctx::new(path);
        let stem = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let mut name = stem.strip_suffix(".json").unwrap_or(&stem).to_owned();
        let root = ctx.root(&value);
        root.object()?;
        // `describe-test-case` wraps the request's fields in `TestCase`.
        let request = match root.opt("TestCase")? {
            Some(inner) if inner.value.get("Content").is_some() => inner,
            _ => root.clone(),
        };
        let content_node = request.opt("Content")?;
        let Some(content_node) = content_node else {
            // The content alone.
            let (version, observations) = read_content(&ctx.root(&value), false)?;
            return Ok(TestCase {
                name,
                file: path.to_owned(),
                version,
                observations,
                entry_point: EntryPoint::default(),
                attributes: BTreeMap::new(),
                notes: ctx.notes.take(),
            });
        };
        if let Some(n) = request.opt_str("Name")? {
            name = n.to_owned();
        }
        let entry_point = match request.opt("EntryPoint")? {
            Some(n) => entry::read_entry_point(&n)?,
            None => EntryPoint::default(),
        };
        let attributes = match request.opt("InitializationData")? {
            Some(n) => entry::read_initialization(&n)?,
            None => BTreeMap::new(),
        };
        let text = content_node.value.as_str().ok_or_else(|| {
            content_node.err(format!(
                "the case's content as a string of JSON (as create-test-case takes it), found {}",
                read::kind(content_node.value)
            ))
        })?;
        let content_path = content_node.path.clone();
        let content = ctx.parse_inner(text, &content_path)?;
        let notes_before = ctx.notes.take();
        let outer_prefix = std::mem::replace(&mut ctx.prefix, format!("{content_path} > "));
        let chat = entry_point.channel == Channel::Chat;
        let (version, observations) = read_content(&ctx.root(&content), chat)?;
        ctx.prefix = outer_prefix;
        let mut notes = notes_before;
        notes.extend(ctx.notes.take());
        Ok(TestCase {
            name,
            file: path.to_owned(),
            version,
            observations,
            entry_point,
            attributes,
            notes,
        })
    }

    /// The observation named `id`.
    pub fn observation(&self, id: &str) -> Option<&Observation> {
        self.observations.iter().find(|o| o.id == id)
    }

    /// The observations awaited from the start: those no other observation
    /// names in `NextObservations` (Connect: unconnected observations
    /// "trigger when a matching event occurs independently").
    pub fn roots(&self) -> Vec<&Observation> {
        let named: HashSet<&str> = self
            .observations
            .iter()
            .flat_map(|o| o.next.iter().map(String::as_str))
            .collect();
        self.observations
            .iter()
            .filter(|o| !named.contains(o.id.as_str()))
            .collect()
    }
}

fn read_content(
    root: &read::Node<'_>,
    chat: bool,
) -> Result<(String, Vec<Observation>), CaseError> {
    root.object()?;
    let version_node = root.get("Version")?;
    let version = version_node.str()?;
    if version == DOCUMENTED_VERSION {
        root.ctx.note(
            &version_node.path,
            format!(
                "Version {DOCUMENTED_VERSION:?} (the API reference's) was read; every case known \
                 to run live declares {VERSION:?}"
            ),
        );
    } else if version != VERSION {
        return Err(version_node.err(one_of(&[VERSION, DOCUMENTED_VERSION])));
    }
    if root.opt("Observations")?.is_none() && root.opt("Actions")?.is_some() {
        return Err(root.err(
            "a member `Observations`: this is a flow, not a test case (pass flows with --flow)",
        ));
    }
    let list = root.get("Observations")?;
    let nodes = list.array()?;
    if nodes.is_empty() {
        return Err(list.err("at least one observation"));
    }
    let mut observations: Vec<Observation> = Vec::with_capacity(nodes.len());
    for node in &nodes {
        let observation = observation::read_observation(node, chat)?;
        if observations.iter().any(|o| o.id == observation.id) {
            return Err(node
                .get("Identifier")?
                .err("an Identifier no other observation has"));
        }
        observations.push(observation);
    }
    for (node, observation) in nodes.iter().zip(&observations) {
        for (i, next) in observation.next.iter().enumerate() {
            if !observations.iter().any(|o| o.id == *next) {
                let at = format!("{}.Transitions.NextObservations[{i}]", node.path);
                return Err(root
                    .ctx
                    .shape(&at, "the Identifier of an observation of this case"));
            }
        }
    }
    // An observation is awaited once one before it is met, starting from
    // those no other names: one reached only through a cycle never is.
    let named: HashSet<&str> = observations
        .iter()
        .flat_map(|o| o.next.iter().map(String::as_str))
        .collect();
    let mut reached: Vec<&str> = observations
        .iter()
        .map(|o| o.id.as_str())
        .filter(|id| !named.contains(id))
        .collect();
    let mut i = 0;
    while let Some(id) = reached.get(i).copied() {
        if let Some(o) = observations.iter().find(|o| o.id == id) {
            for next in &o.next {
                if !reached.contains(&next.as_str()) {
                    reached.push(next);
                }
            }
        }
        i += 1;
    }
    if let Some((node, _)) = nodes
        .iter()
        .zip(&observations)
        .find(|(_, o)| !reached.contains(&o.id.as_str()))
    {
        return Err(node.err(
            "an observation that can be awaited: this one is reached only through a cycle of \
             NextObservations, so nothing ever awaits it (start the chain at an observation \
             no NextObservations names)",
        ));
    }
    Ok((version.to_owned(), observations))
}

#[cfg(test)]
mod tests;
