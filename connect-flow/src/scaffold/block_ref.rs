//! How the scaffold names a block in messages and generated comments.

/// A block of one of the flows, named for messages and comments: the
/// flow's file name (without its folders, so the generated text does not
/// depend on where the flows were read from) and the block as the designer
/// names it: `survey.json: block "Play prompt" "Intro"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockRef(String);

impl std::fmt::Display for BlockRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl BlockRef {
    pub(super) fn new(text: String) -> BlockRef {
        BlockRef(text)
    }
}
