//! The tag list (标签管理): every line tag channels may carry; editors add
//! one (1–20 characters, not already there) and delete one no channel
//! carries. Read by every staff member who works with customers.

use crate::channel::library_text as lib;
use crate::components::{
    action_error, confirm, field_error, ErrorBanner, Field, Notice, SubmitButton,
};
use crate::i18n::t;
use crate::pricing::api::{add_channel_tag, delete_channel_tag};
use leptos::prelude::*;

/// `notice` is the page's, so it outlives the block drawn again after a
/// change.
#[component]
pub fn TagsBlock(
    tags: Vec<String>,
    editor: bool,
    notice: RwSignal<Option<String>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let add = Action::new(|n: &String| {
        let n = n.clone();
        async move { add_channel_tag(n).await }
    });
    let delete = Action::new(|n: &String| {
        let n = n.clone();
        async move { delete_channel_tag(n).await }
    });
    let (add_err, delete_err) = (action_error(add), action_error(delete));
    let done = move |ok: bool, text| {
        if ok {
            notice.set(Some(t(text).to_owned()));
            on_change.run(());
        }
    };
    Effect::new(move |_| {
        done(
            add.value().with(|v| matches!(v, Some(Ok(())))),
            lib::TAG_ADDED,
        )
    });
    Effect::new(move |_| {
        done(
            delete.value().with(|v| matches!(v, Some(Ok(())))),
            lib::TAG_DELETED,
        )
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        notice.set(None);
        add.dispatch(name.get_untracked());
    };
    let name_error = Signal::derive(move || field_error(add_err.get(), "name"));
    let other = Signal::derive(move || {
        (delete_err.get()).or_else(|| add_err.get().filter(|e| e.field() != Some("name")))
    });
    let empty = tags.is_empty();
    view! {
        <section class="tags-block bg-white rounded-xl border border-slate-200 p-4 mt-6">
            <h2 class="text-lg font-semibold mb-1">{move || t(lib::TAGS_TITLE)}</h2>
            <p class="text-xs text-slate-500 mb-3">{move || t(lib::TAGS_HINT)}</p>
            <Notice text=notice />
            <ErrorBanner error=other all=true />
            <Show when=move || empty>
                <p class="text-sm text-slate-400 mb-3">{move || t(lib::TAGS_EMPTY)}</p>
            </Show>
            <ul class="tag-list flex flex-wrap gap-2 mb-3">
                {tags
                    .into_iter()
                    .map(|tag| {
                        let for_delete = tag.clone();
                        view! {
                            <li
                                class="tag inline-flex items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm"
                                data-tag=tag.clone()
                            >
                                {tag.clone()}
                                <Show when=move || editor>
                                    <button
                                        type="button"
                                        class="delete-tag text-slate-400 hover:text-red-600"
                                        aria-label=move || t(lib::DELETE)
                                        on:click={
                                            let n = for_delete.clone();
                                            move |_| {
                                                if confirm(&lib::confirm_delete_tag(&n)) {
                                                    notice.set(None);
                                                    delete.dispatch(n.clone());
                                                }
                                            }
                                        }
                                    >
                                        "×"
                                    </button>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <Show when=move || editor>
                <form class="add-tag flex items-start gap-2 max-w-md" on:submit=submit novalidate>
                    <div class="flex-1">
                        <Field label=lib::NEW_TAG name="tag_name" value=name error=name_error />
                    </div>
                    <SubmitButton label=lib::ADD_TAG pending=add.pending() class="mt-6" />
                </form>
            </Show>
        </section>
    }
}
