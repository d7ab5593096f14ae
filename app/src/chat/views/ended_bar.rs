//! The bar that replaces the composer once a conversation has ended.

use leptos::prelude::*;
use shipdesk::chat::SenderKind;

use super::format::time_of;
use crate::chat::text as chat;
use crate::i18n::t;

/// "Ended (HH:MM)" while `ended_at` holds a time (0: unknown), with the
/// restart button when there is one: start again (customers) or
/// re-activate (staff).
#[component]
pub fn EndedBar(
    ended_at: Memo<Option<i64>>,
    side: SenderKind,
    on_restart: Option<Callback<()>>,
) -> impl IntoView {
    let label = if side == SenderKind::Member {
        chat::START_AGAIN
    } else {
        chat::REACTIVATE
    };
    move || {
        ended_at
            .get()
            .map(|at| {
                view! {
                    <div class="chat-ended flex items-center justify-between gap-2 p-3 text-sm text-slate-600 border-t border-slate-200 bg-slate-50">
                        <span>
                            {move || t(chat::ENDED)}
                            {(at > 0).then(|| format!("（{}）", time_of(at)))}
                        </span>
                        {on_restart
                            .map(|cb| {
                                view! {
                                    <button
                                        type="button"
                                        class="chat-restart shrink-0 rounded-lg bg-sky-600 px-4 py-2 text-white"
                                        on:click=move |_| cb.run(())
                                    >
                                        {move || t(label)}
                                    </button>
                                }
                            })}
                    </div>
                }
            })
    }
}
