//! Saved quotes for the chat tests: the demo catalogue, and one quote of
//! the first plan to ONT8 saved by `who` for a company.

#![allow(dead_code)]

use shipdesk::auth::Principal;
use shipdesk::pricing::{service, QuoteForSave, QuoteForSearch, SavedQuote};
use shipdesk::state::AppState;
use shipdesk::Id;

/// 5 cartons of 22 kg from 深圳 to ONT8.
pub fn ont8() -> QuoteForSearch {
    shipdesk::testing::ont8_search(22.0)
}

/// Stores the demo catalogue (once) and saves the first plan to ONT8 as
/// `who` for `company`.
pub async fn saved_quote(state: &AppState, who: &Principal, company: Option<Id>) -> SavedQuote {
    service::seed_demo_channels(state).await.unwrap();
    let plans = service::search_quotes(state, who, &ont8(), false, company)
        .await
        .unwrap()
        .plans;
    let input = QuoteForSave {
        search: ont8(),
        channel_id: plans.first().expect("a plan").channel.id,
        company_id: company,
    };
    service::save_quote(state, who, &input).await.unwrap()
}

/// An order booked by `member` from a quote they save (the demo catalogue).
pub async fn booked_order(
    state: &AppState,
    member: &Principal,
    key: &str,
) -> shipdesk::orders::Order {
    let quote = saved_quote(state, member, None).await;
    let input = shipdesk::testing::booking(&quote.number, key);
    shipdesk::orders::service::book_order(state, member, &input)
        .await
        .unwrap()
}
