//! The path of the facade's hidden module that every expansion names.
//!
//! The module is `__private` followed by the crate's patch version, as
//! serde's `__private228`: the facade declares it from the same workspace
//! version (its build script) and pins this crate with `=`, so a macro
//! from one version used with the runtime of another fails on that one
//! name ("could not find `__private0` in `connect_lambda`") rather than on
//! whatever item of the hidden API changed between them.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, ToTokens};

/// The module's name: `__private` and `CARGO_PKG_VERSION_PATCH`.
pub(crate) const MODULE: &str = concat!("__private", env!("CARGO_PKG_VERSION_PATCH"));

/// `<krate>::__private<patch>`, where `krate` is `::connect_lambda` or the
/// path a re-exporting crate gives with `crate = "..."`.
pub(crate) fn module(krate: impl ToTokens) -> TokenStream {
    let module = Ident::new(MODULE, Span::call_site());
    quote!(#krate::#module)
}
