//! `string_enum!`: an enum stored in a TEXT column and sent in JSON as the
//! same lower-case strings, with `ALL`, `as_str`, `parse` (an unknown string
//! is a validation error on the named field, with the named `ErrorKey`),
//! `TryFrom<String>` (for `#[sqlx(try_from = "String")]` on row types) and
//! `Display`.
//!
//! ```ignore
//! shipdesk::string_enum! {
//!     /// Where a parcel is.
//!     pub enum Leg("leg", BadRequest) {
//!         Pickup = "pickup",
//!         LineHaul = "line_haul",
//!     }
//! }
//! assert_eq!(Leg::parse("line_haul").unwrap(), Leg::LineHaul);
//! assert_eq!(serde_json::to_string(&Leg::Pickup).unwrap(), "\"pickup\"");
//! ```

#[macro_export]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($field:literal, $key:ident) {
            $( $(#[$vmeta:meta])* $variant:ident = $s:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $s)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($s),+].len()] = [$($name::$variant),+];

            /// The stored and serialised string.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $s, )+
                }
            }

            /// The value of its string; an unknown one is a validation error.
            pub fn parse(s: &str) -> $crate::AppResult<Self> {
                match s {
                    $( $s => Ok($name::$variant), )+
                    _ => Err($crate::AppError::validation($field, $crate::ErrorKey::$key)),
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::AppError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::string_enum! {
        #[derive(Default)]
        enum Shade("shade", BadRequest) {
            #[default]
            Light = "light",
            DarkGrey = "dark_grey",
        }
    }

    #[test]
    fn a_string_enum_round_trips_through_its_strings_and_json() {
        for s in Shade::ALL {
            assert_eq!(Shade::parse(s.as_str()).unwrap(), s);
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<Shade>(&json).unwrap(), s);
        }
        assert_eq!(Shade::default(), Shade::Light);
        assert_eq!(
            Shade::try_from("dark_grey".to_owned()).unwrap(),
            Shade::DarkGrey
        );
        let e = Shade::parse("dark grey").unwrap_err();
        assert_eq!(e.field(), Some("shade"));
        assert_eq!(e.key(), crate::ErrorKey::BadRequest);
    }
}
