//! Seed 002's v2 ChatMess calls and callbacks in the OpenAPI document
//! (`server/src/compat/chatmess/`): every answer HTTP 200 in the v2
//! envelope, refusals with their `errmsg` codes.

use serde_json::{json, Map, Value};

use super::{int, json_answer, object, op, or_null, text, ADMINS, AGENTS};

/// The v2 envelope with `values` of `schema` (or null in a refusal).
fn v2_envelope(values: Value) -> Value {
    object(
        json!({"requestId": {"type": "null"}, "errmsg": int(), "succeed": {"type": "boolean"},
        "msgTime": text(), "values": {"anyOf": [values, {"type": "null"}]},
        "errdesc": or_null("string")}),
    )
}

fn v2_record() -> Value {
    let mut props = Map::new();
    for f in [
        "ad_chatting_id",
        "ad_chatting_issend",
        "ad_wechat_id",
        "ad_chatting_sate",
    ] {
        props.insert(f.into(), int());
    }
    for f in [
        "ad_chatting_talter",
        "merchantid",
        "ad_chatting_updatetime",
        "ad_sermsgid",
        "ad_chatting_time",
        "ad_chatting_content",
        "ad_friend_photo",
        "ad_friend_name",
        "ad_expand",
        "ad_wechat_nober",
    ] {
        props.insert(f.into(), text());
    }
    props.insert("ad_chatting_resvred".into(), or_null("string"));
    props.insert("ad_staff_code".into(), or_null("string"));
    props.insert("ad_voice_txt".into(), json!({"type": "null"}));
    object(Value::Object(props))
}

/// Adds seed 002's v2 calls and callbacks.
pub(super) fn add_routes(paths: &mut Map<String, Value>) {
    let chat = json!({"wechatId": {"type": ["integer", "string"], "description": "The conversation id."},
        "fansKey": {"type": ["string", "integer"], "description": "The conversation's member id."}});
    let body = |extra: Value, required: &[&str]| {
        let mut props = chat.as_object().unwrap().clone();
        props.extend(extra.as_object().unwrap().clone());
        let mut req = vec!["wechatId", "fansKey"];
        req.extend_from_slice(required);
        json!({"required": true, "content": {"application/json": {"schema":
            {"type": "object", "properties": props, "required": req}}}})
    };
    let num = json!({"type": ["integer", "string"]});
    let session = object(
        json!({"wechatId": int(), "fansKey": text(), "state": text(),
        "staffId": or_null("integer")}),
    );
    let ops: [(&str, &str, &str, &str, Value, Value); 6] = [
        ("GetChat", "读取聊天记录: a page of a conversation's messages, oldest first.",
         "`ad_chatting_id` is the message's seq: pass the last one held as `minChattingId` to get \
exactly the messages after it, in order. `ad_chatting_sate`: 1 text, 3 image, 496 file, 8220 \
reply, 49 card, 10000 system line. Staff notes are never listed.", AGENTS,
         body(json!({"pageIndex": num, "pageSize": num, "startTimestamp": num, "endTimestamp": num,
            "minChattingId": num, "wechatKey": text()}), &[]),
         json!({"type": "array", "items": v2_record()})),
        ("SendMsg", "发送消息: sends a message as the token's staff member.",
         "`msgType` 1 text, 2/3 image and 496 file (`content`: an upload's key), 8220 reply \
(`quoteChattingId`); other types answer errmsg 40004. The same `clientMsgId` never sends twice.",
         "an API token of staff: admin, or the cs assignee",
         body(json!({"msgType": num, "content": text(), "quoteChattingId": num, "clientMsgId": text()}),
            &["msgType", "content"]), v2_record()),
        ("Takeover", "申请接管: a supervisor takes the conversation over.",
         "The agent it came from gets it back on release.", ADMINS, body(json!({}), &[]), session.clone()),
        ("Release", "终止接管: the supervisor gives a taken-over conversation back.",
         "To the agent it came from, else to routing.", ADMINS, body(json!({}), &[]), session.clone()),
        ("Activate", "激活会话: re-activates a resolved conversation and takes it.",
         "The caller becomes its assignee.", "an API token of staff: admin, cs serving its desk",
         body(json!({}), &[]), session),
        ("SendNotice", "发送通知: posts a system line both sides see.",
         "Written as the platform, naming the staff member.",
         "an API token of staff: admin, or the cs assignee",
         body(json!({"content": text()}), &["content"]), v2_record()),
    ];
    let v2 = "Every answer is HTTP 200 in the v2 envelope `{requestId, errmsg, succeed, msgTime, \
values, errdesc}`; a refusal has `succeed: false` and `errmsg` one of 40001 (not a JSON object), \
40002 (a field missing), 40003 (a field invalid), 40004 (message type not sent), 40100 (no or a \
bad token), 40300 (not allowed), 40400 (no such conversation for this fan), 40900 (the \
conversation's state forbids it), 42900 (too many sends), 50000 (internal).";
    for (name, summary, doc, callers, request, values) in ops {
        paths.insert(
            format!("/v2/ChatMess/{name}"),
            json!({"post": op(
                &format!("chatmess_{}", name.to_lowercase()),
                &format!("Seed 002 {summary}"),
                &format!("{doc} {v2}"),
                callers,
                json!({"requestBody": request,
                       "responses": {"200": json_answer("The v2 envelope.", v2_envelope(values))}}),
            )}),
        );
    }
    let events = json!({"type": ["array", "string"], "items": text(),
        "description": "Event names (`message.created`, …), a list or comma-separated."});
    let callbacks = [
        (
            "Register",
            "注册回调地址: a webhook delivering events in the v2 event format.",
            json!({"callbackUrl": text(), "events": events}),
            vec!["callbackUrl"],
            object(
                json!({"callbackId": int(), "secret": text(), "events": {"type": "array", "items": text()}}),
            ),
        ),
        (
            "Subscribe",
            "订阅事件: the events a callback gets from now on.",
            json!({"callbackId": {"type": ["integer", "string"]}, "events": events}),
            vec!["callbackId", "events"],
            object(json!({"callbackId": int(), "events": {"type": "array", "items": text()}})),
        ),
    ];
    for (name, summary, props, required, values) in callbacks {
        paths.insert(format!("/v2/Callback/{name}"), json!({"post": op(
            &format!("chatmess_callback_{}", name.to_lowercase()),
            &format!("Seed 002 {summary}"),
            &format!("Bodies are `{{requestId: \"evt_<id>\", errmsg: 0, succeed: true, msgTime, \
eventType, values: <the event's data>, errdesc: null}}`, signed like every webhook. The secret is \
shown once, on Register. {v2}"),
            ADMINS,
            json!({"requestBody": {"required": true, "content": {"application/json": {"schema":
                    {"type": "object", "properties": props, "required": required}}}},
                   "responses": {"200": json_answer("The v2 envelope.", v2_envelope(values))}}),
        )}));
    }
}
