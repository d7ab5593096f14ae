//! The one error type of the product. It is serialisable so that it crosses
//! server functions intact; each variant maps to one HTTP status. Messages are
//! i18n keys (`field.problem`), turned into text by the UI; internal causes are
//! logged where they happen and never reach a client.

use serde::{Deserialize, Serialize};

pub type AppResult<T> = Result<T, AppError>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    #[error("sign-in required")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    #[error("not found: {what}")]
    NotFound { what: String },
    /// `field` names the input; `key` is the i18n key of the message.
    #[error("invalid {field}: {key}")]
    Validation { field: String, key: String },
    #[error("conflict on {field}: {key}")]
    Conflict { field: String, key: String },
    #[error("too many attempts, retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn validation(field: &str, key: &str) -> Self {
        AppError::Validation {
            field: field.into(),
            key: key.into(),
        }
    }
    pub fn conflict(field: &str, key: &str) -> Self {
        AppError::Conflict {
            field: field.into(),
            key: key.into(),
        }
    }
    pub fn not_found(what: &str) -> Self {
        AppError::NotFound { what: what.into() }
    }

    /// The HTTP status this error answers with on the API.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound { .. } => 404,
            AppError::Validation { .. } => 422,
            AppError::Conflict { .. } => 409,
            AppError::RateLimited { .. } => 429,
            AppError::Internal => 500,
        }
    }

    /// The field the error is about, for forms that show it beside the input.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Validation { field, .. } | AppError::Conflict { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The i18n key of the message shown to a person.
    pub fn key(&self) -> &str {
        match self {
            AppError::Unauthorized => "error.unauthorized",
            AppError::Forbidden => "error.forbidden",
            AppError::NotFound { .. } => "error.not_found",
            AppError::Validation { key, .. } | AppError::Conflict { key, .. } => key,
            AppError::RateLimited { .. } => "error.rate_limited",
            AppError::Internal => "error.internal",
        }
    }
}

#[cfg(feature = "web")]
mod web {
    use super::AppError;
    use server_fn::codec::JsonEncoding;
    use server_fn::error::{FromServerFnError, ServerFnErrorErr};

    impl FromServerFnError for AppError {
        type Encoder = JsonEncoding;

        fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
            match value {
                ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                    AppError::validation("request", "error.bad_request")
                }
                ServerFnErrorErr::MissingArg(arg) => AppError::Validation {
                    field: arg,
                    key: "error.required".into(),
                },
                ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Internal,
                other => {
                    #[cfg(feature = "ssr")]
                    tracing::warn!(error = %other, "server function plumbing error");
                    let _ = other;
                    AppError::Internal
                }
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        if let Some(db) = e.as_database_error() {
            if db.is_unique_violation() {
                // Constraint names follow `uq_<table>_<field>` so the field can be named.
                let field = db
                    .constraint()
                    .and_then(|c| c.rsplit('_').next())
                    .map(str::to_owned)
                    .unwrap_or_else(|| unique_field_from_message(db.message()));
                return AppError::Conflict {
                    field,
                    key: "error.duplicate".into(),
                };
            }
        }
        tracing::error!(error = %e, "database error");
        AppError::Internal
    }
}

/// SQLite names the column in its message (`UNIQUE constraint failed: staff.account`).
#[cfg(feature = "ssr")]
fn unique_field_from_message(msg: &str) -> String {
    msg.rsplit('.').next().unwrap_or("value").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_variant_has_its_own_status() {
        assert_eq!(AppError::Unauthorized.status(), 401);
        assert_eq!(AppError::Forbidden.status(), 403);
        assert_eq!(AppError::validation("phone", "phone.invalid").status(), 422);
        assert_eq!(
            AppError::conflict("account", "error.duplicate").status(),
            409
        );
        assert_eq!(
            AppError::RateLimited {
                retry_after_secs: 3
            }
            .status(),
            429
        );
    }

    #[test]
    fn an_error_round_trips_through_json_with_its_field() {
        let e = AppError::validation("phone", "phone.invalid");
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains("\"field\":\"phone\""));
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), e);
    }
}
