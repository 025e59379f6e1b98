//! The attributes a ConnectValue enum's strings come from: serde's own
//! (`rename`, `rename_all`), read as serde reads them, and `#[connect]`.
//!
//! serde's options that make a variant's string form unknowable at compile
//! time, or not a string, are errors at the option, each saying what to
//! write instead. serde's other options do not change the strings and are
//! left to serde.

use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitStr};

use crate::internals::attr::{parse_options, path_word, skip_value, string_value, OptionSet, Slot};
use crate::internals::case::RenameRule;
use crate::internals::ctxt::Ctxt;

const CONTAINER_OPTIONS: OptionSet = OptionSet {
    attr: "#[connect] on a ConnectValue enum",
    forms: &["crate = \"...\""],
};

/// The enum's options.
pub(crate) struct Container {
    /// serde's `rename_all`, when the enum has one.
    pub rename_all: Option<RenameRule>,
    /// `#[connect(crate = "...")]`.
    pub crate_path: Option<syn::Path>,
}

/// A variant's options.
#[derive(Default)]
pub(crate) struct Variant {
    /// serde's `rename`, when the variant has one.
    rename: Option<LitStr>,
    /// An option that makes the form unknowable (already reported).
    unknowable: bool,
}

impl Container {
    pub(crate) fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> Container {
        let mut rename_all = Slot::new("rename_all");
        let mut crate_path = Slot::new("crate");
        for attr in attrs {
            if attr.path().is_ident("serde") {
                serde_options(attr, |meta, word| {
                    match word {
                        "rename_all" => {
                            let span = meta.path.span();
                            if let Some(rule) = rename_all_value(cx, meta)? {
                                rename_all.set(cx, span, rule);
                            }
                        }
                        "untagged" => cx.at(
                            meta.path.span(),
                            "serde sends an untagged enum's unit variants as null, not as strings: remove `untagged` to send each variant's name",
                        ),
                        "tag" | "content" => {
                            cx.at(
                                meta.path.span(),
                                format!("with `{word}`, serde sends each variant as an object (`{{\"tag\": \"Speak\"}}`), not as a string a flow can compare: remove `{word}` to send each variant's name"),
                            );
                            skip_value(meta);
                        }
                        "into" | "from" | "try_from" | "remote" => {
                            cx.at(
                                meta.path.span(),
                                format!("with `{word}`, serde sends or reads another type's form, so the variants' strings are not known here: remove `{word}`, or derive ConnectValue on that type"),
                            );
                            skip_value(meta);
                        }
                        _ => skip_value(meta),
                    }
                    Ok(())
                });
            } else if attr.path().is_ident("connect") {
                parse_options(cx, attr, &CONTAINER_OPTIONS, |meta| {
                    let word = path_word(meta);
                    match word.as_str() {
                        "crate" => {
                            let lit = string_value(meta, &word)?;
                            match lit.parse::<syn::Path>() {
                                Ok(path) => crate_path.set(cx, meta.path.span(), path),
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
                        "rename_all" | "rename" => Err(meta.error(format!(
                            "a ConnectValue enum's strings are serde's: write `#[serde({word} = \"...\")]`, so that what serde sends and what the manifest lists cannot differ"
                        ))),
                        _ => Err(CONTAINER_OPTIONS.unknown(meta.path.span(), &word)),
                    }
                });
            }
        }
        Container {
            rename_all: rename_all.get(),
            crate_path: crate_path.get(),
        }
    }
}

impl Variant {
    pub(crate) fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> Variant {
        let mut rename = Slot::new("rename");
        let mut unknowable = false;
        for attr in attrs {
            if attr.path().is_ident("connect") {
                cx.spanned(
                    attr,
                    "a ConnectValue variant's string is serde's: write `#[serde(rename = \"...\")]` on the variant",
                );
                continue;
            }
            if !attr.path().is_ident("serde") {
                continue;
            }
            serde_options(attr, |meta, word| {
                let span = meta.path.span();
                let mut refuse = |message: String| {
                    unknowable = true;
                    cx.at(span, message);
                };
                match word {
                    "rename" => {
                        if let Some(lit) = rename_value(cx, meta)? {
                            rename.set(cx, span, lit);
                        }
                    }
                    "alias" => {
                        refuse("an alias is read as this value but never sent, so the handler would accept a string the manifest does not list: remove the alias, or make it a variant of its own".to_owned());
                        skip_value(meta);
                    }
                    "skip" | "skip_serializing" | "skip_deserializing" => {
                        let never = match word {
                            "skip" => "sends nor reads",
                            "skip_serializing" => "sends",
                            _ => "reads",
                        };
                        refuse(format!(
                            "with `{word}`, serde never {never} this variant, so its string is not one the Lambda and the flow share: remove `{word}`, or the variant"
                        ))
                    }
                    "other" => refuse(
                        "`other` reads any unknown string as this variant, so the handler would accept values the manifest does not list: remove `other`".to_owned(),
                    ),
                    "untagged" => refuse(
                        "serde sends an untagged unit variant as null, not as a string: remove `untagged` to send the variant's name".to_owned(),
                    ),
                    "with" | "serialize_with" | "deserialize_with" => {
                        refuse(format!(
                            "with `{word}`, a function of yours writes or reads this variant, so its string is not known here: remove `{word}`"
                        ));
                        skip_value(meta);
                    }
                    _ => skip_value(meta),
                }
                Ok(())
            });
        }
        Variant {
            rename: rename.get(),
            unknowable,
        }
    }

    /// The variant's string form, as serde writes and reads it: its
    /// `rename`, else its name under the enum's `rename_all`, else its
    /// name. `None` when an option made it unknowable (reported).
    pub(crate) fn form(&self, ident: &Ident, rename_all: Option<RenameRule>) -> Option<String> {
        if self.unknowable {
            return None;
        }
        if let Some(lit) = &self.rename {
            return Some(lit.value());
        }
        let name = ident.to_string();
        let name = name.strip_prefix("r#").unwrap_or(&name).to_owned();
        Some(match rename_all {
            Some(rule) => rule.apply_to_variant(&name),
            None => name,
        })
    }
}

/// Runs `option` on every option of one `#[serde(...)]`. serde reports its
/// own syntax errors, so a `#[serde]` that does not parse is left to it.
fn serde_options(
    attr: &Attribute,
    mut option: impl FnMut(&ParseNestedMeta, &str) -> syn::Result<()>,
) {
    let _ = attr.parse_nested_meta(|meta| {
        let word = path_word(&meta);
        if option(&meta, &word).is_err() {
            skip_value(&meta);
        }
        Ok(())
    });
}

/// The string of `name = "..."`, or of `name(serialize = "...", deserialize
/// = "...")` when both sides agree: one form is what is sent and what is
/// read, so two different ones are an error at the option.
fn one_form(cx: &Ctxt, meta: &ParseNestedMeta, word: &str) -> syn::Result<Option<LitStr>> {
    if !meta.input.peek(syn::token::Paren) {
        return string_value(meta, word).map(Some);
    }
    let span = meta.path.span();
    let mut serialize: Option<LitStr> = None;
    let mut deserialize: Option<LitStr> = None;
    meta.parse_nested_meta(|inner| {
        let side = path_word(&inner);
        match side.as_str() {
            "serialize" => serialize = Some(string_value(&inner, &side)?),
            "deserialize" => deserialize = Some(string_value(&inner, &side)?),
            _ => skip_value(&inner),
        }
        Ok(())
    })?;
    let message = match (&serialize, &deserialize) {
        (Some(sent), Some(read)) if sent.value() == read.value() => return Ok(serialize),
        (Some(_), Some(_)) => "serde would send one string and read another",
        (Some(_), None) => "serde would send this string but read the default one",
        (None, Some(_)) => "serde would read this string but send the default one",
        (None, None) => "serde would send and read the default string",
    };
    cx.at(
        span,
        format!(
            "{message}; a flow compares what the Lambda sends and what it is passed with one set of values: write one form for both, `{word} = \"...\"`"
        ),
    );
    Ok(None)
}

fn rename_value(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<LitStr>> {
    one_form(cx, meta, "rename")
}

fn rename_all_value(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<RenameRule>> {
    let Some(lit) = one_form(cx, meta, "rename_all")? else {
        return Ok(None);
    };
    match RenameRule::from_name(&lit.value()) {
        Some(rule) => Ok(Some(rule)),
        None => {
            cx.spanned(&lit, RenameRule::unknown_message(&lit.value()));
            Ok(None)
        }
    }
}
