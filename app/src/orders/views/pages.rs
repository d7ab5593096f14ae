//! The order pages of the customer portals, framed by the portal's title
//! (on a phone the H5 title bar): the list, an order, and booking a quote.

use leptos::prelude::*;

use super::book::BookForQuote;
use super::detail::OrderDetailPage;
use super::list::OrderList;
use super::orders_base;
use crate::i18n::{t, Text};
use crate::orders::text as orders;
use crate::portal::H5Header;
use crate::pricing::views::Portal;

#[component]
fn Frame(
    portal: Portal,
    title: Text,
    #[prop(optional)] back: Option<&'static str>,
    /// What the back link says (返回订单列表 unless given).
    #[prop(optional)]
    back_label: Option<Text>,
    children: Children,
) -> impl IntoView {
    let back_label = back_label.unwrap_or(orders::BACK_TO_ORDERS);
    match portal {
        Portal::H5 => view! {
            <H5Header title back />
            <div class="p-3">{children()}</div>
        }
        .into_any(),
        _ => view! {
            <div class="flex items-center justify-between mb-4">
                <h1 class="text-2xl font-semibold whitespace-nowrap">{move || t(title)}</h1>
                {back
                    .map(|href| {
                        view! {
                            <a href=href class="text-sm text-sky-700">
                                {move || t(back_label)}
                            </a>
                        }
                    })}
            </div>
            <div class="max-w-3xl">{children()}</div>
        }
        .into_any(),
    }
}

/// `/h5/orders`, `/portal/orders`.
#[component]
pub fn OrdersPage(portal: Portal) -> impl IntoView {
    view! {
        <Frame portal title=orders::NAV_ORDERS>
            <OrderList portal />
        </Frame>
    }
}

/// `/h5/orders/:id`, `/portal/orders/:id`.
#[component]
pub fn OrderPage(portal: Portal) -> impl IntoView {
    view! {
        <Frame portal title=orders::ORDER_TITLE back=orders_base(portal)>
            <OrderDetailPage />
        </Frame>
    }
}

/// `/h5/quotes/:number/book`, `/portal/quotes/:number/book`.
#[component]
pub fn BookPage(portal: Portal) -> impl IntoView {
    view! {
        <Frame
            portal
            title=orders::BOOK_TITLE
            back=portal.quotes()
            back_label=crate::pricing::text::BACK_TO_QUOTES
        >
            <BookForQuote portal />
        </Frame>
    }
}
