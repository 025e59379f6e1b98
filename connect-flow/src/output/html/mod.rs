//! `--format html`: the findings drawn on the flow, one self-contained page.
//!
//! Flow authors work in the flow designer, a drawing. This page draws each
//! flow the way the designer does (blocks at their designer positions,
//! [`layout`]; labelled with the designer's names, [`crate::designer`];
//! arrows for next, condition and error transitions) and marks each finding
//! on its block, with the list beside the drawing. Everything is inline
//! (CSS, SVG, one small script) and a Content-Security-Policy forbids any
//! fetch, so the page opens from a CI artifact or an email.
//!
//! The elements tests and tools rely on: every block is one element with
//! `data-block-id` = its Identifier; every finding's element carries
//! `data-code` and `data-block-id` (empty for a finding about a manifest).
//! Every string from a flow or a manifest reaches the page through maud,
//! which escapes it: flows are untrusted input.
//!
//! ```
//! use connect_flow::{check, model::Model, output::html::html, Flow, Manifests};
//!
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Say", "Actions": [
//!   {"Identifier": "Say", "Type": "MessageParticipant",
//!    "Parameters": {"Text": "$.External.x"}, "Transitions": {}}]}"#, "main.json").unwrap();
//! let manifests = Manifests::new();
//! let findings = check(std::slice::from_ref(&flow), &manifests).unwrap();
//! let page = html(&Model::new(vec![flow]), &manifests, &findings);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains(r#"data-block-id="Say""#));
//! assert!(page.contains(r#"data-code="no-lambda-ran""#));
//! ```

pub mod layout;

use std::collections::HashMap;
use std::fmt::Write as _;

use maud::{html as markup, Markup, PreEscaped, DOCTYPE};
use serde_json::Value;

use crate::designer::BlockName;
use crate::findings::{Finding, Severity};
use crate::flow::{Action, EdgeKind, Flow};
use crate::matching::Manifests;
use crate::model::Model;
use crate::output::human::{plural, Summary};
use layout::{place, Rect, BLOCK_HEIGHT, BLOCK_WIDTH, MARGIN};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
/// No fetch of any kind; only the page's own inline style and script run.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/// The report page for `findings` on the model's flows, with the
/// `$.External` keys of each Lambda block's manifest from `manifests`.
pub fn html(model: &Model, manifests: &Manifests, findings: &[Finding]) -> String {
    let flows: Vec<&Flow> = model.raw().collect();
    let summary = Summary::of(findings, flows.len(), manifests.all().len());
    let unowned: Vec<&Finding> = findings
        .iter()
        .filter(|f| {
            !flows
                .iter()
                .any(|flow| flow.path == f.file && flow.resource == f.resource)
        })
        .collect();
    let page = markup! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "connect-flow check: " (summary) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header.summary {
                    h1 { "connect-flow check" }
                    p.totals {
                        span data-summary="flows" { (plural(flows.len(), "flow")) }
                        " · "
                        span.error data-summary="errors" { (plural(summary.errors, "error")) }
                        " · "
                        span.warning data-summary="warnings" { (plural(summary.warnings, "warning")) }
                    }
                    ul.flows-list {
                        @for (n, flow) in flows.iter().enumerate() {
                            @let (errors, warnings) = tally(&of_flow(findings, flow));
                            li {
                                a href=(format!("#flow-{n}")) { (flow.path.display()) }
                                ": "
                                span.count.error[errors > 0] { (plural(errors, "error")) }
                                ", "
                                span.count.warning[warnings > 0] { (plural(warnings, "warning")) }
                            }
                        }
                    }
                    (legend())
                    @if !unowned.is_empty() {
                        h3 { "Manifests" }
                        ul.findings-list {
                            @for finding in &unowned {
                                (finding_item(finding, None, false))
                            }
                        }
                    }
                }
                @for (n, flow) in flows.iter().enumerate() {
                    (flow_section(n, flow, manifests, &of_flow(findings, flow)))
                }
                output #selftest hidden {}
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    page.into_string()
}

fn of_flow<'a>(findings: &'a [Finding], flow: &Flow) -> Vec<&'a Finding> {
    // A template holds several flows in one file: the resource tells them apart.
    findings
        .iter()
        .filter(|f| f.file == flow.path && f.resource == flow.resource)
        .collect()
}

/// Errors and warnings among `findings`.
fn tally(findings: &[&Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

/// How each kind of arrow looks, for the reader.
fn legend() -> Markup {
    let sample = |class: &str| {
        markup! {
            svg width="36" height="10" {
                path class=(format!("edge {class}")) d="M2 5 H34" {}
            }
        }
    };
    markup! {
        p.legend {
            span { (sample("next")) " next" }
            span { (sample("condition")) " condition" }
            span { (sample("error")) " error" }
        }
    }
}

fn flow_section(n: usize, flow: &Flow, manifests: &Manifests, findings: &[&Finding]) -> Markup {
    let boxes = place(flow);
    let width = boxes.iter().map(|r| r.x).fold(0.0, f64::max) + BLOCK_WIDTH + MARGIN;
    let height = boxes.iter().map(|r| r.y).fold(0.0, f64::max) + BLOCK_HEIGHT + MARGIN;
    let mut on_block: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for finding in findings {
        if let Some(action) = finding.action.as_deref() {
            on_block.entry(action).or_default().push(finding);
        }
    }
    let start = flow.position(&flow.start_action);
    markup! {
        section.flow id=(format!("flow-{n}")) {
            h2 { (flow.path.display()) }
            div.layout {
                div.pane {
                    div.canvas style=(format!("width:{width:.0}px;height:{height:.0}px;\
                        --block-width:{BLOCK_WIDTH}px;--block-height:{BLOCK_HEIGHT}px")) {
                        (edges(flow, &boxes, width, height))
                        @if let Some(start) = start {
                            div.start-marker style=(format!("left:{:.1}px;top:{:.1}px",
                                boxes[start].x, boxes[start].y - 22.0)) { "Start" }
                        }
                        @for (index, action) in flow.actions.iter().enumerate() {
                            (block(action, boxes[index], Some(index) == start,
                                   on_block.get(action.identifier.as_str()).map_or(&[][..], Vec::as_slice),
                                   manifests))
                        }
                    }
                }
                aside.findings {
                    h3 { "Findings" }
                    @if findings.is_empty() {
                        p.none { "No findings." }
                    } @else {
                        ol.findings-list {
                            @for finding in findings {
                                @let action = finding.action.as_deref().and_then(|id| flow.position(id));
                                (finding_item(finding, action.map(|i| &flow.actions[i]),
                                              finding.action.is_some() && action.is_none()))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn worst(findings: &[&Finding]) -> Option<Severity> {
    if findings.is_empty() {
        None
    } else if findings.iter().any(|f| f.severity() == Severity::Error) {
        Some(Severity::Error)
    } else {
        Some(Severity::Warning)
    }
}

fn block(
    action: &Action,
    at: Rect,
    is_start: bool,
    findings: &[&Finding],
    manifests: &Manifests,
) -> Markup {
    let name = BlockName::of(action);
    let worst = worst(findings);
    let returns = lambda_returns(action, manifests);
    markup! {
        div.block.start[is_start]
            .has-error[worst == Some(Severity::Error)]
            .has-warning[worst == Some(Severity::Warning)]
            data-block-id=(action.identifier)
            tabindex="0"
            style=(format!("left:{:.1}px;top:{:.1}px", at.x, at.y)) {
            div.type { (name.type_name) }
            div.label title=(action.identifier) { (name.label.as_str()) }
            @if let Some(function) = &name.function {
                div.function { (function) }
            }
            @if let Some(worst) = worst {
                span.badge.(worst.as_str()) data-count=(findings.len()) { (findings.len()) }
            }
            div.tip role="tooltip" {
                div.tip-title { (name) }
                @if findings.is_empty() {
                    div { "No findings." }
                } @else {
                    ul {
                        @for finding in findings {
                            li data-code=(finding.code.as_str()) {
                                (finding.severity().as_str()) "[" (finding.code.as_str()) "] "
                                (finding.full_message())
                            }
                        }
                    }
                }
                @if let Some(returns) = returns {
                    div.returns { (returns) }
                }
            }
        }
    }
}

/// For a Lambda block: what its manifest says the flow may read after it.
fn lambda_returns(action: &Action, manifests: &Manifests) -> Option<Markup> {
    let invoke = action.lambda_invoke()?;
    let arn = invoke.function_arn()?;
    // Through `Match::index`, so every way of pairing a manifest counts.
    let index = match manifests.resolve(arn).map(|found| found.index()) {
        Ok(Some(index)) => index,
        Ok(None) => {
            return Some(markup! { "No manifest paired: its $.External keys are unknown." })
        }
        Err(_) => return Some(markup! { "Several manifests match this function." }),
    };
    let loaded = manifests.get(index)?;
    let keys: Vec<_> = loaded
        .manifest
        .external
        .iter()
        .filter(|key| key.referenceable)
        .collect();
    Some(markup! {
        "Its manifest (" (loaded.manifest.handler) ") returns: "
        @if keys.is_empty() { "no $.External keys." }
        @for (i, key) in keys.iter().enumerate() {
            @if i > 0 { ", " }
            code { (key.path) }
            @if !key.required { " (optional)" }
        }
    })
}

fn finding_item(finding: &Finding, action: Option<&Action>, unplaced: bool) -> Markup {
    let severity = finding.severity().as_str();
    let mut place = match action {
        Some(action) => BlockName::of(action).to_string(),
        None => match &finding.action {
            Some(id) => format!("no block {id:?} in this flow"),
            None => finding.file.display().to_string(),
        },
    };
    if let Some(field) = &finding.field {
        let _ = write!(place, ", field {field}");
    }
    markup! {
        li.finding.(severity)
            data-code=(finding.code.as_str())
            data-block-id=(finding.action.as_deref().unwrap_or(""))
            data-unplaced[unplaced]
            tabindex="0" {
            span.severity { (severity) } " "
            code { (finding.code.as_str()) }
            div.where { (place) }
            p.message { (finding.full_message()) }
            @if let Some(help) = &finding.help { p.help { "help: " (help) } }
            @if let Some(note) = &finding.note { p.note { "note: " (note) } }
        }
    }
}

/// The arrows: one per transition with a target that exists, leaving the
/// source's right side at a port of its own (as the designer's branches do)
/// and entering the target's left side.
fn edges(flow: &Flow, boxes: &[Rect], width: f64, height: f64) -> Markup {
    struct Arrow {
        class: &'static str,
        path: String,
        label: Option<(f64, f64, String)>,
    }
    let mut arrows = Vec::new();
    for (index, action) in flow.actions.iter().enumerate() {
        let targets: Vec<(EdgeKind, &str)> = action.transitions.targets().collect();
        let ports = targets.len() as f64 + 1.0;
        for (port, (kind, target)) in targets.iter().enumerate() {
            let Some(to) = flow.position(target) else {
                continue;
            };
            let from = boxes[index];
            let sx = from.x + BLOCK_WIDTH;
            let sy = from.y + BLOCK_HEIGHT * (port as f64 + 1.0) / ports;
            let tx = boxes[to].x;
            let ty = boxes[to].y + BLOCK_HEIGHT / 2.0;
            let bend = ((tx - sx).abs() / 2.0).max(60.0);
            let (class, label) = edge_kind(action, *kind);
            arrows.push(Arrow {
                class,
                path: format!(
                    "M{sx:.1} {sy:.1} C{:.1} {sy:.1} {:.1} {ty:.1} {tx:.1} {ty:.1}",
                    sx + bend,
                    tx - bend
                ),
                label: label.map(|text| (sx + 4.0, sy - 3.0, text)),
            });
        }
    }
    markup! {
        svg.edges width=(format!("{width:.0}")) height=(format!("{height:.0}")) {
            defs {
                @for class in ["next", "condition", "error"] {
                    marker id=(format!("arrow-{class}")) viewBox="0 0 10 10" refX="9" refY="5"
                        markerWidth="7" markerHeight="7" orient="auto-start-reverse" {
                        path class=(format!("head {class}")) d="M0 0 L10 5 L0 10 z" {}
                    }
                }
            }
            @for arrow in &arrows {
                path class=(format!("edge {}", arrow.class))
                    marker-end=(format!("url(#arrow-{})", arrow.class)) d=(arrow.path) {}
                @if let Some((x, y, text)) = &arrow.label {
                    text class=(format!("port {}", arrow.class))
                        x=(format!("{x:.1}")) y=(format!("{y:.1}")) { (text) }
                }
            }
        }
    }
}

/// The arrow's class and the short label the designer shows at its port.
fn edge_kind(action: &Action, kind: EdgeKind) -> (&'static str, Option<String>) {
    // Room between two designer blocks is about 40 px: a dozen characters.
    const LABEL_CHARS: usize = 12;
    let short = |text: &str| -> String {
        if text.chars().count() > LABEL_CHARS {
            text.chars().take(LABEL_CHARS - 1).chain(['…']).collect()
        } else {
            text.to_owned()
        }
    };
    match kind {
        EdgeKind::Next => ("next", None),
        EdgeKind::Condition(i) => {
            let operand = action.transitions.conditions[i]
                .condition
                .as_ref()
                .and_then(|c| c.get("Operands"))
                .and_then(|o| o.get(0))
                .and_then(Value::as_str)
                .map(short);
            ("condition", operand)
        }
        EdgeKind::Error(i) => {
            // The designer's branch names for the common error types.
            let label = match action.transitions.errors[i].error_type.as_str() {
                "NoMatchingError" => "Error".to_owned(),
                "NoMatchingCondition" => "No match".to_owned(),
                "TimeLimitExceeded" | "InputTimeLimitExceeded" => "Timeout".to_owned(),
                other => short(other),
            };
            ("error", Some(label))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;
    use crate::matching::LoadedManifest;

    fn report(flow: &str, manifests: &Manifests) -> String {
        let flow = Flow::from_slice(flow.as_bytes(), "flow.json").unwrap();
        let findings = check(std::slice::from_ref(&flow), manifests).unwrap();
        html(&Model::new(vec![flow]), manifests, &findings)
    }

    #[test]
    fn strings_from_the_flow_are_escaped() {
        let page = report(
            r#"{"Version": "2019-10-30", "StartAction": "<img src=x onerror=alert(1)>", "Actions": [
              {"Identifier": "<img src=x onerror=alert(1)>", "Type": "<b>Custom</b>",
               "Parameters": {"LambdaFunctionARN": "x"},
               "Transitions": {"NextAction": "\"><script>alert(2)</script>",
                 "Conditions": [{"NextAction": "<img src=x onerror=alert(1)>",
                   "Condition": {"Operator": "Equals", "Operands": ["<script>alert(3)"]}}],
                 "Errors": [{"NextAction": "<img src=x onerror=alert(1)>", "ErrorType": "<svg onload=alert(4)>"}]}}
            ]}"#,
            &Manifests::new(),
        );
        for raw in ["<img src=x", "<b>Custom", "<script>alert", "<svg onload"] {
            assert!(!page.contains(raw), "{raw} reached the page unescaped");
        }
        assert!(page.contains(r#"data-block-id="&lt;img src=x onerror=alert(1)&gt;""#));
        assert!(page.contains("&lt;b&gt;Custom&lt;/b&gt;"));
        // The dangling target is named in the finding's message.
        assert!(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
        // A condition label, cut to fit between blocks.
        assert!(page.contains("&lt;script&gt;ale…</text>"));
    }

    #[test]
    fn every_action_is_one_block_and_every_finding_names_code_and_block() {
        let page = report(
            r#"{"Version": "2019-10-30", "StartAction": "Nowhere", "Actions": [
              {"Identifier": "Say", "Type": "MessageParticipant", "Parameters": {"Text": "hi"},
               "Transitions": {"NextAction": "Gone"}},
              {"Identifier": "Bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
            ]}"#,
            &Manifests::new(),
        );
        assert_eq!(page.matches(r#"<div class="block"#).count(), 2);
        assert!(page.contains(r#"data-block-id="Say""#));
        assert!(page.contains(r#"data-block-id="Bye""#));
        // The missing StartAction has no block: its finding is listed, and
        // says it is not on the drawing.
        assert!(page.contains(
            r#"<li class="finding warning" data-code="dangling-transition" data-block-id="Nowhere" data-unplaced"#
        ));
        assert!(page.contains(
            r#"<li class="finding warning" data-code="dangling-transition" data-block-id="Say" tabindex"#
        ));
        assert!(page.contains(r#"<span class="badge warning" data-count="1">1</span>"#));
        assert!(page.contains("<span data-summary=\"flows\">1 flow</span>"));
    }

    #[test]
    fn a_lambda_block_shows_the_keys_its_manifest_returns() {
        let mut manifests = Manifests::new();
        manifests.add(
            LoadedManifest::from_slice(
                br#"{"manifestVersion": 1, "handler": "get_balance", "responseValidation": "STRING_MAP",
                     "external": [
                       {"path": "$.External.customerBalance", "key": "customerBalance",
                        "type": "string", "required": true, "referenceable": true},
                       {"path": "$.External.greeting", "key": "greeting",
                        "type": "string", "required": false, "referenceable": true}]}"#,
                "get_balance.json",
            )
            .unwrap(),
        );
        let page = report(
            r#"{"Version": "2019-10-30", "StartAction": "Get", "Actions": [
              {"Identifier": "Get", "Type": "InvokeLambdaFunction",
               "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:us-east-1:1:function:GetBalance",
                              "InvocationTimeLimitSeconds": "8"},
               "Transitions": {"NextAction": "Bye",
                               "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Bye"}]}},
              {"Identifier": "Bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
            ]}"#,
            &manifests,
        );
        assert!(page.contains(
            "Its manifest (get_balance) returns: <code>$.External.customerBalance</code>, \
             <code>$.External.greeting</code> (optional)"
        ));
        assert!(page.contains(r#"<div class="function">GetBalance</div>"#));
        assert!(page.contains(r#"class="edge error" marker-end="url(#arrow-error)""#));
        assert!(page.contains(r#"class="edge next" marker-end="url(#arrow-next)""#));
        assert!(page.contains(r#"<div class="start-marker""#));
    }

    #[test]
    fn a_finding_about_a_manifest_is_listed_at_the_top_with_no_block() {
        let mut manifests = Manifests::new();
        manifests.add(
            LoadedManifest::from_slice(
                br#"{"manifestVersion": 1, "handler": "unused", "responseValidation": "STRING_MAP"}"#,
                "unused.json",
            )
            .unwrap(),
        );
        let page = report(
            r#"{"Version": "2019-10-30", "StartAction": "Bye", "Actions": [
              {"Identifier": "Bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
            ]}"#,
            &manifests,
        );
        let header = &page[..page.find("<section").unwrap()];
        assert!(header.contains(
            r#"<li class="finding warning" data-code="unused-manifest" data-block-id="" tabindex"#
        ));
        assert!(page.contains("No findings."));
    }
}
