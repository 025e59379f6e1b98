//! The handler as a model: what each argument reads and what the function
//! returns, built once from the function's syntax. Checks and expansion
//! work on this model and never look at the attribute tokens again.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{FnArg, GenericArgument, ItemFn, Pat, PathArguments, ReturnType, Type};

use super::attr::{self, ArgAttr, ArgAttrs, KindAttr, Options};
use crate::internals::ctxt::Ctxt;
use crate::internals::ty;

/// A `#[connect_handler]` function.
pub(crate) struct Handler {
    /// The function as it will be emitted: exactly as written, minus this
    /// crate's argument attributes.
    pub func: ItemFn,
    /// `#[connect_handler(...)]`'s options.
    pub options: Options,
    /// The arguments, in declaration order.
    pub args: Vec<Arg>,
    /// What the function returns.
    pub output: Output,
    /// Whether an argument is a method receiver (`self`): nothing but the
    /// function can be emitted then, as it sits in an `impl` block.
    pub is_method: bool,
}

/// One argument of the function.
pub(crate) struct Arg {
    /// The name the argument binds, when its pattern is a plain name.
    pub name: Option<syn::Ident>,
    /// The argument's type as written.
    pub ty: Type,
    /// What the argument reads.
    pub kind: Kind,
}

/// What an argument reads.
pub(crate) enum Kind {
    /// `#[param]`, `#[attribute]` or `#[contact("Path")]`: one value of the
    /// event, by key or path.
    Input(Input),
    /// `&ContactData`: the whole contact.
    ContactData,
    /// `&ContactFlowEvent`: the whole event.
    Event,
    /// `&Context`: lambda_runtime's invocation context.
    Context,
    /// `#[state] x: &S`: a value `handler(x)` takes once.
    State(State),
    /// No kind (already reported).
    None,
}

/// Where in the event an argument's value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Source {
    /// `#[param]`: a key of `Details.Parameters`.
    Parameter,
    /// `#[attribute]`: a key of `Details.ContactData.Attributes`.
    Attribute,
    /// `#[contact("Path")]`: one field of `Details.ContactData`.
    Contact,
}

impl Source {
    /// The argument attribute that reads from it.
    pub(crate) fn attr(self) -> &'static str {
        match self {
            Source::Parameter => "param",
            Source::Attribute => "attribute",
            Source::Contact => "contact",
        }
    }

    /// What one of its keys is called in messages.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Source::Parameter => "parameter",
            Source::Attribute => "attribute",
            Source::Contact => "contact field",
        }
    }
}

/// A value read from the event: where, by which key, and as which type.
pub(crate) struct Input {
    pub source: Source,
    /// The key (`rename` or the argument's name), or a contact's dotted
    /// path in Connect's names.
    pub key: String,
    /// Where the key was written (the string, or the argument's name).
    pub key_span: Span,
    /// Whether the key came from the argument's name (no `rename`).
    pub from_name: bool,
    /// `#[contact(..., unchecked)]`: skip the check against the known fields.
    pub unchecked: bool,
    /// The value's type.
    pub value: Value,
}

/// A `#[state]` argument.
pub(crate) struct State {
    /// The type the reference points to (`Clients` for `&Clients`), when the
    /// argument is a shared reference.
    pub ty: Option<Type>,
}

/// The type of a value read from the event. Its manifest type is not
/// decided here: the generated code asks the type itself
/// (`ManifestType`, through an autoref probe), as the response derive does,
/// so the two macros cannot disagree.
pub(crate) struct Value {
    /// `Option<T>` (written as such): `None` when the key is absent or null.
    pub optional: bool,
    /// The type extracted: `T` of `Option<T>`, or the argument's type.
    pub ty: Type,
}

/// What the function returns.
pub(crate) enum Output {
    /// `-> R`.
    Response(Type),
    /// `-> Result<R, E>` (or a one-argument `Result<R>` alias).
    Result {
        /// `R`.
        response: Type,
        /// `E`, when written.
        error: Option<Box<Type>>,
        /// The whole return type.
        whole: Box<Type>,
    },
    /// No return type, or one that cannot name its response (`impl Trait`):
    /// already reported.
    Invalid,
}

impl Output {
    /// `R`, the response type, when there is one.
    pub(crate) fn response(&self) -> Option<&Type> {
        match self {
            Output::Response(ty) | Output::Result { response: ty, .. } => Some(ty),
            Output::Invalid => None,
        }
    }
}

impl Handler {
    /// Builds the model of `func`, taking this crate's attributes off its
    /// arguments. Problems are recorded in `cx`; the model is still
    /// built as far as it goes.
    pub(crate) fn from_fn(mut func: ItemFn, options: Options, cx: &Ctxt) -> Handler {
        let mut args = Vec::new();
        let mut is_method = false;
        for input in func.sig.inputs.iter_mut() {
            match input {
                FnArg::Receiver(receiver) => {
                    is_method = true;
                    cx.spanned(
                        &*receiver,
                        "#[connect_handler] goes on a free function, not a method: move the handler out of the `impl` block and pass what it needs with #[state]",
                    );
                }
                FnArg::Typed(typed) => {
                    let kind_attr = attr::take_arg_attrs(&mut typed.attrs, cx);
                    let name = match &*typed.pat {
                        Pat::Ident(pat) => Some(pat.ident.clone()),
                        _ => None,
                    };
                    let ty = (*typed.ty).clone();
                    let span = typed.span();
                    let kind = kind_of(kind_attr, name.as_ref(), &ty, span, cx);
                    args.push(Arg { name, ty, kind });
                }
            }
        }
        let output = output_of(&func.sig.output, &func.sig.ident, cx);
        Handler {
            func,
            options,
            args,
            output,
            is_method,
        }
    }
}

fn kind_of(attrs: ArgAttrs, name: Option<&syn::Ident>, ty: &Type, span: Span, cx: &Ctxt) -> Kind {
    let Some(ArgAttr { kind, .. }) = attrs.kind else {
        if attrs.reported {
            // The attribute meant to give the kind is already reported.
            return Kind::None;
        }
        return by_type(ty, span, cx);
    };
    match kind {
        KindAttr::Keyed { source, rename } => {
            let (key, key_span, from_name) = match (rename, name) {
                (Some(lit), _) => (lit.value(), lit.span(), false),
                (None, Some(name)) => (unraw(name), name.span(), true),
                (None, None) => {
                    cx.at(
                        span,
                        format!(
                            "this argument has no name to use as the key: give the key with #[{}(rename = \"key\")]",
                            source.attr()
                        ),
                    );
                    return Kind::None;
                }
            };
            Kind::Input(Input {
                source,
                key,
                key_span,
                from_name,
                unchecked: false,
                value: value_of(ty),
            })
        }
        KindAttr::Contact { path, unchecked } => Kind::Input(Input {
            source: Source::Contact,
            key: path.value(),
            key_span: path.span(),
            from_name: false,
            unchecked,
            value: value_of(ty),
        }),
        KindAttr::State => Kind::State(State {
            ty: match ty {
                Type::Reference(reference) if reference.mutability.is_none() => {
                    Some((*reference.elem).clone())
                }
                _ => None,
            },
        }),
    }
}

/// The name without `r#`: `r#type` reads the key `type`.
fn unraw(name: &syn::Ident) -> String {
    let name = name.to_string();
    name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
}

/// An argument without an attribute is recognised by its type:
/// `&ContactData`, `&ContactFlowEvent` or `&Context` (any path ending so).
fn by_type(ty: &Type, span: Span, cx: &Ctxt) -> Kind {
    let (referent, shared) = match ty {
        Type::Reference(reference) => (&*reference.elem, reference.mutability.is_none()),
        other => (other, false),
    };
    let name = last_segment(referent).map(|segment| segment.ident.to_string());
    match name.as_deref() {
        Some(name @ ("ContactData" | "ContactFlowEvent" | "Context")) if !shared => {
            cx.spanned(
                ty,
                format!("take the {name} by shared reference: write `&{name}`"),
            );
            Kind::None
        }
        Some("ContactData") => Kind::ContactData,
        Some("ContactFlowEvent") => Kind::Event,
        Some("Context") => Kind::Context,
        _ => {
            cx.at(
                span,
                "this argument has no kind: say what it reads with #[param], #[attribute], #[contact(\"Path\")] or #[state] (`&ContactData`, `&ContactFlowEvent` and `&Context` need none)",
            );
            Kind::None
        }
    }
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        Type::Group(group) => last_segment(&group.elem),
        Type::Paren(paren) => last_segment(&paren.elem),
        _ => None,
    }
}

/// The type arguments of the last segment of a path type.
fn type_args(segment: &syn::PathSegment) -> Vec<&Type> {
    match &segment.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn value_of(ty: &Type) -> Value {
    match ty::option_inner(ty) {
        Some(inner) => Value {
            optional: true,
            ty: inner.clone(),
        },
        None => Value {
            optional: false,
            ty: ty.clone(),
        },
    }
}

fn output_of(output: &ReturnType, name: &syn::Ident, cx: &Ctxt) -> Output {
    let ty = match output {
        ReturnType::Default => {
            cx.spanned(
                name,
                format!(
                    "the handler `{name}` returns nothing: return its response, `-> MyResponse` (a type that derives ConnectResponse) or `-> Result<MyResponse, connect_lambda::Error>`"
                ),
            );
            return Output::Invalid;
        }
        ReturnType::Type(_, ty) => &**ty,
    };
    if let Type::ImplTrait(_) = ty {
        cx.spanned(
            ty,
            "name the response type: the manifest is built from it, so write `-> MyResponse` or `-> Result<MyResponse, connect_lambda::Error>`, not `impl Trait`",
        );
        return Output::Invalid;
    }
    if let Some(segment) = last_segment(ty) {
        if segment.ident == "Result" {
            match type_args(segment).as_slice() {
                [response] => {
                    return Output::Result {
                        response: (*response).clone(),
                        error: None,
                        whole: Box::new(ty.clone()),
                    }
                }
                [response, error] => {
                    return Output::Result {
                        response: (*response).clone(),
                        error: Some(Box::new((*error).clone())),
                        whole: Box::new(ty.clone()),
                    }
                }
                _ => {}
            }
        }
    }
    Output::Response(ty.clone())
}
