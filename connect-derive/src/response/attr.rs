//! `#[connect(...)]` options, parsed once into typed values.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use connect_names::suggest;

use super::case::RenameRule;
use crate::internals::attr::{duplicate, string_lit, OptionSet};
use crate::internals::ctxt::Ctxt;

const CONTAINER_OPTIONS: OptionSet = OptionSet {
    attr: "#[connect] on the struct",
    forms: &[
        "string_map",
        "json",
        "rename_all = \"...\"",
        "crate = \"...\"",
    ],
};

const FIELD_OPTIONS: OptionSet = OptionSet {
    attr: "#[connect] on a field",
    forms: &["rename = \"...\"", "skip", "display", "flatten", "nested"],
};

/// The response validation a struct is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validation {
    StringMap,
    Json,
}

/// An option given as a bare word, with the span of that word.
pub type Flag = Option<Span>;

/// The struct's options.
#[derive(Clone)]
pub struct Container {
    pub validation: Validation,
    pub rename_all: Option<RenameRule>,
    pub crate_path: Option<syn::Path>,
}

/// A field's options.
#[derive(Default)]
pub struct Field {
    /// The key given with `rename`, and its literal.
    pub rename: Option<LitStr>,
    pub skip: Flag,
    pub display: Flag,
    pub flatten: Flag,
    pub nested: Flag,
}

impl Container {
    pub fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut validation: Option<(Validation, Span)> = None;
        let mut rename_all: Option<(RenameRule, Span)> = None;
        let mut crate_path: Option<(syn::Path, Span)> = None;

        for attr in connect_attrs(attrs) {
            parse_options(cx, attr, |meta| {
                let span = meta.path.span();
                let word = path_word(meta);
                match word.as_str() {
                    "string_map" | "json" => {
                        let value = if word == "json" {
                            Validation::Json
                        } else {
                            Validation::StringMap
                        };
                        match validation {
                            Some((earlier, _)) if earlier == value => {
                                cx.push(duplicate(span, &word))
                            }
                            Some(_) => cx.push(syn::Error::new(
                                span,
                                "a response has one validation: `string_map` or `json`, not both",
                            )),
                            None => validation = Some((value, span)),
                        }
                        no_value(cx, meta, &word)
                    }
                    "rename_all" => {
                        let lit = string_value(meta, &word)?;
                        match RenameRule::from_name(&lit.value()) {
                            Some(rule) => set_once(cx, &mut rename_all, (rule, span), &word),
                            None => cx.spanned(
                                &lit,
                                format!(
                                    "unknown case `{}` for `rename_all`{}; the cases are {}",
                                    lit.value(),
                                    suggest::did_you_mean(&lit.value(), RenameRule::all_names())
                                        .map(|case| format!(" (did you mean `{case}`?)"))
                                        .unwrap_or_default(),
                                    RenameRule::names()
                                ),
                            ),
                        }
                        Ok(())
                    }
                    "crate" => {
                        let lit = string_value(meta, &word)?;
                        match lit.parse::<syn::Path>() {
                            Ok(path) => set_once(cx, &mut crate_path, (path, span), &word),
                            Err(_) => cx.spanned(
                                &lit,
                                format!(
                                    "`crate` takes the path of the crate that re-exports connect_lambda, such as \"::connect_lambda\"; `{}` is not a path",
                                    lit.value()
                                ),
                            ),
                        }
                        Ok(())
                    }
                    _ if FIELD_OPTIONS.names().any(|name| name == word) => Err(meta.error(format!(
                        "`{word}` is an option of a field, not of the struct; the options on the struct are {}",
                        CONTAINER_OPTIONS.listed()
                    ))),
                    _ => Err(CONTAINER_OPTIONS.unknown(span, &word)),
                }
            });
        }

        Container {
            validation: validation.map_or(Validation::StringMap, |(value, _)| value),
            rename_all: rename_all.map(|(rule, _)| rule),
            crate_path: crate_path.map(|(path, _)| path),
        }
    }
}

impl Field {
    pub fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut field = Field::default();
        for attr in connect_attrs(attrs) {
            parse_options(cx, attr, |meta| {
                let span = meta.path.span();
                let word = path_word(meta);
                match word.as_str() {
                    "rename" => {
                        let lit = string_value(meta, &word)?;
                        if field.rename.is_some() {
                            cx.push(duplicate(span, &word));
                        } else {
                            field.rename = Some(lit);
                        }
                        Ok(())
                    }
                    "skip" => flag(cx, meta, &mut field.skip, &word),
                    "display" => flag(cx, meta, &mut field.display, &word),
                    "flatten" => flag(cx, meta, &mut field.flatten, &word),
                    "nested" => flag(cx, meta, &mut field.nested, &word),
                    _ if CONTAINER_OPTIONS.names().any(|name| name == word) => Err(meta.error(format!(
                        "`{word}` is an option of the struct, not of a field: write it as `#[connect({word}...)]` above the struct; the options on a field are {}",
                        FIELD_OPTIONS.listed()
                    ))),
                    _ => Err(FIELD_OPTIONS.unknown(span, &word)),
                }
            });
        }
        field
    }
}

fn connect_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("connect"))
}

/// Runs `option` on every option of `#[connect(...)]`, recording its errors
/// and carrying on with the next option after a bad one.
fn parse_options(
    cx: &Ctxt,
    attr: &Attribute,
    mut option: impl FnMut(&ParseNestedMeta) -> syn::Result<()>,
) {
    if let syn::Meta::Path(path) = &attr.meta {
        cx.spanned(
            path,
            "`#[connect]` needs options, such as `#[connect(json)]` or `#[connect(rename = \"key\")]`",
        );
        return;
    }
    let result = attr.parse_nested_meta(|meta| {
        if let Err(error) = option(&meta) {
            cx.push(error);
            skip_value(&meta);
        }
        Ok(())
    });
    if let Err(error) = result {
        cx.push(error);
    }
}

/// Consumes what follows a bad option (`= value` or `(...)`), so the next
/// option still parses.
fn skip_value(meta: &ParseNestedMeta) {
    if meta.input.peek(Token![=]) {
        let _ = meta.value().and_then(|value| value.parse::<syn::Expr>());
    } else if meta.input.peek(syn::token::Paren) {
        let _ = meta.parse_nested_meta(|inner| {
            skip_value(&inner);
            Ok(())
        });
    }
}

fn path_word(meta: &ParseNestedMeta) -> String {
    match meta.path.get_ident() {
        Some(ident) => ident.to_string(),
        None => {
            let path = &meta.path;
            quote::quote!(#path).to_string().replace(' ', "")
        }
    }
}

fn string_value(meta: &ParseNestedMeta, word: &str) -> syn::Result<LitStr> {
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("`{word}` takes a string: `{word} = \"...\"`")));
    }
    let expr: syn::Expr = meta.value()?.parse()?;
    match string_lit(&expr) {
        Some(lit) => Ok(lit.clone()),
        None => Err(syn::Error::new_spanned(
            expr,
            format!("`{word}` takes a string in quotes: `{word} = \"...\"`"),
        )),
    }
}

fn no_value(cx: &Ctxt, meta: &ParseNestedMeta, word: &str) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        cx.push(meta.error(format!("`{word}` takes no value: write `{word}` alone")));
        skip_value(meta);
    }
    Ok(())
}

fn flag(cx: &Ctxt, meta: &ParseNestedMeta, slot: &mut Flag, word: &str) -> syn::Result<()> {
    let span = meta.path.span();
    if slot.is_some() {
        cx.push(duplicate(span, word));
    } else {
        *slot = Some(span);
    }
    no_value(cx, meta, word)
}

fn set_once<T>(cx: &Ctxt, slot: &mut Option<(T, Span)>, value: (T, Span), word: &str) {
    if slot.is_some() {
        cx.push(duplicate(value.1, word));
    } else {
        *slot = Some(value);
    }
}
