//! The composer's attach button: uploads the chosen file, then sends it as
//! an image or file message.

use leptos::prelude::*;
use shipdesk::Id;

use crate::chat::client::{use_chat, ChatStore};
use crate::chat::text as chat;
use crate::i18n::t;

/// 📎 with a hidden file input; `uploading` holds while a file goes up.
#[component]
pub fn Attach(conv: Id, uploading: RwSignal<bool>) -> impl IntoView {
    let store = use_chat();
    view! {
        <label
            class="chat-attach shrink-0 cursor-pointer rounded-lg border border-slate-300 px-2 py-2 text-sm text-slate-600 hover:bg-slate-50"
            title=move || t(chat::ATTACH)
        >
            "📎"
            <input
                type="file"
                class="hidden"
                accept="image/*,.pdf,.xlsx,.docx,.zip,.csv,.txt"
                on:change=move |e| on_file(store, conv, uploading, e)
            />
        </label>
    }
}

fn on_file(store: ChatStore, conv: Id, uploading: RwSignal<bool>, e: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use shipdesk::chat::MessageKind;
        use wasm_bindgen::JsCast;
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        uploading.set(true);
        leptos::task::spawn_local(async move {
            match crate::chat::client::upload(conv, file).await {
                Ok(att) => {
                    let mime = att["mime"].as_str().unwrap_or("");
                    let kind = if mime.starts_with("image/") {
                        MessageKind::Image
                    } else {
                        MessageKind::File
                    };
                    let key = att["key"].as_str().unwrap_or("").to_owned();
                    store.send_text(conv, kind, key, None);
                }
                Err(k) => store.error.set(Some(k)),
            }
            uploading.set(false);
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (store, conv, uploading, e);
}
