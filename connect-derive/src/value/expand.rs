//! The generated code of a ConnectValue enum, inside `const _: () = { ... };`:
//! `ConnectValue` (the strings), `ManifestType` (a string with those
//! values), `StringLike` (a STRING_MAP response sends the string) and
//! `DescribeValue` (a JSON response lists it with its values).

use proc_macro2::TokenStream;
use quote::quote;

use super::ast::Enum;
use crate::private;

/// The impls; placeholders when a variant's form is unknown (the errors
/// say why), so that code using the type adds no errors of its own.
pub(crate) fn impls(model: &Enum) -> TokenStream {
    let p = match &model.attrs.crate_path {
        Some(path) => private::module(path),
        None => private::module(quote!(::connect_lambda)),
    };
    let p = quote!(#p::response);
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let (all, as_str) = if model.complete {
        let values = model.variants.iter().map(|variant| &variant.value);
        let arms = model.variants.iter().map(|variant| {
            let name = variant.ident;
            let value = &variant.value;
            quote!(#ident::#name => #value)
        });
        (quote!(&[#(#values),*]), quote!(match self { #(#arms,)* }))
    } else {
        (quote!(&[]), quote!(::core::unreachable!()))
    };
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #p::ConnectValue for #ident #ty_generics #where_clause {
                const ALL: &'static [&'static str] = #all;

                fn as_str(&self) -> &'static str {
                    #as_str
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::ManifestType for #ident #ty_generics #where_clause {
                const TYPE: #p::ValueType = #p::ValueType::String;
                const VALUES: ::core::option::Option<&'static [&'static str]> =
                    ::core::option::Option::Some(<Self as #p::ConnectValue>::ALL);
            }

            #[automatically_derived]
            impl #impl_generics #p::StringLike for #ident #ty_generics #where_clause {
                fn as_response_str(&self) -> ::core::option::Option<&str> {
                    ::core::option::Option::Some(#p::ConnectValue::as_str(self))
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::DescribeValue for #ident #ty_generics #where_clause {
                fn describe(__keys: &mut #p::KeyCollector, __key: &str, __required: bool) {
                    __keys.value::<Self>(__key, __required);
                }
            }
        };
    }
}
