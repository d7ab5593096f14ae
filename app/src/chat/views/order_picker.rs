//! The customer's 📦 beside the composer's attach: opens their company's
//! orders above the composer (直客端im窗口查看订单列表); 发送 sends one as an
//! order card and closes the list.

use leptos::prelude::*;
use shipdesk::Id;

use super::order_tab::OrderTab;
use crate::chat::text as chat;
use crate::i18n::t;

/// The picker's button; `open` shows the list (see [`OrderPickerPanel`]).
#[component]
pub fn OrderPickerButton(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="chat-pick-order shrink-0 rounded-lg border border-slate-300 px-2 py-2 text-sm text-slate-600 hover:bg-slate-50"
            title=move || t(chat::MY_ORDERS)
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            "📦"
        </button>
    }
}

/// The customer's orders, while `open`, each sendable into `conv`.
#[component]
pub fn OrderPickerPanel(conv: Id, open: RwSignal<bool>) -> impl IntoView {
    let on_sent = Callback::new(move |_| open.set(false));
    move || {
        open.get()
            .then(|| {
                view! {
                    <div class="chat-order-picker max-h-64 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 p-2">
                        <div class="flex justify-end">
                            <button
                                type="button"
                                class="text-xs text-slate-500"
                                aria-label=move || t(chat::CLOSE)
                                on:click=move |_| open.set(false)
                            >
                                "×"
                            </button>
                        </div>
                        <OrderTab conv company_id=None on_sent />
                    </div>
                }
            })
    }
}
