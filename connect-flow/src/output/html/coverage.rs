//! What test runs reached, drawn on the report page: each block's visit
//! count (`data-visits`), each arrow taken or not (`data-taken`), and a
//! summary line. The counts come from whoever ran the contacts
//! (`connect-flow test`); the page only shows them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::flow::EdgeKind;

/// Visits per block and uses per branch, for every flow drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay {
    /// Visits per (flow file, block Identifier); absent: never visited.
    pub visits: HashMap<(PathBuf, String), usize>,
    /// Uses per (flow file, source block Identifier, branch); absent: never
    /// taken.
    pub taken: HashMap<(PathBuf, String, EdgeKind), usize>,
    /// The summary line shown at the top (`3 of 5 blocks reached, ...`).
    pub summary: String,
}

impl Overlay {
    /// How many times the block `id` of flow `file` was visited.
    pub fn visits(&self, file: &Path, id: &str) -> usize {
        self.visits
            .get(&(file.to_owned(), id.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// Whether the branch `kind` of block `id` of flow `file` was taken.
    pub fn taken(&self, file: &Path, id: &str, kind: EdgeKind) -> bool {
        self.taken
            .get(&(file.to_owned(), id.to_owned(), kind))
            .is_some_and(|n| *n > 0)
    }
}

/// The page's extra style with coverage: blocks never visited greyed,
/// branches never taken faint and dotted.
// The visit count sits at the bottom left, where the branch rows (labels
// aligned right, 24 px of padding on the left) leave room.
pub(crate) const STYLE: &str = "\
.block[data-visits=\"0\"] { background: #f1f5f9; border-style: dashed; color: var(--muted); }
.block .visits { position: absolute; left: 4px; bottom: 2px; z-index: 1; font-size: 11px; color: var(--start); font-weight: 600; }
.block[data-visits=\"0\"] .visits { color: var(--error); }
.edge[data-taken=\"false\"] { opacity: 0.35; stroke-dasharray: 2 4; }
.coverage-summary { margin: 4px 0 0; font-weight: 600; }
";
