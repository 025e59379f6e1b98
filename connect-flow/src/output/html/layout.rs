//! Where each block of a flow is drawn.
//!
//! A block goes where the flow designer put it
//! (`Metadata.ActionMetadata[Identifier].position`), so the drawing looks
//! like the flow its author knows. A block without a position (a flow
//! written by hand or generated) is placed by a layered layout of the
//! graph: its layer is its distance from `StartAction` along transitions.
//! Blocks are drawn at one fixed size, and the designer's blocks vary in
//! height, so designer positions can still overlap: a last pass moves a
//! block down below any block it would cover.
//!
//! ```
//! use connect_flow::html::layout::{place, BLOCK_HEIGHT};
//! use connect_flow::Flow;
//!
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "A", "Actions": [
//!   {"Identifier": "A", "Type": "Compare", "Parameters": {},
//!    "Transitions": {"Conditions": [{"NextAction": "B"}, {"NextAction": "C"}]}},
//!   {"Identifier": "B", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}},
//!   {"Identifier": "C", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
//! ]}"#, "f.json").unwrap();
//! let boxes = place(&flow);
//! assert!(boxes[1].x > boxes[0].x, "B is a layer to the right of A");
//! assert_eq!(boxes[1].x, boxes[2].x, "B and C share a layer");
//! assert!(boxes[2].y >= boxes[1].y + BLOCK_HEIGHT, "and do not overlap");
//! ```

use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use crate::flow::Flow;

/// The width of a drawn block, in CSS pixels (about the designer's).
pub const BLOCK_WIDTH: f64 = 190.0;
/// The height of a drawn block: two lines for the type, one each for the
/// label and the function.
pub const BLOCK_HEIGHT: f64 = 78.0;
/// The smallest gap kept between two blocks.
pub const GAP: f64 = 16.0;
/// Room around the drawing (the start marker sits above the first block).
pub const MARGIN: f64 = 40.0;
/// Distance between layers, and between blocks of a layer, in the layered
/// layout.
const LAYER_STEP: f64 = BLOCK_WIDTH + 80.0;
const ROW_STEP: f64 = BLOCK_HEIGHT + 48.0;

/// A block's box on the drawing, in CSS pixels from the drawing's top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
}

impl Rect {
    /// Whether the two boxes (each [`BLOCK_WIDTH`] by [`BLOCK_HEIGHT`])
    /// come closer than [`GAP`].
    pub fn crowds(&self, other: &Rect) -> bool {
        (self.x - other.x).abs() < BLOCK_WIDTH + GAP
            && (self.y - other.y).abs() < BLOCK_HEIGHT + GAP
    }
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
pub fn place(flow: &Flow) -> Vec<Rect> {
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
    let mut boxes: Vec<Option<Rect>> = designer
        .iter()
        .map(|p| {
            p.map(|(x, y)| Rect {
                x: x - min_x + MARGIN,
                y: y - min_y + MARGIN,
            })
        })
        .collect();

    let below_designer = boxes
        .iter()
        .flatten()
        .map(|r| r.y + ROW_STEP)
        .fold(MARGIN, f64::max);
    let layers = layers(flow);
    let mut rows_used: HashMap<usize, usize> = HashMap::new();
    for (index, slot) in boxes.iter_mut().enumerate() {
        if slot.is_none() {
            let layer = layers[index];
            let row = rows_used.entry(layer).or_default();
            *slot = Some(Rect {
                x: MARGIN + layer as f64 * LAYER_STEP,
                y: below_designer + *row as f64 * ROW_STEP,
            });
            *row += 1;
        }
    }
    separate(boxes.into_iter().flatten().collect())
}

/// Each action's layer: its distance in transitions from `StartAction`;
/// actions no path reaches get the layer after the deepest.
fn layers(flow: &Flow) -> Vec<usize> {
    let mut layer: Vec<Option<usize>> = vec![None; flow.actions.len()];
    let mut queue = VecDeque::new();
    if let Some(start) = flow.position(&flow.start_action) {
        layer[start] = Some(0);
        queue.push_back(start);
    }
    while let Some(index) = queue.pop_front() {
        let next_layer = layer[index].unwrap_or(0) + 1;
        for (_, target) in flow.actions[index].transitions.targets() {
            if let Some(t) = flow.position(target) {
                if layer[t].is_none() {
                    layer[t] = Some(next_layer);
                    queue.push_back(t);
                }
            }
        }
    }
    let unreached = layer
        .iter()
        .flatten()
        .max()
        .map_or(0, |deepest| deepest + 1);
    layer.into_iter().map(|l| l.unwrap_or(unreached)).collect()
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
            boxes[index].y = boxes[blocker].y + BLOCK_HEIGHT + GAP;
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
        let boxes = place(&f);
        assert_eq!(
            boxes[0],
            Rect {
                x: MARGIN,
                y: MARGIN
            }
        );
        assert_eq!(
            boxes[1],
            Rect {
                x: 400.5 + MARGIN,
                y: 70.0 + MARGIN
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
        let boxes = place(&f);
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
        let boxes = place(&f);
        assert!(boxes[1].y >= boxes[0].y + BLOCK_HEIGHT + GAP);
    }

    #[test]
    fn a_position_that_is_not_a_number_is_no_position() {
        let f = flow(
            &terminal("A"),
            r#"{"ActionMetadata": {"A": {"position": {"x": "left", "y": 0}}}}"#,
        );
        assert_eq!(designer_position(&f, "A"), None);
        assert_eq!(
            place(&f)[0],
            Rect {
                x: MARGIN,
                y: MARGIN
            }
        );
    }
}
