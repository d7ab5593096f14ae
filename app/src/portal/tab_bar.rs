//! The H5 bottom tab bar: 首页 / 查价 / 订单 / 消息 / 我的, fixed at the
//! bottom above the phone's safe area, the current tab highlighted.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::text;
use crate::i18n::{t, Text};

/// (path, label, class, SVG path of its icon)
const TABS: &[(&str, Text, &str, &str)] = &[
    (
        "/h5",
        text::TAB_HOME,
        "tab-home",
        "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z",
    ),
    (
        "/h5/quote",
        text::TAB_QUOTE,
        "tab-quote",
        "M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zm10 17-5.2-5.2",
    ),
    (
        "/h5/orders",
        text::TAB_ORDERS,
        "tab-orders",
        "M6 3h12v18H6zM9 8h6M9 12h6M9 16h4",
    ),
    (
        "/h5/chat",
        text::TAB_MESSAGES,
        "tab-messages",
        "M4 5h16v11H8l-4 4z",
    ),
    (
        "/h5/me",
        text::TAB_ME,
        "tab-me",
        "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 9a8 8 0 0 1 16 0",
    ),
];

/// Whether the tab of `href` is the current one for `path`: the home tab
/// only on `/h5`, 查价 on the search and the saved quotes.
fn is_current(href: &str, path: &str) -> bool {
    match href {
        "/h5" => path == "/h5" || path == "/h5/",
        "/h5/quote" => path.starts_with("/h5/quote"),
        _ => path.starts_with(href),
    }
}

#[component]
pub fn TabBar() -> impl IntoView {
    let location = use_location();
    let tabs = TABS
        .iter()
        .map(|&(href, label, class, icon)| {
            let current = move || is_current(href, &location.pathname.get());
            view! {
                <a
                    href=href
                    class=move || {
                        let color = if current() { "text-sky-600" } else { "text-slate-500" };
                        format!(
                            "tab {class} flex flex-col items-center gap-0.5 py-1.5 text-xs {color}",
                        )
                    }
                    aria-current=move || current().then_some("page")
                >
                    <svg
                        viewBox="0 0 24 24"
                        class="w-6 h-6"
                        fill="none"
                        stroke="currentColor"
                        stroke-width="1.8"
                        stroke-linecap="round"
                        stroke-linejoin="round"
                        aria-hidden="true"
                    >
                        <path d=icon />
                    </svg>
                    <span>{move || t(label)}</span>
                </a>
            }
        })
        .collect_view();
    view! {
        <nav
            class="tab-bar fixed bottom-0 inset-x-0 z-30 bg-white/95 backdrop-blur border-t border-slate-200"
            style="padding-bottom: env(safe-area-inset-bottom)"
        >
            <div class="max-w-md mx-auto grid grid-cols-5">{tabs}</div>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn one_tab_is_current_for_each_page() {
        let current = |path: &str| -> Vec<&str> {
            super::TABS
                .iter()
                .filter(|(href, ..)| is_current(href, path))
                .map(|(href, ..)| *href)
                .collect()
        };
        assert_eq!(current("/h5"), ["/h5"]);
        assert_eq!(current("/h5/quote"), ["/h5/quote"]);
        assert_eq!(current("/h5/quotes/Q20261202-0001"), ["/h5/quote"]);
        assert_eq!(current("/h5/me"), ["/h5/me"]);
        assert_eq!(current("/h5/orders"), ["/h5/orders"]);
    }
}
