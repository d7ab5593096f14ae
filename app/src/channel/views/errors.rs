//! A field's error under its input, for fields named by their place in a
//! list (`zones[1].fba_codes`), which the server may name more closely
//! (`zones[1].fba_codes[2]`).

use leptos::prelude::*;
use shipdesk::AppError;

use crate::i18n::error_text;

/// `error` when it is on `prefix` or on a part of it.
pub fn under(error: Option<AppError>, prefix: &str) -> Option<AppError> {
    error.filter(|e| {
        e.field().is_some_and(|f| {
            f.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['[', '.']))
        })
    })
}

/// The error on `prefix` (or a part of it; with `exact`, on it only), as a
/// red line naming its field.
#[component]
pub fn ErrorUnder(
    error: Signal<Option<AppError>>,
    #[prop(into)] prefix: Signal<String>,
    #[prop(optional)] exact: bool,
) -> impl IntoView {
    move || {
        let p = prefix.get();
        let e = under(error.get(), &p).filter(|e| !exact || e.field() == Some(p.as_str()))?;
        let field = e.field().unwrap_or_default().to_owned();
        Some(view! {
            <span class="field-error block text-xs text-red-600 mt-0.5" data-field=field>
                {error_text(&e)}
            </span>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shipdesk::ErrorKey;

    #[test]
    fn an_error_shows_under_its_field_and_its_parts_only() {
        let e = |f: &str| Some(AppError::validation(f, ErrorKey::FieldRequired));
        assert!(under(e("zones[1].fba_codes[2]"), "zones[1].fba_codes").is_some());
        assert!(under(e("zones[1].fba_codes"), "zones[1].fba_codes").is_some());
        assert!(under(
            e("surcharges[0].when[1].ranges[0]"),
            "surcharges[0].when[1]"
        )
        .is_some());
        assert!(under(e("zones[11].code"), "zones[1]").is_none());
        assert!(under(e("zones[1].code"), "zones[1].fba_codes").is_none());
    }
}
