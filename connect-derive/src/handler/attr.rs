//! Parses `#[connect_handler(...)]`'s options and the argument attributes
//! (`#[param]`, `#[attribute]`, `#[contact]`, `#[state]`) into typed values.
//! Nothing after this module looks at attribute tokens again.
//!
//! The items are read with a small grammar of their own ([`Item`]) rather
//! than `parse_nested_meta` as the derives' `#[connect(...)]` is
//! (`internals::attr::parse_options`): `#[contact("Path")]` starts with a
//! string, which is not a meta path. What a mistake is called is still the
//! shared toolkit's: [`OptionSet::unknown`], [`Slot`]'s duplicate and
//! [`takes_string`].

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, LitStr, Token};

use connect_names::function_name::is_function_name;
use connect_names::suggest;

use super::ast::Source;
use crate::internals::attr::{string_lit, takes_string, OptionSet, Slot};
use crate::internals::ctxt::Ctxt;

/// The options of `#[connect_handler(...)]`.
pub(crate) struct Options {
    /// `function = "MyFirstConnectLambda"`: the deployed Lambda's name.
    pub function: Option<LitStr>,
    /// `crate = "path"`: where the runtime is, `::connect_lambda` unless a
    /// re-exporting crate says otherwise.
    pub krate: syn::Path,
}

const HANDLER_OPTIONS: OptionSet = OptionSet {
    attr: "#[connect_handler]",
    forms: &["function = \"...\"", "crate = \"...\""],
};

const PARAM_OPTIONS: OptionSet = OptionSet {
    attr: "#[param]",
    forms: &["rename = \"...\""],
};

const ATTRIBUTE_OPTIONS: OptionSet = OptionSet {
    attr: "#[attribute]",
    forms: &["rename = \"...\""],
};

const CONTACT_OPTIONS: OptionSet = OptionSet {
    attr: "#[contact]",
    forms: &["path = \"...\"", "unchecked"],
};

/// One entry of an attribute's list: `"Path"`, `name` or `name = value`.
enum Item {
    Lit(LitStr),
    Flag(Ident),
    Value(Ident, Expr),
}

impl Item {
    fn span(&self) -> Span {
        match self {
            Item::Lit(lit) => lit.span(),
            Item::Flag(name) => name.span(),
            Item::Value(name, value) => name
                .span()
                .join(value.span())
                .unwrap_or_else(|| name.span()),
        }
    }

    fn tokens(&self) -> TokenStream {
        match self {
            Item::Lit(lit) => lit.to_token_stream(),
            Item::Flag(name) => name.to_token_stream(),
            Item::Value(name, value) => quote::quote!(#name = #value),
        }
    }
}

impl Parse for Item {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(LitStr) {
            return input.parse().map(Item::Lit);
        }
        // `crate` is a keyword: accept any identifier here and judge it later.
        let name = Ident::parse_any(input)?;
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            Ok(Item::Value(name, input.parse()?))
        } else {
            Ok(Item::Flag(name))
        }
    }
}

fn parse_items(tokens: TokenStream, cx: &Ctxt) -> Vec<Item> {
    match Punctuated::<Item, Token![,]>::parse_terminated.parse2(tokens) {
        Ok(items) => items.into_iter().collect(),
        Err(error) => {
            cx.push(error);
            Vec::new()
        }
    }
}

/// The string of `name = "..."`, or an error saying the option takes one.
fn string_value(name: &Ident, value: &Expr, example: &str, cx: &Ctxt) -> Option<LitStr> {
    match string_lit(value) {
        Some(lit) => Some(lit.clone()),
        None => {
            cx.push(takes_string(value, &name.to_string(), example));
            None
        }
    }
}

fn unknown(cx: &Ctxt, item: &Item, options: &OptionSet) {
    match item {
        Item::Lit(lit) => cx.at(
            lit.span(),
            format!(
                "unexpected string in {}: it takes {}",
                options.attr,
                options.listed()
            ),
        ),
        Item::Flag(name) | Item::Value(name, _) => {
            cx.push(options.unknown(item.span(), &name.to_string()));
        }
    }
}

/// Parses `#[connect_handler(function = "...", crate = "...")]`.
pub(crate) fn options(args: TokenStream, cx: &Ctxt) -> Options {
    let mut function = Slot::new("function");
    let mut krate = Slot::new("crate");
    for item in parse_items(args, cx) {
        let Item::Value(name, value) = &item else {
            match &item {
                Item::Flag(name) if HANDLER_OPTIONS.names().any(|option| name == option) => {
                    cx.spanned(
                        name,
                        format!("`{name}` takes a value: write `{name} = \"...\"`"),
                    );
                }
                _ => unknown(cx, &item, &HANDLER_OPTIONS),
            }
            continue;
        };
        match name.to_string().as_str() {
            "function" => {
                if function.is_set() {
                    function.set(cx, name.span(), None);
                    continue;
                }
                let example = "MyFirstConnectLambda";
                let lit = string_value(name, value, example, cx);
                if let Some(lit) = &lit {
                    check_function_name(lit, cx);
                }
                function.set(cx, name.span(), lit);
            }
            "crate" => {
                if krate.is_set() {
                    krate.set(cx, name.span(), None);
                    continue;
                }
                let path = string_value(name, value, "connect_lambda", cx).and_then(|lit| {
                    let path = lit.parse::<syn::Path>().ok();
                    if path.is_none() {
                        cx.spanned(
                            &lit,
                            "`crate` takes the path of the crate that re-exports connect-lambda, e.g. `crate = \"my_sdk::connect\"`",
                        );
                    }
                    path
                });
                krate.set(cx, name.span(), path);
            }
            _ => unknown(cx, &item, &HANDLER_OPTIONS),
        }
    }
    Options {
        function: function.get().flatten(),
        krate: krate
            .get()
            .flatten()
            .unwrap_or_else(|| syn::parse_quote!(::connect_lambda)),
    }
}

/// A Lambda function name: 1 to 64 of `[A-Za-z0-9_-]` (what the flow
/// checker compares against the end of `LambdaFunctionARN`).
fn check_function_name(lit: &LitStr, cx: &Ctxt) {
    let name = lit.value();
    if !is_function_name(&name) {
        cx.spanned(
            lit,
            "`function` is the deployed Lambda function's name: 1 to 64 letters, digits, `_` or `-` (not an ARN)",
        );
    }
}

/// The kind an argument attribute gives an argument.
pub(crate) enum KindAttr {
    /// `#[param]`, `#[attribute]`, optionally with `(rename = "key")`.
    Keyed {
        source: Source,
        rename: Option<LitStr>,
    },
    /// `#[contact("Path")]` / `#[contact(path = "Path", unchecked)]`.
    Contact { path: LitStr, unchecked: bool },
    /// `#[state]`.
    State,
}

/// An argument attribute and where it was written.
pub(crate) struct ArgAttr {
    pub kind: KindAttr,
    /// The attribute's name (`param`), for messages about the argument.
    pub name: Ident,
}

const KINDS: &[&str] = &["param", "attribute", "contact", "state"];

/// Attributes the compiler itself understands on a function argument: kept
/// on the emitted function.
const KEPT: &[&str] = &["allow", "warn", "deny", "forbid", "expect", "doc"];

const VALID_KINDS: &str = "#[param], #[attribute], #[contact(\"Path.In.ContactData\")] or #[state]";

/// What the attributes of one argument say.
pub(crate) struct ArgAttrs {
    /// The kind, when one was given (and parsed).
    pub kind: Option<ArgAttr>,
    /// Whether an attribute was not understood (already reported): the
    /// argument then gets no "has no kind" error of its own.
    pub reported: bool,
}

/// Takes this crate's attributes off `attrs` (the emitted function must not
/// carry them) and returns the argument's kind, reporting unknown
/// attributes, unknown options and a second kind.
pub(crate) fn take_arg_attrs(attrs: &mut Vec<Attribute>, cx: &Ctxt) -> ArgAttrs {
    let mut found: Option<ArgAttr> = None;
    let mut reported = false;
    let mut kept = Vec::with_capacity(attrs.len());
    for attr in attrs.drain(..) {
        let name = match attr.path().get_ident() {
            Some(ident) => ident.to_string(),
            None => attr.path().to_token_stream().to_string().replace(' ', ""),
        };
        if KEPT.contains(&name.as_str()) {
            kept.push(attr);
            continue;
        }
        if !KINDS.contains(&name.as_str()) {
            let hint = match suggest::did_you_mean(&name, KINDS.iter().copied()) {
                Some(close) => format!("did you mean #[{close}]? "),
                None => String::new(),
            };
            cx.spanned(
                attr.path(),
                format!(
                    "unknown argument attribute #[{name}]: {hint}a handler argument takes {VALID_KINDS}"
                ),
            );
            reported = true;
            continue;
        }
        let ident = attr.path().get_ident().cloned().unwrap_or_else(|| {
            // Unreachable: every name in KINDS is a single identifier.
            Ident::new(&name, attr.span())
        });
        let kind = parse_kind(&name, &attr, cx);
        match (&found, kind) {
            (Some(first), _) => cx.spanned(
                attr.path(),
                format!(
                    "this argument is already #[{}]: an argument has one kind, remove one of the two",
                    first.name
                ),
            ),
            (None, Some(kind)) => found = Some(ArgAttr { kind, name: ident }),
            (None, None) => reported = true,
        }
    }
    *attrs = kept;
    ArgAttrs {
        kind: found,
        reported,
    }
}

/// The list inside `#[name(...)]`, empty for a bare `#[name]`; an error for
/// `#[name = ...]`.
fn attr_items(name: &str, attr: &Attribute, cx: &Ctxt) -> Option<Vec<Item>> {
    match &attr.meta {
        syn::Meta::Path(_) => Some(Vec::new()),
        syn::Meta::List(list) => Some(parse_items(list.tokens.clone(), cx)),
        syn::Meta::NameValue(meta) => {
            let fix = match name {
                "contact" => "#[contact(\"CustomerEndpoint.Address\")]",
                "state" => "#[state]",
                _ => "#[param(rename = \"key\")]",
            };
            cx.spanned(meta, format!("write {fix}"));
            None
        }
    }
}

fn parse_kind(name: &str, attr: &Attribute, cx: &Ctxt) -> Option<KindAttr> {
    let items = attr_items(name, attr, cx)?;
    match name {
        "param" | "attribute" => {
            let (source, options) = if name == "param" {
                (Source::Parameter, &PARAM_OPTIONS)
            } else {
                (Source::Attribute, &ATTRIBUTE_OPTIONS)
            };
            let mut rename = Slot::new("rename");
            for item in &items {
                match item {
                    Item::Value(option, value) if option == "rename" => {
                        if let Some(lit) = string_value(option, value, "key", cx) {
                            rename.set(cx, option.span(), lit);
                        }
                    }
                    Item::Flag(option) if option == "rename" => cx.spanned(
                        option,
                        "`rename` takes the key: write `rename = \"companyName\"`",
                    ),
                    Item::Lit(lit) => cx.spanned(
                        lit,
                        format!(
                            "write #[{name}(rename = {})] to read another key",
                            lit.to_token_stream()
                        ),
                    ),
                    _ => unknown(cx, item, options),
                }
            }
            Some(KindAttr::Keyed {
                source,
                rename: rename.get(),
            })
        }
        "contact" => {
            let mut path: Option<LitStr> = None;
            let mut unchecked = false;
            for item in &items {
                let given = match item {
                    Item::Lit(lit) => Some(lit.clone()),
                    Item::Value(option, value) if option == "path" => {
                        string_value(option, value, "CustomerEndpoint.Address", cx)
                    }
                    Item::Flag(option) if option == "unchecked" => {
                        unchecked = true;
                        None
                    }
                    Item::Flag(option) if option == "path" => {
                        cx.spanned(
                            option,
                            "`path` takes the field: write `path = \"CustomerEndpoint.Address\"`",
                        );
                        None
                    }
                    _ => {
                        unknown(cx, item, &CONTACT_OPTIONS);
                        None
                    }
                };
                if let Some(lit) = given {
                    if path.is_some() {
                        cx.at(item.span(), "the path is given twice: keep one");
                    } else {
                        path = Some(lit);
                    }
                }
            }
            if path.is_none()
                && items
                    .iter()
                    .all(|item| !matches!(item, Item::Value(..) | Item::Lit(_)))
            {
                cx.spanned(
                    attr,
                    "#[contact] needs the field it reads, in Connect's names: #[contact(\"CustomerEndpoint.Address\")]",
                );
                return None;
            }
            Some(KindAttr::Contact {
                path: path?,
                unchecked,
            })
        }
        _ => {
            for item in &items {
                cx.at(
                    item.span(),
                    format!(
                        "#[state] takes no options (found `{}`): write #[state]",
                        item.tokens()
                    ),
                );
            }
            Some(KindAttr::State)
        }
    }
}
