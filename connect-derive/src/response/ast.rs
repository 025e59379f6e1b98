//! The input as a model: a struct with named fields, its options and each
//! field's key.

use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Type};

use super::attr;
use crate::internals::ctxt::Ctxt;
use crate::internals::ty;

const SUPPORTED: &str = "#[derive(ConnectResponse)] supports structs with named fields: each field is one key of the response object";

/// A response struct.
pub struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: attr::Container,
    pub fields: Vec<Field<'a>>,
}

/// One named field.
pub struct Field<'a> {
    pub member: &'a Ident,
    pub ty: &'a Type,
    pub attrs: attr::Field,
    /// The key sent to Connect: `rename`, or the field's name under
    /// `rename_all`.
    pub key: String,
    /// `T` when the type is written `Option<T>`.
    pub option_inner: Option<&'a Type>,
}

impl<'a> Container<'a> {
    /// The model of `input` with its parsed options, or `None` (with the
    /// error recorded) when it is not a struct with named fields.
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput, attrs: attr::Container) -> Option<Self> {
        let fields = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(fields) => &fields.named,
                Fields::Unnamed(fields) => {
                    cx.spanned(
                        fields,
                        format!("{SUPPORTED}; a tuple struct has no field names to use as keys: name its fields"),
                    );
                    return None;
                }
                Fields::Unit => {
                    cx.spanned(
                        &input.ident,
                        format!(
                            "{SUPPORTED}; a unit struct has none: add a field for each key the flow reads (or write `struct {} {{}}` for a response with no keys)",
                            input.ident
                        ),
                    );
                    return None;
                }
            },
            Data::Enum(data) => {
                cx.push(syn::Error::new(
                    data.enum_token.span(),
                    format!("{SUPPORTED}; an enum has no fixed keys: make the response a struct (under `#[connect(json)]` an enum can be one of its fields, listed as `any`)"),
                ));
                return None;
            }
            Data::Union(data) => {
                cx.push(syn::Error::new(
                    data.union_token.span(),
                    format!(
                        "{SUPPORTED}; a union cannot be serialised: make the response a struct"
                    ),
                ));
                return None;
            }
        };

        let fields = fields
            .iter()
            .map(|field| {
                let member = field.ident.as_ref().expect("named field");
                let attrs = attr::Field::from_ast(cx, &field.attrs);
                let name = member.unraw().to_string();
                let key = match &attrs.rename {
                    Some(lit) => lit.value(),
                    None => name,
                };
                Field {
                    member,
                    ty: &field.ty,
                    option_inner: ty::option_inner(&field.ty),
                    attrs,
                    key,
                }
            })
            .collect();

        let mut container = Container {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            fields,
        };
        if let Some(rule) = container.attrs.rename_all {
            for field in &mut container.fields {
                if field.attrs.rename.is_none() {
                    field.key = rule.apply(&field.key);
                }
            }
        }
        Some(container)
    }
}
