//! Parses `#[connect_handler(...)]`'s options and the argument attributes
//! (`#[param]`, `#[attribute]`, `#[contact]`, `#[state]`) into typed values.
//! Nothing after this module looks at attribute tokens again.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitStr, Token};

use super::errors::Errors;
use connect_names::function_name::is_function_name;
use connect_names::suggest;

/// The options of `#[connect_handler(...)]`.
pub(crate) struct Options {
    /// `function = "MyFirstConnectLambda"`: the deployed Lambda's name.
    pub function: Option<LitStr>,
    /// `crate = "path"`: where the runtime is, `::connect_lambda` unless a
    /// re-exporting crate says otherwise.
    pub krate: syn::Path,
}

const OPTIONS: &[&str] = &["function", "crate"];

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

fn parse_items(tokens: TokenStream, errors: &mut Errors) -> Vec<Item> {
    match Punctuated::<Item, Token![,]>::parse_terminated.parse2(tokens) {
        Ok(items) => items.into_iter().collect(),
        Err(error) => {
            errors.push(error);
            Vec::new()
        }
    }
}

/// The string of `name = "..."`, or an error saying the option takes one.
fn string_value(name: &Ident, value: &Expr, example: &str, errors: &mut Errors) -> Option<LitStr> {
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Some(lit.clone()),
        _ => {
            errors.spanned(
                value,
                format!("`{name}` takes a string: write `{name} = \"{example}\"`"),
            );
            None
        }
    }
}

fn unknown(errors: &mut Errors, item: &Item, what: &str, valid: &[&str]) {
    let name = match item {
        Item::Lit(lit) => {
            errors.at(
                lit.span(),
                format!(
                    "unexpected string in {what}: it takes {}",
                    suggest::list(valid)
                ),
            );
            return;
        }
        Item::Flag(name) | Item::Value(name, _) => name.to_string(),
    };
    let hint = match suggest::did_you_mean(&name, valid.iter().copied()) {
        Some(close) => format!("did you mean `{close}`? "),
        None => String::new(),
    };
    let valid = match valid {
        [only] => format!("its only option is `{only}`"),
        _ => format!("valid options are {}", suggest::list(valid)),
    };
    errors.at(
        item.span(),
        format!("unknown option `{name}` in {what}: {hint}{valid}"),
    );
}

/// Parses `#[connect_handler(function = "...", crate = "...")]`.
pub(crate) fn options(args: TokenStream, errors: &mut Errors) -> Options {
    let mut options = Options {
        function: None,
        krate: syn::parse_quote!(::connect_lambda),
    };
    let mut seen: Vec<String> = Vec::new();
    for item in parse_items(args, errors) {
        let Item::Value(name, value) = &item else {
            match &item {
                Item::Flag(name) if OPTIONS.contains(&name.to_string().as_str()) => {
                    errors.spanned(
                        name,
                        format!("`{name}` takes a value: write `{name} = \"...\"`"),
                    );
                }
                _ => unknown(errors, &item, "#[connect_handler]", OPTIONS),
            }
            continue;
        };
        let key = name.to_string();
        if OPTIONS.contains(&key.as_str()) {
            if seen.contains(&key) {
                errors.spanned(name, format!("`{key}` is given twice: keep one"));
                continue;
            }
            seen.push(key.clone());
        }
        match key.as_str() {
            "function" => {
                let example = "MyFirstConnectLambda";
                if let Some(lit) = string_value(name, value, example, errors) {
                    check_function_name(&lit, errors);
                    options.function = Some(lit);
                }
            }
            "crate" => {
                if let Some(lit) = string_value(name, value, "connect_lambda", errors) {
                    match lit.parse::<syn::Path>() {
                        Ok(path) => options.krate = path,
                        Err(_) => errors.spanned(
                            &lit,
                            "`crate` takes the path of the crate that re-exports connect-lambda, e.g. `crate = \"my_sdk::connect\"`",
                        ),
                    }
                }
            }
            _ => unknown(errors, &item, "#[connect_handler]", OPTIONS),
        }
    }
    options
}

/// A Lambda function name: 1 to 64 of `[A-Za-z0-9_-]` (what the flow
/// checker compares against the end of `LambdaFunctionARN`).
fn check_function_name(lit: &LitStr, errors: &mut Errors) {
    let name = lit.value();
    if !is_function_name(&name) {
        errors.spanned(
            lit,
            "`function` is the deployed Lambda function's name: 1 to 64 letters, digits, `_` or `-` (not an ARN)",
        );
    }
}

/// The kind an argument attribute gives an argument.
pub(crate) enum KindAttr {
    /// `#[param]` / `#[param(rename = "key")]`.
    Param { rename: Option<LitStr> },
    /// `#[attribute]` / `#[attribute(rename = "key")]`.
    Attribute { rename: Option<LitStr> },
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
pub(crate) fn take_arg_attrs(attrs: &mut Vec<Attribute>, errors: &mut Errors) -> ArgAttrs {
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
            errors.spanned(
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
        let kind = parse_kind(&name, &attr, errors);
        match (&found, kind) {
            (Some(first), _) => errors.spanned(
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
fn attr_items(name: &str, attr: &Attribute, errors: &mut Errors) -> Option<Vec<Item>> {
    match &attr.meta {
        syn::Meta::Path(_) => Some(Vec::new()),
        syn::Meta::List(list) => Some(parse_items(list.tokens.clone(), errors)),
        syn::Meta::NameValue(meta) => {
            let fix = match name {
                "contact" => "#[contact(\"CustomerEndpoint.Address\")]",
                "state" => "#[state]",
                _ => "#[param(rename = \"key\")]",
            };
            errors.spanned(meta, format!("write {fix}"));
            None
        }
    }
}

fn parse_kind(name: &str, attr: &Attribute, errors: &mut Errors) -> Option<KindAttr> {
    let items = attr_items(name, attr, errors)?;
    match name {
        "param" | "attribute" => {
            let what = format!("#[{name}]");
            let mut rename = None;
            for item in &items {
                match item {
                    Item::Value(option, value) if option == "rename" => {
                        if rename.is_some() {
                            errors.spanned(option, "`rename` is given twice: keep one");
                        }
                        rename = string_value(option, value, "key", errors);
                    }
                    Item::Flag(option) if option == "rename" => errors.spanned(
                        option,
                        "`rename` takes the key: write `rename = \"companyName\"`",
                    ),
                    Item::Lit(lit) => errors.spanned(
                        lit,
                        format!(
                            "write #[{name}(rename = {})] to read another key",
                            lit.to_token_stream()
                        ),
                    ),
                    _ => unknown(errors, item, &what, &["rename"]),
                }
            }
            Some(if name == "param" {
                KindAttr::Param { rename }
            } else {
                KindAttr::Attribute { rename }
            })
        }
        "contact" => {
            let mut path: Option<LitStr> = None;
            let mut unchecked = false;
            for item in &items {
                let given = match item {
                    Item::Lit(lit) => Some(lit.clone()),
                    Item::Value(option, value) if option == "path" => {
                        string_value(option, value, "CustomerEndpoint.Address", errors)
                    }
                    Item::Flag(option) if option == "unchecked" => {
                        unchecked = true;
                        None
                    }
                    Item::Flag(option) if option == "path" => {
                        errors.spanned(
                            option,
                            "`path` takes the field: write `path = \"CustomerEndpoint.Address\"`",
                        );
                        None
                    }
                    _ => {
                        unknown(errors, item, "#[contact]", &["path", "unchecked"]);
                        None
                    }
                };
                if let Some(lit) = given {
                    if path.is_some() {
                        errors.at(item.span(), "the path is given twice: keep one");
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
                errors.spanned(
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
                errors.at(
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
