//! Checks a handler's model: what rustc would not catch, or would catch
//! with a message about generated code rather than the user's tokens.

use std::collections::HashMap;

use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{GenericArgument, PathArguments, Type};

use super::ast::{Handler, Input, Kind, Source};
use crate::internals::ctxt::Ctxt;
use crate::internals::ty::strip_reference;
use connect_names::contact_data::{check_contact_data_path, check_syntax};
use connect_names::key::{is_key, KEY_CHARACTERS};

/// Records every problem of `handler` in `cx`.
pub(crate) fn check(handler: &Handler, cx: &Ctxt) {
    check_signature(handler, cx);
    check_args(handler, cx);
}

fn check_signature(handler: &Handler, cx: &Ctxt) {
    let sig = &handler.func.sig;
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        cx.spanned(
            &sig.generics,
            "a handler cannot be generic: each argument is read from the event with its own type, so write the concrete types",
        );
    }
    if let syn::Safety::Unsafe(unsafety) = &sig.safety {
        cx.spanned(
            unsafety,
            "a handler cannot be `unsafe fn`: the runtime calls it with no safety contract; use `unsafe` blocks inside",
        );
    }
    if let Some(abi) = &sig.abi {
        cx.spanned(abi, "a handler is a Rust function: remove the `extern` ABI");
    }
    if let Some(variadic) = &sig.variadic {
        cx.spanned(variadic, "a handler cannot be variadic");
    }
    for arg in &handler.args {
        if let Some(span) = impl_trait(&arg.ty) {
            cx.at(
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

fn check_args(handler: &Handler, cx: &Ctxt) {
    // Which argument first read each key, per source.
    let mut first_reader: HashMap<(Source, &str), String> = HashMap::new();
    for (index, arg) in handler.args.iter().enumerate() {
        let label = match &arg.name {
            Some(name) => format!("`{name}`"),
            None => format!("argument {}", index + 1),
        };
        match &arg.kind {
            Kind::Input(input) => {
                if !check_key(input, cx) {
                    continue;
                }
                let what = input.source.noun();
                let key = &input.key;
                match first_reader.get(&(input.source, key.as_str())) {
                    Some(first) => {
                        let each = if input.source == Source::Contact {
                            "field"
                        } else {
                            "key"
                        };
                        cx.at(
                            input.key_span,
                            format!(
                                "the {what} `{key}` is already read by {first}: read each {each} with one argument"
                            ),
                        );
                    }
                    None => {
                        first_reader.insert((input.source, key), label);
                    }
                }
            }
            Kind::State(state) if state.ty.is_none() => {
                let name = arg
                    .name
                    .as_ref()
                    .map_or("state".to_owned(), |n| n.to_string());
                cx.spanned(
                    &arg.ty,
                    format!(
                        "#[state] is shared by every invocation, so it is taken by shared reference: write `{name}: &{ty}`; `handler({name})` then takes the value",
                        ty = strip_reference(&arg.ty).to_token_stream()
                    ),
                );
            }
            _ => {}
        }
    }
}

/// Whether `input`'s key (or contact path) is one Connect can send,
/// reporting it when not.
fn check_key(input: &Input, cx: &Ctxt) -> bool {
    if input.source == Source::Contact {
        let checked = if input.unchecked {
            check_syntax(&input.key)
        } else {
            check_contact_data_path(&input.key)
        };
        if let Err(problem) = &checked {
            cx.at(input.key_span, format!("{problem} ({})", problem.help()));
        }
        return checked.is_ok();
    }
    if is_key(&input.key) {
        return true;
    }
    let fix = if input.from_name {
        format!(
            "; name the key with #[{}(rename = \"...\")]",
            input.source.attr()
        )
    } else {
        String::new()
    };
    cx.at(
        input.key_span,
        format!(
            "`{}` is not a key Connect can pass: keys are made of {KEY_CHARACTERS}{fix}",
            input.key
        ),
    );
    false
}
