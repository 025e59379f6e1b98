//! The generated code: the `Serialize` impl, the key list and the
//! `ConnectResponse` impl, inside `const _: () = { ... };`.
//!
//! Every use of a field's type is spanned at that type, so an unsatisfied
//! bound (`u64` is not a string, a JSON field that is not `Serialize`) is
//! reported on the user's field.

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{DeriveInput, Generics, Ident, Type, WherePredicate};

use super::ast::{Container, Field};
use super::attr::{self, Validation};

/// The impls for a well-formed response struct.
pub fn impls(cont: &Container) -> TokenStream {
    let private = private_path(&cont.attrs);
    let ident = cont.ident;
    let generics = with_bounds(cont, &private);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let serialize_body = serialize_body(cont, &private);
    let collect_keys = cont
        .fields
        .iter()
        .map(|field| collect_key(cont, field, &private));
    let validation = validation(&cont.attrs, &private);
    // A flattened field adds keys at run time: such a response is written
    // through its `Serialize` impl. Every other one writes itself.
    let flattens = sent(cont).any(|field| field.attrs.flatten.is_some());
    let (write_json, response_bytes) = if flattens {
        (quote!(), quote!(#private::serialize_response(self)))
    } else {
        let write_body = write_body(cont, &private);
        let write_json = quote! {
            #[automatically_derived]
            impl #impl_generics #private::WriteJson for #ident #ty_generics #where_clause {
                fn write_json(
                    &self,
                    __out: &mut ::std::vec::Vec<u8>,
                ) -> ::core::result::Result<(), #private::JsonError> {
                    #write_body
                }
            }
        };
        (write_json, quote!(#private::write_response(self)))
    };

    quote! {
        #[doc(hidden)]
        #[allow(
            non_upper_case_globals,
            unused_qualifications,
            unused_imports,
            clippy::needless_borrow,
            clippy::needless_borrows_for_generic_args,
        )]
        const _: () = {
            use #private::{
                ViaAnyType as _, ViaDescribeValue as _, ViaManifestType as _, ViaOption as _,
                ViaPlain as _, ViaSerde as _, ViaWriteJson as _,
            };

            #[automatically_derived]
            impl #impl_generics #private::serde::Serialize for #ident #ty_generics #where_clause {
                fn serialize<__S>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #private::serde::Serializer,
                {
                    #serialize_body
                }
            }

            #write_json

            #[automatically_derived]
            impl #impl_generics #private::NestedKeys for #ident #ty_generics #where_clause {
                fn collect_keys(__keys: &mut #private::KeyCollector) {
                    #(#collect_keys)*
                }
            }

            #[automatically_derived]
            impl #impl_generics #private::DescribeValue for #ident #ty_generics #where_clause {
                fn describe(__keys: &mut #private::KeyCollector, __key: &str, __required: bool) {
                    __keys.object::<Self>(__key, __required);
                }
            }

            #[automatically_derived]
            impl #impl_generics #private::ConnectResponse for #ident #ty_generics #where_clause {
                const VALIDATION: #private::ResponseValidation = #validation;

                fn external_keys() -> ::std::vec::Vec<#private::ExternalKey> {
                    #private::KeyCollector::collect::<Self>()
                }

                fn to_response_bytes(
                    &self,
                ) -> ::core::result::Result<::std::vec::Vec<u8>, #private::InvokeError> {
                    // The field checks above proved the validation's shape at
                    // compile time; what is left is the size.
                    #response_bytes
                }
            }
        };
    }
}

/// Placeholder impls for input the derive refuses (an enum, a tuple
/// struct, ...): they keep code that uses the type free of follow-on
/// errors while the `compile_error!` says what is wrong.
pub fn fallback(input: &DeriveInput, attrs: &attr::Container) -> TokenStream {
    let private = private_path(attrs);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let validation = validation(attrs, &private);
    quote! {
        #[doc(hidden)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #private::serde::Serialize for #ident #ty_generics #where_clause {
                fn serialize<__S>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #private::serde::Serializer,
                {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #impl_generics #private::NestedKeys for #ident #ty_generics #where_clause {
                fn collect_keys(_: &mut #private::KeyCollector) {}
            }

            #[automatically_derived]
            impl #impl_generics #private::DescribeValue for #ident #ty_generics #where_clause {
                fn describe(_: &mut #private::KeyCollector, _: &str, _: bool) {}
            }

            #[automatically_derived]
            impl #impl_generics #private::ConnectResponse for #ident #ty_generics #where_clause {
                const VALIDATION: #private::ResponseValidation = #validation;

                fn external_keys() -> ::std::vec::Vec<#private::ExternalKey> {
                    ::std::vec::Vec::new()
                }
            }
        };
    }
}

fn private_path(attrs: &attr::Container) -> TokenStream {
    let module = match &attrs.crate_path {
        Some(path) => crate::private::module(path),
        None => crate::private::module(quote!(::connect_lambda)),
    };
    quote!(#module::response)
}

fn validation(attrs: &attr::Container, private: &TokenStream) -> TokenStream {
    match attrs.validation {
        Validation::StringMap => quote!(#private::ResponseValidation::StringMap),
        Validation::Json => quote!(#private::ResponseValidation::Json),
    }
}

/// The fields that are sent, in declaration order.
fn sent<'c, 'a>(cont: &'c Container<'a>) -> impl Iterator<Item = &'c Field<'a>> {
    cont.fields
        .iter()
        .filter(|field| field.attrs.skip.is_none())
}

fn serialize_body(cont: &Container, private: &TokenStream) -> TokenStream {
    let flatten = sent(cont).find(|field| field.attrs.flatten.is_some());
    let fixed: Vec<&Field> = sent(cont)
        .filter(|field| field.attrs.flatten.is_none())
        .collect();

    match flatten {
        None => {
            let name = cont.ident.to_string();
            let len = fixed.len();
            let fields = fixed
                .iter()
                .map(|field| serialize_field(cont, field, private, Mode::Struct));
            quote! {
                let mut __state = #private::serde::Serializer::serialize_struct(
                    __serializer, #name, #len,
                )?;
                #(#fields)*
                #private::serde::ser::SerializeStruct::end(__state)
            }
        }
        Some(_) => {
            let declared: Vec<&str> = fixed.iter().map(|field| field.key.as_str()).collect();
            let fields = sent(cont).map(|field| {
                if field.attrs.flatten.is_some() {
                    serialize_flatten(cont, field, private, &declared)
                } else {
                    serialize_field(cont, field, private, Mode::Map)
                }
            });
            quote! {
                let mut __state = #private::serde::Serializer::serialize_map(
                    __serializer, ::core::option::Option::None,
                )?;
                #(#fields)*
                #private::serde::ser::SerializeMap::end(__state)
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Mode {
    /// `serialize_struct`: every key is known at compile time.
    Struct,
    /// `serialize_map`: a flattened field adds keys at run time.
    Map,
}

impl Mode {
    fn entry(self, private: &TokenStream, key: &str, value: TokenStream) -> TokenStream {
        match self {
            Mode::Struct => quote! {
                #private::serde::ser::SerializeStruct::serialize_field(&mut __state, #key, #value)?;
            },
            Mode::Map => quote! {
                #private::serde::ser::SerializeMap::serialize_entry(&mut __state, #key, #value)?;
            },
        }
    }

    fn skip(self, private: &TokenStream, key: &str) -> TokenStream {
        match self {
            Mode::Struct => quote! {
                #private::serde::ser::SerializeStruct::skip_field(&mut __state, #key)?;
            },
            Mode::Map => quote!(),
        }
    }
}

/// How a sent field's value is reached: the expressions both the
/// `Serialize` impl and the `WriteJson` impl use, made once and spanned at
/// the field's type, so that a field whose type does not fit is reported
/// once, at the field.
enum FieldValue {
    /// `#[connect(display)]` on an `Option`: the text of `__value` (the
    /// value inside), sent when there is one.
    OptionalDisplay(TokenStream),
    /// `#[connect(display)]`: the value's text, always sent.
    Display(TokenStream),
    /// A STRING_MAP field: an `Option<&str>`, `None` leaving the key out.
    Str(TokenStream),
    /// A JSON field: the `Serialize` value, left out when the probe says
    /// it is absent (an `Option` that is `None`).
    Json(TokenStream),
}

fn field_value(cont: &Container, field: &Field, private: &TokenStream) -> FieldValue {
    let member = field.member;
    let ty = field.ty;
    if field.attrs.display.is_some() {
        return match field.option_inner {
            Some(inner) => FieldValue::OptionalDisplay(
                quote_spanned!(inner.span()=> &#private::display_str::<#inner>(__value)),
            ),
            None => FieldValue::Display(
                quote_spanned!(ty.span()=> &#private::display_str::<#ty>(&self.#member)),
            ),
        };
    }
    // `nested` under STRING_MAP is reported by the checks; the field is
    // expanded as JSON so that the same mistake is not reported twice.
    let validation = match field.attrs.nested {
        Some(_) => Validation::Json,
        None => cont.attrs.validation,
    };
    match validation {
        Validation::StringMap => FieldValue::Str(quote_spanned! {ty.span()=>
            <#ty as #private::StringLike>::as_response_str(&self.#member)
        }),
        Validation::Json => {
            let span = ty.span();
            let private = respan(private.clone(), span);
            let mut member = member.clone();
            member.set_span(span);
            FieldValue::Json(quote_spanned! {span=>
                <#ty as #private::JsonValue>::as_json(&self.#member)
            })
        }
    }
}

fn serialize_field(
    cont: &Container,
    field: &Field,
    private: &TokenStream,
    mode: Mode,
) -> TokenStream {
    let member = field.member;
    let ty = field.ty;
    let key = field.key.as_str();
    let skip = mode.skip(private, key);
    match field_value(cont, field, private) {
        FieldValue::OptionalDisplay(text) => {
            let entry = mode.entry(private, key, text);
            quote! {
                match &self.#member {
                    ::core::option::Option::Some(__value) => { #entry }
                    ::core::option::Option::None => { #skip }
                }
            }
        }
        FieldValue::Display(text) => mode.entry(private, key, text),
        FieldValue::Str(text) => {
            let entry = mode.entry(private, key, quote!(__text));
            quote! {
                match #text {
                    ::core::option::Option::Some(__text) => { #entry }
                    ::core::option::Option::None => { #skip }
                }
            }
        }
        FieldValue::Json(value) => {
            let entry = mode.entry(private, key, value);
            quote! {
                if (&&#private::Probe::<#ty>::new()).is_absent(&self.#member) {
                    #skip
                } else {
                    #entry
                }
            }
        }
    }
}

/// The body of the `WriteJson` impl: `{`, each sent field's `"key":value`
/// (a field left out of the `Serialize` output is left out here), `}`. The
/// value expressions are the `Serialize` impl's, spanned the same, so a
/// field's type error is reported once.
fn write_body(cont: &Container, private: &TokenStream) -> TokenStream {
    let fields: Vec<TokenStream> = sent(cont)
        .map(|field| write_field(cont, field, private))
        .collect();
    if fields.is_empty() {
        return quote! {
            __out.extend_from_slice(b"{}");
            ::core::result::Result::Ok(())
        };
    }
    quote! {
        let mut __first = true;
        __out.push(b'{');
        #(#fields)*
        __out.push(b'}');
        ::core::result::Result::Ok(())
    }
}

fn write_field(cont: &Container, field: &Field, private: &TokenStream) -> TokenStream {
    let member = field.member;
    let ty = field.ty;
    // The checks have held every key to `[A-Za-z0-9_-]`: nothing to escape.
    let key = proc_macro2::Literal::byte_string(format!("\"{}\":", field.key).as_bytes());
    let write_key = quote!(#private::write_key(__out, &mut __first, #key););
    match field_value(cont, field, private) {
        FieldValue::OptionalDisplay(text) => quote! {
            if let ::core::option::Option::Some(__value) = &self.#member {
                #write_key
                #private::write_serde(__out, #text)?;
            }
        },
        FieldValue::Display(text) => quote! {
            #write_key
            #private::write_serde(__out, #text)?;
        },
        FieldValue::Str(text) => quote! {
            if let ::core::option::Option::Some(__text) = #text {
                #write_key
                #private::write_str(__out, __text);
            }
        },
        FieldValue::Json(value) => quote! {
            if !(&&#private::Probe::<#ty>::new()).is_absent(&self.#member) {
                #write_key
                (&&#private::Writer::<#ty>::new()).write_value(&self.#member, #value, __out)?;
            }
        },
    }
}

fn serialize_flatten(
    cont: &Container,
    field: &Field,
    private: &TokenStream,
    declared: &[&str],
) -> TokenStream {
    let member = field.member;
    let name = member.to_string();
    let ty = field.ty;
    // Spanned as a whole at the field's type: a type that is not a map, or
    // values that are not strings, are reported there, once.
    let span = ty.span();
    let helper = match cont.attrs.validation {
        Validation::StringMap => Ident::new("flatten_strings", span),
        Validation::Json => Ident::new("flatten_values", span),
    };
    let private = respan(private.clone(), span);
    let mut member = member.clone();
    member.set_span(span);
    let call = quote_spanned! {span=>
        #private::#helper::<#ty, <__S as #private::serde::Serializer>::SerializeMap>(
            &self.#member,
            &mut __state,
            #name,
            &[#(#declared),*],
        )
    };
    quote!(#call?;)
}

fn collect_key(cont: &Container, field: &Field, private: &TokenStream) -> TokenStream {
    let ty = field.ty;
    let key = field.key.as_str();
    if field.attrs.skip.is_some() {
        return quote!();
    }
    if field.attrs.flatten.is_some() {
        return quote!(__keys.dynamic(););
    }
    // A string's closed set, when its type has one (`ManifestType`): the
    // text of a displayed `bool`, the values of a `ConnectValue` enum.
    let type_info = quote!((&&#private::TypeProbe::<#ty>::new()).manifest_type());
    if field.attrs.display.is_some() {
        let required = field.option_inner.is_none();
        return quote! {
            __keys.leaf_with_values(
                #key,
                #private::ValueType::String,
                #type_info.display_values(),
                #required,
            );
        };
    }
    let validation = match field.attrs.nested {
        Some(_) => Validation::Json,
        None => cont.attrs.validation,
    };
    match validation {
        Validation::StringMap => quote! {
            __keys.leaf_with_values(
                #key,
                #private::ValueType::String,
                #type_info.values(),
                !(&&#private::Probe::<#ty>::new()).is_optional(),
            );
        },
        Validation::Json if field.attrs.nested.is_some() => quote_spanned! {ty.span()=>
            <#ty as #private::DescribeValue>::describe(__keys, #key, true);
        },
        Validation::Json => quote! {
            (&&&#private::Probe::<#ty>::new()).describe_value(__keys, #key, true);
        },
    }
}

/// The struct's generics, with a bound for each field whose type mentions
/// a type parameter (what the field's use needs).
fn with_bounds(cont: &Container, private: &TokenStream) -> Generics {
    let mut generics = cont.generics.clone();
    let params: Vec<Ident> = generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    if params.is_empty() {
        return generics;
    }
    let mut predicates: Vec<WherePredicate> = Vec::new();
    for field in sent(cont) {
        if !mentions(field.ty.to_token_stream(), &params) {
            continue;
        }
        let ty = field.ty;
        let bounds: Vec<TokenStream> = if field.attrs.display.is_some() {
            let shown: &Type = field.option_inner.unwrap_or(ty);
            vec![quote!(#shown: #private::DisplayText)]
        } else if field.attrs.flatten.is_some() {
            let value = match cont.attrs.validation {
                Validation::StringMap => quote!(#private::StringLike),
                Validation::Json => quote!(#private::serde::Serialize),
            };
            vec![
                quote!(#ty: #private::FlattenMap),
                quote!(<#ty as #private::FlattenMap>::Value: #value),
            ]
        } else {
            match cont.attrs.validation {
                Validation::StringMap => vec![quote!(#ty: #private::StringLike)],
                Validation::Json if field.attrs.nested.is_some() => vec![
                    quote!(#ty: #private::serde::Serialize),
                    quote!(#ty: #private::DescribeValue),
                ],
                Validation::Json => vec![quote!(#ty: #private::serde::Serialize)],
            }
        };
        for bound in bounds {
            predicates.push(syn::parse2(bound).expect("a where predicate"));
        }
    }
    generics.make_where_clause().predicates.extend(predicates);
    generics
}

/// Whether `tokens` name one of `params`.
fn mentions(tokens: TokenStream, params: &[Ident]) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => params.contains(&ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}

/// `tokens` with every span set to `span`.
fn respan(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = TokenTree::Group(inner);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}
