//! Building blocks shared by the portals' pages, so a new page composes
//! them instead of copying recipes:
//! - loaded data: `Loaded` (loading line, error banner), `LoadedList`
//!   (with an empty state), `PagedList` (with the pager), `Loading`, `Empty`;
//! - forms: `Field` (labelled input with its field's error), `Select`,
//!   `SubmitButton` (pending state), `ErrorBanner`, `Notice` (success),
//!   `action_error`, `field_error`, `confirm`;
//! - files: `on_picked` (a picked file as base64, for an upload);
//! - `Pager`, `LangSwitch`, `NotFound`, `ClientOnly`, `go`.

use leptos::prelude::*;

mod file;
mod form;
mod lang_switch;
mod loaded;
mod not_found;
mod pager;
pub mod text;

pub use file::on_picked;
pub use form::{action_error, field_error, ErrorBanner, Field, Notice, Select, SubmitButton};
pub use lang_switch::LangSwitch;
pub use loaded::{Empty, Loaded, LoadedList, Loading, PagedList};
pub use not_found::NotFound;
pub use pager::Pager;

/// Sends the browser to `path` with a full load (fresh data for the new user).
pub fn go(path: &str) {
    #[cfg(not(feature = "ssr"))]
    {
        let _ = leptos::prelude::window().location().set_href(path);
    }
    #[cfg(feature = "ssr")]
    let _ = path;
}

/// Asks the person to confirm (always yes while rendering on the server).
pub fn confirm(message: &str) -> bool {
    #[cfg(not(feature = "ssr"))]
    {
        window().confirm_with_message(message).unwrap_or(false)
    }
    #[cfg(feature = "ssr")]
    {
        let _ = message;
        true
    }
}

/// Renders its children only in the browser, after hydration: for markup the
/// browser's parser rewrites (option lists inside a `<select>`), which could
/// not be hydrated.
#[component]
pub fn ClientOnly(children: ChildrenFn) -> impl IntoView {
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    move || mounted.get().then(|| children())
}
