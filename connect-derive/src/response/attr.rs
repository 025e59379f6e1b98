//! `#[connect(...)]` options, parsed once into typed values.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr};

use crate::internals::attr::{
    duplicate, no_value, parse_options, path_word, string_value, OptionSet,
};
use crate::internals::case::RenameRule;
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
            parse_options(cx, attr, &CONTAINER_OPTIONS, |meta| {
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
                            None => cx.spanned(&lit, RenameRule::unknown_message(&lit.value())),
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
            parse_options(cx, attr, &FIELD_OPTIONS, |meta| {
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
