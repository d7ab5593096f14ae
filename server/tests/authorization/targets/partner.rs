//! Targets of partner apps: the signed token request (anyone with the
//! secret) and the admins' set-up and log.

use serde_json::{json, Value};
use shipdesk::partner::{service, sign, PartnerApp, PartnerAppForCreate};

use super::{api, Target};
use crate::check::{field, has, none};
use crate::world::{Who, World};

/// A new partner app that may call `current_user`, with its secret.
async fn partner(w: &World) -> (PartnerApp, String) {
    let input = PartnerAppForCreate {
        name: format!("App {}", w.n()),
        roles: vec![shipdesk::auth::Role::Cs],
        functions: vec!["current_user".into()],
        all_companies: true,
        rate_per_min: 60,
        ..Default::default()
    };
    service::create(w.state(), &w.admin, &input, &["current_user"])
        .await
        .unwrap()
}

fn settings(name: &str) -> Value {
    json!({"name": name, "roles": ["cs"], "functions": ["current_user"], "all_companies": true, "rate_per_min": 30})
}

pub async fn target(w: &World, endpoint: &str, _who: Who) -> Option<Target> {
    let t = match endpoint {
        "partner_token" => {
            let (app, secret) = partner(w).await;
            let ts = w.state().now() / 1000;
            let nonce = format!("nonce-{:06}", w.n());
            let signature = sign::sign(&secret, &[&app.app_id, &ts.to_string(), &nonce]);
            let body = json!({"input": {"app_id": app.app_id, "timestamp": ts, "nonce": nonce, "signature": signature}});
            api(body, field("/token_type", "Bearer"))
        }
        "list_partner_apps" => {
            let (app, _) = partner(w).await;
            api(none(), has("", "/id", app.id))
        }
        "create_partner_app" => {
            let name = format!("New {}", w.n());
            api(json!({"input": settings(&name)}), field("/0/name", name))
        }
        "update_partner_app" => {
            let (app, _) = partner(w).await;
            let name = format!("Renamed {}", w.n());
            api(
                json!({"id": app.id, "input": settings(&name)}),
                field("/name", name),
            )
        }
        "set_partner_app_enabled" => {
            let (app, _) = partner(w).await;
            api(
                json!({"id": app.id, "enabled": false}),
                field("", Value::Null),
            )
        }
        "rotate_partner_app_secret" => {
            let (app, _) = partner(w).await;
            api(json!({"id": app.id}), field("/0/id", app.id))
        }
        "list_partner_requests" => {
            let (app, _) = partner(w).await;
            let body = json!({"app_id": app.id, "page": 1, "size": 20});
            api(body, field("/total", 0))
        }
        "parse_inquiry" => api(
            json!({"text": "300kg 深圳到美国 ONT8 海派"}),
            has("/fields", "/name", "fba_code"),
        ),
        "list_partner_functions" => api(none(), has("", "/1", "current_user")),
        _ => return None,
    };
    Some(t)
}
