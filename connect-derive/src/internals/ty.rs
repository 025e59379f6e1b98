//! Rules about types that both macros apply: what an `Option` is, and the
//! type behind a reference.

use syn::{GenericArgument, PathArguments, Type};

/// `ty` without the invisible groups and parentheses around it: a type
/// passed through `macro_rules!` (`$ty:ty`) arrives in a `None`-delimited
/// group.
pub(crate) fn ungroup(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Group(group) => ty = &group.elem,
            Type::Paren(paren) => ty = &paren.elem,
            _ => return ty,
        }
    }
}

/// `T` when `ty` is written `Option<T>`, `std::option::Option<T>` or
/// `core::option::Option<T>`: the one rule both macros use for "optional".
/// Another type named `Option` (`my::Option<T>`) is not taken for it, since
/// nothing says it is the standard one.
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ungroup(ty) else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let (last, prefix) = path
        .path
        .segments
        .iter()
        .collect::<Vec<_>>()
        .split_last()
        .map(|(last, prefix)| {
            let prefix: Vec<String> = prefix.iter().map(|s| s.ident.to_string()).collect();
            (*last, prefix)
        })?;
    let known_prefix =
        prefix.is_empty() || prefix == ["std", "option"] || prefix == ["core", "option"];
    if last.ident != "Option" || !known_prefix {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// The referent of `&T` or `&mut T`, or `ty` itself.
pub(crate) fn strip_reference(ty: &Type) -> &Type {
    match ungroup(ty) {
        Type::Reference(reference) => &reference.elem,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn ty(text: &str) -> Type {
        syn::parse_str(text).unwrap()
    }

    fn inner(text: &str) -> Option<String> {
        option_inner(&ty(text)).map(|inner| inner.to_token_stream().to_string())
    }

    #[test]
    fn one_rule_for_option() {
        assert_eq!(inner("Option<u32>").as_deref(), Some("u32"));
        assert_eq!(
            inner("std::option::Option<String>").as_deref(),
            Some("String")
        );
        assert_eq!(inner("::core::option::Option<u8>").as_deref(), Some("u8"));
        assert_eq!(inner("(Option<u8>)").as_deref(), Some("u8"));
        assert_eq!(inner("u32"), None);
        assert_eq!(inner("Vec<Option<u32>>"), None);
        assert_eq!(inner("my::Option<u32>"), None);
        assert_eq!(inner("Option"), None);
        assert_eq!(inner("<T as Trait>::Option<u32>"), None);
    }

    #[test]
    fn references_are_stripped() {
        let stripped = |text: &str| strip_reference(&ty(text)).to_token_stream().to_string();
        assert_eq!(stripped("&Clients"), "Clients");
        assert_eq!(stripped("&mut Clients"), "Clients");
        assert_eq!(stripped("Clients"), "Clients");
    }
}
