//! The OpenAPI 3.1 document of the public API (`GET /api/openapi.json`),
//! assembled from the code: every server function as `POST /api/<name>`
//! with the JSON schema its input struct and output type derive, its doc
//! comment as the description, the error shape with its statuses, and who
//! may call it; the socket's frames, uploads and downloads, the older
//! APIs' endpoints and the webhooks (events, payloads, signature).
//!
//! `OPERATIONS` lists the server functions with their tag and callers; a
//! test fails when a registered server function is missing from it.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};
use server_fn::ServerFn;
use shipdesk::AppError;

use crate::auth::api as auth;
use crate::channel::api as channel;
use crate::chat::api as chat;
use crate::customer::api as customer;
use crate::orders::alert_api as alerts;
use crate::orders::api as orders;
use crate::partner::api as partner;
use crate::pricing::api as pricing;
use crate::pricing::hall_api as hall;
use crate::staff::api as staff;
use crate::tracking::api as tracking;
use crate::webhook::api as webhook;

/// Who may call an operation, as the core's policies decide it (and the
/// authorization matrix in `server/tests/authorization` proves it).
mod who {
    pub const ANYONE: &str = "anyone, signed in or not";
    pub const STAFF_ADMIN: &str = "staff: admin";
    pub const STAFF_ANY: &str = "any staff member (not customers)";
    pub const SIGNED_IN: &str = "any signed-in staff member or customer member";
    pub const CUSTOMER_STAFF: &str =
        "staff: admin, sales, cs, ops, finance (sales: only the companies they own)";
    pub const CUSTOMER_EDITORS: &str = "staff: admin, sales (sales: only the companies they own)";
    pub const SALES_PICKERS: &str = "staff: admin, sales";
    pub const MEMBER: &str = "customer member (their own company and conversations)";
    pub const CHAT_READ: &str =
        "the conversation's member; staff: admin, cs serving the conversation's desk";
    pub const CHAT_WRITE: &str = "the conversation's member; staff: admin, or the cs assignee";
    pub const CHAT_AGENT: &str = "staff: admin, cs (cs: the desks they serve)";
    pub const CHAT_ASSIGNEE: &str = "staff: admin, or the cs assignee";
    pub const AGENT_SELF: &str = "staff: cs (agents set their own status)";
    pub const QUOTERS: &str = "customer member; staff: admin, sales, cs, ops, finance";
    pub const QUOTE_READERS: &str = "customer member (their company's quotes); staff: admin, cs, ops, finance; sales: quotes they saved or of the companies they own";
    pub const CUSTOMER_STAFF_ALL: &str = "staff: admin, sales, cs, ops, finance";
    pub const CHANNEL_EDITORS: &str = "staff: admin, ops";
    pub const HALL_POSTERS: &str =
        "customer member; staff: admin, sales, ops, cs (sales: their companies or none)";
    pub const MEMBER_OWN: &str = "customer member (their own inquiries)";
    pub const HALL_STAFF: &str =
        "staff: admin, ops, cs; sales: inquiries of the companies they own and of none";
    pub const ORDER_READERS: &str = "customer member (their company's orders); staff: admin, cs, ops, finance; sales: orders of the companies they own and quick orders they booked; provider: the orders assigned to them";
    pub const ORDER_PROCESSORS: &str = "staff: admin, ops";
    pub const EXPORT_OWNER: &str =
        "any signed-in staff member or customer member (the exports they started)";
    pub const TRANSFER_UPLOADERS: &str = "staff: admin, ops; provider: the orders assigned to them";
    pub const ORDER_CANCELLERS: &str = "customer member (their company's waiting pre-orders); sales (their waiting quick orders); staff: admin, ops";
    pub const QUICK_SALES: &str = "staff: sales (for members of the companies they own)";
    pub const PICKUP_READERS: &str = "customer member (their company's pickups); staff: admin, ops";
    pub const PARCEL_KEEPERS: &str = "customer member (their company's orders); staff: admin, ops";
    pub const ALERT_READERS: &str = "customer member (their company's alerts); staff: admin, ops, cs; sales: alerts of the companies they own and quick orders they booked";
    pub const PARTNER_SECRET: &str =
        "anyone holding a partner app's secret (the request is signed)";
}

/// One documented server function.
struct Operation {
    tag: &'static str,
    access: &'static str,
    path: &'static str,
    add: fn(&mut SchemaGenerator) -> (String, Value),
}

const fn op<S>(tag: &'static str, access: &'static str) -> Operation
where
    S: ServerFn + JsonSchema,
    S::Output: JsonSchema,
{
    Operation {
        tag,
        access,
        path: S::PATH,
        add: describe::<S>,
    }
}

/// Every server function, by domain.
const OPERATIONS: &[Operation] = &[
    op::<auth::StaffLogin>("auth", who::ANYONE),
    op::<auth::RequestLoginCode>("auth", who::ANYONE),
    op::<auth::MemberLogin>("auth", who::ANYONE),
    op::<auth::Logout>("auth", who::ANYONE),
    op::<auth::CurrentUser>("auth", who::ANYONE),
    op::<auth::SetLanguage>("auth", who::ANYONE),
    op::<auth::CreateApiToken>("auth", who::STAFF_ANY),
    op::<auth::ListAllApiTokens>("auth", who::STAFF_ADMIN),
    op::<auth::ListApiTokens>("auth", who::STAFF_ANY),
    op::<auth::RevokeApiToken>("auth", who::STAFF_ANY),
    op::<staff::ListStaff>("staff", who::STAFF_ADMIN),
    op::<staff::CreateStaff>("staff", who::STAFF_ADMIN),
    op::<staff::SetStaffRoles>("staff", who::STAFF_ADMIN),
    op::<staff::ResetStaffPassword>("staff", who::STAFF_ADMIN),
    op::<staff::SetStaffDisabled>("staff", who::STAFF_ADMIN),
    op::<customer::ListCompanies>("customer", who::CUSTOMER_STAFF),
    op::<customer::GetCompany>("customer", who::CUSTOMER_STAFF),
    op::<customer::CreateCompany>("customer", who::CUSTOMER_EDITORS),
    op::<customer::UpdateCompany>("customer", who::CUSTOMER_EDITORS),
    op::<customer::SetCompanyOwner>("customer", who::STAFF_ADMIN),
    op::<customer::AddMember>("customer", who::CUSTOMER_EDITORS),
    op::<customer::SetMemberDisabled>("customer", who::CUSTOMER_EDITORS),
    op::<customer::ListSalespeople>("customer", who::SALES_PICKERS),
    op::<customer::MyCompany>("customer", who::MEMBER),
    op::<chat::ListDesks>("chat", who::SIGNED_IN),
    op::<chat::OpenConversation>("chat", who::MEMBER),
    op::<chat::ListMyConversations>("chat", who::MEMBER),
    op::<chat::ListMessages>("chat", who::CHAT_READ),
    op::<chat::SendMessage>("chat", who::CHAT_WRITE),
    op::<chat::MarkRead>("chat", who::CHAT_WRITE),
    op::<chat::RecallMessage>("chat", who::CHAT_WRITE),
    op::<chat::GetConversation>("chat", who::CHAT_READ),
    op::<chat::ListAgentConversations>("chat", who::CHAT_AGENT),
    op::<chat::ListHistory>("chat", who::CHAT_AGENT),
    op::<chat::ListMyDesks>("chat", who::CHAT_AGENT),
    op::<chat::SetAgentStatus>("chat", who::AGENT_SELF),
    op::<chat::GetMyStatus>("chat", who::CHAT_AGENT),
    op::<chat::ClaimConversation>("chat", who::CHAT_AGENT),
    op::<chat::ResolveConversation>("chat", who::CHAT_ASSIGNEE),
    op::<chat::ReactivateConversation>("chat", who::CHAT_AGENT),
    op::<chat::TransferConversation>("chat", who::CHAT_ASSIGNEE),
    op::<chat::TakeOverConversation>("chat", who::STAFF_ADMIN),
    op::<chat::ReleaseConversation>("chat", who::STAFF_ADMIN),
    op::<chat::StartConversation>("chat", who::CHAT_AGENT),
    op::<chat::ListDeskAgents>("chat", who::CHAT_AGENT),
    op::<chat::ListAllAgents>("chat", who::STAFF_ADMIN),
    op::<chat::CreateDesk>("chat", who::STAFF_ADMIN),
    op::<chat::SetAgentDesks>("chat", who::STAFF_ADMIN),
    op::<chat::ListCannedReplies>("chat", who::CHAT_AGENT),
    op::<chat::CreateCannedReply>("chat", who::STAFF_ADMIN),
    op::<chat::DeleteCannedReply>("chat", who::STAFF_ADMIN),
    op::<webhook::ListWebhooks>("webhook", who::STAFF_ADMIN),
    op::<webhook::CreateWebhook>("webhook", who::STAFF_ADMIN),
    op::<webhook::SetWebhookActive>("webhook", who::STAFF_ADMIN),
    op::<webhook::RotateWebhookSecret>("webhook", who::STAFF_ADMIN),
    op::<webhook::ListWebhookDeliveries>("webhook", who::STAFF_ADMIN),
    op::<partner::GetPartnerToken>("partner", who::PARTNER_SECRET),
    op::<partner::ListPartnerApps>("partner", who::STAFF_ADMIN),
    op::<partner::CreatePartnerApp>("partner", who::STAFF_ADMIN),
    op::<partner::UpdatePartnerApp>("partner", who::STAFF_ADMIN),
    op::<partner::SetPartnerAppEnabled>("partner", who::STAFF_ADMIN),
    op::<partner::RotatePartnerAppSecret>("partner", who::STAFF_ADMIN),
    op::<partner::ListPartnerRequests>("partner", who::STAFF_ADMIN),
    op::<partner::ListPartnerFunctions>("partner", who::STAFF_ADMIN),
    op::<pricing::ParseInquiry>("pricing", who::SIGNED_IN),
    op::<pricing::GetQuoteForm>("pricing", who::QUOTERS),
    op::<pricing::SearchQuotes>("pricing", who::QUOTERS),
    op::<pricing::SaveQuote>("pricing", who::QUOTERS),
    op::<pricing::GetQuote>("pricing", who::QUOTE_READERS),
    op::<pricing::ListQuotes>("pricing", who::QUOTE_READERS),
    op::<pricing::ListChannels>("pricing", who::CUSTOMER_STAFF_ALL),
    op::<pricing::GetChannel>("pricing", who::CUSTOMER_STAFF_ALL),
    op::<pricing::SaveChannel>("pricing", who::CHANNEL_EDITORS),
    op::<pricing::SetChannelEnabled>("pricing", who::CHANNEL_EDITORS),
    op::<pricing::ListPriceLevels>("pricing", who::CUSTOMER_STAFF_ALL),
    op::<pricing::SavePriceLevel>("pricing", who::STAFF_ADMIN),
    op::<pricing::DeletePriceLevel>("pricing", who::STAFF_ADMIN),
    op::<pricing::SetCompanyPriceLevel>("pricing", who::STAFF_ADMIN),
    op::<pricing::GetCompanyPriceLevel>("pricing", who::CUSTOMER_STAFF),
    op::<pricing::ListChannelLibraries>("pricing", who::CUSTOMER_STAFF_ALL),
    op::<pricing::PrecheckChannelLibrary>("pricing", who::CHANNEL_EDITORS),
    op::<pricing::SaveChannelLibrary>("pricing", who::CHANNEL_EDITORS),
    op::<pricing::DeleteChannelLibrary>("pricing", who::CHANNEL_EDITORS),
    op::<pricing::ListChannelTags>("pricing", who::CUSTOMER_STAFF_ALL),
    op::<pricing::AddChannelTag>("pricing", who::CHANNEL_EDITORS),
    op::<pricing::DeleteChannelTag>("pricing", who::CHANNEL_EDITORS),
    op::<pricing::ListPickupSlots>("pricing", who::CUSTOMER_STAFF_ALL),
    op::<pricing::SavePickupSlot>("pricing", who::CHANNEL_EDITORS),
    op::<pricing::DeletePickupSlot>("pricing", who::CHANNEL_EDITORS),
    op::<pricing::GetPickupTimes>("pricing", who::QUOTERS),
    op::<channel::ReadChannelTable>("pricing", who::CHANNEL_EDITORS),
    op::<hall::PostInquiry>("pricing", who::HALL_POSTERS),
    op::<hall::ListMyInquiries>("pricing", who::MEMBER_OWN),
    op::<hall::DeleteMyInquiry>("pricing", who::MEMBER_OWN),
    op::<hall::ClearMyInquiries>("pricing", who::MEMBER_OWN),
    op::<hall::ListInquiries>("pricing", who::HALL_STAFF),
    op::<hall::CountInquiries>("pricing", who::HALL_STAFF),
    op::<hall::AnswerInquiry>("pricing", who::HALL_STAFF),
    op::<hall::SetInquiryStatus>("pricing", who::HALL_STAFF),
    op::<hall::GetInquirySettings>("pricing", who::STAFF_ADMIN),
    op::<hall::SaveInquirySettings>("pricing", who::STAFF_ADMIN),
    op::<hall::SendRobotTest>("pricing", who::STAFF_ADMIN),
    op::<orders::BookOrder>("orders", who::MEMBER),
    op::<orders::GetOrder>("orders", who::ORDER_READERS),
    op::<orders::FindOrder>("orders", who::ORDER_READERS),
    op::<orders::GetOrderBrief>("orders", who::ORDER_READERS),
    op::<orders::ListOrders>("orders", who::ORDER_READERS),
    op::<orders::CountOrders>("orders", who::ORDER_READERS),
    op::<orders::ConfirmOrder>("orders", who::ORDER_PROCESSORS),
    op::<orders::RejectOrder>("orders", who::ORDER_PROCESSORS),
    op::<orders::CancelOrder>("orders", who::ORDER_CANCELLERS),
    op::<orders::MoveOrder>("orders", who::ORDER_PROCESSORS),
    op::<orders::ReceiveOrder>("orders", who::ORDER_PROCESSORS),
    op::<orders::ListParcels>("orders", who::ORDER_READERS),
    op::<orders::TrackParcel>("orders", who::ORDER_READERS),
    op::<orders::TrackTransfer>("orders", who::ORDER_READERS),
    op::<orders::GetExportProgress>("orders", who::EXPORT_OWNER),
    op::<orders::PreviewTransfers>("orders", who::TRANSFER_UPLOADERS),
    op::<orders::ApplyTransfers>("orders", who::TRANSFER_UPLOADERS),
    op::<orders::ListProviders>("orders", who::ORDER_PROCESSORS),
    op::<orders::AssignProvider>("orders", who::ORDER_PROCESSORS),
    op::<orders::SaveParcel>("orders", who::PARCEL_KEEPERS),
    op::<orders::DeleteParcel>("orders", who::PARCEL_KEEPERS),
    op::<orders::CreateActAsToken>("orders", who::QUICK_SALES),
    op::<orders::BookQuickOrder>("orders", who::QUICK_SALES),
    op::<orders::CheckPickup>("orders", who::PARCEL_KEEPERS),
    op::<orders::SavePickup>("orders", who::PARCEL_KEEPERS),
    op::<orders::ListPickups>("orders", who::PICKUP_READERS),
    op::<orders::CancelPickup>("orders", who::PARCEL_KEEPERS),
    op::<orders::ListPickupCancelReasons>("orders", who::SIGNED_IN),
    op::<orders::AddPickupCancelReason>("orders", who::STAFF_ADMIN),
    op::<alerts::ListAlerts>("orders", who::ALERT_READERS),
    op::<alerts::CloseAlert>("orders", who::ORDER_PROCESSORS),
    op::<alerts::GetAlertSettings>("orders", who::ORDER_PROCESSORS),
    op::<alerts::SaveAlertSettings>("orders", who::STAFF_ADMIN),
    op::<tracking::DetectCourier>("tracking", who::SIGNED_IN),
];

/// What a partner app may be given, as `(domain, name)`: every server
/// function (`name` is the path after `/api/`), then the older APIs'
/// endpoints by their operationId (domain `compat`).
pub fn operation_names() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = OPERATIONS
        .iter()
        .map(|o| {
            let name = o.path.strip_prefix("/api/").unwrap_or(o.path);
            (o.tag.to_owned(), name.to_owned())
        })
        .collect();
    let mut compat = Map::new();
    crate::openapi_compat::add_routes(&mut compat);
    for item in compat.values() {
        for op in item.as_object().into_iter().flat_map(|m| m.values()) {
            if let Some(id) = op["operationId"].as_str() {
                out.push(("compat".to_owned(), id.to_owned()));
            }
        }
    }
    out
}

/// The paths of every documented server function (`/api/<name>`).
pub fn documented_paths() -> Vec<String> {
    let mut g = generator();
    OPERATIONS.iter().map(|o| (o.add)(&mut g).0).collect()
}

/// The statuses a server function may answer with besides 200, each with
/// the error body (`AppError`, tagged by `kind`).
const ERRORS: &[(u16, &str)] = &[
    (401, "Not signed in (`kind: unauthorized`)."),
    (403, "Signed in, but not allowed (`kind: forbidden`)."),
    (404, "Not found, or not yours to see (`kind: not_found`)."),
    (
        409,
        "Conflicts with what is stored, `field` names the input (`kind: conflict`).",
    ),
    (
        422,
        "Bad input: `field` names the input, `key` the message (`kind: validation`).",
    ),
    (
        429,
        "Too many attempts; the `Retry-After` header and `retry_after_secs` say when to retry.",
    ),
    (
        500,
        "Internal error; the cause is logged, never sent (`kind: internal`).",
    ),
];

fn generator() -> SchemaGenerator {
    let mut settings = SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    settings.meta_schema = None;
    settings.into_generator()
}

/// The path and operation object of server function `S`.
fn describe<S>(g: &mut SchemaGenerator) -> (String, Value)
where
    S: ServerFn + JsonSchema,
    S::Output: JsonSchema,
{
    let input = g.subschema_for::<S>().to_value();
    let output = g.subschema_for::<S::Output>().to_value();
    let name = S::PATH.rsplit('/').next().unwrap_or(S::PATH).to_owned();
    // The input struct carries the function's doc comment, after the
    // macro's own line ("Serialized arguments for the […] server function.").
    let raw = g
        .definitions()
        .get(&*S::schema_name())
        .and_then(|d| d.get("description"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let doc = match raw.split_once("server function.") {
        Some((_, rest)) if raw.starts_with("Serialized arguments") => rest.trim().to_owned(),
        _ => raw.trim().to_owned(),
    };
    if let Some(d) = g.definitions_mut().get_mut(&*S::schema_name()) {
        d["description"] = json!(format!("The arguments of `{name}`."));
    }
    let op = json!({
        "operationId": name,
        "summary": doc.lines().next().unwrap_or(&name),
        "description": doc,
        "requestBody": {
            "required": true,
            "content": {"application/json": {"schema": input}},
        },
        "responses": {
            "200": {"description": "Done.", "content": {"application/json": {"schema": output}}},
        },
    });
    (S::PATH.to_owned(), op)
}

/// The whole document.
pub fn document() -> Value {
    let mut g = generator();
    let error = g.subschema_for::<AppError>().to_value();
    let mut paths = Map::new();
    for o in OPERATIONS {
        let (path, mut op) = (o.add)(&mut g);
        op["tags"] = json!([o.tag]);
        if o.access == who::ANYONE || o.access == who::PARTNER_SECRET {
            op["security"] = json!([]);
        }
        op["x-callers"] = json!(o.access);
        op["description"] = json!(format!(
            "{}\n\n**Who may call it:** {}.",
            op["description"].as_str().unwrap_or(""),
            o.access
        ));
        let responses = op["responses"].as_object_mut().expect("responses");
        for (status, text) in ERRORS {
            responses.insert(
                status.to_string(),
                json!({"description": text, "content": {"application/json": {"schema": error}}}),
            );
        }
        paths.insert(path, json!({ "post": op }));
    }
    super::openapi_extra::add_routes(&mut g, &mut paths);
    let webhooks = super::openapi_extra::webhooks(&mut g);
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Shipdesk API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": INTRO,
        },
        "servers": [{"url": "/"}],
        "tags": [
            {"name": "auth", "description": "Sign-in, sessions, language and API tokens."},
            {"name": "staff", "description": "Staff accounts (admins)."},
            {"name": "customer", "description": "Customer companies and their members."},
            {"name": "chat", "description": "Customer-service chat over HTTP; live events on `/ws`."},
            {"name": "webhook", "description": "Webhook subscriptions and their deliveries."},
            {"name": "pricing", "description": "Quotes: the free-text inquiry reader, the quote search and its form, saved quotes, channels and their versions, price levels, and the inquiry hall (询价大厅) with its WeCom group robot."},
            {"name": "orders", "description": "Pre-orders booked from saved quotes, ops' confirmation and moves along the timeline, receiving with the measured cartons' adjustment, the delivery tracking numbers (送仓单号), and the alerts (异常预警) on shipments gone silent or in exception."},
            {"name": "tracking", "description": "Couriers' tracking numbers: which courier issued a number (candidates with a confidence), and the events couriers report."},
            {"name": "partner", "description": "Partner apps: signed token requests, and their set-up and request log (admins)."},
            {"name": "realtime", "description": "The chat socket, uploads and downloads."},
            {"name": "compat", "description": "Endpoints kept for existing clients (the seeds' shapes)."},
        ],
        "paths": paths,
        "webhooks": webhooks,
        "components": {
            "schemas": g.take_definitions(true),
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": "sd_session",
                    "description": "The session cookie set by `staff_login` or `member_login`."},
                "apiToken": {"type": "apiKey", "in": "header", "name": "token",
                    "description": "An API token (`create_api_token`), for the compatibility endpoints."},
                "bearer": {"type": "http", "scheme": "bearer",
                    "description": "`Authorization: Bearer <token>`: a partner app's token (`partner_token`, `spt_…`), which calls only the functions the app was given, with its roles, its companies and its rate. (A staff member's API token, `sdk_…`, is for the compatibility endpoints only.)"},
                "apiBearer": {"type": "http", "scheme": "bearer",
                    "description": "The same API token as `Authorization: Bearer <token>` (seed 002's style)."},
                "accessToken": {"type": "apiKey", "in": "query", "name": "access_token",
                    "description": "The same API token as WeChat's `access_token` (seed 003's endpoints)."},
            },
        },
        "security": [{"session": []}, {"bearer": []}],
    });
    tuples_as_prefix_items(&mut doc);
    doc
}

/// Tuples (`(Message, bool)`, `(Id, String)`): JSON Schema 2020-12 says
/// them with `prefixItems`, which some OpenAPI tools (schemathesis among
/// them) do not read yet; written as a fixed-length array whose items are
/// any of the positions' schemas, the positions named in the description.
fn tuples_as_prefix_items(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(parts)) = map.remove("prefixItems") {
                let n = parts.len();
                map.insert("items".into(), json!({ "anyOf": parts }));
                map.insert("minItems".into(), json!(n));
                map.insert("maxItems".into(), json!(n));
                map.entry("description")
                    .or_insert(json!(format!("A tuple of {n}, in order.")));
            }
            map.values_mut().for_each(tuples_as_prefix_items);
        }
        Value::Array(items) => items.iter_mut().for_each(tuples_as_prefix_items),
        _ => {}
    }
}

const INTRO: &str = "Every server function is `POST /api/<name>` with a JSON body of its \
arguments and a JSON answer. Sign in with `staff_login` (staff) or `request_login_code` + \
`member_login` (customers): the session cookie authenticates later calls. Writes from \
another origin are refused. An error answers with its status and an `AppError` body tagged \
by `kind`; validation errors name the `field` and a message `key` (translated in the UI).\n\n\
**Partner apps** (registered by an admin) sign `app_id + timestamp + nonce` with their secret \
(lowercase hex HMAC-SHA256, timestamp in seconds, within 5 minutes, each nonce once) and call \
`partner_token` for a bearer token (2 hours); with `Authorization: Bearer <token>` they call \
the functions they were given, as their own account with its roles, only on their customer \
companies, at most their rate a minute (429 with `Retry-After` past it). A refusal of a bearer \
call answers 401 (token unknown, expired, or its app paused), 403 (a function the app was not \
given) or 429, in the same error shape, and is written to the app's request log.\n\n\
A partner signs a user in with a one-time link: `GET /partner/login?app_id=&kind=staff|member\
&user=<account or phone>&timestamp=&nonce=&next=&signature=`, signature = hex \
HMAC-SHA256(secret, app_id + kind + user + timestamp + nonce + next), good for 60 seconds and \
once, for a staff account the app names or a member of its companies.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_has_a_description_and_resolvable_schemas() {
        let doc = document();
        let text = doc.to_string();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for op in item.as_object().unwrap().values() {
                // Server functions take it from their doc comment.
                let summary = op["summary"].as_str().unwrap_or("");
                assert!(
                    !summary.is_empty() && summary != op["operationId"].as_str().unwrap_or(""),
                    "{path} has no doc comment"
                );
                assert!(!summary.starts_with("Serialized"), "{path}: {summary}");
            }
        }
        // Every $ref points at a schema of the document.
        for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
            let name = &part[..part.find('"').unwrap()];
            assert!(schemas.contains_key(name), "dangling $ref to {name}");
        }
    }

    #[test]
    fn operations_are_listed_once_each() {
        let paths = documented_paths();
        let unique: std::collections::BTreeSet<_> = paths.iter().collect();
        assert_eq!(unique.len(), paths.len(), "an operation is listed twice");
    }
}
