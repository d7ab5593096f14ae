//! Pricing services: the free-text inquiry, the quote search and its form,
//! saved quotes, and the channels' maintenance. Each checks its caller with
//! [`super::policy`]; searches read the in-memory catalogue
//! ([`super::live`]), changes to channels reload it everywhere.

mod channels;
mod levels;
mod libraries;
mod pickup;
mod quotes;
mod reprice;
mod search;
mod tables;

pub use channels::*;
pub use levels::*;
pub use libraries::*;
pub use pickup::*;
pub use quotes::*;
pub use reprice::*;
pub use search::*;
pub use tables::*;

use super::inquiry::{parse_inquiry, Inquiry};
use super::model::Date;
use crate::auth::Principal;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::ErrorKey;

/// The longest message read: a WeChat message, not a document.
pub const MAX_INQUIRY_CHARS: usize = 2000;

/// The catalogue searches read: the one in memory, or, with
/// `SHIPDESK_PRICING_FROM_DB=1` (a benchmark's comparison, never for
/// serving), read from the database for each search.
pub async fn catalogue(state: &AppState) -> AppResult<std::sync::Arc<super::Catalogue>> {
    if state.config.pricing_from_db {
        return Ok(std::sync::Arc::new(super::live::load(&state.db).await?));
    }
    state.pricing.get(&state.db).await
}

/// Today in Asia/Shanghai, the day people date their shipments by.
pub fn today(state: &AppState) -> Date {
    let local_ms = state.now() + 8 * 3600 * 1000;
    Date::from_days(local_ms.div_euclid(86_400_000) as i32)
}

/// Reads a message as people write it in WeChat into an inquiry, field by
/// field (seed 000's AI 非标询价). Any signed-in staff member or customer.
pub fn read_inquiry(state: &AppState, _who: &Principal, text: &str) -> AppResult<Inquiry> {
    if text.trim().is_empty() {
        return Err(AppError::validation("text", ErrorKey::FieldRequired));
    }
    if text.chars().count() > MAX_INQUIRY_CHARS {
        return Err(AppError::validation("text", ErrorKey::TextTooLong));
    }
    Ok(parse_inquiry(text, today(state)))
}
