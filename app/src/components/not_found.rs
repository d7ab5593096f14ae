//! The 404 page (the router's fallback answers with status 404).

use leptos::prelude::*;

use crate::components::text as common;
use crate::i18n::t;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
        opts.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <main class="min-h-screen flex flex-col items-center justify-center p-6 text-center">
            <div class="text-6xl font-bold text-slate-300">"404"</div>
            <h1 class="text-xl font-semibold mt-4">{move || t(common::NOTFOUND_TITLE)}</h1>
            <p class="text-slate-500 mt-2">{move || t(common::NOTFOUND_BODY)}</p>
            <a href="/" class="mt-6 text-sky-600 hover:underline">
                {move || t(common::NOTFOUND_HOME)}
            </a>
        </main>
    }
}
