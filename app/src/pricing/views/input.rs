//! A labelled input of the quote form: its field's error underneath (the
//! field named as the server names it, `cargo.lines[0].weight_kg`), and the
//! mark of a value read from a pasted inquiry, flagged when unsure.

use leptos::prelude::*;
use shipdesk::pricing::FieldName;
use shipdesk::AppError;

use super::draft::Draft;
use crate::components::field_error;
use crate::i18n::{t, Text};
use crate::pricing::text as pricing;

/// Under this confidence a value read from the text asks to be checked.
pub const LOW_CONFIDENCE: f32 = 0.8;

/// An element id for a field name (`cargo.lines[0].kg` → `q-cargo-lines-0-kg`).
pub fn field_id(field: &str) -> String {
    let mut id = String::from("q-");
    for c in field.chars() {
        match c {
            c if c.is_ascii_alphanumeric() || c == '_' => id.push(c),
            ']' => {}
            _ => id.push('-'),
        }
    }
    id
}

/// `识别 95%`, or `请核对 60%` in amber when the parse was unsure.
#[component]
pub fn Mark(draft: Draft, name: FieldName) -> impl IntoView {
    move || {
        draft.mark(name).map(|f| {
            let low = f.confidence < LOW_CONFIDENCE;
            let class = if low {
                "mark mark-low bg-amber-100 text-amber-800 ring-1 ring-amber-300"
            } else {
                "mark bg-sky-50 text-sky-700"
            };
            let pct = format!("{:.0}%", f.confidence * 100.0);
            let text = if low {
                format!("⚠ {} {pct}", t(pricing::MARK_LOW))
            } else {
                pricing::confidence(f.confidence)
            };
            view! {
                <span
                    class=format!(
                        "{class} ml-1 inline-block rounded px-1.5 py-0.5 text-xs font-normal",
                    )
                    data-mark=name.as_str()
                >
                    {text}
                </span>
            }
        })
    }
}

/// The error line of `field`, when the error is about it.
#[component]
pub fn FieldError(
    #[prop(into)] field: Signal<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    move || {
        let f = field.get();
        field_error(error.get(), &f).map(|msg| {
            view! {
                <span class="field-error block text-sm text-red-600 mt-1" data-field=f>
                    {msg}
                </span>
            }
        })
    }
}

#[component]
pub fn Input(
    label: Text,
    /// Reactive: a carton line's fields move up when a line above goes.
    #[prop(into)]
    field: Signal<String>,
    value: RwSignal<String>,
    error: Signal<Option<AppError>>,
    /// The draft and the inquiry field this input shows, for its mark.
    #[prop(optional)]
    mark: Option<(Draft, FieldName)>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] placeholder: Option<Text>,
    #[prop(optional)] min: Option<String>,
) -> impl IntoView {
    let id = move || field_id(&field.get());
    let bad = move || field_error(error.get(), &field.get()).is_some();
    view! {
        <label class="block min-w-0" for=id>
            <span class="flex flex-wrap items-center gap-y-0.5 text-sm font-medium text-slate-600 mb-1">
                {move || t(label)} {mark.map(|(draft, name)| view! { <Mark draft name /> })}
            </span>
            <input
                id=id
                name=move || field.get()
                type=kind
                inputmode=inputmode
                min=min
                placeholder=move || placeholder.map(t)
                class=move || {
                    let base = "w-full min-w-0 rounded-lg border px-2.5 py-2 text-base outline-none focus:ring-2 focus:ring-sky-500 ";
                    if bad() {
                        format!("{base}border-red-400 bg-red-50")
                    } else {
                        format!("{base}border-slate-300 bg-white")
                    }
                }
                aria-invalid=move || bad().to_string()
                bind:value=value
                on:input=move |_| {
                    if let Some((draft, name)) = mark {
                        draft.unmark(name);
                    }
                }
            />
            <FieldError field error />
        </label>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_field_name_makes_a_plain_element_id() {
        assert_eq!(
            super::field_id("cargo.lines[0].weight_kg"),
            "q-cargo-lines-0-weight_kg"
        );
        assert_eq!(super::field_id("fba_code"), "q-fba_code");
    }
}
