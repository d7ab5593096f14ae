//! Building blocks shared by the portals' pages.

use leptos::prelude::*;

mod form;
mod lang_switch;
mod not_found;
mod pager;
pub mod text;

pub use form::{action_error, field_error, ErrorBanner, Field, Notice};
pub use lang_switch::LangSwitch;
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
