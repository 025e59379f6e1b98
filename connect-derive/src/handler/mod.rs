//! `#[connect_handler]`: parse the function into a model ([`ast`]), check
//! it ([`check`]), then emit the extraction, the Lambda glue and the
//! manifest ([`expand`]). Every problem is collected (`internals::ctxt`) and
//! reported at once, on the user's tokens, with the function still emitted.

mod ast;
mod attr;
mod check;
mod expand;

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::ctxt::Ctxt;

/// Expands `#[connect_handler(args)] item`.
pub(crate) fn connect_handler(args: TokenStream, item: TokenStream) -> TokenStream {
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(_) => {
            let error = syn::Error::new(
                proc_macro2::Span::call_site(),
                "#[connect_handler] goes on a function: `async fn my_handler(#[param] name: String) -> MyResponse`",
            )
            .to_compile_error();
            return quote!(#item #error);
        }
    };
    let cx = Ctxt::new();
    let options = attr::options(args, &cx);
    let handler = ast::Handler::from_fn(func, options, &cx);
    check::check(&handler, &cx);
    match cx.check() {
        Ok(()) => expand::expand(&handler),
        Err(errors) => {
            let fallback = expand::fallback(&handler);
            let compile_errors = errors.to_compile_error();
            quote!(#fallback #compile_errors)
        }
    }
}
