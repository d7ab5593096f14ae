//! Channels added and excluded by hand: the chosen ones as chips, and a
//! search by name (`list_channels`) whose results go into either list.

use leptos::prelude::*;
use shipdesk::pricing::{ChannelFilter, ChannelSummary};
use shipdesk::{AppError, Id};

use super::format;
use super::library_draft::LibraryDraft;
use crate::channel::library_text as lib;
use crate::components::text as common;
use crate::i18n::{error_text, t};
use crate::pricing::api::list_channels;

/// Every channel's name (a few hundred at most), for the chosen ones.
pub async fn channel_names() -> Result<Vec<(Id, String)>, AppError> {
    let mut names = vec![];
    for page in 1.. {
        let p = list_channels(ChannelFilter::default(), Some(page), Some(100)).await?;
        let last = page >= p.pages();
        names.extend(p.items.into_iter().map(|c| (c.id, c.name)));
        if last {
            break;
        }
    }
    Ok(names)
}

#[component]
pub fn ChannelPicker(
    d: LibraryDraft,
    names: RwSignal<Vec<(Id, String)>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let q = RwSignal::new(String::new());
    let find = Action::new(|q: &String| {
        let filter = ChannelFilter {
            q: Some(q.trim().to_owned()),
            ..Default::default()
        };
        async move { list_channels(filter, Some(1), Some(8)).await }
    });
    let run = move || {
        if !q.get_untracked().trim().is_empty() {
            find.dispatch(q.get_untracked());
        }
    };
    view! {
        <div class="channel-picker grid grid-cols-1 lg:grid-cols-2 gap-4 mb-3">
            <div>
                <Chosen label=lib::INCLUDE class="include-list" ids=d.include names />
                <Chosen label=lib::EXCLUDE class="exclude-list" ids=d.exclude names />
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <span class="field-error block text-sm text-red-600">{e}</span>
                            }
                        })
                }}
            </div>
            <div>
                <div class="flex gap-2 mb-2">
                    <input
                        class="channel-search flex-1 rounded-lg border border-slate-300 px-3 py-1.5"
                        placeholder=move || t(lib::FIND_CHANNEL)
                        bind:value=q
                        on:keydown=move |e| {
                            if e.key() == "Enter" {
                                e.prevent_default();
                                run();
                            }
                        }
                    />
                    <button
                        type="button"
                        class="find-channel rounded-lg border border-slate-300 bg-white px-3 py-1.5"
                        on:click=move |_| run()
                    >
                        {move || t(common::SEARCH)}
                    </button>
                </div>
                {move || match find.value().get() {
                    None => ().into_any(),
                    Some(Err(e)) => {
                        view! { <p class="text-sm text-red-600">{error_text(&e)}</p> }.into_any()
                    }
                    Some(Ok(p)) if p.items.is_empty() => {
                        view! { <p class="text-sm text-slate-400">{t(lib::NO_CHANNEL_FOUND)}</p> }
                            .into_any()
                    }
                    Some(Ok(p)) => {
                        view! {
                            <ul class="found-channels divide-y divide-slate-100 border border-slate-200 rounded-lg">
                                {p
                                    .items
                                    .into_iter()
                                    .map(|c| view! { <Found c d names /> })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}

/// A search result with its add and exclude buttons.
#[component]
fn Found(c: ChannelSummary, d: LibraryDraft, names: RwSignal<Vec<(Id, String)>>) -> impl IntoView {
    let id = c.id;
    let name = c.name.clone();
    let put = move |list: RwSignal<Vec<Id>>| {
        let name = name.clone();
        move |_| {
            if !names.with_untracked(|n| n.iter().any(|(i, _)| *i == id)) {
                names.update(|n| n.push((id, name.clone())));
            }
            list.update(|l| {
                if !l.contains(&id) {
                    l.push(id)
                }
            });
        }
    };
    let btn = "rounded border px-2 py-0.5 text-xs";
    view! {
        <li
            class="found-channel flex items-center gap-2 px-3 py-1.5 text-sm"
            data-id=id.to_string()
        >
            <span class="flex-1">{c.name.clone()}</span>
            <span class="text-xs text-slate-500 whitespace-nowrap">
                {move || format::mode(c.mode)} " · " {format::country(&c.country)}
            </span>
            <button
                type="button"
                class=format!("add-include border-emerald-300 text-emerald-700 {btn}")
                on:click=put(d.include)
            >
                {move || t(lib::ADD)}
            </button>
            <button
                type="button"
                class=format!("add-exclude border-red-300 text-red-700 {btn}")
                on:click=put(d.exclude)
            >
                {move || t(lib::EXCLUDE_ONE)}
            </button>
        </li>
    }
}

/// The channels of one list, each with a remove button.
#[component]
fn Chosen(
    label: crate::i18n::Text,
    class: &'static str,
    ids: RwSignal<Vec<Id>>,
    names: RwSignal<Vec<(Id, String)>>,
) -> impl IntoView {
    let name_of = move |id: Id| {
        names
            .with(|n| n.iter().find(|(i, _)| *i == id).map(|(_, s)| s.clone()))
            .unwrap_or_else(|| format!("#{id}"))
    };
    view! {
        <div class=format!("{class} mb-2")>
            <p class="text-sm font-medium text-slate-600 mb-1">{move || t(label)}</p>
            <div class="flex flex-wrap gap-1.5 min-h-7">
                <Show when=move || ids.with(|v| v.is_empty())>
                    <span class="text-sm text-slate-400">{move || t(lib::NONE_CHOSEN)}</span>
                </Show>
                <For each=move || ids.get() key=|id| *id let:id>
                    <span
                        class="chosen-channel inline-flex items-center gap-1 rounded-full bg-slate-100 px-2.5 py-0.5 text-sm"
                        data-id=id.to_string()
                    >
                        {move || name_of(id)}
                        <button
                            type="button"
                            class="remove-channel text-slate-400 hover:text-red-600"
                            aria-label=move || t(lib::REMOVE)
                            on:click=move |_| ids.update(|v| v.retain(|x| *x != id))
                        >
                            "×"
                        </button>
                    </span>
                </For>
            </div>
        </div>
    }
}
