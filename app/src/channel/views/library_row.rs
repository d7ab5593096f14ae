//! One library in the list: its rules in words, how many channels were
//! added and excluded by hand, how many it holds, and for editors edit and
//! delete (asked first; one a price level uses is refused).

use leptos::prelude::*;
use shipdesk::pricing::{ChannelLibrary, LibraryRules};
use shipdesk::AppError;

use super::format;
use crate::channel::library_text as lib;
use crate::components::confirm;
use crate::i18n::t;
use crate::pricing::api::delete_channel_library;

/// Each rule in words (`必须带有的标签：包税、带电`); none: every channel.
pub fn rules_in_words(r: &LibraryRules) -> Vec<String> {
    let modes: Vec<String> = r
        .modes
        .iter()
        .map(|m| format::mode(*m).to_owned())
        .collect();
    let countries: Vec<String> = r.countries.iter().map(|c| format::country(c)).collect();
    let rules = [
        (lib::REQUIRED_TAGS, &r.required_tags),
        (lib::EXCLUDED_TAGS, &r.excluded_tags),
        (lib::MODES, &modes),
        (lib::ORIGINS, &r.origins),
        (lib::COUNTRIES, &countries),
    ];
    let words: Vec<String> = rules
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(label, v)| lib::rule(t(label), &format::list(v)))
        .collect();
    if words.is_empty() {
        vec![t(lib::NO_RULES).to_owned()]
    } else {
        words
    }
}

#[component]
pub fn LibraryRow(
    library: ChannelLibrary,
    editor: bool,
    on_edit: Callback<ChannelLibrary>,
    on_deleted: Callback<Result<(), AppError>>,
) -> impl IntoView {
    let id = library.id;
    let delete = Action::new(move |_: &()| async move { delete_channel_library(id).await });
    Effect::new(move |_| {
        if let Some(r) = delete.value().get() {
            on_deleted.run(r);
        }
    });
    let rules = library.rules.clone();
    let (inc, exc) = (library.include.len(), library.exclude.len());
    let for_edit = library.clone();
    view! {
        <tr class="library-row border-t border-slate-100 align-top" data-id=id.to_string()>
            <td class="library-name px-3 py-2 whitespace-nowrap font-medium">
                {library.name.clone()}
            </td>
            <td class="library-rules px-3 py-2 min-w-64 text-slate-600">
                {move || {
                    rules_in_words(&rules).into_iter().map(|w| view! { <p>{w}</p> }).collect_view()
                }}
            </td>
            <td class="library-manual px-3 py-2 whitespace-nowrap">
                {move || lib::manual_counts(inc, exc)}
            </td>
            <td class="library-channels px-3 py-2 tabular-nums">{library.channels}</td>
            <Show when=move || editor>
                <td class="px-3 py-2 whitespace-nowrap">
                    <button
                        type="button"
                        class="edit-library text-sky-700 hover:underline mr-3"
                        on:click={
                            let l = for_edit.clone();
                            move |_| on_edit.run(l.clone())
                        }
                    >
                        {move || t(lib::EDIT)}
                    </button>
                    <button
                        type="button"
                        class="delete-library text-red-600 hover:underline disabled:opacity-50"
                        disabled=move || delete.pending().get()
                        on:click=move |_| {
                            if confirm(t(lib::CONFIRM_DELETE)) {
                                delete.dispatch(());
                            }
                        }
                    >
                        {move || t(lib::DELETE)}
                    </button>
                </td>
            </Show>
        </tr>
    }
}
