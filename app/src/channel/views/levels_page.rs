//! `/admin/price-levels`: every price level with its adjustments, the
//! libraries its customers search and how many companies have it; admins
//! create, edit and delete them (one in use is refused and says so).

use leptos::prelude::*;
use shipdesk::auth::Role;
use shipdesk::pricing::{ChannelLibrary, PriceLevel};
use shipdesk::AppError;

use super::level_form::LevelForm;
use super::level_row::LevelRow;
use crate::auth::CurrentStaff;
use crate::channel::levels_text as lv;
use crate::components::{ClientOnly, ErrorBanner, Loading, Notice};
use crate::i18n::t;
use crate::pricing::api::{list_channel_libraries, list_price_levels};

/// What the form edits: nothing (closed), a new level, or a stored one.
#[derive(Clone, PartialEq)]
enum Editing {
    Closed,
    New,
    Level(PriceLevel),
}

async fn load() -> Result<(Vec<PriceLevel>, Vec<ChannelLibrary>), AppError> {
    Ok((list_price_levels().await?, list_channel_libraries().await?))
}

#[component]
pub fn LevelsPage() -> impl IntoView {
    let admin = use_context::<CurrentStaff>().is_some_and(|c| c.0.has(Role::Admin));
    let reload = RwSignal::new(0u32);
    // In the browser only: a server-side copy could resolve after the page's
    // response ended, without the request's session, and reach the browser
    // as an error (seen on PostgreSQL, where the queries take longer).
    let data = LocalResource::new(move || {
        reload.track();
        load()
    });
    let editing = RwSignal::new(Editing::Closed);
    let notice = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<AppError>);
    let on_saved = Callback::new(move |_: PriceLevel| {
        editing.set(Editing::Closed);
        notice.set(Some(t(lv::SAVED).to_owned()));
        reload.update(|n| *n += 1);
    });
    let on_deleted = Callback::new(move |r: Result<(), AppError>| match r {
        Ok(()) => {
            failed.set(None);
            notice.set(Some(t(lv::DELETED).to_owned()));
            reload.update(|n| *n += 1);
        }
        Err(e) => {
            notice.set(None);
            failed.set(Some(e));
        }
    });
    let on_edit = Callback::new(move |l: PriceLevel| {
        notice.set(None);
        editing.set(Editing::Level(l));
    });
    view! {
        <div class="flex items-center justify-between mb-4">
            <h1 class="text-2xl font-semibold whitespace-nowrap">{move || t(lv::TITLE)}</h1>
            <Show when=move || admin && editing.get() == Editing::Closed>
                <button
                    type="button"
                    class="new-level rounded-lg bg-sky-600 text-white px-4 py-2 hover:bg-sky-700 whitespace-nowrap"
                    on:click=move |_| {
                        notice.set(None);
                        editing.set(Editing::New)
                    }
                >
                    {move || t(lv::NEW)}
                </button>
            </Show>
        </div>
        <Notice text=notice />
        <ErrorBanner error=failed all=true />
        // Drawn in the browser only: server-rendered, the table sometimes
        // did not hydrate (the client's copy of its data was an error the
        // server's was not; not yet understood).
        <ClientOnly>
            <Transition fallback=|| {
                view! { <Loading /> }
            }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => {
                            view! {
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
                            }
                                .into_any()
                        }
                        Ok((levels, libs)) => {
                            let for_form = libs.clone();
                            let form = move || {
                                let cancel = Callback::new(move |_: ()| {
                                    editing.set(Editing::Closed)
                                });
                                let level = match editing.get() {
                                    Editing::Closed => return None,
                                    Editing::New => None,
                                    Editing::Level(l) => Some(l),
                                };
                                Some(
                                    view! {
                                        <LevelForm
                                            level
                                            libraries=for_form.clone()
                                            on_saved
                                            cancel
                                        />
                                    },
                                )
                            };
                            view! {
                                {form}
                                <LevelTable levels libs admin on_edit on_deleted />
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </ClientOnly>
    }
}

#[component]
fn LevelTable(
    levels: Vec<PriceLevel>,
    libs: Vec<ChannelLibrary>,
    admin: bool,
    on_edit: Callback<PriceLevel>,
    on_deleted: Callback<Result<(), AppError>>,
) -> impl IntoView {
    if levels.is_empty() {
        return view! { <crate::components::Empty text=lv::EMPTY /> }.into_any();
    }
    let mut cols = vec![
        lv::NAME,
        lv::DEFAULT_ADJ,
        lv::BY_MODE,
        lv::LIBRARIES,
        lv::COMPANIES,
    ];
    if admin {
        cols.push(crate::components::text::ACTIONS);
    }
    view! {
        <div class="bg-white rounded-xl border border-slate-200 overflow-x-auto">
            <table class="level-table w-full text-sm">
                <thead class="bg-slate-50 text-slate-500 text-left">
                    <tr>
                        {cols
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <th class="px-3 py-2 whitespace-nowrap">{move || t(k)}</th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {levels
                        .into_iter()
                        .map(|level| {
                            view! { <LevelRow level libs=libs.clone() admin on_edit on_deleted /> }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
