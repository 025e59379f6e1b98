//! connect-flow's integration tests, one binary: the checker's findings on
//! the fixture flows, its command line, robustness on mangled input, the
//! fixture manifests against the JSON Schema, the inputs pipelines hold
//! (directories, describe output, CloudFormation/CDK templates) and the
//! placeholders they write.

mod checker;
mod cli;
mod codes;
mod flows;
mod html_report;
mod inputs;
mod junit_schema;
mod manifest_schema;
mod model;
mod pipeline_placeholders;
mod readme;
mod robustness;
mod sarif;
mod scaffold;
mod simulate;
mod testcases;
mod values;
