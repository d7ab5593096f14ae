//! Targets of sign-in, staff, API tokens, customers and webhooks.

use serde_json::{json, Value};

use super::{api, Target};
use crate::check::{field, has, none, then, Check};
use crate::world::{Who, World};

pub async fn target(w: &World, endpoint: &str, who: Who) -> Option<Target> {
    let t = match endpoint {
        "staff_login" => {
            let s = w.fresh_staff(&["ops"]).await;
            let body = json!({"account": s.account, "password": crate::support::PASSWORD});
            api(body, field("/account", s.account))
        }
        "request_login_code" => {
            let m = w.fresh_member(&w.company).await;
            api(json!({"phone": m.phone}), field("/resend_after_secs", 60))
        }
        "member_login" => {
            let m = w.fresh_member(&w.company).await;
            let code = shipdesk::auth::service::request_member_code(w.state(), &m.phone, "fixture")
                .await
                .unwrap();
            let body = json!({"phone": m.phone, "code": code});
            api(body, field("/phone", m.phone))
        }
        "current_user" => {
            let check = match (who, w.staff(who)) {
                (_, Some(s)) => field("/Staff/id", s.id),
                (Who::Member, _) => field("/Member/id", w.member.id),
                (Who::Outsider, _) => field("/Member/id", w.outsider.id),
                // An API token is no session: nobody is signed in.
                _ => field("", Value::Null),
            };
            api(none(), check)
        }
        "set_language" => api(json!({"lang": "en"}), Check::Cookie("lang", "en")),
        "logout" => api(none(), then("current_user", none(), field("", Value::Null))),
        "list_staff" => {
            let s = w.fresh_staff(&["ops"]).await;
            let body = json!({"filter": {"q": s.account, "role": null}, "page": 1, "size": 20});
            api(body, has("/items", "/id", s.id))
        }
        "create_staff" => {
            let account = format!("new{}", w.n());
            let body = json!({"input": {
                "account": account, "name": "New", "password": "letters123", "roles": ["cs"]
            }});
            api(body, field("/account", account))
        }
        "set_staff_roles" => {
            let s = w.fresh_staff(&["ops"]).await;
            let body = json!({"id": s.id, "roles": ["finance"]});
            api(body, field("/roles", json!(["finance"])))
        }
        "reset_staff_password" => {
            let s = w.fresh_staff(&["ops"]).await;
            let body = json!({"id": s.id, "password": "newpass123"});
            api(body, Check::SignsIn(s.account, "newpass123"))
        }
        "set_staff_disabled" => {
            let s = w.fresh_staff(&["ops"]).await;
            api(
                json!({"id": s.id, "disabled": true}),
                field("/disabled", true),
            )
        }
        "create_api_token" => {
            let account = w.staff(who).map(|s| s.account.clone()).unwrap_or_default();
            api(
                json!({"name": "integration"}),
                field("/0/staff_account", account),
            )
        }
        "list_api_tokens" => {
            let id = w.token_of(w.staff(who).unwrap_or(&w.cs)).await;
            api(none(), has("", "/id", id))
        }
        "list_all_api_tokens" => {
            let id = w.token_of(&w.cs).await;
            api(none(), has("", "/id", id))
        }
        "revoke_api_token" => {
            // An admin revokes anyone's token; the others their own.
            let (owner, list) = match who {
                Who::Admin => (&w.cs, "list_all_api_tokens"),
                _ => (w.staff(who).unwrap_or(&w.cs), "list_api_tokens"),
            };
            let id = w.token_of(owner).await;
            let revoked = Check::Item {
                list: "",
                key: "/id",
                id: id.into(),
                field: "/revoked",
                value: true.into(),
            };
            api(json!({"id": id}), then(list, none(), revoked))
        }
        _ => return customer(w, endpoint, who).await,
    };
    Some(t)
}

/// The salesperson a caller acts as (the first company's owner for anyone
/// who is not one).
fn owner(w: &World, who: Who) -> &shipdesk::auth::Staff {
    if who == Who::SalesCs {
        &w.sales_cs
    } else {
        &w.sales
    }
}

async fn customer(w: &World, endpoint: &str, who: Who) -> Option<Target> {
    let t = match endpoint {
        "list_companies" => {
            let body = json!({"filter": {"q": w.company.code, "certification": null}, "page": 1, "size": 20});
            api(body, has("/items", "/id", w.company.id))
        }
        "get_company" => api(
            json!({"id": w.company.id}),
            field("/company/id", w.company.id),
        ),
        "create_company" => {
            let (given, expected) = match who {
                Who::Admin => (Some(w.sales.id), w.sales.id),
                // A salesperson owns what they create, whatever they ask.
                _ => (None, owner(w, who).id),
            };
            let body = json!({"input": {
                "name": format!("Company {}", w.n()), "code": "", "owner_staff_id": given,
                "contact_name": "", "contact_phone": "", "address": ""
            }});
            api(body, field("/owner_staff_id", expected))
        }
        "update_company" => {
            let c = w.fresh_company(Some(owner(w, who))).await;
            let name = format!("Renamed {}", w.n());
            let body = json!({"id": c.id, "input": {
                "name": name, "contact_name": "", "contact_phone": "", "address": "",
                "certification": "certified"
            }});
            api(body, field("/company/name", name))
        }
        "set_company_owner" => {
            let c = w.fresh_company(None).await;
            let body = json!({"id": c.id, "owner_staff_id": w.sales.id});
            api(body, field("/company/owner_staff_id", w.sales.id))
        }
        "add_member" => {
            let company = company_of(w, who);
            let n = w.n();
            let name = format!("Added {n}");
            let body = json!({"company_id": company.id, "input": {
                "name": name, "phone": format!("136{n:08}")
            }});
            api(body, has("/members", "/name", name))
        }
        "set_member_disabled" => {
            let company = company_of(w, who);
            let m = w.fresh_member(company).await;
            let body = json!({"company_id": company.id, "member_id": m.id, "disabled": true});
            let disabled = Check::Item {
                list: "/members",
                key: "/id",
                id: m.id.into(),
                field: "/disabled",
                value: true.into(),
            };
            api(body, disabled)
        }
        "list_salespeople" => api(none(), has("", "/0", w.sales.id)),
        "my_company" => {
            let company = if who == Who::Outsider {
                &w.other_company
            } else {
                &w.company
            };
            api(none(), field("/company/id", company.id))
        }
        _ => return webhook(w, endpoint).await,
    };
    Some(t)
}

/// The company a caller may edit: the second one for its owner, the first
/// one for everybody else.
fn company_of(w: &World, who: Who) -> &shipdesk::customer::Company {
    if who == Who::SalesCs {
        &w.other_company
    } else {
        &w.company
    }
}

async fn webhook(w: &World, endpoint: &str) -> Option<Target> {
    let t = match endpoint {
        "webhook_list" => {
            let id = w.webhook().await;
            api(none(), has("", "/0/id", id))
        }
        "webhook_create" => {
            let url = format!("https://hooks.example.com/hook/{}", w.n());
            let body = json!({"input": {"url": url, "events": ["message.created"]}});
            api(body, field("/0/url", url))
        }
        "webhook_set_active" => {
            let id = w.webhook().await;
            let inactive = Check::Item {
                list: "",
                key: "/0/id",
                id: id.into(),
                field: "/0/active",
                value: false.into(),
            };
            let body = json!({"id": id, "active": false});
            api(body, then("webhook_list", none(), inactive))
        }
        "webhook_rotate_secret" => {
            let id = w.webhook().await;
            api(json!({"id": id}), field("/0/id", id))
        }
        "webhook_deliveries" => {
            let id = w.webhook().await;
            delivery(w, id).await;
            let body = json!({"webhook_id": id, "page": 1, "size": 20});
            api(body, field("/items/0/webhook_id", id))
        }
        _ => return None,
    };
    Some(t)
}

/// A pending delivery of webhook `id`.
async fn delivery(w: &World, id: shipdesk::Id) {
    use shipdesk::webhook::{Delivery, DeliveryStatus};
    let now = shipdesk::Timestamp(w.state().now());
    let d = Delivery {
        id: shipdesk::db::new_id(),
        webhook_id: id,
        event_id: format!("fixture-{}", w.n()),
        event: "message.created".into(),
        payload: "{}".into(),
        status: DeliveryStatus::Pending,
        attempts: 0,
        next_attempt_at: now,
        last_status_code: None,
        last_error: None,
        created_at: now,
        delivered_at: None,
    };
    let mut conn = w.state().db.acquire().await.unwrap();
    shipdesk::webhook::repo::enqueue(&mut *conn, &d)
        .await
        .unwrap();
}
