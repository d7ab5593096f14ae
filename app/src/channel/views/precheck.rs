//! A pre-check's answer (前置校验), before anything is saved: how many
//! channels the library would hold, those it adds (green) and removes
//! (red), and each manual entry that conflicts, in words.

use leptos::prelude::*;
use shipdesk::pricing::library::ChannelRef;
use shipdesk::pricing::{LibraryConflict, LibraryPrecheck};

use crate::channel::library_text as lib;
use crate::i18n::{t, Text};

/// `美国空派 A：已被规则选中，无需手动添加`.
pub fn conflict_text(c: &LibraryConflict) -> String {
    let (who, what) = match c {
        LibraryConflict::IncludedByRules { channel } => {
            (channel.name.clone(), lib::CONFLICT_INCLUDED_BY_RULES)
        }
        LibraryConflict::ExcludedNotPicked { channel } => {
            (channel.name.clone(), lib::CONFLICT_EXCLUDED_NOT_PICKED)
        }
        LibraryConflict::IncludedAndExcluded { channel } => {
            (channel.name.clone(), lib::CONFLICT_BOTH)
        }
        LibraryConflict::UnknownChannel { id } => (format!("#{id}"), lib::CONFLICT_UNKNOWN),
        LibraryConflict::Disabled { channel } => (channel.name.clone(), lib::CONFLICT_DISABLED),
    };
    lib::rule(&who, t(what))
}

#[component]
pub fn PrecheckView(p: LibraryPrecheck, #[prop(into)] stale: Signal<bool>) -> impl IntoView {
    let unchanged = p.added.is_empty() && p.removed.is_empty();
    let conflicts = p.conflicts.clone();
    let none = conflicts.is_empty();
    view! {
        <section class="precheck rounded-lg border border-slate-200 bg-slate-50 p-3 mb-3 text-sm">
            <div class="flex flex-wrap items-center gap-3 mb-2">
                <h3 class="font-semibold">{move || t(lib::PRECHECK_TITLE)}</h3>
                <span class="precheck-count text-slate-600">
                    {move || lib::channels_after(p.channels)}
                </span>
            </div>
            <Show when=move || stale.get()>
                <p class="precheck-stale text-amber-700 mb-2">{move || t(lib::STALE)}</p>
            </Show>
            <Show when=move || unchanged>
                <p class="text-slate-500 mb-2">{move || t(lib::NO_CHANGE)}</p>
            </Show>
            <Refs
                title=lib::ADDED
                class="precheck-added"
                look="bg-emerald-100 text-emerald-800"
                refs=p.added.clone()
            />
            <Refs
                title=lib::REMOVED
                class="precheck-removed"
                look="bg-red-100 text-red-700"
                refs=p.removed.clone()
            />
            <p class="font-medium text-slate-600 mt-2 mb-1">{move || t(lib::CONFLICTS)}</p>
            <Show when=move || none>
                <p class="text-slate-500">{move || t(lib::NO_CONFLICTS)}</p>
            </Show>
            <ul class="precheck-conflicts list-disc pl-5 text-amber-800">
                {conflicts
                    .into_iter()
                    .map(|c| {
                        let code = serde_json::to_value(&c)
                            .ok()
                            .and_then(|v| v["code"].as_str().map(str::to_owned))
                            .unwrap_or_default();
                        view! {
                            <li class="conflict" data-code=code>
                                {move || conflict_text(&c)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// One list of channels as chips; nothing when empty.
#[component]
fn Refs(
    title: Text,
    class: &'static str,
    look: &'static str,
    refs: Vec<ChannelRef>,
) -> impl IntoView {
    (!refs.is_empty()).then(|| {
        view! {
            <div class=format!("{class} mb-2")>
                <p class="font-medium text-slate-600 mb-1">{move || t(title)}</p>
                <div class="flex flex-wrap gap-1.5">
                    {refs
                        .into_iter()
                        .map(|r| {
                            view! {
                                <span class=format!(
                                    "rounded-full px-2.5 py-0.5 {look}",
                                )>{r.name}</span>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
        }
    })
}
