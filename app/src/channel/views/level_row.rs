//! One price level in the table: adjustments as `+8%`, its own modes with
//! their Chinese labels, libraries by name, companies, the 默认 badge, and
//! for admins edit and delete (asked first).

use leptos::prelude::*;
use shipdesk::pricing::{ChannelLibrary, PriceLevel};
use shipdesk::AppError;

use super::format;
use crate::channel::levels_text as lv;
use crate::components::confirm;
use crate::i18n::t;
use crate::pricing::api::delete_price_level;

/// The libraries' names, `#id` for one since deleted; none: every channel.
fn library_names(ids: &[i64], libs: &[ChannelLibrary]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            libs.iter()
                .find(|l| l.id == *id)
                .map_or_else(|| format!("#{id}"), |l| l.name.clone())
        })
        .collect()
}

#[component]
pub fn LevelRow(
    level: PriceLevel,
    libs: Vec<ChannelLibrary>,
    admin: bool,
    on_edit: Callback<PriceLevel>,
    on_deleted: Callback<Result<(), AppError>>,
) -> impl IntoView {
    let id = level.id;
    let delete = Action::new(move |_: &()| async move { delete_price_level(id).await });
    Effect::new(move |_| {
        if let Some(r) = delete.value().get() {
            on_deleted.run(r);
        }
    });
    let names = library_names(&level.libraries, &libs);
    let by_mode = level.by_mode.clone();
    let for_edit = level.clone();
    let is_default = level.is_default;
    let chip = "rounded bg-slate-100 text-slate-600 px-1.5 py-0.5 text-xs whitespace-nowrap";
    view! {
        <tr class="level-row border-t border-slate-100 align-top" data-id=id.to_string()>
            <td class="level-name px-3 py-2 whitespace-nowrap font-medium">
                {level.name.clone()} <Show when=move || is_default>
                    <span class="default-badge ml-2 rounded bg-sky-100 text-sky-700 px-1.5 py-0.5 text-xs">
                        {move || t(lv::DEFAULT_BADGE)}
                    </span>
                </Show>
            </td>
            <td class="level-default px-3 py-2 whitespace-nowrap tabular-nums">
                {format::percent(level.default_bp)}
            </td>
            <td class="level-modes px-3 py-2">
                <div class="flex flex-wrap gap-1 min-w-32">
                    {by_mode
                        .is_empty()
                        .then(|| view! { <span class="text-slate-400">"—"</span> })}
                    {by_mode
                        .into_iter()
                        .map(|a| {
                            view! {
                                <span class=chip>
                                    {move || format::mode(a.mode)} " " {format::percent(a.bp)}
                                </span>
                            }
                        })
                        .collect_view()}
                </div>
            </td>
            <td class="level-libraries px-3 py-2 min-w-32">
                {move || {
                    if names.is_empty() {
                        t(lv::ALL_CHANNELS).to_owned()
                    } else {
                        format::list(&names)
                    }
                }}
            </td>
            <td class="level-companies px-3 py-2 tabular-nums">{level.companies}</td>
            <Show when=move || admin>
                <td class="px-3 py-2 whitespace-nowrap">
                    <button
                        type="button"
                        class="edit-level text-sky-700 hover:underline mr-3"
                        on:click={
                            let l = for_edit.clone();
                            move |_| on_edit.run(l.clone())
                        }
                    >
                        {move || t(lv::EDIT)}
                    </button>
                    <button
                        type="button"
                        class="delete-level text-red-600 hover:underline disabled:opacity-50"
                        disabled=move || delete.pending().get()
                        on:click=move |_| {
                            if confirm(t(lv::CONFIRM_DELETE)) {
                                delete.dispatch(());
                            }
                        }
                    >
                        {move || t(lv::DELETE)}
                    </button>
                </td>
            </Show>
        </tr>
    }
}
