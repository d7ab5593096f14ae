//! 取消订单 while a pre-order waits: a reason, then the cancel.

use leptos::prelude::*;
use shipdesk::Id;

use crate::components::{action_error, ErrorBanner, SubmitButton};
use crate::i18n::t;
use crate::orders::api::cancel_order;
use crate::orders::text as orders;
use crate::pricing::views::input::Input;

#[component]
pub fn CancelBox(id: Id, version: i64, on_done: Callback<()>) -> impl IntoView {
    let open = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let cancel = Action::new(move |r: &String| {
        let r = r.clone();
        async move { cancel_order(id, version, r).await }
    });
    let error = action_error(cancel);
    Effect::new(move |_| {
        if let Some(Ok(_)) = cancel.value().get() {
            on_done.run(());
        }
    });
    view! {
        <Show
            when=move || open.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="cancel-order w-full rounded-lg border border-red-200 text-red-600 py-2"
                        on:click=move |_| open.set(true)
                    >
                        {move || t(orders::CANCEL_ORDER)}
                    </button>
                }
            }
        >
            <form
                class="cancel-box bg-white rounded-xl border border-red-200 p-4 space-y-2"
                on:submit=move |ev| {
                    ev.prevent_default();
                    cancel.dispatch(reason.get_untracked());
                }
            >
                <Input label=orders::CANCEL_REASON field="note" value=reason error />
                <ErrorBanner error />
                <SubmitButton
                    label=orders::CANCEL_ORDER
                    pending=cancel.pending()
                    class="confirm-cancel w-full bg-red-600 hover:bg-red-700"
                />
            </form>
        </Show>
    }
}
