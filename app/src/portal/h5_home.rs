//! `/h5`: the H5 home page: the big 查价 entry, a box for a pasted
//! inquiry (read on the search page), the latest saved quotes and chat.

use leptos::prelude::*;

use super::text as portal;
use crate::components::text as common;
use crate::components::LangSwitch;
use crate::i18n::t;
use crate::pricing::views::RecentQuotes;

#[component]
pub fn H5HomePage() -> impl IntoView {
    view! {
        <header class="bg-sky-600 text-white px-4 pt-5 pb-10">
            <div class="flex justify-between items-center">
                <h1 class="text-lg font-bold">{move || t(common::APP_NAME)}</h1>
                <LangSwitch />
            </div>
            <p class="mt-1 text-sm text-sky-100">{move || t(common::HOME_TAGLINE)}</p>
        </header>
        <div class="px-3 -mt-7 space-y-3">
            <a
                href="/h5/quote"
                class="home-quote flex items-center gap-4 bg-white rounded-2xl shadow-sm border border-slate-200 p-4"
            >
                <span class="shrink-0 w-14 h-14 rounded-2xl bg-sky-600 text-white text-xl font-bold flex items-center justify-center">
                    {move || t(portal::TAB_QUOTE)}
                </span>
                <span class="min-w-0">
                    <span class="block text-lg font-semibold">{move || t(portal::HOME_QUOTE)}</span>
                    <span class="block text-sm text-slate-500">
                        {move || t(portal::HOME_QUOTE_DESC)}
                    </span>
                </span>
            </a>
            // A plain GET form: the search page reads `?text=` and parses it.
            <form
                action="/h5/quote"
                method="get"
                class="home-paste bg-white rounded-2xl border border-slate-200 p-4"
            >
                <label for="home-text" class="block font-semibold mb-2">
                    {move || t(portal::HOME_PASTE)}
                </label>
                <textarea
                    id="home-text"
                    name="text"
                    rows="3"
                    maxlength="2000"
                    class="w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
                    placeholder=move || t(crate::pricing::text::INQUIRY_PLACEHOLDER)
                ></textarea>
                <button
                    type="submit"
                    class="mt-2 w-full rounded-lg bg-sky-600 text-white py-2.5 font-medium"
                >
                    {move || t(portal::HOME_PASTE_GO)}
                </button>
            </form>
            <RecentQuotes base="/h5/quotes" />
            <a
                href="/h5/chat"
                class="open-chat flex items-center justify-between bg-white rounded-2xl border border-slate-200 p-4"
            >
                <span>
                    <span class="block font-semibold">{move || t(portal::HOME_CHAT)}</span>
                    <span class="block text-sm text-slate-500">
                        {move || t(portal::HOME_CHAT_DESC)}
                    </span>
                </span>
                <span class="text-slate-400">"›"</span>
            </a>
        </div>
    }
}
