//! What the macros share (`#[connect_handler]`, `#[derive(ConnectResponse)]`
//! and `#[derive(ConnectValue)]`), as serde_derive's `internals/` does for
//! Serialize and Deserialize: one error collector ([`ctxt`]), one attribute
//! toolkit ([`attr`]), serde's case conventions ([`case`]) and one set of
//! type rules ([`ty`]), so the macros word a mistake the same way and agree
//! on what an `Option` is.

pub(crate) mod attr;
pub(crate) mod case;
pub(crate) mod ctxt;
pub(crate) mod ty;
