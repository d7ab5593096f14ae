//! The quote pages, one set of components for the three portals (H5,
//! the customer portal, admin), told apart by [`Portal`]: the layout (one
//! column on a phone, form and plans side by side on a desktop), where
//! saved quotes live, and what staff see besides (the table version, the
//! customer a quote is for). Chat uses two of them: the search for one
//! company (`CompanyQuoteSearch`, the agents' side panel) and the quote
//! card (`QuoteCardView`), which loads its quote when shown.

mod cargo_input;
mod choice;
mod company_pick;
mod company_search;
pub(crate) mod draft;
mod hall;
pub(crate) mod input;
mod inquiry_box;
mod misses;
mod pages;
mod pickup_hint;
mod plan_card;
pub(crate) mod plan_detail;
mod plans;
mod quote_card;
mod quote_list;
mod quote_row;
mod recent_quotes;
mod save_bar;
mod saved_quote;
mod search;
mod search_form;

pub use company_search::CompanyQuoteSearch;
pub use hall::{HallPage, MyInquiriesPage};
pub use pages::{QuotePage, QuotesPage, SavedQuote};
pub use plan_detail::PlanDetail;
pub use quote_card::QuoteCardView;
pub use recent_quotes::RecentQuotes;

/// Which portal a quote page is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Portal {
    /// Phones: one column, the total in a bar above the tab bar.
    H5,
    /// The customers' desktop portal.
    Desk,
    /// Staff: saves for a customer company, sees table versions.
    Admin,
}

impl Portal {
    /// Where this portal's saved quotes are listed; a quote is `{quotes}/{number}`.
    pub fn quotes(self) -> &'static str {
        match self {
            Portal::H5 => "/h5/quotes",
            Portal::Desk => "/portal/quotes",
            Portal::Admin => "/admin/quotes",
        }
    }

    /// This portal's search page.
    pub fn search(self) -> &'static str {
        match self {
            Portal::H5 => "/h5/quote",
            Portal::Desk => "/portal/quote",
            Portal::Admin => "/admin/quote",
        }
    }
}
