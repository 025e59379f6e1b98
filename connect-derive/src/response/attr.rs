//! `#[connect(...)]` options, parsed once into typed values.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use super::case::RenameRule;
use crate::ctxt::Ctxt;

const CONTAINER_OPTIONS: &str = "`string_map`, `json`, `rename_all = \"...\"`, `crate = \"...\"`";
const FIELD_OPTIONS: &str = "`rename = \"...\"`, `skip`, `display`, `flatten`, `nested`";

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
                                cx.syn_error(duplicate(span, &word))
                            }
                            Some(_) => cx.syn_error(syn::Error::new(
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
                            None => cx.error_spanned_by(
                                &lit,
                                format!(
                                    "unknown case `{}` for `rename_all`{}; the cases are {}",
                                    lit.value(),
                                    did_you_mean(&lit.value(), &RenameRule::all_names()),
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
                            Err(_) => cx.error_spanned_by(
                                &lit,
                                format!(
                                    "`crate` takes the path of the crate that re-exports connect_lambda, such as \"::connect_lambda\"; `{}` is not a path",
                                    lit.value()
                                ),
                            ),
                        }
                        Ok(())
                    }
                    "rename" | "skip" | "display" | "flatten" | "nested" => Err(meta.error(format!(
                        "`{word}` is an option of a field, not of the struct; the options on the struct are {CONTAINER_OPTIONS}"
                    ))),
                    _ => Err(meta.error(format!(
                        "unknown connect option `{word}`{}; the options on the struct are {CONTAINER_OPTIONS}",
                        did_you_mean(&word, &["string_map", "json", "rename_all", "crate"])
                    ))),
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
                            cx.syn_error(duplicate(span, &word));
                        } else {
                            field.rename = Some(lit);
                        }
                        Ok(())
                    }
                    "skip" => flag(cx, meta, &mut field.skip, &word),
                    "display" => flag(cx, meta, &mut field.display, &word),
                    "flatten" => flag(cx, meta, &mut field.flatten, &word),
                    "nested" => flag(cx, meta, &mut field.nested, &word),
                    "string_map" | "json" | "rename_all" | "crate" => Err(meta.error(format!(
                        "`{word}` is an option of the struct, not of a field: write it as `#[connect({word}...)]` above the struct; the options on a field are {FIELD_OPTIONS}"
                    ))),
                    _ => Err(meta.error(format!(
                        "unknown connect option `{word}`{}; the options on a field are {FIELD_OPTIONS}",
                        did_you_mean(&word, &["rename", "skip", "display", "flatten", "nested"])
                    ))),
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
        cx.error_spanned_by(
            path,
            "`#[connect]` needs options, such as `#[connect(json)]` or `#[connect(rename = \"key\")]`",
        );
        return;
    }
    let result = attr.parse_nested_meta(|meta| {
        if let Err(error) = option(&meta) {
            cx.syn_error(error);
            skip_value(&meta);
        }
        Ok(())
    });
    if let Err(error) = result {
        cx.syn_error(error);
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
    let value = meta.value()?;
    let mut expr: syn::Expr = value.parse()?;
    // A literal passed through `macro_rules!` arrives in an invisible group.
    while let syn::Expr::Group(group) = expr {
        expr = *group.expr;
    }
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        }) => Ok(lit),
        other => Err(syn::Error::new_spanned(
            other,
            format!("`{word}` takes a string in quotes: `{word} = \"...\"`"),
        )),
    }
}

fn no_value(cx: &Ctxt, meta: &ParseNestedMeta, word: &str) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        cx.syn_error(meta.error(format!("`{word}` takes no value: write `{word}` alone")));
        skip_value(meta);
    }
    Ok(())
}

fn flag(cx: &Ctxt, meta: &ParseNestedMeta, slot: &mut Flag, word: &str) -> syn::Result<()> {
    let span = meta.path.span();
    if slot.is_some() {
        cx.syn_error(duplicate(span, word));
    } else {
        *slot = Some(span);
    }
    no_value(cx, meta, word)
}

fn set_once<T>(cx: &Ctxt, slot: &mut Option<(T, Span)>, value: (T, Span), word: &str) {
    if slot.is_some() {
        cx.syn_error(duplicate(value.1, word));
    } else {
        *slot = Some(value);
    }
}

fn duplicate(span: Span, word: &str) -> syn::Error {
    syn::Error::new(span, format!("duplicate connect option `{word}`"))
}

/// `" (did you mean `x`?)"` for the option `word` most likely meant, or `""`.
fn did_you_mean(word: &str, options: &[&str]) -> String {
    connect_names::suggest::did_you_mean(word, options.iter().copied())
        .map(|option| format!(" (did you mean `{option}`?)"))
        .unwrap_or_default()
}
