//! SQL of the inquiry hall: inquiries, settings and the robot's outbox.

pub mod inquiry;
pub mod robot;

use crate::error::{AppError, AppResult};

/// Every statement, by name, for the test that prepares them on both databases.
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert_inquiry", inquiry::INSERT),
    ("inquiry_by_id", inquiry::BY_ID),
    ("my_inquiries", inquiry::MINE),
    ("count_my_inquiries", inquiry::MINE_COUNT),
    ("list_inquiries", inquiry::LIST),
    ("count_inquiries", inquiry::COUNT),
    ("inquiry_counts", inquiry::COUNTS),
    ("answer_inquiry", inquiry::ANSWER),
    ("move_inquiry", inquiry::MOVE),
    ("hide_inquiry", inquiry::HIDE_ONE),
    ("hide_inquiries", inquiry::HIDE_ALL),
    ("settings", robot::SETTINGS),
    ("put_setting", robot::PUT_SETTING),
    ("drop_setting", robot::DROP_SETTING),
    ("insert_robot_message", robot::INSERT_MESSAGE),
    ("claim_robot_messages", robot::CLAIM),
    ("record_robot_attempt", robot::RECORD),
    ("recent_robot_messages", robot::RECENT),
    ("prune_robot_messages", robot::PRUNE),
];

pub(super) fn json<T: serde::Serialize + ?Sized>(v: &T) -> AppResult<String> {
    serde_json::to_string(v).map_err(|e| {
        tracing::error!(error = %e, "an inquiry did not serialise");
        AppError::Internal
    })
}

pub(super) fn parse<T: serde::de::DeserializeOwned>(s: &str) -> AppResult<T> {
    serde_json::from_str(s).map_err(|e| {
        tracing::error!(error = %e, "a stored inquiry did not parse");
        AppError::Internal
    })
}
