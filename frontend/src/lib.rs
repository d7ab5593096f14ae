//! The hydrate entry: compiled to WebAssembly, it takes over the
//! server-rendered page.

#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // What `leptos::mount::hydrate_lazy` does (the route chunks of the page
    // load before their part of it hydrates), then the mark browser tests
    // wait for: a click before this point does nothing.
    _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        let app = leptos::mount::hydrate_from_async(body.clone(), shipdesk_app::App).await;
        app.forget();
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
