//! The zh-CN / English switch. Saves a cookie (and the account's setting).

use leptos::prelude::*;

use crate::auth::api::set_language;
use crate::components::text as common;
use crate::i18n::{lang, set_lang, t, Lang};

#[component]
pub fn LangSwitch() -> impl IntoView {
    let save = Action::new(|l: &Lang| {
        let code = l.code().to_owned();
        async move { set_language(code).await }
    });
    let toggle = move |_| {
        let next = if lang() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        };
        set_lang(next);
        #[cfg(not(feature = "ssr"))]
        {
            use wasm_bindgen::JsCast;
            if let Some(el) = document().document_element() {
                let _ = el.set_attribute("lang", next.code());
            }
            if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
                let _ = doc.set_cookie(&format!(
                    "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
                    next.code()
                ));
            }
        }
        save.dispatch(next);
    };
    view! {
        <button
            type="button"
            class="lang-switch text-sm px-2 py-1 rounded border border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
            on:click=toggle
        >
            {move || t(common::LANG_SWITCH)}
        </button>
    }
}
