//! A labelled `<select>` of the quote form that follows its value when the
//! value is set from outside (a parsed inquiry fills it). Rendered in the
//! browser only, as the browser's parser rewrites option lists.

use leptos::prelude::*;
use shipdesk::pricing::FieldName;
use shipdesk::AppError;

use super::draft::Draft;
use super::input::{field_id, FieldError, Mark};
use crate::components::ClientOnly;
use crate::i18n::{t, Text};

#[component]
pub fn Choice(
    label: Text,
    field: &'static str,
    value: RwSignal<String>,
    /// (value, label) pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    error: Signal<Option<AppError>>,
    /// The first option, value "" ("any").
    #[prop(optional)]
    none: Option<Text>,
    #[prop(optional)] mark: Option<(Draft, FieldName)>,
) -> impl IntoView {
    let id = field_id(field);
    let select_id = id.clone();
    view! {
        <label class="block min-w-0" for=id>
            <span class="flex flex-wrap items-center gap-y-0.5 text-sm font-medium text-slate-600 mb-1">
                {move || t(label)} {mark.map(|(draft, name)| view! { <Mark draft name /> })}
            </span>
            <ClientOnly>
                <select
                    id=select_id.clone()
                    name=field
                    class="w-full rounded-lg border border-slate-300 bg-white px-2.5 py-2 text-base"
                    on:change=move |e| {
                        value.set(event_target_value(&e));
                        if let Some((draft, name)) = mark {
                            draft.unmark(name);
                        }
                    }
                >
                    {none
                        .map(|n| {
                            view! {
                                <option value="" prop:selected=move || value.get().is_empty()>
                                    {move || t(n)}
                                </option>
                            }
                        })}
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|(v, text)| {
                                let is = v.clone();
                                view! {
                                    <option value=v prop:selected=move || value.get() == is>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </ClientOnly>
            <FieldError field=field.to_owned() error />
        </label>
    }
}
