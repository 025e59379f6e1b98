//! Checks across options and fields: combinations that make no sense, and
//! keys a flow could not reference.

use std::collections::HashMap;

use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;

use connect_names::key::{invalid_key_char, KEY_CHARACTERS};

use super::ast::{Container, Field};
use super::attr::Validation;
use crate::internals::ctxt::Ctxt;

/// Records every problem of `cont` in `cx`.
pub fn check(cx: &Ctxt, cont: &Container) {
    for field in &cont.fields {
        check_options(cx, cont, field);
    }
    check_flatten_count(cx, cont);
    check_keys(cx, cont);
}

fn check_options(cx: &Ctxt, cont: &Container, field: &Field) {
    let attrs = &field.attrs;
    if attrs.skip.is_some() {
        let others = [
            ("rename", attrs.rename.as_ref().map(|lit| lit.span())),
            ("display", attrs.display),
            ("flatten", attrs.flatten),
            ("nested", attrs.nested),
        ];
        for (word, span) in others {
            if let Some(span) = span {
                error(
                    cx,
                    span,
                    format!("`{word}` has no effect on a skipped field: `skip` leaves it out of the response; remove one of them"),
                );
            }
        }
        return;
    }
    if let (Some(_), Some(span)) = (attrs.display, attrs.nested) {
        error(
            cx,
            span,
            "`display` sends the field as one string, `nested` lists its keys as an object: choose one",
        );
    }
    if attrs.flatten.is_some() {
        if let Some(span) = attrs.display {
            error(
                cx,
                span,
                "`display` sends the field as one string, `flatten` merges a map's entries into the response: choose one",
            );
        }
        if let Some(span) = attrs.nested {
            error(
                cx,
                span,
                "`nested` lists a struct's keys, `flatten` merges a map's entries into the response: choose one",
            );
        }
        if let Some(lit) = &attrs.rename {
            error(
                cx,
                lit.span(),
                "a flattened field has no key of its own (its entries are the keys): remove `rename`",
            );
        }
    }
    if let (Validation::StringMap, Some(span)) = (cont.attrs.validation, attrs.nested) {
        error(
            cx,
            span,
            "`nested` lists the keys of an object inside the response, which only JSON validation allows: add `#[connect(json)]` to the struct",
        );
    }
}

fn check_flatten_count(cx: &Ctxt, cont: &Container) {
    let mut flattened = cont
        .fields
        .iter()
        .filter(|field| field.attrs.skip.is_none())
        .filter_map(|field| field.attrs.flatten.map(|span| (field, span)));
    let Some((first, _)) = flattened.next() else {
        return;
    };
    for (_, span) in flattened {
        error(
            cx,
            span,
            format!(
                "only one field can be flattened, and `{}` already is: merge the maps into one",
                first.member
            ),
        );
    }
}

fn check_keys(cx: &Ctxt, cont: &Container) {
    let mut seen: HashMap<&str, &Field> = HashMap::new();
    for field in &cont.fields {
        if field.attrs.skip.is_some() || field.attrs.flatten.is_some() {
            continue;
        }
        let key = field.key.as_str();
        let span = key_span(field);
        if key.is_empty() {
            error(
                cx,
                span,
                "empty key: a flow reads a key as `$.External.<key>`, so it needs at least one character",
            );
            continue;
        }
        if let Some(bad) = invalid_key_char(key) {
            let hint = if bad == '.' {
                "; `.` separates nested keys: under `#[connect(json)]`, make the field a struct that derives ConnectResponse"
            } else {
                ""
            };
            error(
                cx,
                span,
                format!(
                    "key `{key}` has the character {bad:?}, which a flow cannot reference: keys are made of {KEY_CHARACTERS}{hint}"
                ),
            );
            continue;
        }
        match seen.get(key) {
            Some(earlier) => error(
                cx,
                span,
                format!(
                    "duplicate key `{key}`: field `{}` already sends it (keys are compared after `rename` and `rename_all`)",
                    earlier.member
                ),
            ),
            None => {
                seen.insert(key, field);
            }
        }
    }
}

/// Where a key comes from: the `rename` literal, else the field's name.
fn key_span(field: &Field) -> Span {
    match &field.attrs.rename {
        Some(lit) => lit.span(),
        None => field.member.to_token_stream().span(),
    }
}

fn error(cx: &Ctxt, span: Span, message: impl std::fmt::Display) {
    cx.push(syn::Error::new(span, message));
}
