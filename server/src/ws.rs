//! `GET /ws`: the chat WebSocket. The session cookie says who connects; a
//! page of another site may not open it (its Origin must be this host). The
//! loop passes client frames and hub deliveries to the socket's session
//! (`shipdesk::chat::live::socket`) and checks that the caller is still signed in
//! as they were (a sign-out, a reset password, changed roles or a disabled
//! account end it): at once when the account's change is published to the
//! hub, and every minute whatever happens.

use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use shipdesk::auth::Principal;
use shipdesk::chat::live::presence;
use shipdesk::chat::live::socket::{self, Out, SocketSession};
use shipdesk::chat::wire::MAX_FRAME_BYTES;
use shipdesk::state::AppState;
use shipdesk::AppError;
use shipdesk_app::server::{principal_in, Caller};
use tower_sessions::{Session, SessionStore};

use crate::session_store::DbSessionStore;

fn refuse(status: StatusCode, e: AppError) -> Response {
    let body = serde_json::to_string(&e).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

pub async fn handler(
    State(state): State<AppState>,
    session: Session,
    caller: Caller,
    headers: HeaderMap,
    ws: WebSocketUpgrade,
) -> Response {
    if !crate::security::origin_matches(&headers, state.config.public_origin.as_deref()) {
        tracing::warn!("cross-origin chat socket refused");
        return refuse(StatusCode::FORBIDDEN, AppError::Forbidden);
    }
    let who = match caller.resolve(&state, &session).await {
        Ok(Some(p)) => p,
        Ok(None) => return refuse(StatusCode::UNAUTHORIZED, AppError::Unauthorized),
        Err(e) => return refuse(StatusCode::INTERNAL_SERVER_ERROR, e),
    };
    let chat = match SocketSession::new(state.clone(), who) {
        Ok(c) => c,
        Err(e) => return refuse(StatusCode::FORBIDDEN, e),
    };
    ws.max_message_size(MAX_FRAME_BYTES)
        .max_frame_size(MAX_FRAME_BYTES)
        .on_upgrade(move |socket| run(state, session, chat, socket))
}

async fn send_all(socket: &mut WebSocket, out: &mut Vec<Out>) -> bool {
    for o in out.drain(..) {
        if socket.send(WsMessage::Text(o.text().into())).await.is_err() {
            return false;
        }
    }
    true
}

fn same_person(a: &Principal, b: &Principal) -> bool {
    match (a, b) {
        (Principal::Member(x), Principal::Member(y)) => x.id == y.id,
        (Principal::Staff(x), Principal::Staff(y)) => x.id == y.id && x.roles == y.roles,
        _ => false,
    }
}

async fn run(state: AppState, session: Session, mut chat: SocketSession, mut socket: WebSocket) {
    let listener = match socket::listener_for(&state, chat.who()).await {
        Ok(l) => l,
        Err(e) => {
            tracing::warn!(error = %e, "chat socket set-up failed");
            return;
        }
    };
    let mut sub = state.hub.register(listener.clone());
    let presence_row = presence::connected(&state, &listener).await;
    let mut out = vec![Out::Own(chat.hello())];
    let mut recheck =
        tokio::time::interval(Duration::from_secs(state.config.socket_recheck_secs.max(1)));
    recheck.tick().await;
    let mut close: Option<(u16, &'static str)> = None;
    loop {
        if !send_all(&mut socket, &mut out).await {
            break;
        }
        if chat.take_recheck() && !still_valid(&state, &session, &chat).await {
            close = Some((4401, "signed out"));
            break;
        }
        if chat.resuming() {
            // One conversation of a resume at a time, its frames sent before
            // the next is read; live events keep flowing meanwhile.
            chat.resume_next(&mut out).await;
            while let Ok(d) = sub.rx.try_recv() {
                chat.on_delivery(d, &mut out).await;
            }
            continue;
        }
        tokio::select! {
            frame = socket.recv() => match frame {
                Some(Ok(WsMessage::Text(text))) => chat.on_frame(text.as_str(), &mut out).await,
                Some(Ok(WsMessage::Binary(_))) => out.push(Out::Own(shipdesk::chat::wire::ServerMsg::bad_frame())),
                Some(Ok(WsMessage::Close(_))) | None => break,
                Some(Ok(_)) => {} // ping/pong: answered by the library
                Some(Err(_)) => break,
            },
            delivery = sub.rx.recv() => match delivery {
                Some(d) => chat.on_delivery(d, &mut out).await,
                None => {
                    // The hub dropped this socket (it fell behind).
                    close = Some((1013, "behind: reconnect and resume"));
                    break;
                }
            },
            _ = recheck.tick() => {
                if !still_valid(&state, &session, &chat).await {
                    close = Some((4401, "signed out"));
                    break;
                }
            }
        }
    }
    if let Some((code, reason)) = close {
        let _ = socket
            .send(WsMessage::Close(Some(CloseFrame {
                code,
                reason: reason.into(),
            })))
            .await;
    }
    // (The hub may have dropped it already, when it fell behind.)
    state.hub.unregister(sub.id);
    presence::disconnected(&state, listener, presence_row);
}

/// Is the socket's session still signed in, as the same person with the
/// same roles?
async fn still_valid(state: &AppState, session: &Session, chat: &SocketSession) -> bool {
    still_signed_in(state, session).await
        && matches!(
            principal_in(state, session).await,
            Ok(Some(p)) if same_person(&p, chat.who())
        )
}

/// Is the session still in the store? (The socket's `Session` holds the
/// record it loaded at the upgrade; a sign-out elsewhere deletes the record.)
async fn still_signed_in(state: &AppState, session: &Session) -> bool {
    let Some(id) = session.id() else {
        return false;
    };
    matches!(
        DbSessionStore::of(&state).load(&id).await,
        Ok(Some(record)) if record.data.contains_key(shipdesk_app::server::USER_KEY)
    )
}
