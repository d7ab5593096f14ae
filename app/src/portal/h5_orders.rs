//! `/h5/orders`: what the orders tab will hold, until orders exist.

use leptos::prelude::*;

use super::h5_shell::H5Header;
use super::text as portal;
use crate::i18n::t;

#[component]
pub fn H5OrdersPage() -> impl IntoView {
    view! {
        <H5Header title=portal::ORDERS_TITLE />
        <section class="orders-soon m-3 bg-white rounded-2xl border border-slate-200 p-6 text-center">
            <svg
                viewBox="0 0 24 24"
                class="w-12 h-12 mx-auto mb-2 text-sky-600"
                fill="none"
                stroke="currentColor"
                stroke-width="1.5"
                stroke-linecap="round"
                stroke-linejoin="round"
                aria-hidden="true"
            >
                <path d="M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10" />
            </svg>
            <h2 class="text-lg font-semibold">{move || t(portal::ORDERS_SOON)}</h2>
            <p class="mt-2 text-sm text-slate-500 leading-relaxed">
                {move || t(portal::ORDERS_SOON_DESC)}
            </p>
            <a
                href="/h5/quote"
                class="inline-block mt-4 rounded-lg bg-sky-600 text-white px-5 py-2"
            >
                {move || t(portal::ORDERS_GO_QUOTE)}
            </a>
        </section>
    }
}
