//! A JSON-validation Lambda: nested JSON parameters in, a nested response
//! out.
//!
//! The block sends `Name`, `Age` (a number, or its text), `isEnrolledInSchool`
//! and a nested `hobbies` object. The response is validated as JSON, so the
//! flow reads nested keys such as `$.External.Profile.DisplayName`; the
//! `Books` list is returned but, being an array, cannot be referenced from
//! the flow (the manifest says so).
//!
//! ```sh
//! cargo run -p connect-lambda-examples --bin caller_profile -- --event examples/events/nested-json-parameters.json
//! cargo run -p connect-lambda-examples --bin caller_profile -- --manifest
//! ```

use connect_lambda::{connect_handler, ConnectResponse, ConnectValue};
use serde::{Deserialize, Serialize};

/// The nested `hobbies` parameter.
#[derive(Debug, Default, Deserialize)]
pub struct Hobbies {
    #[serde(default)]
    books: Vec<String>,
    #[serde(default)]
    art: Vec<String>,
}

/// `$.External.Profile.AgeGroup`: one of three strings, which the manifest
/// lists as its `values` so the checker can hold the flow's comparisons to
/// them (serde's `rename_all` decides the strings, for the wire and the
/// manifest alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ConnectValue)]
#[serde(rename_all = "lowercase")]
pub enum AgeGroup {
    /// 0 to 12.
    Child,
    /// 13 to 17.
    Teen,
    /// 18 and over.
    Adult,
}

impl AgeGroup {
    /// The group of an age in years.
    pub fn of(age: u32) -> AgeGroup {
        match age {
            0..=12 => AgeGroup::Child,
            13..=17 => AgeGroup::Teen,
            _ => AgeGroup::Adult,
        }
    }
}

/// `$.External.Profile.*`
#[derive(Debug, PartialEq, ConnectResponse)]
#[connect(json, rename_all = "PascalCase")]
pub struct Profile {
    display_name: String,
    age_group: AgeGroup,
    in_school: bool,
}

/// The whole response: `$.External.Profile`, `$.External.HobbyCount`,
/// `$.External.Books` (listed, not referenceable).
#[derive(Debug, PartialEq, ConnectResponse)]
#[connect(json, rename_all = "PascalCase")]
pub struct CallerProfile {
    // Profile derives ConnectResponse too: its keys are listed nested.
    profile: Profile,
    hobby_count: u32,
    books: Vec<String>,
}

/// Builds the caller's profile from what the flow collected.
#[connect_handler(function = "CallerProfile")]
pub async fn caller_profile(
    #[param(rename = "Name")] name: String,
    #[param(rename = "Age")] age: u32,
    #[param(rename = "isEnrolledInSchool")] in_school: Option<bool>,
    #[param] hobbies: Option<Hobbies>,
) -> Result<CallerProfile, connect_lambda::Error> {
    let hobbies = hobbies.unwrap_or_default();
    Ok(CallerProfile {
        profile: Profile {
            display_name: name,
            age_group: AgeGroup::of(age),
            in_school: in_school.unwrap_or(false),
        },
        hobby_count: u32::try_from(hobbies.books.len() + hobbies.art.len())?,
        books: hobbies.books,
    })
}

// One invocation at a time: see my_first_connect_lambda.rs.
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), connect_lambda::Error> {
    connect_lambda::run(caller_profile::handler()).await
}
