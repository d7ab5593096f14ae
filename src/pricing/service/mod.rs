//! Pricing services: the free-text inquiry, the quote search and its form,
//! saved quotes, and the channels' maintenance. Each checks its caller with
//! [`super::policy`]; searches read the in-memory catalogue
//! ([`super::live`]), changes to channels reload it everywhere.

mod channels;
mod quotes;
mod search;
mod tables;

pub use channels::*;
pub use quotes::*;
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
