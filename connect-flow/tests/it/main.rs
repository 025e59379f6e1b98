//! connect-flow's integration tests, one binary: the checker's findings on
//! the fixture flows, its command line, robustness on mangled input, and the
//! fixture manifests against the JSON Schema.

mod checker;
mod cli;
mod flows;
mod html_report;
mod manifest_schema;
mod model;
mod robustness;
mod sarif;
mod scaffold;
