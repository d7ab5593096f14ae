//! A set of toggle chips choosing some of a list (tags, modes, origins,
//! countries), with its field's error underneath.

use leptos::prelude::*;

use crate::i18n::{t, Text};

/// `options` are (value, label); `chosen` holds values. A chosen value no
/// longer among the options still shows, so it can be taken off.
#[component]
pub fn Chips(
    label: Text,
    /// The class the set is found by, and the error's field.
    name: &'static str,
    options: Vec<(String, String)>,
    chosen: RwSignal<Vec<String>>,
    #[prop(optional)] hint: Option<Text>,
    #[prop(optional)] danger: bool,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let mut all = options;
    for v in chosen.get_untracked() {
        if !all.iter().any(|(o, _)| *o == v) {
            all.push((v.clone(), v));
        }
    }
    let on_class = if danger {
        "bg-red-600 border-red-600 text-white"
    } else {
        "bg-sky-600 border-sky-600 text-white"
    };
    view! {
        <fieldset class=format!("chips {} mb-3", name.replace('.', "-")) data-field=name>
            <legend class="text-sm font-medium text-slate-600 mb-1">{move || t(label)}</legend>
            {hint.map(|h| view! { <p class="text-xs text-slate-500 mb-1">{move || t(h)}</p> })}
            <div class="flex flex-wrap gap-1.5">
                {all
                    .into_iter()
                    .map(|(value, text)| {
                        let v = value.clone();
                        let on = move || chosen.with(|c| c.contains(&v));
                        let flip = move |_| {
                            chosen
                                .update(|c| {
                                    if c.contains(&value) {
                                        c.retain(|x| *x != value)
                                    } else {
                                        c.push(value.clone())
                                    }
                                })
                        };
                        let on2 = on.clone();
                        view! {
                            <button
                                type="button"
                                class=move || {
                                    let look = if on2() {
                                        on_class
                                    } else {
                                        "bg-white border-slate-300 text-slate-700 hover:bg-slate-50"
                                    };
                                    format!("chip rounded-full border px-3 py-1 text-sm {look}")
                                }
                                aria-pressed=move || on().to_string()
                                on:click=flip
                            >
                                {text}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <span
                                class="field-error block text-sm text-red-600 mt-1"
                                data-field=name
                            >
                                {e}
                            </span>
                        }
                    })
            }}
        </fieldset>
    }
}
