//! Agents' presence across instances: is a staff member's socket open
//! anywhere? Each staff socket is a row of `agent_sockets` (instance, staff,
//! lease) for as long as it is open, so "their last socket closed" means on
//! every instance, not on the one whose socket closed.
//!
//! - A socket opening inserts its row; an agent the grace period had set
//!   offline gets their status back.
//! - A socket closing deletes its row; after the grace period the agent is
//!   set offline, in one statement, only if no live row is left for them.
//! - Each instance renews the leases of its rows ([`keep`], from the chat
//!   job, every [`RENEW_EVERY_MS`] or so). Rows of an instance that died
//!   expire after [`LEASE_MS`]; [`keep`] on any instance deletes them and
//!   sets their agents offline the same way, so a crash never leaves an
//!   agent online for good.

use std::time::Duration;

use crate::chat::live::{events, hub::Listener};
use crate::chat::model::AgentStatus;
use crate::chat::repo;
use crate::chat::service::agent;
use crate::db::new_id;
use crate::error::AppResult;
use crate::state::AppState;
use crate::types::Id;

/// How long a socket's row counts without being renewed.
pub const LEASE_MS: i64 = 90_000;
/// How often an instance should renew its leases (a few times per lease).
pub const RENEW_EVERY_MS: i64 = 20_000;

/// A staff member's socket opened: it counts as theirs on every instance,
/// an agent the grace period set offline gets their status back, and
/// colleagues see them. Returns the socket's presence row (staff only),
/// to give to [`disconnected`].
pub async fn connected(state: &AppState, who: &Listener) -> Option<Id> {
    let Listener::Staff { id, .. } = who else {
        return None;
    };
    let now = state.now();
    let row = new_id();
    let instance = state.hub.instance_id();
    let row =
        match repo::live::insert_socket(&state.db, row, instance, *id, now + LEASE_MS, now).await {
            Ok(()) => Some(row),
            Err(e) => {
                tracing::warn!(error = %e, "recording an agent's socket failed");
                None
            }
        };
    match repo::agent::return_from_away(&state.db, *id, now).await {
        Ok(Some(status)) => {
            events::presence(state, *id, status, true);
            if status == AgentStatus::Online {
                if let Err(e) = agent::drain_for_agent(state, *id).await {
                    tracing::warn!(error = %e, "draining the queue for a returning agent failed");
                }
            }
        }
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e, "agent presence update failed"),
    }
    row
}

/// A socket closed (`row`: what [`connected`] returned): [`closed`] runs in
/// the background.
pub fn disconnected(state: &AppState, who: Listener, row: Option<Id>) {
    let state = state.clone();
    tokio::spawn(async move { closed(&state, &who, row).await });
}

/// Forgets the socket's row; when it was the staff member's last socket on
/// any instance, they are set away (offline) after the grace period unless
/// a socket opened again meanwhile. The reassignment job then moves their
/// conversations on.
pub async fn closed(state: &AppState, who: &Listener, row: Option<Id>) {
    let Listener::Staff { id, .. } = who else {
        return;
    };
    if let Some(row) = row {
        if let Err(e) = repo::live::delete_socket(&state.db, row).await {
            tracing::warn!(error = %e, "forgetting an agent's socket failed");
        }
    }
    tokio::time::sleep(Duration::from_secs(state.config.presence_grace_secs)).await;
    if state.hub.staff_sockets(*id) > 0 {
        return;
    }
    go_away(state, *id).await;
}

/// Sets `staff_id` offline if no live socket of theirs is left anywhere.
async fn go_away(state: &AppState, staff_id: Id) {
    match repo::agent::go_away(&state.db, staff_id, state.now()).await {
        Ok(true) => events::presence(state, staff_id, AgentStatus::Offline, false),
        Ok(false) => {}
        Err(e) => tracing::warn!(error = %e, "setting an agent away failed"),
    }
}

/// Is a socket of `staff_id` open on any instance?
pub async fn is_connected(state: &AppState, staff_id: Id) -> AppResult<bool> {
    Ok(repo::live::live_sockets(&state.db, staff_id, state.now()).await? > 0)
}

/// Renews this instance's leases, then treats sockets whose lease ran out
/// (an instance that stopped) as closed. Returns the agents set offline.
pub async fn keep(state: &AppState) -> AppResult<Vec<Id>> {
    let now = state.now();
    repo::live::renew_instance(&state.db, state.hub.instance_id(), now + LEASE_MS).await?;
    let mut gone = vec![];
    for staff_id in repo::live::expire_sockets(&state.db, now).await? {
        if repo::agent::go_away(&state.db, staff_id, now).await? {
            events::presence(state, staff_id, AgentStatus::Offline, false);
            gone.push(staff_id);
        }
    }
    Ok(gone)
}
