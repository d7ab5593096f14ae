//! Sending the robot's outbox: due messages are claimed with a lease (one
//! sender each, across instances), POSTed to the robot URL set now with
//! the webhooks' guarded client, and their outcome recorded; a refusal is
//! logged and retried after 10 s, 20 s, 40 s…, failed after
//! [`MAX_ATTEMPTS`]. The worker is `server/src/jobs/robot.rs`.

use super::settings_of;
use crate::error::AppResult;
use crate::pricing::inquiry_hall::model::{RobotMessageStatus, RobotTestAnswer};
use crate::pricing::inquiry_hall::repo::robot as repo;
use crate::pricing::inquiry_hall::robot::read_answer;
use crate::state::AppState;
use crate::webhook::client::WebhookClient;

/// Attempts before a message is marked failed.
pub const MAX_ATTEMPTS: i64 = 6;
/// The first retry waits this long; each next one twice as long.
pub const FIRST_RETRY_MS: i64 = 10_000;
/// How long a claim holds a message: well past the client's timeout.
pub const LEASE_MS: i64 = 60_000;
/// Messages claimed per pass.
const BATCH: i64 = 20;
/// Finished messages are kept this long (30 days), then pruned.
pub const KEEP_MS: i64 = 30 * 24 * 3_600_000;

/// POSTs a body to a robot and reads its answer; an unreachable robot is a
/// refusal with the reason.
pub async fn post(client: &WebhookClient, url: &str, body: &str) -> RobotTestAnswer {
    let refused = |errmsg: String| RobotTestAnswer {
        ok: false,
        errcode: None,
        errmsg,
    };
    let req = match client.post(url) {
        Ok(r) => r,
        Err(why) => return refused(why),
    };
    let sent = req
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await;
    match sent {
        Ok(res) => {
            let status = res.status().as_u16();
            let text = res.text().await.unwrap_or_default();
            read_answer(status, &text)
        }
        Err(e) => refused(describe(&e)),
    }
}

fn describe(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text.chars().take(300).collect()
}

/// Sends the messages due now, one after another; how many were attempted.
pub async fn deliver_due(state: &AppState, client: &WebhookClient) -> AppResult<usize> {
    let now = state.now();
    let due = repo::claim(&state.db, now, now + LEASE_MS, BATCH).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let (_, url) = settings_of(&state.db).await?;
    for d in &due {
        let answer = match &url {
            Some(url) => post(client, url, &d.body).await,
            None => RobotTestAnswer {
                ok: false,
                errcode: None,
                errmsg: "no robot URL is set".into(),
            },
        };
        let done = state.now();
        let attempts = d.attempts + 1;
        let (status, next, error, sent) = if answer.ok {
            (RobotMessageStatus::Sent, done, None, Some(done))
        } else {
            tracing::warn!(message = d.id, attempts, error = %answer.errmsg, "the WeCom robot refused a message");
            let status = match attempts >= MAX_ATTEMPTS {
                true => RobotMessageStatus::Failed,
                false => RobotMessageStatus::Pending,
            };
            let wait = FIRST_RETRY_MS * (1 << (attempts - 1).min(10));
            (status, done + wait, Some(answer.errmsg.as_str()), None)
        };
        repo::record(&state.db, d.id, status, next, error, sent).await?;
    }
    Ok(due.len())
}

/// Deletes finished messages older than [`KEEP_MS`].
pub async fn prune(state: &AppState) -> AppResult<u64> {
    repo::prune(&state.db, state.now() - KEEP_MS).await
}
