//! Building blocks shared by the portals' pages.

use leptos::prelude::*;

mod form;
mod lang_switch;
mod not_found;
mod pager;

pub use form::{field_error, ErrorBanner, Field, Notice};
pub use lang_switch::LangSwitch;
pub use not_found::NotFound;
pub use pager::Pager;

/// A safe place to go after sign-in: a local path, never another site.
pub fn safe_next(next: Option<String>, default: &str) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n,
        _ => default.to_owned(),
    }
}

/// Sends the browser to `path` with a full load (fresh data for the new user).
pub fn go(path: &str) {
    #[cfg(not(feature = "ssr"))]
    {
        let _ = leptos::prelude::window().location().set_href(path);
    }
    #[cfg(feature = "ssr")]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_never_leaves_the_site() {
        assert_eq!(
            safe_next(Some("/admin/staff".into()), "/admin"),
            "/admin/staff"
        );
        assert_eq!(safe_next(Some("//evil.example".into()), "/admin"), "/admin");
        assert_eq!(
            safe_next(Some("https://evil.example".into()), "/admin"),
            "/admin"
        );
        assert_eq!(safe_next(None, "/h5"), "/h5");
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
