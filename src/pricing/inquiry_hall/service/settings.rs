//! The hall's settings (admin): the SLA, the WeCom robot's URL, and the
//! test message (推送测试机器人) sent at once with the robot's answer.

use super::send;
use super::settings_of;
use crate::auth::Staff;
use crate::error::{AppError, AppResult};
use crate::pricing::inquiry_hall::model::*;
use crate::pricing::inquiry_hall::policy::{self, MAX_SLA_MINUTES};
use crate::pricing::inquiry_hall::repo::robot as repo;
use crate::pricing::inquiry_hall::robot;
use crate::state::AppState;
use crate::webhook::client::WebhookClient;
use crate::webhook::target::check_url;
use crate::ErrorKey;

/// Robot messages shown with the settings.
const RECENT: i64 = 10;

fn admin(s: &Staff) -> AppResult<()> {
    match policy::may_configure(s) {
        true => Ok(()),
        false => Err(AppError::Forbidden),
    }
}

/// The SLA, the robot URL and the latest robot messages (admin).
pub async fn get_inquiry_settings(state: &AppState, s: &Staff) -> AppResult<InquirySettings> {
    admin(s)?;
    let (sla_minutes, robot_url) = settings_of(&state.db).await?;
    let recent_messages = repo::recent(&state.db, RECENT).await?;
    Ok(InquirySettings {
        sla_minutes,
        robot_url,
        recent_messages,
    })
}

/// A robot URL as it will be used: WeCom's shape, and an address a webhook
/// may reach (`SHIPDESK_WEBHOOK_ALLOW` for private ones).
fn checked_url(state: &AppState, url: &str) -> AppResult<String> {
    robot::check_robot_url(url)?;
    let url = check_url(url, &state.config.webhook_allow).map_err(|e| match e {
        AppError::Validation { key, .. } => AppError::validation("robot_url", key),
        e => e,
    })?;
    Ok(url.to_string())
}

/// Saves the SLA (1 to 10,080 minutes) and the robot URL (empty: off).
pub async fn save_inquiry_settings(
    state: &AppState,
    s: &Staff,
    input: &InquirySettingsForSave,
) -> AppResult<InquirySettings> {
    admin(s)?;
    if !(1..=MAX_SLA_MINUTES).contains(&input.sla_minutes) {
        return Err(AppError::validation(
            "sla_minutes",
            ErrorKey::InquirySlaInvalid,
        ));
    }
    let url = input
        .robot_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let url = url.map(|u| checked_url(state, u)).transpose()?;
    let now = state.now();
    let sla = input.sla_minutes.to_string();
    let mut tx = state.db.begin().await?;
    repo::put_setting(&mut *tx, repo::SLA_MINUTES, Some(&sla), s.id, now).await?;
    repo::put_setting(&mut *tx, repo::ROBOT_URL, url.as_deref(), s.id, now).await?;
    tx.commit().await?;
    get_inquiry_settings(state, s).await
}

/// Sends a test message now to `url` (or the saved URL) and reports what
/// the robot answered (admin).
pub async fn send_robot_test(
    state: &AppState,
    s: &Staff,
    url: Option<&str>,
) -> AppResult<RobotTestAnswer> {
    admin(s)?;
    let url = match url.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => checked_url(state, u)?,
        None => settings_of(&state.db)
            .await?
            .1
            .ok_or_else(|| AppError::validation("robot_url", ErrorKey::RobotNotConfigured))?,
    };
    let client = WebhookClient::new(&state.config)?;
    let body = robot::test_message(&s.name).to_string();
    Ok(send::post(&client, &url, &body).await)
}
