//! `/admin/libraries`: the channel libraries with their rules in words and
//! how many channels each holds; editors (ops, admins) create and edit them
//! with the pre-check before saving, and delete one no price level uses.
//! Under them, the tag list (标签管理).

use leptos::prelude::*;
use shipdesk::pricing::{policy, ChannelLibrary};
use shipdesk::AppError;

use super::library_form::{Choices, LibraryForm};
use super::library_row::LibraryRow;
use super::tags::TagsBlock;
use crate::auth::CurrentStaff;
use crate::channel::library_text as lib;
use crate::components::{Empty, ErrorBanner, Loaded, Loading, Notice};
use crate::i18n::t;
use crate::pricing::api::{get_quote_form, list_channel_libraries, list_channel_tags};

#[derive(Clone, PartialEq)]
enum Editing {
    Closed,
    New,
    Library(Box<ChannelLibrary>),
}

async fn choices() -> Result<Choices, AppError> {
    let form = get_quote_form().await?;
    Ok(Choices {
        tags: list_channel_tags().await?,
        origins: form.origins,
        countries: form.countries.into_iter().map(|c| c.code).collect(),
    })
}

#[component]
pub fn LibrariesPage() -> impl IntoView {
    let editor = use_context::<CurrentStaff>().is_some_and(|c| policy::may_edit_channels(&c.0));
    let reload = RwSignal::new(0u32);
    let tags_reload = RwSignal::new(0u32);
    let libs = Resource::new(move || reload.get(), |_| list_channel_libraries());
    let picks = Resource::new(move || tags_reload.get(), |_| choices());
    let editing = RwSignal::new(Editing::Closed);
    let notice = RwSignal::new(None::<String>);
    let tag_notice = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<AppError>);
    let on_saved = Callback::new(move |_: ChannelLibrary| {
        editing.set(Editing::Closed);
        notice.set(Some(t(lib::SAVED).to_owned()));
        reload.update(|n| *n += 1);
    });
    let on_deleted = Callback::new(move |r: Result<(), AppError>| {
        notice.set(r.is_ok().then(|| t(lib::DELETED).to_owned()));
        failed.set(r.err());
        reload.update(|n| *n += 1);
    });
    let on_edit = Callback::new(move |l: ChannelLibrary| {
        notice.set(None);
        failed.set(None);
        editing.set(Editing::Library(Box::new(l)));
    });
    let tags_changed = Callback::new(move |_: ()| tags_reload.update(|n| *n += 1));
    view! {
        <div class="flex items-center justify-between mb-4">
            <h1 class="text-2xl font-semibold whitespace-nowrap">{move || t(lib::TITLE)}</h1>
            <Show when=move || editor && editing.get() == Editing::Closed>
                <button
                    type="button"
                    class="new-library rounded-lg bg-sky-600 text-white px-4 py-2 hover:bg-sky-700 whitespace-nowrap"
                    on:click=move |_| {
                        notice.set(None);
                        editing.set(Editing::New)
                    }
                >
                    {move || t(lib::NEW)}
                </button>
            </Show>
        </div>
        <Notice text=notice />
        <ErrorBanner error=failed all=true />
        <Transition fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                let (libraries, choices) = match (libs.await, picks.await) {
                    (Ok(l), Ok(c)) => (l, c),
                    (Err(e), _) | (_, Err(e)) => {
                        return view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                            .into_any();
                    }
                };
                let form = move || {
                    let cancel = Callback::new(move |_: ()| editing.set(Editing::Closed));
                    let library = match editing.get() {
                        Editing::Closed => return None,
                        Editing::New => None,
                        Editing::Library(l) => Some(*l),
                    };
                    Some(view! { <LibraryForm library choices=choices.clone() on_saved cancel /> })
                };
                view! {
                    {form}
                    <LibraryTable libraries editor on_edit on_deleted />
                }
                    .into_any()
            })}
        </Transition>
        <Loaded
            resource=picks
            quiet=true
            children=move |c: Choices| {
                view! { <TagsBlock tags=c.tags editor notice=tag_notice on_change=tags_changed /> }
            }
        />
    }
}

#[component]
fn LibraryTable(
    libraries: Vec<ChannelLibrary>,
    editor: bool,
    on_edit: Callback<ChannelLibrary>,
    on_deleted: Callback<Result<(), AppError>>,
) -> impl IntoView {
    if libraries.is_empty() {
        return view! { <Empty text=lib::EMPTY /> }.into_any();
    }
    let mut cols = vec![lib::NAME, lib::RULES, lib::MANUAL, lib::CHANNELS];
    if editor {
        cols.push(crate::components::text::ACTIONS);
    }
    view! {
        <div class="bg-white rounded-xl border border-slate-200 overflow-x-auto">
            <table class="library-table w-full text-sm">
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
                    {libraries
                        .into_iter()
                        .map(|library| view! { <LibraryRow library editor on_edit on_deleted /> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
