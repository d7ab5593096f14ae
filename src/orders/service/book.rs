//! Booking a pre-order from a saved quote (预订单下单): at the quote's price,
//! or priced again on the booking day when the quote expired or the goods
//! type changed; once per client key.

use super::{event, get_order, publish};
use crate::auth::{Member, Principal, Staff};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::orders::check;
use crate::orders::model::*;
use crate::orders::repo::{event as events, order as repo};
use crate::pricing::repo::quote as quotes;
use crate::pricing::service::{reprice, today};
use crate::pricing::{QuoteQuery, SavedQuote};
use crate::state::AppState;
use crate::ErrorKey;

/// Books a pre-order for the caller's company from one of its saved
/// quotes. Sending the same `client_key` again answers with the order it
/// booked. Only customer members book (sales book quick orders through an
/// act-as token, [`book_quick_order`](super::book_quick_order)).
pub async fn book_order(
    state: &AppState,
    who: &Principal,
    input: &OrderForBook,
) -> AppResult<Order> {
    let Principal::Member(member) = who else {
        return Err(AppError::Forbidden);
    };
    book(state, who, member, None, input).await
}

/// Books for `member`, by them or (`acting`) by a salesperson acting for
/// them; answers the order as `who` reads it.
pub(super) async fn book(
    state: &AppState,
    who: &Principal,
    member: &Member,
    acting: Option<&Staff>,
    input: &OrderForBook,
) -> AppResult<Order> {
    let key = check::client_key(&input.client_key)?;
    if let Some(done) = repo::by_key(&state.db, member.company_id, &key).await? {
        return get_order(state, who, done.order.id).await;
    }
    let quote = own_quote(state, member.company_id, &input.quote_number).await?;
    let checked = check::booking(
        input,
        quote
            .search
            .fba_code
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref(),
        quote
            .search
            .postcode
            .as_deref()
            .map(crate::pricing::normalize_postcode)
            .as_deref(),
    )?;
    let day = today(state);
    let detail = priced(state, member.company_id, &quote, input, checked, day).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let number = crate::db::next_number(&mut *tx, "P", day.ymd(), now).await?;
    let id = new_id();
    let destination = (quote.search.fba_code.clone())
        .or(quote.search.postcode.clone())
        .unwrap_or_default()
        .to_ascii_uppercase();
    let row = repo::NewOrder {
        id,
        number: &number,
        company_id: member.company_id,
        member_id: Some(member.id),
        staff_id: acting.map(|s| s.id),
        quick: acting.is_some(),
        client_key: &key,
        quote_id: quote.id,
        quote_number: &quote.number,
        country: &quote.search.country.to_ascii_uppercase(),
        destination: &destination,
        detail: &detail,
        now,
    };
    if !repo::insert(&mut *tx, &row).await? {
        // A parallel send of the same key won: answer with its order.
        tx.rollback().await?;
        let done = repo::by_key(&state.db, member.company_id, &key)
            .await?
            .ok_or(AppError::Internal)?;
        return get_order(state, who, done.order.id).await;
    }
    let mut first = event(who, None, OrderStatus::Booked, "", now);
    if acting.is_some() {
        first.acting_for = Some(member.name.clone());
    }
    events::insert(&mut *tx, id, &first).await?;
    let payload = serde_json::json!({
        "number": number, "company_id": member.company_id, "status": "booked",
        "total_fen": detail.plan.total_fen, "quote_number": quote.number,
    });
    publish(&mut tx, "order.created", id, payload, now).await?;
    tx.commit().await?;
    get_order(state, who, id).await
}

/// The company's saved quote of that number; an error on `quote_number`
/// for any other (unknown, another company's, or saved for nobody).
async fn own_quote(state: &AppState, company: crate::Id, number: &str) -> AppResult<SavedQuote> {
    let unknown = || AppError::validation("quote_number", ErrorKey::OrderQuoteUnknown);
    let number = number.trim().to_ascii_uppercase();
    if number.is_empty() || number.len() > 24 {
        return Err(unknown());
    }
    let stored = quotes::by_number(&state.db, &number, today(state))
        .await?
        .ok_or_else(unknown)?;
    match stored.quote.company_id {
        Some(c) if c == company => Ok(stored.quote),
        _ => Err(unknown()),
    }
}

/// The booking's detail at its price: the quote's plan, or, when the quote
/// expired or the goods type changed, the same search on the same channel
/// priced on `day` (an error on `quote_number`, or `goods_type`, when the
/// channel no longer takes it).
async fn priced(
    state: &AppState,
    company: crate::Id,
    quote: &SavedQuote,
    input: &OrderForBook,
    parts: check::Checked,
    day: crate::pricing::Date,
) -> AppResult<OrderDetail> {
    let goods_type = input.goods_type.unwrap_or(quote.search.goods_type);
    let changed = goods_type != quote.search.goods_type;
    let mut search = quote.search.clone();
    search.goods_type = goods_type;
    search.wanted_date = None;
    let (plan, repriced, priced_on) = if quote.expired || changed {
        let q = QuoteQuery::parse(&search, day)?;
        let field = if changed {
            "goods_type"
        } else {
            "quote_number"
        };
        let key = if changed {
            ErrorKey::ChannelNoPlan
        } else {
            ErrorKey::OrderQuoteRepriceFailed
        };
        let plan = reprice(state, company, quote.plan.channel.id, None, &q, day)
            .await?
            .map_err(|_| AppError::validation(field, key))?;
        let notice = quote.expired.then(|| Repriced {
            quoted_total_fen: quote.total_fen,
            total_fen: plan.total_fen,
            quote_valid_until: quote.valid_until,
        });
        (plan, notice, day)
    } else {
        let on = crate::pricing::Date::of_timestamp(quote.created_at);
        (quote.plan.clone(), None, on)
    };
    Ok(OrderDetail {
        shipper: parts.shipper,
        consignee: parts.consignee,
        cartons: parts.cartons,
        goods: parts.goods,
        goods_type,
        search,
        pickup: input.pickup,
        remarks: parts.remarks,
        plan,
        repriced,
        priced_on,
    })
}
