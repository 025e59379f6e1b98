//! What both macros share, as serde_derive's `internals/` does for
//! Serialize and Deserialize: one error collector ([`ctxt`]), one attribute
//! toolkit ([`attr`]) and one set of type rules ([`ty`]), so the two macros
//! word a mistake the same way and agree on what an `Option` is.

pub(crate) mod attr;
pub(crate) mod ctxt;
pub(crate) mod ty;
