//! The browser's side of the chat socket: one WebSocket per tab, a reactive
//! store of conversations, messages (by seq, so order and duplicates take
//! care of themselves), read marks and typing, and reconnection with
//! `resume` from the last seq held per conversation. A resume the server
//! capped (`synced` with `more`) is completed over HTTP (`chat_messages`,
//! page by page); a send refused for its rate is tried again a little later.
//! On the server this is inert: pages render their loading state and the
//! socket opens on hydrate.

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;
use shipdesk::chat::wire::{ClientMsg, Cursor, ServerMsg};
use shipdesk::chat::{Conversation, Message, MessageForSend, MessageKind, SenderKind};
use shipdesk::{ErrorKey, Id};

/// The page size of `chat_messages`.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const PAGE: i64 = 200;
/// How long a send refused for its rate waits before it goes again.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const RATE_RETRY_MS: i32 = 2_000;

/// How long the other side's typing line stays after their last typing
/// event (they send one at most every 2 s while typing).
pub const TYPING_MS: f64 = 4_000.0;

/// The live chat state of this tab.
#[derive(Clone, Copy)]
pub struct ChatStore {
    pub connected: RwSignal<bool>,
    /// Messages per conversation, by seq.
    pub messages: RwSignal<HashMap<Id, BTreeMap<i64, Message>>>,
    /// Conversations as the latest event left them.
    pub conversations: RwSignal<HashMap<Id, Conversation>>,
    /// (member's read seq, staff's read seq) per conversation.
    pub reads: RwSignal<HashMap<Id, (i64, i64)>>,
    /// When the other side last typed (ms), per conversation.
    pub typing: RwSignal<HashMap<Id, f64>>,
    /// Sends not yet acknowledged, by client id (resent on reconnect).
    pub pending: RwSignal<BTreeMap<String, MessageForSend>>,
    /// The last error the socket reported (a translation key).
    pub error: RwSignal<Option<ErrorKey>>,
    /// Bumped on every conversation change (a `conversation` event, an
    /// action's answer): lists refetch on it. Messages and read marks do not
    /// bump it: lists derive their badges and order from them
    /// (`live_list`).
    pub changes: RwSignal<u64>,
    /// Bumped per order number on an `order_changed` event: the order
    /// cards showing it read it again.
    pub orders: RwSignal<HashMap<String, u32>>,
}

pub fn now_ms() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}

/// A fresh client id for a message.
pub fn client_id() -> String {
    #[cfg(feature = "hydrate")]
    {
        format!(
            "c{:x}{:08x}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 4_294_967_295.0) as u64
        )
    }
    #[cfg(not(feature = "hydrate"))]
    {
        "c0".into()
    }
}

impl ChatStore {
    fn new() -> Self {
        ChatStore {
            connected: RwSignal::new(false),
            messages: RwSignal::new(HashMap::new()),
            conversations: RwSignal::new(HashMap::new()),
            reads: RwSignal::new(HashMap::new()),
            typing: RwSignal::new(HashMap::new()),
            pending: RwSignal::new(BTreeMap::new()),
            error: RwSignal::new(None),
            changes: RwSignal::new(0),
            orders: RwSignal::new(HashMap::new()),
        }
    }

    /// The newest seq held of a conversation.
    pub fn last_seq(&self, conv: Id) -> i64 {
        self.messages.with_untracked(|m| {
            m.get(&conv)
                .and_then(|b| b.keys().next_back().copied())
                .unwrap_or(0)
        })
    }

    /// Adds messages fetched over HTTP (history); the socket fills in the rest.
    pub fn add_messages(&self, list: Vec<Message>) {
        self.messages.update(|m| {
            for msg in list {
                m.entry(msg.conversation_id)
                    .or_default()
                    .insert(msg.seq, msg);
            }
        });
    }

    /// Follows a conversation: asks the server for everything after what is held.
    pub fn follow(&self, conv: Id) {
        self.messages.update(|m| {
            m.entry(conv).or_default();
        });
        let after = self.last_seq(conv);
        send(ClientMsg::Resume {
            cursors: vec![Cursor {
                conversation_id: conv,
                after_seq: after,
            }],
        });
    }

    pub fn send_text(&self, conv: Id, kind: MessageKind, body: String, reply_to: Option<i64>) {
        let input = MessageForSend {
            conversation_id: conv,
            client_id: client_id(),
            kind,
            body,
            reply_to_seq: reply_to,
        };
        self.pending.update(|p| {
            p.insert(input.client_id.clone(), input.clone());
        });
        send(ClientMsg::Send(input));
    }

    /// Takes the read marks a page loaded with its history (a summary's
    /// `customer_read_seq` / `staff_read_seq`); marks only move forward, so
    /// an older copy never undoes a live `read` event.
    pub fn seed_reads(&self, conv: Id, member_seq: i64, staff_seq: i64) {
        let held = self.reads.with_untracked(|r| r.get(&conv).copied());
        if held.is_some_and(|(m, s)| m >= member_seq && s >= staff_seq) {
            return;
        }
        self.reads.update(|r| {
            let e = r.entry(conv).or_default();
            e.0 = e.0.max(member_seq);
            e.1 = e.1.max(staff_seq);
        });
    }

    pub fn mark_read(&self, conv: Id, seq: i64) {
        send(ClientMsg::Read {
            conversation_id: conv,
            seq,
        });
    }

    /// An action's answer (claimed, resolved, transferred…): the
    /// conversation as it now is, before its live event arrives; lists
    /// refetch.
    pub fn changed(&self, conversation: Conversation) {
        self.conversations.update(|c| {
            c.insert(conversation.id, conversation);
        });
        self.changes.update(|n| *n += 1);
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn on_message(&self, msg: ServerMsg) {
        match msg {
            ServerMsg::Hello { .. } => {
                self.connected.set(true);
                self.error.set(None);
                self.resume_all();
                // Unacknowledged sends go again with the same client ids.
                for input in self.pending.get_untracked().into_values() {
                    send(ClientMsg::Send(input));
                }
            }
            ServerMsg::Message { message } => {
                // A message from the other side ends their typing line at once.
                self.typing.update(|t| {
                    t.remove(&message.conversation_id);
                });
                self.put(message)
            }
            ServerMsg::Ack {
                client_id, message, ..
            } => {
                self.pending.update(|p| {
                    p.remove(&client_id);
                });
                self.put(message);
            }
            ServerMsg::Synced {
                conversation_id,
                last_seq,
                more: true,
            } => self.fetch_after(conversation_id, last_seq),
            ServerMsg::Synced { .. } | ServerMsg::Pong | ServerMsg::AccountChanged => {}
            ServerMsg::Conversation { conversation } => {
                // Read marks only move forward (an older copy never undoes a
                // live `read` event).
                self.reads.update(|r| {
                    let e = r.entry(conversation.id).or_default();
                    e.0 = e.0.max(conversation.customer_read_seq);
                    e.1 = e.1.max(conversation.staff_read_seq);
                });
                self.conversations.update(|c| {
                    c.insert(conversation.id, conversation);
                });
                self.changes.update(|n| *n += 1);
            }
            ServerMsg::Read {
                conversation_id,
                side,
                seq,
            } => self.reads.update(|r| {
                let e = r.entry(conversation_id).or_default();
                match side {
                    SenderKind::Member => e.0 = e.0.max(seq),
                    _ => e.1 = e.1.max(seq),
                }
            }),
            ServerMsg::Typing {
                conversation_id, ..
            } => {
                let at = now_ms();
                self.typing.update(|t| {
                    t.insert(conversation_id, at);
                });
                self.stop_typing_later(conversation_id, at);
            }
            ServerMsg::Recalled {
                conversation_id,
                seq,
            } => self.messages.update(|m| {
                if let Some(msg) = m.get_mut(&conversation_id).and_then(|b| b.get_mut(&seq)) {
                    msg.recalled = true;
                    msg.body.clear();
                }
            }),
            ServerMsg::Presence { .. } => {}
            ServerMsg::Resync => self.resume_all(),
            ServerMsg::OrderChanged { number } => {
                self.orders.update(|m| *m.entry(number).or_default() += 1);
            }
            ServerMsg::Error { client_id, key, .. } => {
                match client_id {
                    Some(id) if key == ErrorKey::SendRateLimited => self.send_later(id),
                    Some(id) => self.pending.update(|p| {
                        p.remove(&id);
                    }),
                    None => {}
                }
                self.error.set(Some(key));
            }
        }
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn put(&self, message: Message) {
        self.messages.update(|m| {
            m.entry(message.conversation_id)
                .or_default()
                .insert(message.seq, message);
        });
    }

    /// Fetches the messages of a conversation after `after` over HTTP, page
    /// by page, until a page is not full.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn fetch_after(&self, conv: Id, after: i64) {
        #[cfg(feature = "hydrate")]
        {
            let store = *self;
            leptos::task::spawn_local(async move {
                let mut after = after;
                loop {
                    match super::api::list_messages(conv, after, Some(PAGE)).await {
                        Ok(list) => {
                            let full = list.len() as i64 >= PAGE;
                            after = list.last().map_or(after, |m| m.seq);
                            store.add_messages(list);
                            if !full {
                                break;
                            }
                        }
                        Err(e) => {
                            store.error.set(Some(e.key()));
                            break;
                        }
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (conv, after);
    }

    /// Clears the other side's typing line `TYPING_MS` after their last
    /// typing event, unless a newer one came meanwhile.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn stop_typing_later(&self, conv: Id, at: f64) {
        #[cfg(feature = "hydrate")]
        {
            let store = *self;
            set_timeout(
                move || {
                    store.typing.update(|t| {
                        if t.get(&conv) == Some(&at) {
                            t.remove(&conv);
                        }
                    });
                },
                std::time::Duration::from_millis(TYPING_MS as u64),
            );
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (conv, at);
    }

    /// Sends a pending message again after a pause (it was refused for its rate).
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn send_later(&self, client_id: String) {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let store = *self;
            let again = wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Some(input) = store.pending.with_untracked(|p| p.get(&client_id).cloned()) {
                    send(ClientMsg::Send(input));
                }
            });
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                again.unchecked_ref(),
                RATE_RETRY_MS,
            );
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = client_id;
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn resume_all(&self) {
        let cursors: Vec<Cursor> = self.messages.with_untracked(|m| {
            m.iter()
                .map(|(id, b)| Cursor {
                    conversation_id: *id,
                    after_seq: b.keys().next_back().copied().unwrap_or(0),
                })
                .collect()
        });
        if !cursors.is_empty() {
            send(ClientMsg::Resume { cursors });
        }
    }
}

/// The tab's store, created (and the socket opened, in the browser) on first use.
pub fn use_chat() -> ChatStore {
    if let Some(s) = use_context::<ChatStore>() {
        return s;
    }
    let store = ChatStore::new();
    provide_context(store);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| socket::open(store));
    store
}

/// Uploads a file to a conversation; the attachment's key, name and type,
/// or an error translation key.
#[cfg(feature = "hydrate")]
pub async fn upload(conv: Id, file: web_sys::File) -> Result<serde_json::Value, ErrorKey> {
    use wasm_bindgen::JsCast;
    let name: String = js_sys::encode_uri_component(&file.name()).into();
    let url = format!("/chat/upload?conversation_id={conv}&name={name}");
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&file);
    let fail = |_| ErrorKey::Internal;
    let res = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str_and_init(&url, &init))
        .await
        .map_err(fail)?;
    let res: web_sys::Response = res.dyn_into().map_err(fail)?;
    let text = wasm_bindgen_futures::JsFuture::from(res.text().map_err(fail)?)
        .await
        .map_err(fail)?
        .as_string()
        .unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    if res.ok() {
        Ok(v)
    } else if res.status() == 413 {
        Err(ErrorKey::AttachmentTooLarge)
    } else if res.status() == 429 {
        Err(ErrorKey::AttachmentDailyQuota)
    } else {
        Err(serde_json::from_value(v["key"].clone()).unwrap_or(ErrorKey::Internal))
    }
}

/// Sends a command if the socket is open (else it is dropped; a reconnect resumes).
pub fn send(msg: ClientMsg) {
    #[cfg(feature = "hydrate")]
    socket::send(&msg);
    #[cfg(not(feature = "hydrate"))]
    let _ = msg;
}

#[cfg(feature = "hydrate")]
mod socket {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;
    use web_sys::{CloseEvent, MessageEvent, WebSocket};

    use super::*;

    thread_local! {
        static SOCKET: RefCell<Option<WebSocket>> = const { RefCell::new(None) };
        static RETRY_MS: RefCell<i32> = const { RefCell::new(500) };
    }

    fn url() -> Option<String> {
        let loc = window().location();
        let scheme = if loc.protocol().ok()? == "https:" {
            "wss"
        } else {
            "ws"
        };
        Some(format!("{scheme}://{}/ws", loc.host().ok()?))
    }

    pub fn send(msg: &ClientMsg) {
        let Ok(text) = serde_json::to_string(msg) else {
            return;
        };
        SOCKET.with(|s| {
            if let Some(ws) = s.borrow().as_ref() {
                if ws.ready_state() == WebSocket::OPEN {
                    let _ = ws.send_with_str(&text);
                }
            }
        });
    }

    pub fn open(store: ChatStore) {
        if SOCKET.with(|s| s.borrow().is_some()) {
            return;
        }
        let Some(url) = url() else { return };
        let Ok(ws) = WebSocket::new(&url) else {
            retry(store);
            return;
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(text) = e.data().as_string() {
                if let Ok(msg) = serde_json::from_str::<ServerMsg>(&text) {
                    RETRY_MS.with(|r| *r.borrow_mut() = 500);
                    store.on_message(msg);
                }
            }
        });
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |_e: CloseEvent| {
            SOCKET.with(|s| *s.borrow_mut() = None);
            store.connected.set(false);
            retry(store);
        });
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        on_close.forget();
        SOCKET.with(|s| *s.borrow_mut() = Some(ws));
    }

    /// Reconnects after a growing pause (0.5 s … 10 s).
    fn retry(store: ChatStore) {
        let wait = RETRY_MS.with(|r| {
            let w = *r.borrow();
            *r.borrow_mut() = (w * 2).min(10_000);
            w
        });
        let again = Closure::once_into_js(move || open(store));
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), wait);
    }
}
