//! `#[derive(ConnectValue)]`: a fieldless enum as a closed set of strings.
//! Parse the enum and serde's attributes into a model ([`ast`], [`attr`]),
//! then emit the impls ([`expand`]). Every problem is reported at once, on
//! the user's tokens, and the impls are still emitted so that code using
//! the type reports no follow-on errors.

mod ast;
mod attr;
mod expand;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::internals::ctxt::Ctxt;

/// The derive's output for `input`.
pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let model = ast::Enum::from_ast(&cx, input);
    let impls = expand::impls(&model);
    let errors = cx.check().err().map(|error| error.to_compile_error());
    quote::quote! {
        #impls
        #errors
    }
}
