//! The shape shared by Connect's string enums ([`Channel`](super::Channel),
//! [`InitiationMethod`](super::InitiationMethod),
//! [`EndpointType`](super::EndpointType)): known values as variants, and an
//! `Other(String)` fallback for values Connect adds later, which serialises
//! back to the same string.
//!
//! Equality and hashing go through the wire text, so `Other("VOICE")` equals
//! `Voice`: a value is the same whichever way it was built.

/// Declares a Connect string enum: the variants with their wire text, an
/// `Other(String)` fallback, `as_str`, `Display`, `FromStr`, `From<&str>`,
/// `From<String>`, equality by text, and serde impls that read and write the
/// wire text.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($expecting:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident => $text:literal,
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("\n\nWire text: `", $text, "`.")]
                $variant,
            )+
            /// A value this crate does not know yet, kept as Connect sent it
            /// and serialised back unchanged.
            Other(String),
        }

        impl $name {
            /// Every value this crate knows, in the order Connect documents
            /// them.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The text Connect sends for this value.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Other(text) => text,
                }
            }

            /// `true` for a value this crate knows; `false` for an `Other`
            /// holding text it does not know.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(text) if Self::known(text).is_none())
            }

            fn known(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(text: &str) -> Self {
                Self::known(text).unwrap_or_else(|| $name::Other(text.to_owned()))
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(text: String) -> Self {
                Self::known(&text).unwrap_or($name::Other(text))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(text))
            }
        }

        impl ::std::cmp::PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl ::std::cmp::Eq for $name {}

        impl ::std::cmp::PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl ::std::cmp::PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl ::std::hash::Hash for $name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                self.as_str().hash(state)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct TextVisitor;

                impl ::serde::de::Visitor<'_> for TextVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_str<E: ::serde::de::Error>(self, text: &str) -> Result<$name, E> {
                        Ok($name::from(text))
                    }

                    fn visit_string<E: ::serde::de::Error>(self, text: String) -> Result<$name, E> {
                        Ok($name::from(text))
                    }
                }

                deserializer.deserialize_str(TextVisitor)
            }
        }
    };
}

pub(crate) use string_enum;
