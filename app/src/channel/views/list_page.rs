//! `/admin/channels`: channels by country and name, filtered by text,
//! country, mode and enabled, twenty a page; editors turn them on and off
//! and start new ones.

use leptos::prelude::*;
use shipdesk::pricing::{policy, ChannelFilter, Mode, COUNTRY_NAMES};

use super::format;
use super::list_row::ChannelRow;
use crate::auth::CurrentStaff;
use crate::channel::text as ch;
use crate::components::text as common;
use crate::components::{Empty, ErrorBanner, Loading, Pager};
use crate::i18n::t;
use crate::pricing::api::list_channels;

fn filter(q: String, country: String, mode: String, enabled: String) -> ChannelFilter {
    ChannelFilter {
        q: Some(q).filter(|s| !s.trim().is_empty()),
        country: Some(country).filter(|s| !s.is_empty()),
        mode: Mode::parse(&mode).ok(),
        enabled: match enabled.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
    }
}

#[component]
pub fn ChannelsPage() -> impl IntoView {
    let editor = use_context::<CurrentStaff>().is_some_and(|c| policy::may_edit_channels(&c.0));
    let q = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let (country, mode, enabled) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let page = RwSignal::new(1u32);
    let reload = RwSignal::new(0u32);
    let list = Resource::new(
        move || {
            (
                applied.get(),
                country.get(),
                mode.get(),
                enabled.get(),
                page.get(),
                reload.get(),
            )
        },
        |(q, c, m, e, page, _)| list_channels(filter(q, c, m, e), Some(page), Some(20)),
    );
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        page.set(1);
        applied.set(q.get_untracked());
    };
    let pick = move |s: RwSignal<String>| {
        move |ev: leptos::ev::Event| {
            page.set(1);
            s.set(event_target_value(&ev));
        }
    };
    view! {
        <div class="flex items-center justify-between mb-4">
            <h1 class="text-2xl font-semibold whitespace-nowrap">{move || t(ch::TITLE)}</h1>
            <Show when=move || editor>
                <a
                    href="/admin/channels/0"
                    class="new-channel rounded-lg bg-sky-600 text-white px-4 py-2 hover:bg-sky-700 whitespace-nowrap"
                >
                    {move || t(ch::NEW)}
                </a>
            </Show>
        </div>
        <form class="channel-filters flex flex-wrap gap-2 mb-4" on:submit=search>
            <input
                class="search flex-1 min-w-64 rounded-lg border border-slate-300 px-3 py-2"
                name="q"
                bind:value=q
                placeholder=move || t(ch::SEARCH)
            />
            <select
                class="country-filter rounded-lg border border-slate-300 bg-white px-3 py-2"
                on:change=pick(country)
            >
                <option value="">{move || t(ch::ALL_COUNTRIES)}</option>
                {COUNTRY_NAMES
                    .iter()
                    .map(|(code, _, _)| {
                        view! { <option value=*code>{move || format::country(code)}</option> }
                    })
                    .collect_view()}
            </select>
            <select
                class="mode-filter rounded-lg border border-slate-300 bg-white px-3 py-2"
                on:change=pick(mode)
            >
                <option value="">{move || t(ch::ALL_MODES)}</option>
                {Mode::ALL
                    .iter()
                    .map(|m| {
                        let m = *m;
                        view! { <option value=m.as_str()>{move || format::mode(m)}</option> }
                    })
                    .collect_view()}
            </select>
            <select
                class="enabled-filter rounded-lg border border-slate-300 bg-white px-3 py-2"
                on:change=pick(enabled)
            >
                <option value="">{move || t(ch::ALL_STATES)}</option>
                <option value="yes">{move || t(ch::ONLY_ENABLED)}</option>
                <option value="no">{move || t(ch::ONLY_DISABLED)}</option>
            </select>
            <button type="submit" class="rounded-lg border border-slate-300 bg-white px-4 py-2">
                {move || t(common::SEARCH)}
            </button>
        </form>
        <Transition fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => {
                        view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                            .into_any()
                    }
                    Ok(p) if p.items.is_empty() => view! { <Empty text=ch::EMPTY /> }.into_any(),
                    Ok(p) => {
                        let (pages, total) = (p.pages(), p.total);
                        let on_change = Callback::new(move |_: ()| reload.update(|v| *v += 1));
                        view! {
                            <div class="bg-white rounded-xl border border-slate-200 overflow-x-auto">
                                <table class="channel-table w-full text-sm">
                                    <Head />
                                    <tbody>
                                        {p
                                            .items
                                            .into_iter()
                                            .map(|c| view! { <ChannelRow c editor on_change /> })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <Pager
                                page=Signal::derive(move || page.get())
                                pages=Signal::derive(move || pages)
                                total=Signal::derive(move || total)
                                on_page=Callback::new(move |n| page.set(n))
                            />
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn Head() -> impl IntoView {
    let cols = [
        ch::NAME,
        ch::MODE,
        ch::CARRIER,
        ch::COUNTRY,
        ch::ORIGINS,
        ch::ZONES,
        ch::TAGS,
        ch::VALID_UNTIL,
        ch::VERSION,
        ch::ENABLED,
    ];
    view! {
        <thead class="bg-slate-50 text-slate-500 text-left">
            <tr>
                {cols
                    .into_iter()
                    .map(|k| view! { <th class="px-3 py-2 whitespace-nowrap">{move || t(k)}</th> })
                    .collect_view()}
            </tr>
        </thead>
    }
}
