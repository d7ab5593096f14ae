//! One channel in the list, with its on/off switch (editors only; turning
//! one off asks first).

use leptos::prelude::*;
use shipdesk::pricing::ChannelSummary;

use super::format;
use crate::channel::text as ch;
use crate::components::{action_error, confirm};
use crate::i18n::error_text;
use crate::i18n::t;
use crate::pricing::api::set_channel_enabled;

#[component]
pub fn ChannelRow(c: ChannelSummary, editor: bool, on_change: Callback<()>) -> impl IntoView {
    let id = c.id;
    let on = RwSignal::new(c.enabled);
    let toggle = Action::new(move |next: &bool| {
        let next = *next;
        async move {
            let r = set_channel_enabled(id, next).await;
            if r.is_ok() {
                on.set(next);
                on_change.run(());
            }
            r
        }
    });
    let failed = action_error(toggle);
    let click = move |_| {
        let next = !on.get_untracked();
        if next || confirm(t(ch::CONFIRM_DISABLE)) {
            toggle.dispatch(next);
        }
    };
    let tags = c.tags.clone();
    view! {
        <tr class="channel-row border-t border-slate-100 align-top" data-id=id.to_string()>
            <td class="px-3 py-2 min-w-48">
                <a
                    class="channel-name text-sky-700 hover:underline"
                    href=format!("/admin/channels/{id}")
                >
                    {c.name.clone()}
                </a>
                <Show when=move || c.special>
                    <span class="special-badge ml-2 rounded bg-rose-100 text-rose-700 px-1.5 py-0.5 text-xs whitespace-nowrap">
                        {move || t(ch::SPECIAL)}
                    </span>
                </Show>
            </td>
            <td class="px-3 py-2 whitespace-nowrap">{move || format::mode(c.mode)}</td>
            <td class="px-3 py-2 min-w-36 text-slate-600 break-keep">{c.carrier.clone()}</td>
            <td class="px-3 py-2 whitespace-nowrap">
                {
                    let code = c.country.clone();
                    move || format::country(&code)
                }
            </td>
            <td class="px-3 py-2 text-slate-600 min-w-28 break-keep">
                {
                    let o = c.origins.clone();
                    move || format::list(&o)
                }
            </td>
            <td class="px-3 py-2 text-center">{c.zones}</td>
            <td class="px-3 py-2">
                <div class="flex flex-wrap gap-1 min-w-32">
                    {tags
                        .into_iter()
                        .map(|tag| {
                            view! {
                                <span class="rounded bg-slate-100 text-slate-600 px-1.5 py-0.5 text-xs whitespace-nowrap">
                                    {tag}
                                </span>
                            }
                        })
                        .collect_view()}
                </div>
            </td>
            <td class="px-3 py-2 whitespace-nowrap text-slate-600">{c.valid_until.to_string()}</td>
            <td class="channel-version px-3 py-2 whitespace-nowrap">
                {ch::version(c.table_version)}
            </td>
            <td class="px-3 py-2">
                <button
                    type="button"
                    role="switch"
                    class="enabled-switch relative inline-flex h-6 w-11 shrink-0 rounded-full transition-colors disabled:opacity-50 aria-checked:bg-emerald-500 bg-slate-300"
                    aria-checked=move || on.get().to_string()
                    aria-label=move || t(ch::ENABLED)
                    disabled=move || !editor || toggle.pending().get()
                    on:click=click
                >
                    <span class=move || {
                        let x = if on.get() { "translate-x-5" } else { "translate-x-0" };
                        format!(
                            "absolute top-0.5 left-0.5 h-5 w-5 rounded-full bg-white shadow transition-transform {x}",
                        )
                    }></span>
                </button>
                {move || {
                    failed
                        .get()
                        .map(|e| {
                            view! { <p class="text-xs text-red-600 mt-1">{error_text(&e)}</p> }
                        })
                }}
            </td>
        </tr>
    }
}
