//! Who may call which server function, over HTTP: every endpoint called by an
//! anonymous visitor, a staff member of each role and a customer member.

mod support;

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use support::{client, spawn_app, TestApp};

/// Not refused: any answer but 401, 403 or a server error (the call may still
/// be refused for its input).
const OK: u16 = 0;

const CALLERS: [&str; 8] = [
    "anonymous",
    "admin",
    "cs",
    "sales",
    "ops",
    "finance",
    "provider",
    "member",
];

/// The expected answer of each endpoint per caller, in the order of `CALLERS`.
/// `logout` comes last: it ends the callers' sessions.
#[rustfmt::skip]
const MATRIX: &[(&str, [u16; 8])] = &[
    //                        anon  admin cs   sales ops  fin  prov member
    ("staff_login",          [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("request_login_code",   [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("member_login",         [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("current_user",         [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("set_language",         [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("list_staff",           [401, OK,   403, 403,  403, 403, 403, 403]),
    ("create_staff",         [401, OK,   403, 403,  403, 403, 403, 403]),
    ("set_staff_roles",      [401, OK,   403, 403,  403, 403, 403, 403]),
    ("reset_staff_password", [401, OK,   403, 403,  403, 403, 403, 403]),
    ("set_staff_disabled",   [401, OK,   403, 403,  403, 403, 403, 403]),
    ("list_companies",       [401, OK,   OK,  OK,   OK,  OK,  403, 403]),
    ("get_company",          [401, OK,   OK,  OK,   OK,  OK,  403, 403]),
    ("create_company",       [401, OK,   403, OK,   403, 403, 403, 403]),
    ("update_company",       [401, OK,   403, OK,   403, 403, 403, 403]),
    ("set_company_owner",    [401, OK,   403, 403,  403, 403, 403, 403]),
    ("add_member",           [401, OK,   403, OK,   403, 403, 403, 403]),
    ("set_member_disabled",  [401, OK,   403, OK,   403, 403, 403, 403]),
    ("list_salespeople",     [401, OK,   403, OK,   403, 403, 403, 403]),
    ("my_company",           [401, 403,  403, 403,  403, 403, 403, OK ]),
    ("create_api_token",     [401, OK,   OK,  OK,   OK,  OK,  OK,  403]),
    ("list_api_tokens",      [401, OK,   OK,  OK,   OK,  OK,  OK,  403]),
    ("revoke_api_token",     [401, OK,   OK,  OK,   OK,  OK,  OK,  403]),
    ("webhook_list",         [401, OK,   403, 403,  403, 403, 403, 403]),
    ("webhook_create",       [401, OK,   403, 403,  403, 403, 403, 403]),
    ("webhook_set_active",   [401, OK,   403, 403,  403, 403, 403, 403]),
    ("webhook_rotate_secret",[401, OK,   403, 403,  403, 403, 403, 403]),
    ("webhook_deliveries",   [401, OK,   403, 403,  403, 403, 403, 403]),
    ("chat_roles",           [401, OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("chat_open",            [401, 403,  403, 403,  403, 403, 403, OK ]),
    ("chat_my_conversations",[401, 403,  403, 403,  403, 403, 403, OK ]),
    ("chat_messages",        [401, OK,   OK,  403,  403, 403, 403, OK ]),
    ("chat_conversation",    [401, OK,   OK,  403,  403, 403, 403, OK ]),
    ("chat_send",            [401, OK,   OK,  403,  403, 403, 403, OK ]),
    ("chat_mark_read",       [401, OK,   OK,  403,  403, 403, 403, OK ]),
    ("chat_recall",          [401, OK,   OK,  403,  403, 403, 403, OK ]),
    ("chat_agent_list",      [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_history",         [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_my_roles",        [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_my_status",       [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_set_status",      [401, 403,  OK,  403,  403, 403, 403, 403]),
    ("chat_claim",           [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_start",           [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_transfer",        [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_agents",          [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_all_agents",      [401, OK,   403, 403,  403, 403, 403, 403]),
    ("chat_canned",          [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_take_over",       [401, OK,   403, 403,  403, 403, 403, 403]),
    ("chat_release",         [401, OK,   403, 403,  403, 403, 403, 403]),
    ("chat_resolve",         [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_reactivate",      [401, OK,   OK,  403,  403, 403, 403, 403]),
    ("chat_create_role",     [401, OK,   403, 403,  403, 403, 403, 403]),
    ("chat_set_agent",       [401, OK,   403, 403,  403, 403, 403, 403]),
    ("chat_create_canned",   [401, OK,   403, 403,  403, 403, 403, 403]),
    ("chat_delete_canned",   [401, OK,   403, 403,  403, 403, 403, 403]),
    ("logout",               [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
];

/// What the calls work on.
struct Fixtures {
    target_staff: i64,
    sales: i64,
    company: i64,
    other_member: i64,
    cs: i64,
    member: i64,
    role: i64,
    conversation: i64,
}

/// A valid-looking body for `endpoint`; `n` (the caller's column) keeps
/// phones and accounts apart so that no call trips over an earlier one.
fn body(endpoint: &str, f: &Fixtures, n: usize) -> Value {
    let company_input = json!({
        "name": format!("Company {n}"), "code": "", "owner_staff_id": null,
        "contact_name": "", "contact_phone": "", "address": ""
    });
    match endpoint {
        "staff_login" => json!({"account": "nobody", "password": "wrong-password1"}),
        "request_login_code" => json!({"phone": format!("1390000000{n}")}),
        "member_login" => json!({"phone": format!("1390000000{n}"), "code": "000000"}),
        "set_language" => json!({"lang": "en"}),
        "list_staff" => json!({"filter": {"q": null, "role": null}, "page": 1, "size": 20}),
        "create_staff" => json!({"input": {
            "account": format!("new{n}"), "name": "New", "password": "letters123", "roles": ["cs"]
        }}),
        "set_staff_roles" => json!({"id": f.target_staff, "roles": ["cs"]}),
        "reset_staff_password" => json!({"id": f.target_staff, "password": "newpass123"}),
        "set_staff_disabled" => json!({"id": f.target_staff, "disabled": false}),
        "list_companies" => {
            json!({"filter": {"q": null, "certification": null}, "page": 1, "size": 20})
        }
        "get_company" => json!({"id": f.company}),
        "create_company" => json!({"input": company_input}),
        "update_company" => json!({"id": f.company, "input": {
            "name": "Acme Ltd", "contact_name": "", "contact_phone": "", "address": "",
            "certification": "none"
        }}),
        "set_company_owner" => json!({"id": f.company, "owner_staff_id": f.sales}),
        "add_member" => json!({"company_id": f.company, "input": {
            "name": "New", "phone": format!("1370000000{n}")
        }}),
        "set_member_disabled" => {
            json!({"company_id": f.company, "member_id": f.other_member, "disabled": false})
        }
        "create_api_token" => json!({"name": "integration"}),
        "webhook_create" => {
            json!({"input": {"url": "https://hooks.example.com/hook", "events": ["message.created"]}})
        }
        "webhook_set_active" => json!({"id": 1, "active": false}),
        "webhook_rotate_secret" => json!({"id": 1}),
        "webhook_deliveries" => json!({"webhook_id": 1, "page": 1, "size": 20}),
        "revoke_api_token" => json!({"id": 1}),
        "chat_open" => json!({"role_id": f.role}),
        "chat_messages" => json!({"conversation_id": f.conversation, "after_seq": 0, "limit": 50}),
        "chat_conversation" | "chat_claim" | "chat_take_over" | "chat_release" | "chat_resolve"
        | "chat_reactivate" => json!({"conversation_id": f.conversation}),
        "chat_send" => json!({"input": {
            "conversation_id": f.conversation, "client_id": format!("auth-{n}"),
            "kind": "text", "body": "hi", "reply_to_seq": null
        }}),
        "chat_mark_read" => json!({"conversation_id": f.conversation, "seq": 1}),
        // No such message: admitted callers get 404, the others 403 first.
        "chat_recall" => json!({"conversation_id": f.conversation, "seq": 999}),
        "chat_agent_list" => json!({"tab": "current", "role_id": null}),
        "chat_history" => json!({"filter": {"q": null}, "page": 1, "size": 20}),
        "chat_set_status" => json!({"status": "online"}),
        "chat_start" => json!({"member_id": f.member, "role_id": f.role}),
        "chat_transfer" => json!({
            "conversation_id": f.conversation, "to": {"agent": f.cs}, "note": "x"
        }),
        "chat_agents" => json!({"role_id": f.role}),
        "chat_create_role" => json!({"input": {
            "code": format!("role{n}"), "name_zh": "售后", "name_en": "After", "reassign_after_minutes": null
        }}),
        "chat_set_agent" => json!({"staff_id": f.cs, "role_ids": [f.role], "max_concurrent": 5}),
        "chat_create_canned" => {
            json!({"input": {"role_id": null, "title": "问候", "body": "您好"}})
        }
        "chat_delete_canned" => json!({"id": 1}),
        _ => json!({}),
    }
}

/// One client per caller (anonymous first), and the fixtures.
async fn callers(app: &TestApp) -> (Vec<Client>, Fixtures) {
    let mut clients = vec![client()];
    let mut ids = vec![];
    for role in &CALLERS[1..7] {
        let (staff, c) = app.signed_in_staff(&format!("{role}1"), &[role]).await;
        ids.push(staff.id);
        clients.push(c);
    }
    let admin = shipdesk::auth::repo::staff_by_id(&app.state.db, ids[0])
        .await
        .unwrap()
        .unwrap();
    let sales = shipdesk::auth::repo::staff_by_id(&app.state.db, ids[2])
        .await
        .unwrap()
        .unwrap();
    let (company, member) = app
        .company_with_member(&admin, "Acme Ltd", Some(&sales), "13800138001")
        .await;
    // Chat: a role served by the cs caller, and the member's conversation in it.
    let cs = shipdesk::auth::repo::staff_by_id(&app.state.db, ids[1])
        .await
        .unwrap()
        .unwrap();
    let role = shipdesk::testing::cs_role(&app.state, &admin, "presales", None).await;
    shipdesk::chat::admin::set_agent_roles(&app.state, &admin, cs.id, &[role.id], 5)
        .await
        .unwrap();
    shipdesk::chat::agents::set_agent_status(&app.state, &cs, shipdesk::chat::AgentStatus::Online)
        .await
        .unwrap();
    let conversation = shipdesk::chat::send::open_conversation(&app.state, &member, role.id)
        .await
        .unwrap();
    assert_eq!(conversation.assignee_staff_id, Some(cs.id));
    let other = shipdesk::testing::member(&app.state, &admin, &company, "Li", "13800138002").await;
    clients.push(app.signed_in_member("13800138001").await);
    let target = shipdesk::testing::staff(&app.state, "target", &["ops"]).await;
    let fixtures = Fixtures {
        target_staff: target.id,
        sales: sales.id,
        company: company.id,
        other_member: other.id,
        cs: cs.id,
        member: member.id,
        role: role.id,
        conversation: conversation.id,
    };
    (clients, fixtures)
}

fn verdict(status: StatusCode, expected: u16) -> bool {
    match expected {
        OK => {
            status != StatusCode::UNAUTHORIZED
                && status != StatusCode::FORBIDDEN
                && !status.is_server_error()
        }
        code => status.as_u16() == code,
    }
}

#[tokio::test]
async fn every_server_function_admits_exactly_the_callers_of_the_matrix() {
    let app = spawn_app().await;
    let (clients, fixtures) = callers(&app).await;
    let mut wrong = vec![];

    for (endpoint, expected) in MATRIX {
        for (n, client) in clients.iter().enumerate() {
            let (status, answer) = app
                .call(client, endpoint, body(endpoint, &fixtures, n))
                .await;
            if !verdict(status, expected[n]) {
                let want = if expected[n] == OK {
                    "allowed".into()
                } else {
                    expected[n].to_string()
                };
                wrong.push(format!(
                    "{endpoint} as {}: want {want}, got {status} {answer}",
                    CALLERS[n]
                ));
            }
        }
    }

    assert!(
        wrong.is_empty(),
        "{} cells differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
