//! The hub's fan-out across instances on PostgreSQL: every instance
//! `NOTIFY`s each event it publishes on one channel, in publish order, and
//! `LISTEN`s there to deliver the events of the others to its own sockets.
//! A payload too large for NOTIFY travels as a reference (a message's
//! conversation and seq) the listener loads from the database. When the
//! listening connection drops, events may be lost: every socket of the
//! instance is told to `resume`, which catches it up from the database.

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

use super::hub::{Hub, Target};
use crate::chat::model::SenderKind;
use crate::chat::repo;
use crate::chat::wire::ServerMsg;
use crate::db::Db;
use crate::types::Id;

/// NOTIFY's channel.
pub const CHANNEL: &str = "shipdesk_chat";
/// NOTIFY payloads must stay under 8,000 bytes.
const MAX_NOTIFY_BYTES: usize = 7_500;

/// An event as NOTIFY carries it between instances.
#[derive(Debug, Serialize, Deserialize)]
struct Wire {
    origin: u64,
    target: Target,
    skip_side: Option<SenderKind>,
    /// The event, or None when too large: then `message_ref` names it.
    msg: Option<ServerMsg>,
    message_ref: Option<(Id, i64)>,
}

/// This instance's events on their way to NOTIFY (one task sends them, in
/// publish order).
pub(super) struct Outbound(mpsc::UnboundedSender<String>);

impl Outbound {
    /// Queues an event for the other instances; a message too large for
    /// NOTIFY goes as its reference.
    pub(super) fn send(
        &self,
        origin: u64,
        target: &Target,
        skip_side: Option<SenderKind>,
        msg: &ServerMsg,
    ) {
        let message_ref = match msg {
            ServerMsg::Message { message } => Some((message.conversation_id, message.seq)),
            _ => None,
        };
        let mut wire = Wire {
            origin,
            target: target.clone(),
            skip_side,
            msg: Some(msg.clone()),
            message_ref: None,
        };
        let mut text = serde_json::to_string(&wire).unwrap_or_default();
        if text.len() > MAX_NOTIFY_BYTES && message_ref.is_some() {
            wire.msg = None;
            wire.message_ref = message_ref;
            text = serde_json::to_string(&wire).unwrap_or_default();
        }
        if text.len() <= MAX_NOTIFY_BYTES {
            let _ = self.0.send(text);
        } else {
            tracing::warn!("chat event too large for NOTIFY; other instances miss it");
        }
    }
}

impl Hub {
    /// On PostgreSQL: publishes every event with NOTIFY too and delivers
    /// those of other instances. Returns once listening.
    pub async fn start_postgres(&self, db: Db) -> Result<(), sqlx::Error> {
        let url = db.connect_options().database_url.to_string();
        let mut listener = sqlx::postgres::PgListener::connect(&url).await?;
        listener.listen(CHANNEL).await?;
        let (tx, mut rx) = mpsc::unbounded_channel::<String>();
        if !self.set_outbound(Outbound(tx)) {
            return Ok(()); // already started
        }
        // One task sends the NOTIFYs in publish order.
        let notify_db = db.clone();
        tokio::spawn(async move {
            while let Some(payload) = rx.recv().await {
                let sent = repo::live::notify(&notify_db, CHANNEL, &payload).await;
                if let Err(e) = sent {
                    tracing::warn!(error = %e, "NOTIFY failed; other instances miss an event");
                }
            }
        });
        let hub = self.clone();
        tokio::spawn(async move {
            let mut failed = false;
            loop {
                match listener.try_recv().await {
                    Ok(Some(n)) => {
                        if std::mem::take(&mut failed) {
                            hub.resync_all();
                        }
                        hub.on_notification(&db, n.payload()).await
                    }
                    // The connection dropped and is back: events may be lost.
                    Ok(None) => {
                        failed = false;
                        hub.resync_all()
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "LISTEN connection failed; retrying");
                        failed = true;
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(())
    }

    /// Delivers another instance's event here.
    async fn on_notification(&self, db: &Db, payload: &str) {
        let wire: Wire = match serde_json::from_str(payload) {
            Ok(w) => w,
            Err(e) => {
                tracing::warn!(error = %e, "unreadable chat notification");
                return;
            }
        };
        if self.is_own(wire.origin) {
            return;
        }
        let msg = match (wire.msg, wire.message_ref) {
            (Some(m), _) => m,
            (None, Some((conv, seq))) => match repo::message::by_seq(db, conv, seq).await {
                Ok(Some(message)) => ServerMsg::Message { message },
                _ => return,
            },
            (None, None) => return,
        };
        self.deliver(&wire.target, wire.skip_side, msg);
    }
}
