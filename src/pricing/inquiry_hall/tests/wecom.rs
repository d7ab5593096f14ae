//! A WeCom group robot on 127.0.0.1 (axum): it takes
//! `POST /cgi-bin/webhook/send?key=…` with a JSON message, records it, and
//! answers in the robot's format, `{"errcode": 0, "errmsg": "ok"}`, or
//! with the errcodes it was told to give first.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};

#[derive(Clone, Default)]
pub struct Robot {
    /// Each message's (key, body).
    received: Arc<Mutex<Vec<(String, Value)>>>,
    /// Errcodes to answer, in order; 0 once used up.
    script: Arc<Mutex<Vec<i64>>>,
}

impl Robot {
    pub fn refuse_next(&self, errcode: i64) {
        self.script.lock().unwrap().push(errcode);
    }

    pub fn received(&self) -> Vec<(String, Value)> {
        self.received.lock().unwrap().clone()
    }
}

async fn send(
    State(r): State<Robot>,
    Query(q): Query<HashMap<String, String>>,
    Json(body): Json<Value>,
) -> Json<Value> {
    let key = q.get("key").cloned().unwrap_or_default();
    let well_formed = body["msgtype"] == "markdown" && body["markdown"]["content"].is_string()
        || body["msgtype"] == "text" && body["text"]["content"].is_string();
    r.received.lock().unwrap().push((key.clone(), body));
    let scripted = {
        let mut s = r.script.lock().unwrap();
        (!s.is_empty()).then(|| s.remove(0))
    };
    let errcode = match (scripted, well_formed, key.is_empty()) {
        (Some(code), _, _) => code,
        (None, false, _) => 40008,   // invalid message type
        (None, true, true) => 93000, // invalid webhook url
        (None, true, false) => 0,
    };
    let errmsg = match errcode {
        0 => "ok",
        93000 => "invalid webhook url, hint: [1733140800_33_abc]",
        _ => "refused",
    };
    Json(json!({"errcode": errcode, "errmsg": errmsg}))
}

/// Starts a robot; its webhook URL with `key`.
pub async fn start(robot: Robot) -> String {
    let app = Router::new()
        .route("/cgi-bin/webhook/send", post(send))
        .with_state(robot);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}/cgi-bin/webhook/send?key=693a91f6-test")
}
