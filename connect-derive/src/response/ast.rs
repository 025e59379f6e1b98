//! The input as a model: a struct with named fields, its options and each
//! field's key.

use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, GenericArgument, Generics, Ident, PathArguments, Type};

use super::attr;
use crate::ctxt::Ctxt;

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
                    cx.error_spanned_by(
                        fields,
                        format!("{SUPPORTED}; a tuple struct has no field names to use as keys: name its fields"),
                    );
                    return None;
                }
                Fields::Unit => {
                    cx.error_spanned_by(
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
                cx.syn_error(syn::Error::new(
                    data.enum_token.span(),
                    format!("{SUPPORTED}; an enum has no fixed keys: make the response a struct (under `#[connect(json)]` an enum can be one of its fields, listed as `any`)"),
                ));
                return None;
            }
            Data::Union(data) => {
                cx.syn_error(syn::Error::new(
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
                    option_inner: option_inner(&field.ty),
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

/// `T` when `ty` is written `Option<T>` (also `std::option::Option<T>` and
/// `core::option::Option<T>`).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let segments: Vec<_> = path.path.segments.iter().collect();
    let last = segments.last()?;
    let prefix: Vec<String> = segments[..segments.len() - 1]
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let known_prefix =
        prefix.is_empty() || prefix == ["std", "option"] || prefix == ["core", "option"];
    if last.ident != "Option" || !known_prefix {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::option_inner;
    use quote::ToTokens;

    fn inner(ty: &str) -> Option<String> {
        let ty: syn::Type = syn::parse_str(ty).unwrap();
        option_inner(&ty).map(|inner| inner.to_token_stream().to_string())
    }

    #[test]
    fn option_is_recognised_by_its_std_paths_only() {
        assert_eq!(inner("Option<String>").as_deref(), Some("String"));
        assert_eq!(inner("std::option::Option<u32>").as_deref(), Some("u32"));
        assert_eq!(
            inner("::core::option::Option<&'a str>").as_deref(),
            Some("& 'a str")
        );
        assert_eq!(inner("my::Option<u32>"), None);
        assert_eq!(inner("Option"), None);
        assert_eq!(inner("Vec<Option<u32>>"), None);
        assert_eq!(inner("<T as Trait>::Option<u32>"), None);
    }
}
