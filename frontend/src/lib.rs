//! The hydrate entry: compiled to WebAssembly, it takes over the
//! server-rendered page.

#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lazy: a page's route chunk loads before its part of the page hydrates.
    leptos::mount::hydrate_lazy(shipdesk_app::App);
}
