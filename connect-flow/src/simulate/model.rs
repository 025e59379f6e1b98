//! What the simulator keeps beside the resolved [`Model`] it reads: the
//! names a trace shows for each flow and block, written once per simulator
//! rather than at every step of every run.

use crate::model::Model;

/// How a trace names one flow and its blocks.
#[derive(Debug, Clone)]
pub(crate) struct Shown {
    /// The flow's file.
    pub(crate) flow: String,
    /// Each block's designer name (`"Play prompt" 2f3b3b72`), by position.
    blocks: Vec<String>,
}

impl Shown {
    /// The names of every flow of `model`, in order.
    pub(crate) fn of(model: &Model) -> Vec<Shown> {
        model
            .flows
            .iter()
            .map(|flow| Shown {
                flow: flow.flow.path.display().to_string(),
                blocks: flow
                    .blocks
                    .iter()
                    .map(|block| {
                        // The trace names the block without the leading
                        // `block ` a finding's message has.
                        let name = block.name.to_string();
                        match name.strip_prefix("block ") {
                            Some(rest) => rest.to_owned(),
                            None => name,
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    /// The designer's name of the block at `position`.
    pub(crate) fn block(&self, position: usize) -> &str {
        self.blocks.get(position).map_or("", String::as_str)
    }
}
