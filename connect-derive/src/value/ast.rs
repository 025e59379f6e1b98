//! The enum as a model: each variant with its string form, as serde writes
//! and reads it.

use std::collections::HashMap;

use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident};

use super::attr::{self, Container};
use crate::internals::ctxt::Ctxt;

/// A `#[derive(ConnectValue)]` enum.
pub(crate) struct Enum<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: Container,
    /// The variants whose form is known, in declaration order.
    pub variants: Vec<Variant<'a>>,
    /// Whether every variant made it into `variants`: when not, the impls
    /// are placeholders (the errors say why).
    pub complete: bool,
}

/// A unit variant and its string form.
pub(crate) struct Variant<'a> {
    pub ident: &'a Ident,
    pub value: String,
}

impl<'a> Enum<'a> {
    pub(crate) fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Enum<'a> {
        let attrs = Container::from_ast(cx, &input.attrs);
        let mut variants = Vec::new();
        let mut complete = true;
        match &input.data {
            Data::Enum(data) => {
                if data.variants.is_empty() {
                    complete = false;
                    cx.spanned(
                        &input.ident,
                        "an enum without variants holds no value: add the values as unit variants, `enum Next { None, Speak }`",
                    );
                }
                let mut seen: HashMap<String, &Ident> = HashMap::new();
                for variant in &data.variants {
                    let variant_attrs = attr::Variant::from_ast(cx, &variant.attrs);
                    if !matches!(variant.fields, Fields::Unit) {
                        complete = false;
                        cx.spanned(
                            &variant.fields,
                            format!(
                                "`{}` has fields, so its string form is not one fixed string: a ConnectValue enum holds unit variants only; write `{}` alone, or send the data in a field of the response",
                                variant.ident, variant.ident
                            ),
                        );
                        continue;
                    }
                    let Some(value) = variant_attrs.form(&variant.ident, attrs.rename_all) else {
                        complete = false;
                        continue;
                    };
                    if let Some(earlier) = seen.get(&value) {
                        complete = false;
                        cx.at(
                            variant.ident.span(),
                            format!(
                                "`{}` is sent as \"{value}\", as `{earlier}` is: a flow could not tell them apart; rename one with #[serde(rename = \"...\")]",
                                variant.ident
                            ),
                        );
                        continue;
                    }
                    seen.insert(value.clone(), &variant.ident);
                    variants.push(Variant {
                        ident: &variant.ident,
                        value,
                    });
                }
            }
            Data::Struct(data) => {
                complete = false;
                cx.at(
                    data.struct_token.span(),
                    "ConnectValue goes on a fieldless enum, whose variants are the values a key can hold (`enum Next { None, Speak }`); a struct is a response: derive ConnectResponse",
                );
            }
            Data::Union(data) => {
                complete = false;
                cx.at(
                    data.union_token.span(),
                    "ConnectValue goes on a fieldless enum, whose variants are the values a key can hold (`enum Next { None, Speak }`), not on a union",
                );
            }
        }
        Enum {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            variants,
            complete,
        }
    }
}
