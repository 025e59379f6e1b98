//! Checks a handler's model: what rustc would not catch, or would catch
//! with a message about generated code rather than the user's tokens.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{GenericArgument, PathArguments, Type};

use super::ast::{Handler, Kind};
use super::errors::Errors;
use connect_names::contact_data::{check_contact_data_path, check_syntax};
use connect_names::key::{is_key, KEY_CHARACTERS};

/// Records every problem of `handler` in `errors`.
pub(crate) fn check(handler: &Handler, errors: &mut Errors) {
    check_signature(handler, errors);
    check_args(handler, errors);
}

fn check_signature(handler: &Handler, errors: &mut Errors) {
    let sig = &handler.func.sig;
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        errors.spanned(
            &sig.generics,
            "a handler cannot be generic: each argument is read from the event with its own type, so write the concrete types",
        );
    }
    if let Some(unsafety) = &sig.unsafety {
        errors.spanned(
            unsafety,
            "a handler cannot be `unsafe fn`: the runtime calls it with no safety contract; use `unsafe` blocks inside",
        );
    }
    if let Some(abi) = &sig.abi {
        errors.spanned(abi, "a handler is a Rust function: remove the `extern` ABI");
    }
    if let Some(variadic) = &sig.variadic {
        errors.spanned(variadic, "a handler cannot be variadic");
    }
    for arg in &handler.args {
        if let Some(span) = impl_trait(&arg.ty) {
            errors.at(
                span,
                "a handler cannot be generic: write the argument's concrete type, not `impl Trait`",
            );
        }
    }
}

/// Where `impl Trait` (an anonymous generic) appears in a type.
fn impl_trait(ty: &Type) -> Option<Span> {
    match ty {
        Type::ImplTrait(node) => Some(node.span()),
        Type::Reference(reference) => impl_trait(&reference.elem),
        Type::Ptr(pointer) => impl_trait(&pointer.elem),
        Type::Slice(slice) => impl_trait(&slice.elem),
        Type::Array(array) => impl_trait(&array.elem),
        Type::Paren(paren) => impl_trait(&paren.elem),
        Type::Group(group) => impl_trait(&group.elem),
        Type::Tuple(tuple) => tuple.elems.iter().find_map(impl_trait),
        Type::Path(path) => {
            path.path
                .segments
                .iter()
                .find_map(|segment| match &segment.arguments {
                    PathArguments::AngleBracketed(args) => {
                        args.args.iter().find_map(|arg| match arg {
                            GenericArgument::Type(ty) => impl_trait(ty),
                            _ => None,
                        })
                    }
                    _ => None,
                })
        }
        _ => None,
    }
}

fn check_args(handler: &Handler, errors: &mut Errors) {
    // Which argument first read each key, per source.
    let mut parameters: HashMap<String, String> = HashMap::new();
    let mut attributes: HashMap<String, String> = HashMap::new();
    let mut contact: HashMap<String, String> = HashMap::new();
    for (index, arg) in handler.args.iter().enumerate() {
        let label = match &arg.name {
            Some(name) => format!("`{name}`"),
            None => format!("argument {}", index + 1),
        };
        match &arg.kind {
            Kind::Param(input) | Kind::Attribute(input) => {
                let (what, seen) = match &arg.kind {
                    Kind::Param(_) => ("parameter", &mut parameters),
                    _ => ("attribute", &mut attributes),
                };
                if !is_key(&input.key) {
                    let fix = if input.from_name {
                        format!(
                            "; name the key with #[{}(rename = \"...\")]",
                            attr_name(what)
                        )
                    } else {
                        String::new()
                    };
                    errors.at(
                        input.key_span,
                        format!(
                            "`{}` is not a key Connect can pass: keys are made of {KEY_CHARACTERS}{fix}",
                            input.key
                        ),
                    );
                } else if let Some(first) = seen.get(&input.key) {
                    errors.at(
                        input.key_span,
                        format!(
                            "the {what} `{}` is already read by {first}: read each key with one argument",
                            input.key
                        ),
                    );
                } else {
                    seen.insert(input.key.clone(), label);
                }
            }
            Kind::Contact(field) => {
                let path = field.path.value();
                let checked = if field.unchecked {
                    check_syntax(&path)
                } else {
                    check_contact_data_path(&path)
                };
                if let Err(problem) = checked {
                    errors.at(field.path.span(), format!("{problem} ({})", problem.help()));
                } else if let Some(first) = contact.get(&path) {
                    errors.at(
                        field.path.span(),
                        format!(
                            "the contact field `{path}` is already read by {first}: read each field with one argument"
                        ),
                    );
                } else {
                    contact.insert(path, label);
                }
            }
            Kind::State(state) if state.ty.is_none() => {
                let name = arg
                    .name
                    .as_ref()
                    .map_or("state".to_owned(), |n| n.to_string());
                errors.spanned(
                    &arg.ty,
                    format!(
                        "#[state] is shared by every invocation, so it is taken by shared reference: write `{name}: &{ty}`; `handler({name})` then takes the value",
                        ty = strip_reference(&arg.ty)
                    ),
                );
            }
            _ => {}
        }
    }
}

fn attr_name(what: &str) -> &'static str {
    if what == "parameter" {
        "param"
    } else {
        "attribute"
    }
}

fn strip_reference(ty: &syn::Type) -> String {
    let ty = match ty {
        syn::Type::Reference(reference) => &*reference.elem,
        other => other,
    };
    quote::quote!(#ty).to_string()
}
