//! The quote pages of each portal: the same components framed by the
//! portal's title (on a phone the H5 title bar).

use leptos::prelude::*;

use super::quote_list::QuoteList;
use super::saved_quote::SavedQuotePage;
use super::search::QuoteSearch;
use super::Portal;
use crate::i18n::{t, Text};
use crate::portal::H5Header;
use crate::pricing::text as pricing;

/// The page's title: the H5 title bar, or a heading on a desktop.
#[component]
fn Frame(
    portal: Portal,
    title: Text,
    #[prop(optional)] back: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    match portal {
        Portal::H5 => view! {
            <H5Header title back />
            {children()}
        }
        .into_any(),
        _ => view! {
            <div class="flex items-center justify-between mb-4">
                <h1 class="text-2xl font-semibold whitespace-nowrap">{move || t(title)}</h1>
                {back
                    .map(|href| {
                        view! {
                            <a href=href class="text-sm text-sky-700">
                                {move || t(pricing::BACK_TO_QUOTES)}
                            </a>
                        }
                    })}
            </div>
            {children()}
        }
        .into_any(),
    }
}

/// `/h5/quote`, `/portal/quote`, `/admin/quote`.
#[component]
pub fn QuotePage(portal: Portal) -> impl IntoView {
    view! {
        <Frame portal title=pricing::NAV_QUOTE>
            <QuoteSearch portal />
        </Frame>
    }
}

/// `/h5/quotes`, `/portal/quotes`, `/admin/quotes`.
#[component]
pub fn QuotesPage(portal: Portal) -> impl IntoView {
    let title = if portal == Portal::Admin {
        pricing::NAV_STAFF_QUOTES
    } else {
        pricing::NAV_QUOTES
    };
    let pad = if portal == Portal::H5 { "p-3" } else { "" };
    view! {
        <Frame portal title>
            <div class=pad>
                <QuoteList portal />
            </div>
        </Frame>
    }
}

/// `…/quotes/:number`.
#[component]
pub fn SavedQuote(portal: Portal) -> impl IntoView {
    let pad = if portal == Portal::H5 {
        "p-3"
    } else {
        "max-w-3xl"
    };
    view! {
        <Frame portal title=pricing::QUOTE_DETAIL back=portal.quotes()>
            <div class=pad>
                <SavedQuotePage portal />
            </div>
        </Frame>
    }
}
