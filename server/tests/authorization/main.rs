//! Who may call what, over HTTP: every server function, the chat socket,
//! uploads, downloads and the old client's endpoint, called by each kind of
//! caller. An allowed cell calls a real target and must succeed (its status
//! and a field of its answer); a refused one must get exactly its status.
//! A registered server function missing from the matrix fails
//! `the_matrix_names_every_server_function`, so the matrix stays complete.

#[path = "../support/mod.rs"]
mod support;

mod check;
mod fixtures;
mod targets;
mod world;

use std::collections::BTreeSet;

use targets::{target, Req};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use world::{Caller, Who, World};

use check::Answer;

/// Columns, in the order of `Who::ALL`.
const CALLERS: [&str; 12] = [
    "anonymous",
    "admin",
    "cs (assignee)",
    "cs (same desk, not assignee)",
    "sales (owner)",
    "ops",
    "finance",
    "provider",
    "member",
    "member of another company",
    "sales+cs (other desk)",
    "API token (admin's), no session",
];

/// The answer of each endpoint per caller: 200 (or 101 for the socket) is
/// a success whose answer is checked; anything else an exact refusal. Rows
/// run in order: `chat_set_status` changes the agents' statuses, and the
/// sign-ins and `logout` end the callers' sessions, so they come last.
/// Members never learn of others' conversations (404); downloads answer
/// 404 to anyone who may not read the conversation.
#[rustfmt::skip]
const MATRIX: &[(&str, [u16; 12])] = &[
    //                                 anon adm  cs   peer sale ops  fin  prov mem  out  s+cs token
    ("request_login_code",            [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("current_user",                  [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("set_language",                  [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("list_staff",                    [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("create_staff",                  [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("set_staff_roles",               [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("reset_staff_password",          [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("set_staff_disabled",            [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("list_companies",                [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 401]),
    ("get_company",                   [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 401]),
    ("create_company",                [401, 200, 403, 403, 200, 403, 403, 403, 403, 403, 200, 401]),
    ("update_company",                [401, 200, 403, 403, 200, 403, 403, 403, 403, 403, 200, 401]),
    ("set_company_owner",             [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("add_member",                    [401, 200, 403, 403, 200, 403, 403, 403, 403, 403, 200, 401]),
    ("set_member_disabled",           [401, 200, 403, 403, 200, 403, 403, 403, 403, 403, 200, 401]),
    ("list_salespeople",              [401, 200, 403, 403, 200, 403, 403, 403, 403, 403, 200, 401]),
    ("my_company",                    [401, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 401]),
    ("create_api_token",              [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 200, 401]),
    ("list_api_tokens",               [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 200, 401]),
    ("list_all_api_tokens",           [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("revoke_api_token",              [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 200, 401]),
    ("webhook_list",                  [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("webhook_create",                [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("webhook_set_active",            [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("webhook_rotate_secret",         [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("webhook_deliveries",            [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("partner_token",                 [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("list_partner_apps",             [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("create_partner_app",            [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("update_partner_app",            [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("set_partner_app_enabled",       [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("rotate_partner_app_secret",     [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("list_partner_requests",         [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("parse_inquiry",                 [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401]),
    ("get_quote_form",                [401, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 401]),
    ("search_quotes",                 [401, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 401]),
    ("save_quote",                    [401, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 401]),
    ("get_quote",                     [401, 200, 200, 200, 200, 200, 200, 403, 200, 404, 200, 401]),
    ("list_quotes",                   [401, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 401]),
    ("list_channels",                 [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 401]),
    ("get_channel",                   [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 401]),
    ("save_channel",                  [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("set_channel_enabled",           [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("read_channel_table",            [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("list_price_levels",             [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 401]),
    ("save_price_level",              [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("delete_price_level",            [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("set_company_price_level",       [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("get_company_price_level",       [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 401]),
    ("list_channel_libraries",        [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 401]),
    ("precheck_channel_library",      [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("save_channel_library",          [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("delete_channel_library",        [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("list_channel_tags",             [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 401]),
    ("add_channel_tag",               [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("delete_channel_tag",            [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("list_pickup_slots",             [401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 401]),
    ("save_pickup_slot",              [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("delete_pickup_slot",            [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("get_pickup_times",              [401, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 401]),
    ("post_inquiry",                  [401, 200, 200, 200, 200, 200, 403, 403, 200, 200, 200, 401]),
    ("list_my_inquiries",             [401, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 401]),
    ("delete_my_inquiry",             [401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 401]),
    ("clear_my_inquiries",            [401, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 401]),
    ("list_inquiries",                [401, 200, 200, 200, 200, 200, 403, 403, 403, 403, 200, 401]),
    ("count_inquiries",               [401, 200, 200, 200, 200, 200, 403, 403, 403, 403, 200, 401]),
    ("answer_inquiry",                [401, 200, 200, 200, 200, 200, 403, 403, 403, 403, 200, 401]),
    ("set_inquiry_status",            [401, 200, 200, 200, 200, 200, 403, 403, 403, 403, 200, 401]),
    ("get_inquiry_settings",          [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("save_inquiry_settings",         [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("send_robot_test",               [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("book_order",                    [401, 403, 403, 403, 403, 403, 403, 403, 200, 422, 403, 401]),
    ("get_order",                     [401, 200, 200, 200, 200, 200, 200, 404, 200, 404, 200, 401]),
    ("find_order",                    [401, 200, 200, 200, 200, 200, 200, 404, 200, 404, 200, 401]),
    ("get_order_brief",               [401, 200, 200, 200, 200, 200, 200, 404, 200, 404, 200, 401]),
    ("list_orders",                   [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401]),
    ("count_orders",                  [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401]),
    ("get_export_progress",           [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401]),
    ("confirm_order",                 [401, 200, 403, 403, 403, 200, 403, 404, 403, 404, 403, 401]),
    ("reject_order",                  [401, 200, 403, 403, 403, 200, 403, 404, 403, 404, 403, 401]),
    ("cancel_order",                  [401, 200, 403, 403, 403, 200, 403, 404, 200, 404, 403, 401]),
    ("move_order",                    [401, 200, 403, 403, 403, 200, 403, 404, 403, 404, 403, 401]),
    ("receive_order",                 [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("list_parcels",                  [401, 200, 200, 200, 200, 200, 200, 404, 200, 404, 200, 401]),
    ("track_parcel",                  [401, 200, 200, 200, 200, 200, 200, 404, 200, 404, 200, 401]),
    ("track_transfer",                [401, 200, 200, 200, 200, 200, 200, 200, 200, 404, 200, 401]),
    ("preview_transfers",             [401, 200, 403, 403, 403, 200, 403, 200, 403, 403, 403, 401]),
    ("apply_transfers",               [401, 200, 403, 403, 403, 200, 403, 200, 403, 403, 403, 401]),
    ("list_providers",                [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("assign_provider",               [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("save_parcel",                   [401, 200, 403, 403, 403, 200, 403, 404, 200, 404, 403, 401]),
    ("delete_parcel",                 [401, 200, 403, 403, 403, 200, 403, 404, 200, 404, 403, 401]),
    ("create_act_as_token",           [401, 403, 403, 403, 200, 403, 403, 403, 403, 403, 404, 401]),
    ("book_quick_order",              [401, 403, 403, 403, 200, 403, 403, 403, 403, 403, 422, 401]),
    ("check_pickup",                  [401, 200, 403, 403, 403, 200, 403, 404, 200, 404, 403, 401]),
    ("save_pickup",                   [401, 200, 403, 403, 403, 200, 403, 404, 200, 404, 403, 401]),
    ("list_pickups",                  [401, 200, 403, 403, 403, 200, 403, 403, 200, 200, 403, 401]),
    ("cancel_pickup",                 [401, 200, 403, 403, 403, 200, 403, 404, 200, 404, 403, 401]),
    ("list_pickup_cancel_reasons",    [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401]),
    ("add_pickup_cancel_reason",      [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("list_alerts",                   [401, 200, 200, 200, 200, 200, 403, 403, 200, 200, 200, 401]),
    ("close_alert",                   [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("get_alert_settings",            [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 401]),
    ("save_alert_settings",           [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("detect_courier",                [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401]),
    ("list_partner_functions",        [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_roles",                    [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401]),
    ("chat_open",                     [401, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 401]),
    ("chat_my_conversations",         [401, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 401]),
    ("chat_messages",                 [401, 200, 200, 200, 403, 403, 403, 403, 200, 404, 403, 401]),
    ("chat_conversation",             [401, 200, 200, 200, 403, 403, 403, 403, 200, 404, 403, 401]),
    ("chat_send",                     [401, 200, 200, 403, 403, 403, 403, 403, 200, 404, 403, 401]),
    ("chat_mark_read",                [401, 200, 200, 403, 403, 403, 403, 403, 200, 404, 403, 401]),
    ("chat_recall",                   [401, 200, 200, 403, 403, 403, 403, 403, 200, 404, 403, 401]),
    ("chat_agent_list",               [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 401]),
    ("chat_history",                  [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 401]),
    ("chat_my_roles",                 [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 401]),
    ("chat_my_status",                [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 401]),
    ("chat_claim",                    [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 401]),
    ("chat_start",                    [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 401]),
    ("chat_transfer",                 [401, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_agents",                   [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 401]),
    ("chat_all_agents",               [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_canned",                   [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 401]),
    ("chat_take_over",                [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_release",                  [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_resolve",                  [401, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_reactivate",               [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_create_role",              [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_set_agent",                [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_create_canned",            [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("chat_delete_canned",            [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401]),
    ("GET /ws",                       [401, 101, 101, 101, 403, 403, 403, 403, 101, 101, 101, 401]),
    ("POST /chat/upload",             [401, 200, 200, 403, 403, 403, 403, 403, 200, 404, 403, 401]),
    ("GET /chat/files/{key}",         [401, 200, 200, 200, 404, 404, 404, 404, 200, 404, 404, 401]),
    ("GET /im/cs/find-history-sessions",
                                      [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200]),
    ("chat_set_status",               [401, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 401]),
    ("staff_login",                   [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("member_login",                  [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("logout",                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
];

/// Makes the request of `req` as `caller`.
async fn perform(w: &World, caller: &Caller, endpoint: &str, req: Req) -> Answer {
    let c = &caller.client;
    let res = match req {
        Req::Api(body) => w.app.post(c, endpoint, body).await,
        Req::Socket => return socket(w, caller).await,
        Req::Upload {
            conversation,
            name,
            bytes,
        } => {
            let url = w.app.url(&format!(
                "/chat/upload?conversation_id={conversation}&name={name}"
            ));
            c.post(url).body(bytes).send().await.unwrap()
        }
        Req::Download(key) => c
            .get(w.app.url(&format!("/chat/files/{key}")))
            .send()
            .await
            .unwrap(),
        Req::Compat(query) => {
            let url = w.app.url(&format!("/im/cs/find-history-sessions?{query}"));
            c.get(url).send().await.unwrap()
        }
    };
    Answer {
        status: res.status().as_u16(),
        set_cookies: res
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect(),
        bytes: res.bytes().await.unwrap_or_default().to_vec(),
    }
}

/// Opens the chat socket with the caller's cookies (or token).
async fn socket(w: &World, caller: &Caller) -> Answer {
    let url = format!("{}/ws", w.app.base.replace("http://", "ws://"));
    let mut req = url.into_client_request().unwrap();
    if let Some(cookie) = caller.cookie(&w.app.base) {
        let value = HeaderValue::from_bytes(cookie.as_bytes()).unwrap();
        req.headers_mut().insert("cookie", value);
    }
    if let Some(token) = &caller.token {
        req.headers_mut()
            .insert("token", HeaderValue::from_str(token).unwrap());
    }
    let status = match tokio_tungstenite::connect_async(req).await {
        Ok((mut s, res)) => {
            let _ = s.close(None).await;
            res.status().as_u16()
        }
        Err(tokio_tungstenite::tungstenite::Error::Http(res)) => res.status().as_u16(),
        Err(e) => panic!("socket: {e}"),
    };
    Answer {
        status,
        set_cookies: vec![],
        bytes: vec![],
    }
}

#[tokio::test]
async fn every_endpoint_answers_each_caller_as_the_matrix_says() {
    let w = World::new().await;
    let mut wrong = vec![];
    let mut successes = 0;

    for (endpoint, expected) in MATRIX {
        for (who, want) in Who::ALL.into_iter().zip(expected) {
            let t = target(&w, endpoint, who).await;
            let caller = w.caller(who);
            let answer = perform(&w, caller, endpoint, t.req).await;
            let name = CALLERS[who as usize];
            if answer.status != *want {
                let body = String::from_utf8_lossy(&answer.bytes);
                let body: String = body.chars().take(300).collect();
                wrong.push(format!(
                    "{endpoint} as {name}: want {want}, got {} {body}",
                    answer.status
                ));
            } else if matches!(want, 101 | 200) {
                match t.check.verify(&w, caller, &answer).await {
                    Ok(()) => successes += 1,
                    Err(e) => wrong.push(format!("{endpoint} as {name}: {e}")),
                }
            }
        }
        w.tidy().await;
    }

    assert!(
        wrong.is_empty(),
        "{} cells differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let allowed = MATRIX
        .iter()
        .flat_map(|(_, row)| row)
        .filter(|s| matches!(s, 101 | 200))
        .count();
    assert_eq!(successes, allowed, "every allowed cell succeeded");
}

#[test]
fn the_matrix_names_every_server_function() {
    let registered: BTreeSet<&str> = leptos::server_fn::axum::server_fn_paths()
        .filter_map(|(path, _)| path.strip_prefix("/api/"))
        .collect();
    assert!(
        registered.contains("staff_login"),
        "the app's server functions are linked in: {registered:?}"
    );
    let in_matrix: BTreeSet<&str> = MATRIX
        .iter()
        .map(|(e, _)| *e)
        .filter(|e| !e.contains(' '))
        .collect();
    let missing: Vec<_> = registered.difference(&in_matrix).collect();
    let unknown: Vec<_> = in_matrix.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "server functions missing from the authorization matrix: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "rows of the matrix that are no server function: {unknown:?}"
    );
    let rows: Vec<_> = MATRIX.iter().map(|(e, _)| *e).collect();
    let unique: BTreeSet<_> = rows.iter().collect();
    assert_eq!(unique.len(), rows.len(), "each endpoint has one row");
}
