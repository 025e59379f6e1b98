//! `--format html`: the findings drawn on the flow, one self-contained page.
//!
//! Flow authors work in the flow designer, a drawing. This page draws each
//! flow the way the designer does (blocks at their designer positions,
//! [`layout`]; labelled with the designer's names, [`crate::designer`];
//! each branch a labelled row on its block, its arrow leaving from there)
//! and marks each finding on its block, with the list beside the drawing,
//! errors first; the page opens on the first error (page.js). A transfer to
//! another flow on the page links to it (the model's [`crate::model::Block::link`]). Everything is inline
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

pub mod coverage;
pub mod layout;

use std::collections::HashMap;
use std::fmt::Write as _;

use maud::{html as markup, Markup, PreEscaped, DOCTYPE};
use serde_json::Value;

use crate::designer::BlockName;
use crate::findings::{Finding, Severity};
use crate::flow::{Action, EdgeKind, Flow};
use crate::matching::Manifests;
use crate::model::{target_name, Block, FlowModel, FunctionRef, Model};
use crate::output::human::{plural, Summary};
use layout::{place, Rect, BLOCK_WIDTH, MARGIN};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
/// No fetch of any kind; only the page's own inline style and script run.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/// The report page for `findings` on the model's flows, with the
/// `$.External` keys of each Lambda block's manifest from `manifests`.
pub fn html(model: &Model, manifests: &Manifests, findings: &[Finding]) -> String {
    page(model, manifests, findings, None)
}

/// The report page with what test runs reached drawn on it: each block's
/// element carries `data-visits` (its visit count), each arrow's
/// `data-taken` (`true` or `false`), and the header the overlay's summary.
///
/// ```
/// use connect_flow::output::html::{coverage::Overlay, html_with_coverage};
/// use connect_flow::{model::Model, Flow, Manifests};
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Bye", "Actions": [
///   {"Identifier": "Bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}"#,
///   "main.json").unwrap();
/// let overlay = Overlay { summary: "0 of 1 blocks reached".into(), ..Overlay::default() };
/// let page = html_with_coverage(&Model::new(vec![flow]), &Manifests::new(), &[], &overlay);
/// assert!(page.contains(r#"data-block-id="Bye" data-visits="0""#));
/// ```
pub fn html_with_coverage(
    model: &Model,
    manifests: &Manifests,
    findings: &[Finding],
    coverage: &coverage::Overlay,
) -> String {
    page(model, manifests, findings, Some(coverage))
}

fn page(
    model: &Model,
    manifests: &Manifests,
    findings: &[Finding],
    coverage: Option<&coverage::Overlay>,
) -> String {
    let flows: Vec<&Flow> = model.raw().collect();
    let flows = flows.as_slice();
    let summary = Summary::of(findings, flows.len(), manifests.all().len());
    let unowned = errors_first(
        findings
            .iter()
            .filter(|f| {
                !flows
                    .iter()
                    .any(|flow| flow.path == f.file && flow.resource == f.resource)
            })
            .collect(),
    );
    let links = Links { flows };
    let page = markup! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                @if let Some(coverage) = coverage {
                    title { "connect-flow test: " (coverage.summary) }
                } @else {
                    title { "connect-flow check: " (summary) }
                }
                style { (PreEscaped(STYLE)) @if coverage.is_some() { (PreEscaped(coverage::STYLE)) } }
            }
            body {
                header.summary {
                    h1 { @if coverage.is_some() { "connect-flow test: coverage" } @else { "connect-flow check" } }
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
                    @if let Some(coverage) = coverage {
                        p.coverage-summary data-summary="coverage" { (coverage.summary) }
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
                @for (n, flow) in model.flows.iter().enumerate() {
                    (flow_section(n, flow, manifests, &of_flow(findings, &flow.flow), &links, coverage))
                }
                output #selftest hidden {}
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    page.into_string()
}

/// The findings on `flow`, errors first (see [`errors_first`]).
fn of_flow<'a>(findings: &'a [Finding], flow: &Flow) -> Vec<&'a Finding> {
    // A template holds several flows in one file: the resource tells them apart.
    errors_first(
        findings
            .iter()
            .filter(|f| f.file == flow.path && f.resource == flow.resource)
            .collect(),
    )
}

/// Errors before warnings, each in the checker's order: an error stops the
/// pipeline, so it is what a reader should meet first (and the page opens
/// on the first one, page.js).
fn errors_first(mut findings: Vec<&Finding>) -> Vec<&Finding> {
    // A stable sort keeps the order within each severity.
    findings.sort_by_key(|f| f.severity() != Severity::Error);
    findings
}

/// What a block needs to link to the other flows on the page.
struct Links<'a> {
    flows: &'a [&'a Flow],
}

/// Where a transfer or module block goes, as the drawing shows it.
enum Transfer<'a> {
    /// Not a transfer, or one that names nothing.
    None,
    /// To the page's flow with this index.
    Linked(usize, &'a Flow),
    /// To a flow not on the page, by the name it is given.
    Named(String),
}

impl<'a> Links<'a> {
    /// Where block `index` of `flow` goes, as the model linked it.
    fn of(&self, flow: &FlowModel, index: usize) -> Transfer<'a> {
        let linked = flow.blocks.get(index).and_then(|b| b.link);
        match linked.and_then(|target| Some((target, *self.flows.get(target)?))) {
            Some((target, to)) => Transfer::Linked(target, to),
            None => flow
                .action(index)
                .and_then(|action| target_name(&flow.flow, action))
                .map_or(Transfer::None, Transfer::Named),
        }
    }
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

fn flow_section(
    n: usize,
    model: &FlowModel,
    manifests: &Manifests,
    findings: &[&Finding],
    links: &Links,
    coverage: Option<&coverage::Overlay>,
) -> Markup {
    let flow = &model.flow;
    let boxes = place(model);
    let width = boxes.iter().map(|r| r.x).fold(0.0, f64::max) + BLOCK_WIDTH + MARGIN;
    let height = boxes.iter().map(|r| r.y + r.height).fold(0.0, f64::max) + MARGIN;
    let mut on_block: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for finding in findings {
        if let Some(action) = finding.action.as_deref() {
            on_block.entry(action).or_default().push(finding);
        }
    }
    let start = model.start;
    markup! {
        section.flow id=(format!("flow-{n}")) data-path=(flow.path.display()) {
            h2 { (flow.path.display()) }
            div.layout {
                div.pane {
                    div.canvas style=(format!("width:{width:.0}px;height:{height:.0}px;\
                        --block-width:{BLOCK_WIDTH}px;--block-height:{}px;--port-row:{}px",
                        layout::BLOCK_HEIGHT, layout::PORT_ROW)) {
                        (edges(model, &boxes, width, height, coverage))
                        @if let Some(start) = start {
                            div.start-marker style=(format!("left:{:.1}px;top:{:.1}px",
                                boxes[start].x, boxes[start].y - 22.0)) { "Start" }
                        }
                        @for (index, action) in flow.actions.iter().enumerate() {
                            (block(action, &model.blocks[index], boxes[index], Some(index) == start,
                                   on_block.get(action.identifier.as_str()).map_or(&[][..], Vec::as_slice),
                                   lambda_returns(model.function(index), manifests),
                                   links.of(model, index),
                                   coverage.map(|c| c.visits(&flow.path, &action.identifier))))
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
                                @let action = finding.action.as_deref().and_then(|id| model.position(id));
                                (finding_item(finding, action.map(|i| &model.blocks[i].name),
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

#[allow(clippy::too_many_arguments)] // each is one thing the block shows
fn block(
    action: &Action,
    resolved: &Block,
    at: Rect,
    is_start: bool,
    findings: &[&Finding],
    returns: Option<Markup>,
    transfer: Transfer,
    visits: Option<usize>,
) -> Markup {
    let worst = worst(findings);
    let name = &resolved.name;
    let has_errors = !action.transitions.errors.is_empty();
    markup! {
        div.block.start[is_start]
            .has-error[worst == Some(Severity::Error)]
            .has-warning[worst == Some(Severity::Warning)]
            data-block-id=(action.identifier)
            data-visits=[visits]
            tabindex="0"
            style=(format!("left:{:.1}px;top:{:.1}px;height:{:.1}px", at.x, at.y, at.height)) {
            div.type { (name.type_name) }
            div.label title=(action.identifier) { (name.label.as_str()) }
            @if let Some(function) = &name.function {
                div.function { (function) }
            }
            @if let Transfer::Linked(target, flow) = transfer {
                // Only a page-made `#flow-N` goes into href: the flow's own
                // text stays in escaped element text and attributes.
                a.transfer href=(format!("#flow-{target}")) data-transfer-to=(format!("flow-{target}"))
                    title=(format!("Go to {}", flow.path.display())) {
                    (file_name(flow))
                }
            } @else if let Transfer::Named(name) = &transfer {
                // A flow not on the page: named, not linked.
                div.transfer.unlinked title=(name) { (name) }
            }
            // One row per branch, as the designer lists them, each where its
            // arrow leaves (the model's branches, as `edges` draws them):
            // labels never share a row.
            div.ports {
                @for branch in &resolved.branches {
                    @let (class, label, title) = port_label(action, branch.kind.edge(), has_errors);
                    div.port.(class) title=(title) { (label) }
                }
            }
            @if let Some(visits) = visits {
                span.visits title="visits by the test cases" { "×" (visits) }
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

/// For a block invoking `function` (the model's reading of it): what its
/// manifest says the flow may read after it.
fn lambda_returns(function: Option<&FunctionRef>, manifests: &Manifests) -> Option<Markup> {
    let function = function.filter(|f| !matches!(f, FunctionRef::Missing))?;
    // Through `Match::index`, so every way of pairing a manifest counts.
    let index = match manifests.resolve_ref(function).map(|found| found.index()) {
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

fn finding_item(finding: &Finding, block: Option<&BlockName>, unplaced: bool) -> Markup {
    let severity = finding.severity().as_str();
    let mut place = match block {
        Some(name) => name.to_string(),
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

/// The name a flow is shown by in a link: its file's name.
fn file_name(flow: &Flow) -> String {
    flow.path.file_name().map_or_else(
        || flow.path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// The arrows: one per transition with a target that exists, leaving the
/// source's right side at its branch row and entering the target's left
/// side. With `coverage`, each arrow says whether a test run took it.
fn edges(
    model: &FlowModel,
    boxes: &[Rect],
    width: f64,
    height: f64,
    coverage: Option<&coverage::Overlay>,
) -> Markup {
    struct Arrow<'a> {
        class: &'static str,
        taken: Option<bool>,
        from: &'a str,
        branch: String,
        path: String,
    }
    let flow = &model.flow;
    let mut arrows: Vec<Arrow> = Vec::new();
    for (from, (action, block)) in flow.actions.iter().zip(&model.blocks).enumerate() {
        // The model's branches are the transitions in order, one per port;
        // a dangling one has a port but no arrow.
        for (port, branch) in block.branches.iter().enumerate() {
            let kind = branch.kind.edge();
            let Some(to) = branch.block() else {
                continue;
            };
            let (sx, sy) = boxes[from].port(port);
            let tx = boxes[to].x;
            let ty = boxes[to].y + layout::BLOCK_HEIGHT / 2.0;
            // Forward, a wide S; backward (a loop, or the next band of a
            // wrapped layout), a short one: a bend as wide as the way back
            // would leave the drawing on the left.
            let bend = if tx >= sx {
                ((tx - sx) / 2.0).max(60.0)
            } else {
                MARGIN
            };
            arrows.push(Arrow {
                class: edge_class(kind),
                taken: coverage.map(|c| c.taken(&flow.path, &action.identifier, kind)),
                from: &action.identifier,
                branch: match kind {
                    EdgeKind::Next => "next".to_owned(),
                    EdgeKind::Condition(i) => format!("condition-{i}"),
                    EdgeKind::Error(i) => format!("error-{i}"),
                },
                path: format!(
                    "M{sx:.1} {sy:.1} C{:.1} {sy:.1} {:.1} {ty:.1} {tx:.1} {ty:.1}",
                    sx + bend,
                    tx - bend
                ),
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
                    marker-end=(format!("url(#arrow-{})", arrow.class))
                    data-from=[arrow.taken.map(|_| arrow.from)]
                    data-branch=[arrow.taken.map(|_| &arrow.branch)]
                    data-taken=[arrow.taken] d=(arrow.path) {}
            }
        }
    }
}

fn edge_class(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Next => "next",
        EdgeKind::Condition(_) => "condition",
        EdgeKind::Error(_) => "error",
    }
}

/// A branch row's class, its label as the designer shows it, and the
/// whole condition for its tooltip (the row cuts a long label with an
/// ellipsis).
fn port_label(action: &Action, kind: EdgeKind, has_errors: bool) -> (&'static str, String, String) {
    let class = edge_class(kind);
    match kind {
        // The designer calls the way on "Success" where a block can fail.
        EdgeKind::Next => {
            let label = if has_errors { "Success" } else { "Next" };
            (class, label.to_owned(), label.to_owned())
        }
        EdgeKind::Condition(i) => {
            let condition = action.transitions.conditions[i].condition.as_ref();
            let operator = condition
                .and_then(|c| c.get("Operator"))
                .and_then(Value::as_str)
                .unwrap_or("");
            let operands: Vec<&str> = condition
                .and_then(|c| c.get("Operands"))
                .and_then(Value::as_array)
                .map(|o| o.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let label = match operands.first() {
                Some(operand) => (*operand).to_owned(),
                None if !operator.is_empty() => operator.to_owned(),
                None => format!("Condition {}", i + 1),
            };
            let title = format!("{operator} {}", operands.join(", "))
                .trim()
                .to_owned();
            (class, label, title)
        }
        EdgeKind::Error(i) => {
            let error_type = action.transitions.errors[i].error_type.as_str();
            // The designer's branch names for the common error types.
            let label = match error_type {
                "NoMatchingError" => "Error",
                "NoMatchingCondition" => "No match",
                "TimeLimitExceeded" | "InputTimeLimitExceeded" => "Timeout",
                other => other,
            };
            (class, label.to_owned(), error_type.to_owned())
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
        // A condition's label and its whole condition, as text.
        assert!(page.contains(
            r#"<div class="port condition" title="Equals &lt;script&gt;alert(3)">&lt;script&gt;alert(3)</div>"#
        ));
    }

    #[test]
    fn a_transfer_link_escapes_the_target_flow_s_names() {
        let main = Flow::from_slice(
            br#"{"Version": "2019-10-30", "StartAction": "T", "Actions": [
              {"Identifier": "T", "Type": "TransferToFlow",
               "Parameters": {"ContactFlowId": "<script>alert(1)</script>"}, "Transitions": {}}]}"#,
            "main.json",
        )
        .unwrap();
        let target = Flow::from_slice(
            br#"{"Version": "2019-10-30", "StartAction": "B", "Actions": [
              {"Identifier": "B", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}],
              "Metadata": {"name": "<script>alert(1)</script>"}}"#,
            "\"><img src=x onerror=alert(2)>.json",
        )
        .unwrap();
        let flows = [main, target];
        let page = html(&Model::new(flows.to_vec()), &Manifests::new(), &[]);
        assert!(!page.contains("<img src=x") && !page.contains("<script>alert"));
        assert!(page.contains(
            r##"<a class="transfer" href="#flow-1" data-transfer-to="flow-1" title="Go to &quot;&gt;&lt;img src=x onerror=alert(2)&gt;.json">&quot;&gt;&lt;img src=x onerror=alert(2)&gt;.json</a>"##
        ));
        assert!(page.contains(r#"data-path="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;.json""#));
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
