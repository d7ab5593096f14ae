//! The editor of a channel: its basics, zones, price table and surcharge
//! rules, checked as the server checks them and saved as one definition at
//! the version read. A newer version stored meanwhile is a
//! conflict: the page says so and offers to reload.

use leptos::prelude::*;
use shipdesk::pricing::{Channel, ChannelForSave};
use shipdesk::{AppError, ErrorKey};

use super::basics::Section;
use super::basics_form::{BasicsDraft, BasicsForm, FIELDS};
use super::grid_editor::{GridDraft, GridEditor};
use super::surcharge_draft::SurchargesDraft;
use super::surcharges_editor::SurchargesEditor;
use super::zones_draft::ZonesDraft;
use super::zones_editor::ZonesEditor;
use crate::channel::text as ch;
use crate::components::text as common;
use crate::components::{go, ErrorBanner};
use crate::i18n::{error_text, t};
use crate::pricing::api::save_channel;

/// Saves `channel` as the next version of the one read.
pub fn save_action() -> Action<Channel, Result<Channel, AppError>> {
    Action::new(|c: &Channel| {
        let input = ChannelForSave { channel: c.clone() };
        async move { save_channel(input).await }
    })
}

/// When `error` is the version conflict: its message and a reload button.
#[component]
pub fn Conflict(
    #[prop(into)] error: Signal<Option<AppError>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let conflict = move || error.get().filter(|e| e.key() == ErrorKey::ChannelChanged);
    view! {
        <Show when=move || conflict().is_some()>
            <div
                role="alert"
                class="conflict flex flex-wrap items-center gap-3 rounded-lg bg-amber-50 border border-amber-300 text-amber-800 px-3 py-2 mb-3 text-sm"
            >
                <span>{move || conflict().map(|e| error_text(&e))}</span>
                <button
                    type="button"
                    class="reload rounded border border-amber-400 bg-white px-3 py-1 hover:bg-amber-100"
                    on:click=move |_| reload.update(|n| *n += 1)
                >
                    {move || t(ch::RELOAD)}
                </button>
            </div>
        </Show>
    }
}

#[component]
pub fn Editor(
    channel: Channel,
    on_saved: Callback<u32>,
    cancel: Callback<()>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let basics = BasicsDraft::of(&channel);
    let zones = ZonesDraft::of(&channel);
    let grid = GridDraft::of(&channel);
    let rules = SurchargesDraft::of(&channel);
    let error = RwSignal::new(None::<AppError>);
    let save = save_action();
    let is_new = channel.id == 0;
    Effect::new(move |_| match save.value().get() {
        Some(Ok(c)) if is_new => go(&format!("/admin/channels/{}", c.id)),
        Some(Ok(c)) => on_saved.run(c.table_version),
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let base = channel.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let built = (basics.build(&base))
            .and_then(|c| zones.apply(c))
            .and_then(|c| grid.apply(c, &zones))
            .and_then(|c| rules.apply(c))
            .and_then(|c| c.check().map(|()| c));
        match built {
            Ok(c) => {
                error.set(None);
                save.dispatch(c);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    // Errors no field of the form shows (and not the conflict) go in a banner.
    let elsewhere = Signal::derive(move || {
        error.get().filter(|e| {
            let f = e.field().unwrap_or("");
            e.key() != ErrorKey::ChannelChanged
                && !FIELDS.contains(&f)
                && !f.starts_with("zones")
                && !f.starts_with("surcharges[")
        })
    });
    let err: Signal<Option<AppError>> = error.into();
    view! {
        <form class="channel-editor" on:submit=submit novalidate>
            <Conflict error=err reload />
            <ErrorBanner error=elsewhere all=true />
            <Section title=ch::BASICS>
                <BasicsForm d=basics error=err />
            </Section>
            <Section title=ch::ZONES_TITLE>
                <ZonesEditor zones grid error=err />
            </Section>
            <Section title=ch::TABLE_TITLE>
                <GridEditor c=channel.clone() d=grid zones error=err />
            </Section>
            <Section title=ch::SURCHARGES>
                <SurchargesEditor d=rules per_cbm=basics.per_cbm error=err />
            </Section>
            <div class="flex gap-2 mb-4">
                <button
                    type="submit"
                    class="save-channel rounded-lg bg-sky-600 text-white px-5 py-2 hover:bg-sky-700 disabled:opacity-60"
                    disabled=move || save.pending().get()
                >
                    {move || t(if save.pending().get() { common::SAVING } else { common::SAVE })}
                </button>
                <Show when=move || !is_new>
                    <button
                        type="button"
                        class="rounded-lg border border-slate-300 bg-white px-4 py-2"
                        on:click=move |_| cancel.run(())
                    >
                        {move || t(common::CANCEL)}
                    </button>
                </Show>
            </div>
        </form>
    }
}
