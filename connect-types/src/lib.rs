//! The runtime library behind `connect-lambda`: the Amazon Connect contact
//! flow event, argument extraction, response validation and the handler
//! manifest.
//!
//! Users depend on `connect-lambda`, which re-exports what they need from
//! here.
#![warn(missing_docs)]

pub mod error;
pub mod event;
pub mod extract;
mod json_string;
pub mod manifest;
mod manifest_type;
pub mod response;
pub mod value;

pub use event::{
    Channel, ContactData, ContactFlowDetails, ContactFlowEvent, ContactFlowEventBuilder, Endpoint,
    EndpointType, InitiationMethod, MediaStreams, Queue, Reference,
};
