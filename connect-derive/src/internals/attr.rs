//! The attribute toolkit of both macros: the options an attribute takes
//! and the one message for an unknown one, slots that refuse a second
//! value, and string literals however they arrive.

use connect_names::suggest;
use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Token};

use super::ctxt::Ctxt;

/// The options of one attribute, as its messages list them.
pub(crate) struct OptionSet {
    /// Where they are written: `#[connect_handler]`, `#[connect] on a field`.
    pub attr: &'static str,
    /// Each option as it is written: `rename = "..."`, `skip`.
    pub forms: &'static [&'static str],
}

impl OptionSet {
    /// The options' names, without their values.
    pub(crate) fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.forms
            .iter()
            .map(|form| form.split([' ', '(']).next().unwrap_or(form))
    }

    /// `` `a = "..."`, `b` and `c` ``.
    pub(crate) fn listed(&self) -> String {
        suggest::list(self.forms)
    }

    /// The one message for an unknown option, at `span`:
    /// ``unknown option `x` in #[...]: did you mean `y`? the options here are ...``.
    pub(crate) fn unknown(&self, span: Span, word: &str) -> syn::Error {
        let hint = match suggest::did_you_mean(word, self.names()) {
            Some(close) => format!("did you mean `{close}`? "),
            None => String::new(),
        };
        syn::Error::new(
            span,
            format!(
                "unknown option `{word}` in {}: {hint}{}",
                self.attr,
                self.here()
            ),
        )
    }

    /// ``the options here are `a` and `b` `` (or ``the only option here is `a` ``).
    pub(crate) fn here(&self) -> String {
        match self.forms {
            [only] => format!("the only option here is `{only}`"),
            _ => format!("the options here are {}", self.listed()),
        }
    }
}

/// An option's value, given at most once: a second one is an error at its
/// own token, and the first is kept.
pub(crate) struct Slot<T> {
    word: &'static str,
    value: Option<T>,
}

impl<T> Slot<T> {
    /// An empty slot for the option `word`.
    pub(crate) fn new(word: &'static str) -> Self {
        Slot { word, value: None }
    }

    /// Fills the slot, or reports the duplicate at `span`.
    pub(crate) fn set(&mut self, cx: &Ctxt, span: Span, value: T) {
        if self.value.is_some() {
            cx.push(duplicate(span, self.word));
        } else {
            self.value = Some(value);
        }
    }

    /// Whether a value was given.
    pub(crate) fn is_set(&self) -> bool {
        self.value.is_some()
    }

    /// The value given, if any.
    pub(crate) fn get(self) -> Option<T> {
        self.value
    }
}

/// The one message for an option that takes a string and was given
/// something else (or nothing), on `tokens`: ``a` takes a string: write `a = "..."``.
pub(crate) fn takes_string(tokens: impl quote::ToTokens, word: &str, example: &str) -> syn::Error {
    syn::Error::new_spanned(
        tokens,
        format!("`{word}` takes a string: write `{word} = \"{example}\"`"),
    )
}

/// The one message for an option given twice, at the second.
pub(crate) fn duplicate(span: Span, word: &str) -> syn::Error {
    syn::Error::new(span, format!("`{word}` is given twice: keep one"))
}

/// `expr` without the invisible groups around it: a literal passed through
/// `macro_rules!` (`$name:literal`, `$name:expr`) arrives in a
/// `None`-delimited group.
pub(crate) fn ungroup(mut expr: &Expr) -> &Expr {
    while let Expr::Group(group) = expr {
        expr = &group.expr;
    }
    expr
}

/// The string literal `expr` is, through any invisible groups.
pub(crate) fn string_lit(expr: &Expr) -> Option<&LitStr> {
    match ungroup(expr) {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Some(lit),
        _ => None,
    }
}

/// Runs `option` on every option of `#[connect(...)]`, recording its errors
/// and carrying on with the next option after a bad one (the derives'
/// attribute; `#[connect_handler]` takes its options as arguments).
pub(crate) fn parse_options(
    cx: &Ctxt,
    attr: &Attribute,
    options: &OptionSet,
    mut option: impl FnMut(&ParseNestedMeta) -> syn::Result<()>,
) {
    if let syn::Meta::Path(path) = &attr.meta {
        cx.spanned(
            path,
            format!("{} needs options: {}", options.attr, options.here()),
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
pub(crate) fn skip_value(meta: &ParseNestedMeta) {
    if meta.input.peek(Token![=]) {
        let _ = meta.value().and_then(|value| value.parse::<syn::Expr>());
    } else if meta.input.peek(syn::token::Paren) {
        let _ = meta.parse_nested_meta(|inner| {
            skip_value(&inner);
            Ok(())
        });
    }
}

pub(crate) fn path_word(meta: &ParseNestedMeta) -> String {
    match meta.path.get_ident() {
        Some(ident) => ident.to_string(),
        None => {
            let path = &meta.path;
            quote::quote!(#path).to_string().replace(' ', "")
        }
    }
}

pub(crate) fn string_value(meta: &ParseNestedMeta, word: &str) -> syn::Result<LitStr> {
    if !meta.input.peek(Token![=]) {
        return Err(takes_string(&meta.path, word, "..."));
    }
    let expr: syn::Expr = meta.value()?.parse()?;
    match string_lit(&expr) {
        Some(lit) => Ok(lit.clone()),
        None => Err(takes_string(&expr, word, "...")),
    }
}

pub(crate) fn no_value(cx: &Ctxt, meta: &ParseNestedMeta, word: &str) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        cx.push(meta.error(format!("`{word}` takes no value: write `{word}` alone")));
        skip_value(meta);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELD: OptionSet = OptionSet {
        attr: "#[connect] on a field",
        forms: &["rename = \"...\"", "skip", "display"],
    };

    #[test]
    fn one_shape_for_an_unknown_option() {
        let error = FIELD.unknown(Span::call_site(), "dispaly");
        assert_eq!(
            error.to_string(),
            "unknown option `dispaly` in #[connect] on a field: did you mean `display`? the options here are `rename = \"...\"`, `skip` and `display`"
        );
        let only = OptionSet {
            attr: "#[param]",
            forms: &["rename = \"...\""],
        };
        assert_eq!(
            only.unknown(Span::call_site(), "renam").to_string(),
            "unknown option `renam` in #[param]: did you mean `rename`? the only option here is `rename = \"...\"`"
        );
    }

    #[test]
    fn literals_come_out_of_invisible_groups() {
        let lit: Expr = syn::parse_quote!("MyLambda");
        let grouped = Expr::Group(syn::ExprGroup {
            attrs: Vec::new(),
            group_token: Default::default(),
            expr: Box::new(lit),
        });
        assert_eq!(
            string_lit(&grouped).map(LitStr::value).as_deref(),
            Some("MyLambda")
        );
    }

    #[test]
    fn a_slot_keeps_the_first_value() {
        let cx = Ctxt::new();
        let mut slot = Slot::new("rename");
        slot.set(&cx, Span::call_site(), 1);
        slot.set(&cx, Span::call_site(), 2);
        let error = cx.check().unwrap_err();
        assert_eq!(error.to_string(), "`rename` is given twice: keep one");
        assert_eq!(slot.get(), Some(1));
    }
}
