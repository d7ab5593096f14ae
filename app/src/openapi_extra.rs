//! The parts of the OpenAPI document that are not server functions: the
//! chat socket and its frames, uploads and downloads, the health check, the
//! older APIs' endpoints (`openapi_compat`), Kuaidi100's push callback, and
//! the webhooks with their signature and bodies.

use schemars::SchemaGenerator;
use serde_json::{json, Map, Value};
use shipdesk::chat::wire::{ClientMsg, ServerMsg};
use shipdesk::chat::{Conversation, Message};

/// Adds the routes the axum server serves itself.
pub fn add_routes(g: &mut SchemaGenerator, paths: &mut Map<String, Value>) {
    let client = g.subschema_for::<ClientMsg>().to_value();
    let error = g.subschema_for::<shipdesk::AppError>().to_value();
    // A refusal with the error shape (`AppError`).
    let refusal = |text: &str| json!({"description": text, "content": {"application/json": {"schema": error.clone()}}});
    let server = g.subschema_for::<ServerMsg>().to_value();
    paths.insert(
        "/ws".into(),
        json!({"get": {
            "tags": ["realtime"],
            "operationId": "chat_socket",
            "summary": "The chat socket: live messages, read marks, typing, presence.",
            "description": "A WebSocket upgrade (`101`), one per tab, authenticated by the \
session cookie and refused from another origin (`403`). Text frames of at most 64 KB, JSON: \
the client sends `ClientMsg` (`resume` with the last seq held per conversation, `send`, \
`typing`, `read`, `recall`, `status`, `ping`); the server sends `ServerMsg` (`hello`, \
`message`, `ack` after commit, `synced`, `conversation`, `read`, `typing`, `recalled`, \
`presence`, `order_changed` (an order of a company in an open conversation moved: cards read it \
again), `resync`, `error`, `pong`). A bad frame gets an `error` frame and the socket stays \
up; a sign-out elsewhere closes it with code 4401; the session is checked again every 60 s.\n\n\
**Who may call it:** customer members; staff: admin, cs.",
            "x-callers": "customer members; staff: admin, cs",
            "x-client-frames": client,
            "x-server-frames": server,
            "responses": {
                "101": {"description": "Switching to the WebSocket protocol."},
                "400": {"description": "Not a WebSocket upgrade request.", "content": {"text/plain": {"schema": {"type": "string"}}}},
                "401": {"description": "Not signed in."},
                "403": {"description": "Another origin, or a caller who does not chat."},
            },
        }}),
    );
    paths.insert(
        "/chat/upload".into(),
        json!({"post": {
            "tags": ["realtime"],
            "operationId": "chat_upload",
            "summary": "Uploads an image or a file into a conversation; send its key in a message.",
            "description": "The body is the file's bytes (10 MB at most by default). The type \
is read from the content (images, PDF, xlsx/docx/zip, csv/txt), not from the name. The \
answer names the attachment: a message of kind `image` or `file` with the key as its body \
sends it.\n\n**Who may call it:** the conversation's member; staff: admin, or the cs assignee.",
            "x-callers": "the conversation's member; staff: admin, or the cs assignee",
            "parameters": [
                {"name": "conversation_id", "in": "query", "required": true, "schema": {"type": "integer"}},
                {"name": "name", "in": "query", "required": true, "schema": {"type": "string"},
                 "description": "The file's name (cleaned before it is stored)."},
            ],
            "requestBody": {"required": true, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
            "responses": {
                "200": {"description": "Stored.", "content": {"application/json": {"schema": {
                    "type": "object",
                    "properties": {"key": {"type": "string"}, "name": {"type": "string"},
                        "mime": {"type": "string"}, "size": {"type": "integer"}},
                    "required": ["key", "name", "mime", "size"],
                }}}},
                "401": refusal("Not signed in."),
                "404": refusal("No such conversation for this caller."),
                "413": refusal("Larger than the limit."),
                "422": refusal("A refused type, an empty file or a bad name."),
                "429": refusal("The day's upload quota is used up."),
            },
        }}),
    );
    paths.insert(
        "/chat/files/{key}".into(),
        json!({"get": {
            "tags": ["realtime"],
            "operationId": "chat_download",
            "summary": "Downloads an attachment: images inline, other files as downloads.",
            "description": "**Who may call it:** whoever may read the attachment's conversation; \
anyone else gets 404, as if it did not exist.",
            "x-callers": "whoever may read the conversation",
            "parameters": [{"name": "key", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
                "200": {"description": "The file.", "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
                "401": refusal("Not signed in."),
                "404": refusal("No such file for this caller."),
            },
        }}),
    );
    paths.insert(
        "/healthz".into(),
        json!({"get": {
            "tags": ["realtime"],
            "operationId": "healthz",
            "summary": "Liveness and the database's state (`backend`: sqlite or postgres).",
            "security": [],
            "responses": {
                "200": {"description": "Up.", "content": {"application/json": {"schema": {
                    "type": "object",
                    "properties": {"status": {"type": "string"}, "database": {"type": "string"}, "backend": {"type": "string"}},
                }}}},
                "503": {"description": "The database does not answer."},
            },
        }}),
    );
    let refused = |what: &str| json!({"description": what, "content": {"text/html": {"schema": {"type": "string"}}}});
    paths.insert(
        "/partner/login".into(),
        json!({"get": {
            "tags": ["partner"],
            "operationId": "partner_login_link",
            "summary": "A partner's signed one-time login link: opens a session and goes on.",
            "description": "Seed 000's 授权登录接口. The partner builds the link: `signature` is the \
lowercase hex HMAC-SHA256(app secret, app_id + kind + user + timestamp + nonce + next), \
`timestamp` in seconds within 60 s of the server's clock, each nonce once. `kind=staff` signs in \
the staff account `user` (one the app names), `kind=member` the member whose phone is `user` (of \
the app's companies). Success answers 303 to `next` (a path on this site) or the user's portal \
with the session cookie; a refusal is a page saying why, and is written to the app's log.\n\n\
**Who may call it:** anyone holding a link signed with a partner app's secret.",
            "x-callers": "anyone holding a signed link",
            "security": [],
            "parameters": [
                {"name": "app_id", "in": "query", "required": true, "schema": {"type": "string"}},
                {"name": "kind", "in": "query", "required": true, "schema": {"type": "string", "enum": ["staff", "member"]}},
                {"name": "user", "in": "query", "required": true, "schema": {"type": "string"}, "description": "A staff account, or a member's phone."},
                {"name": "timestamp", "in": "query", "required": true, "schema": {"type": "integer"}},
                {"name": "nonce", "in": "query", "required": true, "schema": {"type": "string"}},
                {"name": "next", "in": "query", "schema": {"type": "string"}, "description": "Where to go after (a path on this site)."},
                {"name": "signature", "in": "query", "required": true, "schema": {"type": "string"}},
            ],
            "responses": {
                "303": {"description": "Signed in; `Location` is where to go."},
                "400": {"description": "A parameter is missing or not of its type.", "content": {"text/plain": {"schema": {"type": "string"}}}},
                "401": refused("Unknown app, or the signature does not match."),
                "403": refused("The app is paused, or may not sign this user in."),
                "409": refused("The nonce was used before."),
                "422": refused("The timestamp is out of its minute, or the nonce is malformed."),
            },
        }}),
    );
    add_kuaidi100_push(paths);
    super::openapi_compat::add_routes(paths);
}

/// Kuaidi100's push callback (not a server function: Kuaidi100 calls it).
fn add_kuaidi100_push(paths: &mut Map<String, Value>) {
    let reply = |text: &str| {
        json!({"description": text, "content": {"application/json": {"schema": {
            "type": "object",
            "description": "Kuaidi100's answer format: `result` true stops its retries.",
            "properties": {
                "result": {"type": "boolean"},
                "returnCode": {"type": "string", "description": "`200`, or `500` for any refusal."},
                "message": {"type": "string"},
            },
            "required": ["result", "returnCode", "message"],
        }}}})
    };
    paths.insert(
        "/tracking/kuaidi100/push".into(),
        json!({"post": {
            "tags": ["tracking"],
            "operationId": "kuaidi100_push",
            "summary": "Kuaidi100's subscription push (订阅推送): a number's events, verified and stored once.",
            "description": "Kuaidi100 POSTs here (the `callbackurl` of each subscription, \
`SHIPDESK_KUAIDI100_CALLBACK_URL`) a form of `param`, its JSON (`status`: polling, shutdown, \
abort or updateall; `lastResult`: `com`, `nu`, `state` and the `data` events with `time`, \
`context`, `status`, `statusCode`, `areaName`), and `sign` = upper-case hex \
MD5(param + salt), the salt being `SHIPDESK_KUAIDI100_SALT`. A push whose sign does not match \
is refused unread; a verified one is stored in one transaction, each event once (keyed by its \
time and text), so a replay succeeds and stores nothing. Answers are Kuaidi100's \
`{\"result\", \"returnCode\", \"message\"}`; anything but `result: true` is retried by \
Kuaidi100.\n\n**Who may call it:** Kuaidi100, or whoever holds the salt (the sign proves it).",
            "x-callers": "Kuaidi100 (signed with the salt)",
            "security": [],
            "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {
                "type": "object",
                "properties": {
                    "param": {"type": "string", "description": "The push, as JSON text."},
                    "sign": {"type": "string", "description": "Upper-case hex MD5(param + salt)."},
                },
                "required": ["param", "sign"],
            }}}},
            "responses": {
                "200": reply("Stored (or stored before: a replay changes nothing)."),
                "400": reply("`param` is missing, not Kuaidi100's JSON, or holds what cannot be stored."),
                "401": reply("`sign` is missing or does not match: nothing is read or stored."),
                "404": reply("No Kuaidi100 account is configured here."),
                "422": reply("A company code with no carrier here."),
                "500": reply("Storing failed; Kuaidi100 will retry."),
            },
        }}),
    );
}

/// The webhooks: what each event POSTs and how it is signed.
pub fn webhooks(g: &mut SchemaGenerator) -> Value {
    let message = g.subschema_for::<Message>().to_value();
    let conversation = g.subschema_for::<Conversation>().to_value();
    let recalled = json!({
        "type": "object",
        "properties": {"conversation_id": {"type": "integer"}, "seq": {"type": "integer"}},
        "required": ["conversation_id", "seq"],
    });
    let events = [
        (
            "message.created",
            "A message was stored (staff notes never leave).",
            message,
        ),
        (
            "message.recalled",
            "A message was recalled: its body is gone.",
            recalled,
        ),
        (
            "conversation.queued",
            "A conversation waits in its desk's queue.",
            conversation.clone(),
        ),
        (
            "conversation.assigned",
            "A conversation was given to an agent.",
            conversation.clone(),
        ),
        (
            "conversation.resolved",
            "A conversation was resolved.",
            conversation,
        ),
        (
            "order.created",
            "A pre-order was booked from a saved quote.",
            json!({"type": "object", "properties": {
                "number": {"type": "string"}, "company_id": {"type": "integer"},
                "status": {"const": "booked"}, "total_fen": {"type": "integer"},
                "quote_number": {"type": "string"}},
                "required": ["number", "company_id", "status", "total_fen", "quote_number"]}),
        ),
        (
            "order.status_changed",
            "An order moved along its timeline (confirmed, received, departed…, cancelled, exception).",
            json!({"type": "object", "properties": {
                "number": {"type": "string"}, "order_number": {"type": ["string", "null"]},
                "company_id": {"type": "integer"}, "from": {"type": "string"},
                "to": {"type": "string"}, "note": {"type": "string"}},
                "required": ["number", "order_number", "company_id", "from", "to", "note"]}),
        ),
        (
            "order.adjusted",
            "The cartons measured at the warehouse changed the order's price.",
            json!({"type": "object", "properties": {
                "number": {"type": "string"}, "company_id": {"type": "integer"},
                "quoted_total_fen": {"type": "integer"}, "actual_total_fen": {"type": "integer"},
                "difference_fen": {"type": "integer"}},
                "required": ["number", "company_id", "quoted_total_fen", "actual_total_fen", "difference_fen"]}),
        ),
        (
            "pickup.scheduled",
            "A pickup of an order was planned in a window.",
            json!({"type": "object", "properties": {
                "order_number": {"type": "string"}, "company_id": {"type": "integer"},
                "date": {"type": "string"}, "start": {"type": "string"}, "end": {"type": "string"},
                "city": {"type": "string"}},
                "required": ["order_number", "company_id", "date", "start", "end", "city"]}),
        ),
        (
            "pickup.cancelled",
            "A planned pickup was cancelled, with its reason.",
            json!({"type": "object", "properties": {
                "order_number": {"type": "string"}, "reason": {"type": "string"}},
                "required": ["order_number", "reason"]}),
        ),
        (
            "tracking.updated",
            "A courier reported new events for a number on an order: a delivery tracking number (`kind: parcel`, its `parcel_id`) or a transfer number (`kind: transfer`, its `transfer_id`).",
            json!({"type": "object", "properties": {
                "order_number": {"type": "string"}, "company_id": {"type": "integer"},
                "kind": {"enum": ["parcel", "transfer"]},
                "parcel_id": {"type": ["integer", "null"]},
                "transfer_id": {"type": ["integer", "null"]}, "carrier": {"type": "string"},
                "number": {"type": "string"},
                "status": {"enum": ["info_received", "in_transit", "out_for_delivery", "delivered", "exception", "returned"]},
                "new_events": {"type": "integer"},
                "latest": {"type": "object", "properties": {
                    "status": {"type": "string"}, "raw_status": {"type": "string"},
                    "context": {"type": "string"}, "place": {"type": ["string", "null"]},
                    "time": {"type": "integer"}, "raw_time": {"type": "string"}},
                    "required": ["status", "raw_status", "context", "place", "time", "raw_time"]}},
                "required": ["order_number", "company_id", "kind", "parcel_id", "transfer_id", "carrier", "number", "status", "new_events", "latest"]}),
        ),
        (
            "order.alert",
            "An alert (异常预警) was raised on an order: no event for longer than its mode allows (`silent`), a courier's exception or return (`tracking_exception`), or ops put it in exception (`order_exception`). Each is raised once.",
            json!({"type": "object", "properties": {
                "alert_id": {"type": "integer"},
                "kind": {"enum": ["silent", "tracking_exception", "order_exception"]},
                "number": {"type": "string"}, "order_number": {"type": ["string", "null"]},
                "company_id": {"type": "integer"}, "order_status": {"type": "string"},
                "detail": {"type": "string"},
                "since": {"type": "integer", "description": "Epoch ms: the last event the silence runs from, or when the exception happened."}},
                "required": ["alert_id", "kind", "number", "order_number", "company_id", "order_status", "detail", "since"]}),
        ),
    ];
    let mut out = Map::new();
    for (event, summary, data) in events {
        out.insert(
            event.into(),
            json!({"post": {
                "summary": summary,
                "description": SIGNATURE,
                "parameters": [
                    {"name": "x-shipdesk-event", "in": "header", "required": true, "schema": {"const": event}},
                    {"name": "x-shipdesk-event-id", "in": "header", "required": true, "schema": {"type": "string"},
                     "description": "`evt_<id>`, the same on every retry: deduplicate on it."},
                    {"name": "x-shipdesk-timestamp", "in": "header", "required": true, "schema": {"type": "integer"},
                     "description": "Seconds since the epoch when this attempt was signed."},
                    {"name": "x-shipdesk-signature", "in": "header", "required": true, "schema": {"type": "string"},
                     "description": "`sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\">`, keyed by the webhook's secret."},
                ],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"anyOf": [{
                    "type": "object",
                    "description": "The `shipdesk` envelope (the default).",
                    "properties": {
                        "event": {"const": event},
                        "event_id": {"type": "string"},
                        "occurred_at": {"type": "integer"},
                        "data": data.clone(),
                    },
                    "required": ["event", "event_id", "occurred_at", "data"],
                }, {
                    "type": "object",
                    "description": "The `chatmess` envelope (seed 002's v2 event format, for webhooks \
registered through /v2/Callback/Register).",
                    "properties": {
                        "requestId": {"type": "string", "description": "The event id."},
                        "errmsg": {"const": 0},
                        "succeed": {"const": true},
                        "msgTime": {"type": "string", "description": "When it happened, yyyy-MM-dd HH:mm:ss in Shanghai time."},
                        "eventType": {"const": event},
                        "values": data,
                        "errdesc": {"type": "null"},
                    },
                    "required": ["requestId", "errmsg", "succeed", "msgTime", "eventType", "values", "errdesc"],
                }]}}}},
                "responses": {"2XX": {"description": "Received; anything else is retried with backoff."}},
            }}),
        );
    }
    Value::Object(out)
}

const SIGNATURE: &str = "POSTed to every active subscription of the event, from the outbox \
(written in the transaction of the change, so no committed change is lost). Verify \
`x-shipdesk-signature` = `sha256=` + hex(HMAC-SHA256(secret, timestamp + \".\" + raw body)) \
and refuse old timestamps; a non-2xx answer is retried with growing pauses until the last \
attempt marks the delivery failed.";
