//! A file the person picked, read in the browser as base64: server
//! functions take an uploaded sheet as `file_base64`.

use std::future::Future;

/// When `e` (an `<input type="file">`'s change) picked a file: clears the
/// input (so the same file can be picked again after a fix) and runs
/// `then` with the file's bytes as base64, `None` when the browser could
/// not read them. Nothing happens without a file, nor on the server.
pub fn on_picked<F, Fut>(e: leptos::ev::Event, then: F)
where
    F: FnOnce(Option<String>) -> Fut + 'static,
    Fut: Future<Output = ()> + 'static,
{
    #[cfg(feature = "hydrate")]
    {
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
        leptos::task::spawn_local(async move {
            let b64 = base64_of(&file).await;
            then(b64).await;
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (e, then);
}

/// The file's bytes as base64 (the browser's `btoa` over a byte string).
#[cfg(feature = "hydrate")]
async fn base64_of(file: &web_sys::File) -> Option<String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    let binary: String = bytes.iter().map(|&b| b as char).collect();
    leptos::prelude::window().btoa(&binary).ok()
}
