//! Where each block of a flow is drawn.
//!
//! A block goes where the flow designer put it
//! (`Metadata.ActionMetadata[Identifier].position`), so the drawing looks
//! like the flow its author knows. A block without a position (a flow
//! written by hand, generated, or exported without `Metadata`) is placed by
//! a layered layout of the graph, read left to right as the designer's
//! flows are: a block's column is the longest way to it from `StartAction`
//! once the edges that close loops are set aside, the blocks of a column
//! are ordered to cross fewer arrows, and a block sits level with the
//! blocks that lead to it where there is room, so a chain reads as a row
//! and a branch fans out below it. A deep flow wraps, as text does, into
//! bands of a few columns one below the other.
//!
//! A block is as tall as its branches need: the designer lists each branch
//! on its own row with its label, and so does this drawing (see
//! [`block_height`]), so the labels of a block with many branches never sit
//! on each other. Designer blocks vary in height too, so designer positions
//! can still overlap: a last pass moves a block down below any block it
//! would cover.
//!
//! ```
//! use connect_flow::output::html::layout::place;
//! use connect_flow::{model::Model, Flow};
//!
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "A", "Actions": [
//!   {"Identifier": "A", "Type": "Compare", "Parameters": {},
//!    "Transitions": {"Conditions": [{"NextAction": "B"}, {"NextAction": "C"}]}},
//!   {"Identifier": "B", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}},
//!   {"Identifier": "C", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
//! ]}"#, "f.json").unwrap();
//! let boxes = place(&Model::new(vec![flow]).flows[0]);
//! assert!(boxes[1].x > boxes[0].x, "B is a layer to the right of A");
//! assert_eq!(boxes[1].x, boxes[2].x, "B and C share a layer");
//! assert!(boxes[2].y >= boxes[1].y + boxes[1].height, "and do not overlap");
//! ```

use std::collections::HashMap;

use serde_json::Value;

use crate::flow::{Action, Flow};
use crate::model::{Branch, FlowModel};

/// The width of a drawn block, in CSS pixels (about the designer's).
pub const BLOCK_WIDTH: f64 = 190.0;
/// The height of a block's heading: two lines for the type, one each for
/// the label and the function. Its branch rows come below.
pub const BLOCK_HEIGHT: f64 = 78.0;
/// The height of one branch row (its label and the arrow's start).
pub const PORT_ROW: f64 = 16.0;
/// The smallest gap kept between two blocks.
pub const GAP: f64 = 16.0;
/// Room around the drawing (the start marker sits above the first block).
pub const MARGIN: f64 = 40.0;
/// Distance between layers, and the gap between blocks of a layer, in the
/// layered layout.
const LAYER_STEP: f64 = BLOCK_WIDTH + 80.0;
const ROW_GAP: f64 = 48.0;
/// The most layers in one band of the layered layout ([`fold`]): about
/// what a laptop's window shows beside the findings, scrolled once.
const BAND_LAYERS: usize = 8;
/// Room between two bands, for the arrows that go back to the left.
const BAND_GAP: f64 = 2.0 * ROW_GAP;

/// A block's box on the drawing, in CSS pixels from the drawing's top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Height ([`block_height`]); every block is [`BLOCK_WIDTH`] wide.
    pub height: f64,
}

impl Rect {
    /// Whether the two boxes come closer than [`GAP`].
    pub fn crowds(&self, other: &Rect) -> bool {
        (self.x - other.x).abs() < BLOCK_WIDTH + GAP
            && self.y < other.y + other.height + GAP
            && other.y < self.y + self.height + GAP
    }

    /// Where the arrow of branch row `port` leaves the box: its right edge,
    /// level with the row's middle.
    pub fn port(&self, port: usize) -> (f64, f64) {
        (
            self.x + BLOCK_WIDTH,
            self.y + BLOCK_HEIGHT + (port as f64 + 0.5) * PORT_ROW,
        )
    }
}

/// The height of a block with `ports` branch rows (one per transition
/// with a target, as [`crate::flow::Transitions::targets`] lists them).
pub fn block_height(ports: usize) -> f64 {
    BLOCK_HEIGHT + ports as f64 * PORT_ROW
}

fn height_of(action: &Action) -> f64 {
    block_height(action.transitions.targets().count())
}

/// The designer's position of the action with this Identifier, if the
/// export has one.
pub fn designer_position(flow: &Flow, identifier: &str) -> Option<(f64, f64)> {
    let position = flow
        .metadata
        .as_ref()?
        .get("ActionMetadata")?
        .get(identifier)?
        .get("position")?;
    let coordinate = |key: &str| {
        position
            .get(key)
            .and_then(Value::as_f64)
            .filter(|v| v.is_finite())
    };
    Some((coordinate("x")?, coordinate("y")?))
}

/// One box per action, in file order: designer positions where there are
/// any (shifted so the drawing starts at [`MARGIN`]), a layered layout
/// below them for the rest, and no two boxes closer than [`GAP`].
pub fn place(model: &FlowModel) -> Vec<Rect> {
    let flow = &model.flow;
    let designer: Vec<Option<(f64, f64)>> = flow
        .actions
        .iter()
        .map(|action| designer_position(flow, &action.identifier))
        .collect();
    let min_x = designer
        .iter()
        .flatten()
        .map(|p| p.0)
        .fold(f64::INFINITY, f64::min);
    let min_y = designer
        .iter()
        .flatten()
        .map(|p| p.1)
        .fold(f64::INFINITY, f64::min);
    let heights: Vec<f64> = flow.actions.iter().map(height_of).collect();
    let mut boxes: Vec<Option<Rect>> = designer
        .iter()
        .zip(&heights)
        .map(|(p, &height)| {
            p.map(|(x, y)| Rect {
                x: x - min_x + MARGIN,
                y: y - min_y + MARGIN,
                height,
            })
        })
        .collect();

    if boxes.iter().any(Option::is_none) {
        let below_designer = boxes
            .iter()
            .flatten()
            .map(|r| r.y + r.height + ROW_GAP)
            .fold(MARGIN, f64::max);
        let layered = layered(model, &heights);
        for (slot, ((x, y), &height)) in boxes.iter_mut().zip(layered.into_iter().zip(&heights)) {
            if slot.is_none() {
                *slot = Some(Rect {
                    x: MARGIN + x,
                    y: below_designer + y,
                    height,
                });
            }
        }
    }
    separate(boxes.into_iter().flatten().collect())
}

/// Each block's distinct targets that exist, by index, in file order (the
/// model's branches). A block's arrow to itself places nothing, so it is
/// left out.
fn successors(model: &FlowModel) -> Vec<Vec<usize>> {
    model
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let mut out: Vec<usize> = Vec::new();
            for t in block.branches.iter().filter_map(Branch::block) {
                if t != i && !out.contains(&t) {
                    out.push(t);
                }
            }
            out
        })
        .collect()
}

/// The flow's graph without the edges that close loops (a retry goes back
/// to an earlier block), found by a depth-first walk from `StartAction` and
/// then from each block it did not reach, in file order. Returns the
/// remaining edges, the blocks in an order where every edge points forward,
/// and each block's rank in the walk (the order a reader meets them).
fn acyclic(succ: &[Vec<usize>], start: Option<usize>) -> (Vec<Vec<usize>>, Vec<usize>, Vec<usize>) {
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let n = succ.len();
    let mut state = vec![NEW; n];
    let mut forward: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut finished = Vec::with_capacity(n);
    let mut rank = vec![0; n];
    let mut seen = 0;
    // An explicit stack: a generated flow's chain can be deeper than the
    // thread's stack would allow for recursion.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in start.into_iter().chain(0..n) {
        if state[root] != NEW {
            continue;
        }
        state[root] = OPEN;
        rank[root] = seen;
        seen += 1;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let node = top.0;
            if let Some(&target) = succ[node].get(top.1) {
                top.1 += 1;
                match state[target] {
                    NEW => {
                        forward[node].push(target);
                        state[target] = OPEN;
                        rank[target] = seen;
                        seen += 1;
                        stack.push((target, 0));
                    }
                    // Back to a block still being walked: a loop.
                    OPEN => {}
                    _ => forward[node].push(target),
                }
            } else {
                state[node] = DONE;
                finished.push(node);
                stack.pop();
            }
        }
    }
    finished.reverse();
    (forward, finished, rank)
}

/// The layered layout: each block's offset from the drawing's top left.
fn layered(model: &FlowModel, heights: &[f64]) -> Vec<(f64, f64)> {
    let n = model.blocks.len();
    let succ = successors(model);
    let (forward, topological, rank) = acyclic(&succ, model.start);
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (from, targets) in forward.iter().enumerate() {
        for &to in targets {
            preds[to].push(from);
        }
    }
    // Longest path: a block sits right of every block that leads to it.
    let mut layer = vec![0usize; n];
    for &node in &topological {
        for &target in &forward[node] {
            layer[target] = layer[target].max(layer[node] + 1);
        }
    }
    let depth = layer.iter().max().map_or(0, |deepest| deepest + 1);
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); depth];
    let mut by_rank: Vec<usize> = (0..n).collect();
    by_rank.sort_by_key(|&node| rank[node]);
    for node in by_rank {
        layers[layer[node]].push(node);
    }

    // Fewer crossings: a few sweeps of the barycentre heuristic, each block
    // moved to the mean place of its neighbours in the layer before (then
    // after). The sorts are stable, so ties keep the reader's order.
    let mut place = vec![0.0f64; n];
    let renumber = |layer: &[usize], place: &mut [f64]| {
        for (i, &node) in layer.iter().enumerate() {
            place[node] = i as f64;
        }
    };
    for nodes in &layers {
        renumber(nodes, &mut place);
    }
    let mean = |nodes: &[usize], place: &[f64]| -> Option<f64> {
        (!nodes.is_empty())
            .then(|| nodes.iter().map(|&m| place[m]).sum::<f64>() / nodes.len() as f64)
    };
    let mut sweep = |l: usize, neighbours: &[Vec<usize>], place: &mut Vec<f64>| {
        let keys: HashMap<usize, f64> = layers[l]
            .iter()
            .map(|&node| (node, mean(&neighbours[node], place).unwrap_or(place[node])))
            .collect();
        layers[l].sort_by(|a, b| keys[a].total_cmp(&keys[b]));
        renumber(&layers[l], place);
    };
    for _ in 0..4 {
        for l in 1..depth {
            sweep(l, &preds, &mut place);
        }
        for l in (0..depth.saturating_sub(1)).rev() {
            sweep(l, &forward, &mut place);
        }
    }

    let mean_y = |nodes: &[usize], offsets: &[(f64, f64)]| -> Option<f64> {
        (!nodes.is_empty())
            .then(|| nodes.iter().map(|&m| offsets[m].1).sum::<f64>() / nodes.len() as f64)
    };
    // Top to bottom within a layer, each block level with the mean of the
    // blocks that lead to it if there is room, else just below the last.
    let mut offsets = vec![(0.0, 0.0); n];
    for (l, nodes) in layers.iter().enumerate() {
        let mut free = 0.0f64;
        for &node in nodes {
            let wanted = mean_y(&preds[node], &offsets).unwrap_or(free);
            let y = wanted.max(free);
            offsets[node] = (l as f64 * LAYER_STEP, y);
            free = y + heights[node] + ROW_GAP;
        }
    }
    fold(&layers, offsets, heights)
}

/// Wraps a deep layout into bands of at most [`BAND_LAYERS`] layers, one
/// below the other, as text wraps into lines: a long chain of blocks (a
/// flow that sets attributes one block at a time) would otherwise be one
/// row many screens wide. The bands are of even width, so no band holds a
/// lone last block. Each band moves as a whole, so it keeps its shape, and
/// the bands' heights do not overlap, so neither do their blocks.
fn fold(layers: &[Vec<usize>], mut offsets: Vec<(f64, f64)>, heights: &[f64]) -> Vec<(f64, f64)> {
    let bands = layers.len().div_ceil(BAND_LAYERS).max(1);
    let width = layers.len().div_ceil(bands).max(1);
    let mut top = 0.0f64;
    for band in layers.chunks(width) {
        let nodes = || band.iter().flatten().copied();
        let first = nodes().map(|m| offsets[m].1).fold(f64::INFINITY, f64::min);
        let last = nodes()
            .map(|m| offsets[m].1 + heights[m])
            .fold(f64::NEG_INFINITY, f64::max);
        if !first.is_finite() {
            continue;
        }
        let shift = top - first;
        for (column, layer) in band.iter().enumerate() {
            for &node in layer {
                offsets[node] = (column as f64 * LAYER_STEP, offsets[node].1 + shift);
            }
        }
        top = last + shift + BAND_GAP;
    }
    offsets
}

/// Moves boxes down, top to bottom, until none crowds another. Boxes keep
/// their column, so the drawing keeps the designer's left-to-right reading.
fn separate(mut boxes: Vec<Rect>) -> Vec<Rect> {
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    order.sort_by(|&a, &b| {
        (boxes[a].y, boxes[a].x)
            .partial_cmp(&(boxes[b].y, boxes[b].x))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut settled: Vec<usize> = Vec::with_capacity(boxes.len());
    for index in order {
        // Each move puts the box below one settled box, and boxes only move
        // down, so this ends after at most `settled.len()` moves.
        while let Some(&blocker) = settled.iter().find(|&&s| boxes[s].crowds(&boxes[index])) {
            boxes[index].y = boxes[blocker].y + boxes[blocker].height + GAP;
        }
        settled.push(index);
    }
    boxes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow(actions: &str, metadata: &str) -> Flow {
        let text = format!(
            r#"{{"Version": "2019-10-30", "StartAction": "A", "Metadata": {metadata},
                 "Actions": [{actions}]}}"#
        );
        Flow::from_slice(text.as_bytes(), "t.json").unwrap()
    }

    /// The boxes of `flow` alone, resolved as the page resolves it.
    fn placed(flow: &Flow) -> Vec<Rect> {
        place(&crate::model::Model::new(vec![flow.clone()]).flows[0])
    }

    fn terminal(id: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "DisconnectParticipant", "Parameters": {{}}, "Transitions": {{}}}}"#
        )
    }

    #[test]
    fn designer_positions_are_kept_and_shifted_to_the_margin() {
        let f = flow(
            &[terminal("A"), terminal("B")].join(","),
            r#"{"ActionMetadata": {"A": {"position": {"x": -100, "y": -50}},
                                   "B": {"position": {"x": 300.5, "y": 20}}}}"#,
        );
        let boxes = placed(&f);
        assert_eq!(
            boxes[0],
            Rect {
                x: MARGIN,
                y: MARGIN,
                height: BLOCK_HEIGHT
            }
        );
        assert_eq!(
            boxes[1],
            Rect {
                x: 400.5 + MARGIN,
                y: 70.0 + MARGIN,
                height: BLOCK_HEIGHT
            }
        );
    }

    #[test]
    fn overlapping_designer_positions_are_pulled_apart() {
        let f = flow(
            &[terminal("A"), terminal("B"), terminal("C")].join(","),
            r#"{"ActionMetadata": {"A": {"position": {"x": 0, "y": 0}},
                                   "B": {"position": {"x": 10, "y": 5}},
                                   "C": {"position": {"x": 0, "y": 0}}}}"#,
        );
        let boxes = placed(&f);
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.crowds(b), "{a:?} crowds {b:?}");
            }
        }
    }

    #[test]
    fn blocks_without_positions_go_below_the_designer_ones() {
        let f = flow(
            &[terminal("A"), terminal("B")].join(","),
            r#"{"ActionMetadata": {"A": {"position": {"x": 0, "y": 0}}}}"#,
        );
        let boxes = placed(&f);
        assert!(boxes[1].y >= boxes[0].y + boxes[0].height + GAP);
    }

    #[test]
    fn a_position_that_is_not_a_number_is_no_position() {
        let f = flow(
            &terminal("A"),
            r#"{"ActionMetadata": {"A": {"position": {"x": "left", "y": 0}}}}"#,
        );
        assert_eq!(designer_position(&f, "A"), None);
        assert_eq!(
            placed(&f)[0],
            Rect {
                x: MARGIN,
                y: MARGIN,
                height: BLOCK_HEIGHT
            }
        );
    }

    fn step(id: &str, targets: &[&str]) -> String {
        let conditions: Vec<String> = targets
            .iter()
            .map(|t| format!(r#"{{"NextAction": "{t}"}}"#))
            .collect();
        format!(
            r#"{{"Identifier": "{id}", "Type": "Compare", "Parameters": {{}},
                 "Transitions": {{"Conditions": [{}]}}}}"#,
            conditions.join(",")
        )
    }

    fn assert_apart(boxes: &[Rect]) {
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.crowds(b), "{a:?} crowds {b:?}");
            }
        }
    }

    #[test]
    fn a_chain_reads_as_a_row_and_a_branch_fans_out_below() {
        // A -> B -> C, and A -> D -> C: B and D share a column, C is right
        // of both (the longest way to it), A, B and C line up.
        let f = flow(
            &[
                step("A", &["B", "D"]),
                step("B", &["C"]),
                step("D", &["C"]),
                terminal("C"),
            ]
            .join(","),
            "{}",
        );
        let boxes = placed(&f);
        assert_eq!(boxes[1].x, boxes[2].x);
        assert!(boxes[3].x > boxes[1].x);
        assert_eq!(boxes[0].y, boxes[1].y, "the first branch stays level");
        assert!(boxes[2].y > boxes[1].y, "the second goes below it");
        assert_apart(&boxes);
    }

    #[test]
    fn a_loop_back_to_an_earlier_block_keeps_the_reading_order() {
        // Ask -> Check -> (Ask again | Done): the retry is drawn backwards,
        // not by pushing Ask to the right of Check.
        let f = flow(
            &[
                step("A", &["Ask"]),
                step("Ask", &["Check"]),
                step("Check", &["Ask", "Done"]),
                terminal("Done"),
            ]
            .join(","),
            "{}",
        );
        let boxes = placed(&f);
        assert!(boxes[0].x < boxes[1].x && boxes[1].x < boxes[2].x && boxes[2].x < boxes[3].x);
        assert_apart(&boxes);
    }

    #[test]
    fn blocks_no_path_reaches_are_placed_apart_too() {
        let f = flow(
            &[
                step("A", &["B"]),
                terminal("B"),
                step("Lost", &["B", "A"]),
                step("Lost2", &["Lost2"]),
            ]
            .join(","),
            "{}",
        );
        assert_apart(&placed(&f));
    }

    #[test]
    fn blocks_of_a_layer_are_ordered_to_cross_fewer_arrows() {
        // S -> P, Q; P -> X, Z; Q -> Y, X. In walk order the last layer is
        // X, Z, Y, and P -> Z crosses Q -> X; Z, X, Y crosses nothing.
        let f = flow(
            &[
                step("A", &["S"]),
                step("S", &["P", "Q"]),
                step("P", &["X", "Z"]),
                step("Q", &["Y", "X"]),
                terminal("X"),
                terminal("Z"),
                terminal("Y"),
            ]
            .join(","),
            "{}",
        );
        let boxes = placed(&f);
        let (x, z, y) = (boxes[4], boxes[5], boxes[6]);
        assert_eq!(x.x, z.x);
        assert!(z.y < x.y && x.y < y.y, "Z {z:?}, X {x:?}, Y {y:?}");
        assert_apart(&boxes);
    }

    #[test]
    fn a_long_chain_wraps_into_bands() {
        let ids: Vec<String> = (0..20).map(|i| format!("S{i}")).collect();
        let mut actions: Vec<String> = vec![step("A", &["S0"])];
        for pair in ids.windows(2) {
            actions.push(step(&pair[0], &[&pair[1]]));
        }
        actions.push(terminal("S19"));
        let boxes = placed(&flow(&actions.join(","), "{}"));
        // 21 layers: three bands of 7.
        let columns = boxes.iter().map(|b| b.x as i64).max().unwrap() / LAYER_STEP as i64 + 1;
        assert_eq!(columns, 7);
        // The eighth block starts the second band, at the left, below.
        assert_eq!(boxes[7].x, boxes[0].x);
        assert!(boxes[7].y >= boxes[6].y + boxes[6].height + BAND_GAP);
        assert_apart(&boxes);
    }

    #[test]
    fn a_block_is_as_tall_as_its_branch_rows() {
        let f = flow(
            &[
                step("A", &["B", "B", "B", "B", "B", "B", "B", "B"]),
                terminal("B"),
            ]
            .join(","),
            "{}",
        );
        let boxes = placed(&f);
        assert_eq!(boxes[0].height, block_height(8));
        assert_eq!(boxes[1].height, BLOCK_HEIGHT);
        let (_, first) = boxes[0].port(0);
        let (_, last) = boxes[0].port(7);
        assert!(last - first >= 7.0 * PORT_ROW && last < boxes[0].y + boxes[0].height);
    }
}
