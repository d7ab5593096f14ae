//! A real target for each cell: the request a caller makes and what its
//! success must show. Each target is made fresh for its cell where the call
//! changes something, so an allowed call can succeed whatever ran before.
//! A refused caller gets the same kind of target as an admitted one, so a
//! refusal is the policy's and not a missing record's.

mod account;
mod chat;
mod hall;
mod orders;
mod partner;
mod pricing;
mod tracking;

use serde_json::Value;
use shipdesk::Id;

use crate::check::Check;
use crate::world::{Who, World};

pub enum Req {
    /// `POST /api/<endpoint>` with this JSON body.
    Api(Value),
    /// `GET /ws`, upgraded to a WebSocket.
    Socket,
    /// `POST /chat/upload?conversation_id=&name=` with the bytes as body.
    Upload {
        conversation: Id,
        name: &'static str,
        bytes: Vec<u8>,
    },
    /// `GET /chat/files/<key>`.
    Download(String),
    /// `GET /im/cs/find-history-sessions?<query>` (the old client's endpoint).
    Compat(String),
}

pub struct Target {
    pub req: Req,
    pub check: Check,
}

pub fn api(body: Value, check: Check) -> Target {
    Target {
        req: Req::Api(body),
        check,
    }
}

/// The target of `endpoint` for `who`.
pub async fn target(w: &World, endpoint: &str, who: Who) -> Target {
    if let Some(t) = account::target(w, endpoint, who).await {
        return t;
    }
    if let Some(t) = chat::target(w, endpoint, who).await {
        return t;
    }
    if let Some(t) = partner::target(w, endpoint, who).await {
        return t;
    }
    if let Some(t) = pricing::target(w, endpoint, who).await {
        return t;
    }
    if let Some(t) = hall::target(w, endpoint, who).await {
        return t;
    }
    if let Some(t) = orders::target(w, endpoint, who).await {
        return t;
    }
    if let Some(t) = tracking::target(w, endpoint, who).await {
        return t;
    }
    panic!("the matrix has no target for {endpoint}: add one to targets/")
}
