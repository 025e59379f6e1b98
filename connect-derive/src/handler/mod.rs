//! `#[connect_handler]`: parse the function into a model ([`ast`]), check
//! it ([`check`]), then emit the extraction, the Lambda glue and the
//! manifest ([`expand`]). Every problem is collected ([`errors`]) and
//! reported at once, on the user's tokens, with the function still emitted.

mod ast;
mod attr;
mod check;
mod errors;
mod expand;

use proc_macro2::TokenStream;
use quote::quote;

use self::errors::Errors;

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
    let mut errors = Errors::default();
    let options = attr::options(args, &mut errors);
    let handler = ast::Handler::from_fn(func, options, &mut errors);
    check::check(&handler, &mut errors);
    if errors.is_empty() {
        expand::expand(&handler)
    } else {
        let fallback = expand::fallback(&handler);
        let compile_errors = errors.to_compile_errors();
        quote!(#fallback #compile_errors)
    }
}
