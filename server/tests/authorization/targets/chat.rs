//! Targets of chat: the server functions, the socket, uploads, downloads
//! and the old client's history endpoint.

use serde_json::{json, Value};
use shipdesk::auth::Principal;
use shipdesk::chat;

use super::{api, Req, Target};
use crate::check::{field, has, none, then, Check};
use crate::world::{Who, World};

fn conversation_id(c: &chat::Conversation) -> Value {
    json!({"conversation_id": c.id})
}

/// A status an agent caller is not in yet (their next one).
fn other_status(who: Who) -> &'static str {
    match who {
        Who::CsPeer => "online",
        _ => "busy",
    }
}

pub async fn target(w: &World, endpoint: &str, who: Who) -> Option<Target> {
    let t = match endpoint {
        "chat_roles" => api(none(), has("", "/id", w.desk.id)),
        "chat_open" => {
            let me = if who == Who::Outsider {
                w.outsider.id
            } else {
                w.member.id
            };
            api(json!({"desk_id": w.desk.id}), field("/member_id", me))
        }
        "chat_my_conversations" => {
            let c = if who == Who::Outsider {
                let c =
                    chat::service::send::open_conversation(w.state(), &w.outsider, w.other_desk.id);
                c.await.unwrap()
            } else {
                w.conversation(who).await
            };
            api(none(), has("", "/conversation/id", c.id))
        }
        "chat_messages" => {
            let c = w.conversation(who).await;
            let body = json!({"conversation_id": c.id, "after_seq": 0, "limit": 50});
            api(body, field("/0/body", "hello"))
        }
        "chat_conversation" => {
            let c = w.conversation(who).await;
            api(conversation_id(&c), field("/conversation/id", c.id))
        }
        "chat_send" => {
            let c = w.conversation(who).await;
            let body = json!({"input": {
                "conversation_id": c.id, "client_id": format!("matrix-{}", w.n()),
                "kind": "text", "body": "hi", "reply_to_seq": null
            }});
            api(body, field("/0/body", "hi"))
        }
        "chat_mark_read" => {
            let c = w.conversation(who).await;
            api(json!({"conversation_id": c.id, "seq": 1}), field("", 1))
        }
        "chat_recall" => {
            // The caller's own message when they may write, the member's otherwise.
            let c = w.conversation(who).await;
            let m = w.say(&c, &w.writer(who, &c).await, "oops").await;
            let body = json!({"conversation_id": c.id, "seq": m.seq});
            api(body, field("/recalled", true))
        }
        "chat_agent_list" => {
            let c = w.assigned_to(who).await;
            // `role_id`: the name older clients send.
            let body = json!({"tab": "current", "role_id": null});
            api(body, has("", "/conversation/id", c.id))
        }
        "chat_history" => {
            let c = w.assigned_to(who).await;
            let phone = w.member_of(&c).await.phone;
            let body = json!({"filter": {"q": phone}, "page": 1, "size": 20});
            api(body, has("/items", "/conversation/id", c.id))
        }
        "chat_my_roles" => api(none(), has("", "/id", w.desk_of(who).id)),
        "chat_my_status" => {
            let status = match who {
                Who::Admin => Value::Null,
                Who::CsPeer => "busy".into(),
                _ => "online".into(),
            };
            let pointer = if who == Who::Admin { "" } else { "/status" };
            api(none(), field(pointer, status))
        }
        "chat_set_status" => {
            let status = other_status(who);
            let shown = then("chat_my_status", none(), field("/status", status));
            api(json!({"status": status}), shown)
        }
        "chat_claim" => {
            let c = w.queued(who).await;
            let me = w.staff(who).map(|s| s.id);
            api(conversation_id(&c), field("/assignee_staff_id", me))
        }
        "chat_start" => {
            let m = w.fresh_member(&w.company).await;
            let me = w.staff(who).map(|s| s.id);
            let body = json!({"member_id": m.id, "desk_id": w.desk_of(who).id});
            api(body, field("/assignee_staff_id", me))
        }
        "chat_transfer" => {
            let c = w.conversation(who).await;
            let body = json!({"conversation_id": c.id, "to": {"agent": w.peer.id}, "note": "x"});
            api(body, field("/assignee_staff_id", w.peer.id))
        }
        "chat_agents" => api(json!({"desk_id": w.desk.id}), has("", "/staff_id", w.cs.id)),
        "chat_all_agents" => {
            let desks = Check::Item {
                list: "",
                key: "/load/staff_id",
                id: w.cs.id.into(),
                field: "/desk_ids",
                value: json!([w.desk.id]),
            };
            api(none(), desks)
        }
        "chat_canned" => {
            let id = w.canned(Some(w.desk_of(who).id)).await;
            api(none(), has("", "/id", id))
        }
        "chat_take_over" => {
            let c = w.conversation(who).await;
            api(conversation_id(&c), field("/assignee_staff_id", w.admin.id))
        }
        "chat_release" => {
            let c = w.conversation(who).await;
            chat::service::handover::take_over(w.state(), &w.admin, c.id)
                .await
                .unwrap();
            api(conversation_id(&c), field("/assignee_staff_id", w.cs.id))
        }
        "chat_resolve" => {
            let c = w.conversation(who).await;
            api(conversation_id(&c), field("/status", "resolved"))
        }
        "chat_reactivate" => {
            let c = w.conversation(who).await;
            chat::service::agent::resolve(w.state(), &w.admin, c.id)
                .await
                .unwrap();
            let me = w.staff(who).map(|s| s.id);
            api(conversation_id(&c), field("/assignee_staff_id", me))
        }
        _ => return admin(w, endpoint, who).await,
    };
    Some(t)
}

/// Chat set-up (admins) and the endpoints that are not server functions.
async fn admin(w: &World, endpoint: &str, who: Who) -> Option<Target> {
    let t = match endpoint {
        "chat_create_role" => {
            let code = format!("desk{}", w.n());
            let body = json!({"input": {
                "code": code, "name_zh": "售后", "name_en": "After", "reassign_after_minutes": null
            }});
            api(body, field("/code", code))
        }
        "chat_set_agent" => {
            let s = w.fresh_staff(&["cs"]).await;
            let body = json!({"staff_id": s.id, "desk_ids": [w.desk.id], "max_concurrent": 7});
            let set = Check::Item {
                list: "",
                key: "/load/staff_id",
                id: s.id.into(),
                field: "/load/max_concurrent",
                value: 7.into(),
            };
            api(body, then("chat_all_agents", none(), set))
        }
        "chat_create_canned" => {
            let title = format!("Greeting {}", w.n());
            // `role_id`: the name older clients send.
            let body = json!({"input": {"role_id": null, "title": title, "body": "您好"}});
            api(body, field("/title", title))
        }
        "chat_delete_canned" => {
            let id = w.canned(None).await;
            let gone = Check::Absent {
                list: "",
                key: "/id",
                id: id.into(),
            };
            api(json!({"id": id}), then("chat_canned", none(), gone))
        }
        "GET /ws" => Target {
            req: Req::Socket,
            check: Check::Upgraded,
        },
        "POST /chat/upload" => {
            let c = w.conversation(who).await;
            Target {
                req: Req::Upload {
                    conversation: c.id,
                    name: "note.txt",
                    bytes: b"a note".to_vec(),
                },
                check: field("/conversation_id", c.id),
            }
        }
        "GET /chat/files/{key}" => {
            let c = w.conversation(who).await;
            let cs = Principal::Staff(w.cs.clone());
            let bytes = format!("file {}", w.n()).into_bytes();
            let a = chat::service::attachment::upload(
                w.state(),
                &cs,
                c.id,
                "f.txt",
                Some(bytes.len() as u64),
                &bytes[..],
            )
            .await
            .unwrap();
            Target {
                req: Req::Download(a.key),
                check: Check::Bytes(bytes),
            }
        }
        "GET /im/cs/find-history-sessions" => {
            let c = w.conversation(who).await;
            let m = w.member_of(&c).await;
            let record = format!("0_{}", c.id);
            Target {
                req: Req::Compat(format!("name={}&page=1&size=10", m.phone)),
                check: has("/data/records", "/id", record),
            }
        }
        _ => return None,
    };
    Some(t)
}
