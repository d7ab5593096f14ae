//! Targets of the inquiry hall: fresh inquiries of the first company's
//! member (which the other company's member may not delete, and which its
//! owner salesperson sees), a saved quote of that company to answer with,
//! and the admin's settings and robot test (to a robot name that does not
//! resolve: the answer reports it).

use serde_json::{json, Value};
use shipdesk::auth::{Member, Principal};
use shipdesk::pricing::inquiry_hall::{service, InquiryForPost, InquirySettingsForSave};
use shipdesk::pricing::{service as pricing, QuoteForSave, QuoteForSearch};
use shipdesk::Id;

use super::{api, Target};
use crate::check::{field, has, none};
use crate::world::{Who, World};

async fn post(w: &World, m: &Member, text: &str) -> Id {
    let input = InquiryForPost {
        text: Some(text.into()),
        ..Default::default()
    };
    service::post_inquiry(w.state(), &Principal::Member(m.clone()), &input)
        .await
        .unwrap()
        .id
}

/// The member of the company `who` belongs to (the first one for staff).
fn member_for(w: &World, who: Who) -> &Member {
    if who == Who::Outsider {
        &w.outsider
    } else {
        &w.member
    }
}

/// A quote saved by the first company's member.
async fn quote(w: &World) -> String {
    pricing::seed_demo_channels(w.state()).await.unwrap();
    let search: QuoteForSearch = serde_json::from_value(json!({
        "country": "US", "fba_code": "ONT8", "origin": "深圳",
        "cargo": {"by": "totals", "weight_kg": 300, "volume_cbm": 2}
    }))
    .unwrap();
    let who = Principal::Member(w.member.clone());
    let answer = pricing::search_quotes(w.state(), &who, &search, false, None)
        .await
        .unwrap();
    let input = QuoteForSave {
        search,
        channel_id: answer.plans[0].channel.id,
        company_id: None,
    };
    pricing::save_quote(w.state(), &who, &input)
        .await
        .unwrap()
        .number
}

pub async fn target(w: &World, endpoint: &str, who: Who) -> Option<Target> {
    let t = match endpoint {
        "post_inquiry" => {
            let body = json!({"input": {"text": "300kg 2方 深圳到美国FBA ONT8 海派"}});
            api(body, field("/status", "pending"))
        }
        "list_my_inquiries" => {
            let id = post(w, member_for(w, who), "100kg 到美国 ONT8").await;
            api(json!({"filter": {}}), has("/items", "/id", id))
        }
        "delete_my_inquiry" => {
            let id = post(w, &w.member, "100kg 到美国 ONT8").await;
            api(json!({"id": id}), field("", Value::Null))
        }
        "clear_my_inquiries" => {
            let m = member_for(w, who);
            let p = Principal::Member(m.clone());
            service::clear_my_inquiries(w.state(), &p).await.unwrap();
            post(w, m, "100kg 到美国 ONT8").await;
            api(none(), field("", 1))
        }
        "list_inquiries" => {
            let tag = format!("matrix-{}", w.n());
            let id = post(w, &w.member, &format!("{tag} 300kg 到美国 ONT8")).await;
            api(json!({"filter": {"q": tag}}), has("/items", "/id", id))
        }
        "count_inquiries" => {
            let tag = format!("matrix-{}", w.n());
            post(w, &w.member, &format!("{tag} 300kg 到美国 ONT8")).await;
            api(json!({"filter": {"q": tag}}), field("/pending", 1))
        }
        "answer_inquiry" => {
            let (id, number) = (
                post(w, &w.member, "300kg 到美国 ONT8").await,
                quote(w).await,
            );
            let body = json!({"id": id, "quote_number": number});
            api(body, field("/status", "quoted"))
        }
        "set_inquiry_status" => {
            let id = post(w, &w.member, "300kg 到美国 ONT8").await;
            let body = json!({"id": id, "status": "closed"});
            api(body, field("/status", "closed"))
        }
        "get_inquiry_settings" => {
            let sla = 40 + i64::from(w.n());
            let input = InquirySettingsForSave {
                sla_minutes: sla,
                robot_url: None,
            };
            service::save_inquiry_settings(w.state(), &w.admin, &input)
                .await
                .unwrap();
            api(none(), field("/sla_minutes", sla))
        }
        "save_inquiry_settings" => {
            let sla = 40 + i64::from(w.n());
            let body = json!({"input": {"sla_minutes": sla, "robot_url": ""}});
            api(body, field("/sla_minutes", sla))
        }
        "send_robot_test" => {
            let url = "https://robot.invalid/cgi-bin/webhook/send?key=matrix";
            api(json!({"url": url}), field("/ok", false))
        }
        _ => return None,
    };
    Some(t)
}
