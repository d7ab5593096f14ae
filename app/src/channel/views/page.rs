//! `/admin/channels/:id`: a channel's basics, zones, price table,
//! surcharges and versions; editors edit the basics and the table, import
//! a table from a file and save at the version they read (a newer one
//! stored meanwhile is a conflict with a reload button). `/admin/channels/0`
//! makes a new channel, from `?from=<id>` as its template when given.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use shipdesk::pricing::{policy, ChannelDetail};
use shipdesk::AppError;

use super::basics::{blank_channel, Basics, Versions};
use super::editor::Editor;
use super::grid::{PriceGrid, Zones};
use super::import::Import;
use super::rules::Surcharges;
use crate::auth::CurrentStaff;
use crate::channel::api::export_url;
use crate::channel::text as ch;
use crate::components::{ErrorBanner, Loading, Notice};
use crate::i18n::t;
use crate::pricing::api::get_channel;

/// What the page shows: a stored channel, or a new one (its template).
async fn load(id: i64, from: Option<i64>) -> Result<ChannelDetail, AppError> {
    if id != 0 {
        return get_channel(id).await;
    }
    let mut channel = match from {
        Some(f) => get_channel(f).await?.channel,
        None => blank_channel(),
    };
    if from.is_some() {
        channel.name = format!("{}{}", channel.name, t(ch::COPY_OF));
    }
    channel.id = 0;
    channel.table_version = 0;
    Ok(ChannelDetail {
        channel,
        versions: vec![],
    })
}

#[component]
pub fn ChannelPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let from = move || query.with(|q| q.get("from").and_then(|s| s.parse::<i64>().ok()));
    let reload = RwSignal::new(0u32);
    let detail = Resource::new(
        move || (id(), from(), reload.get()),
        |(id, from, _)| load(id, from),
    );
    // Outlives the detail, which is drawn again after every save.
    let notice = RwSignal::new(None::<String>);
    view! {
        <a href="/admin/channels" class="text-sm text-sky-700 hover:underline">
            "← "
            {move || t(ch::BACK)}
        </a>
        <div class="mt-3">
            <Notice text=notice />
        </div>
        <Transition fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match detail.await {
                    Err(e) => {
                        view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                            .into_any()
                    }
                    Ok(d) => view! { <Detail d reload notice /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Detail(
    d: ChannelDetail,
    reload: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let editor = use_context::<CurrentStaff>().is_some_and(|c| policy::may_edit_channels(&c.0));
    let c = d.channel.clone();
    let id = c.id;
    let editing = RwSignal::new(id == 0 && editor);
    let title = if id == 0 {
        t(ch::NEW_TITLE).to_owned()
    } else {
        c.name.clone()
    };
    let on_saved = Callback::new(move |v: u32| {
        notice.set(Some(ch::saved_as(v)));
        editing.set(false);
        reload.update(|n| *n += 1);
    });
    let for_edit = c.clone();
    let for_import = c.clone();
    view! {
        <div class="flex flex-wrap items-center gap-3 mb-4">
            <h1 class="channel-title text-2xl font-semibold">{title}</h1>
            <Show when=move || id != 0>
                <span class="current-version rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-600">
                    {ch::version(d.channel.table_version)}
                </span>
            </Show>
            <div class="flex-1"></div>
            <Show when=move || id != 0>
                <a
                    class="export-table rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
                    href=export_url(id)
                    download=""
                    rel="external"
                >
                    {move || t(ch::EXPORT)}
                </a>
            </Show>
            <Show when=move || editor && id != 0 && !editing.get()>
                <a
                    class="copy-channel rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
                    href=format!("/admin/channels/0?from={id}")
                >
                    {move || t(ch::TEMPLATE)}
                </a>
                <button
                    type="button"
                    class="edit-channel rounded-lg bg-sky-600 text-white px-3 py-2 text-sm hover:bg-sky-700"
                    on:click=move |_| {
                        notice.set(None);
                        editing.set(true)
                    }
                >
                    {move || t(ch::EDIT)}
                </button>
            </Show>
        </div>
        {move || {
            if editing.get() {
                let cancel = Callback::new(move |_: ()| editing.set(false));
                view! { <Editor channel=for_edit.clone() on_saved cancel reload /> }.into_any()
            } else {
                view! { <View c=c.clone() /> }.into_any()
            }
        }}
        <Show when=move || editor && id != 0 && !editing.get()>
            <Import current=for_import.clone() on_saved reload />
        </Show>
        <Show when=move || id != 0>
            <Versions versions=d.versions.clone() />
        </Show>
    }
}

/// The channel as it is, read-only.
#[component]
fn View(c: shipdesk::pricing::Channel) -> impl IntoView {
    view! {
        <Basics c=c.clone() />
        <Zones zones=c.zones.clone() />
        <PriceGrid channel=c.clone() />
        <Surcharges c />
    }
}
