//! Targets of pricing: the quote form, searches, saved quotes (one of the
//! first company's member, which the other company may not read) and the
//! channels (read by customer staff, changed by ops and admins).

use serde_json::{json, Value};
use shipdesk::auth::Principal;
use shipdesk::pricing::{service, ChannelFilter, Plan, QuoteForSave, QuoteForSearch};
use shipdesk::{Id, PageQuery};

use super::{api, Target};
use crate::check::{field, has, none};
use crate::world::{Who, World};

fn search() -> Value {
    json!({
        "country": "US", "fba_code": "ONT8", "origin": "深圳",
        "cargo": {"by": "cartons", "lines": [
            {"count": 5, "length_cm": 50, "width_cm": 40, "height_cm": 30, "weight_kg": 22}
        ]}
    })
}

/// The demo catalogue (once) and the cheapest plan of the search.
async fn cheapest(w: &World) -> Plan {
    service::seed_demo_channels(w.state()).await.unwrap();
    let input: QuoteForSearch = serde_json::from_value(search()).unwrap();
    let who = Principal::Staff(w.admin.clone());
    let answer = service::search_quotes(w.state(), &who, &input, false, None)
        .await
        .unwrap();
    answer.plans.into_iter().next().expect("a plan")
}

/// A quote saved by the first company's member.
pub(super) async fn members_quote(w: &World) -> String {
    let plan = cheapest(w).await;
    let input = QuoteForSave {
        search: serde_json::from_value(search()).unwrap(),
        channel_id: plan.channel.id,
        company_id: None,
    };
    let who = Principal::Member(w.member.clone());
    service::save_quote(w.state(), &who, &input)
        .await
        .unwrap()
        .number
}

/// A UK channel, as stored now.
async fn channel(w: &World) -> shipdesk::pricing::Channel {
    service::seed_demo_channels(w.state()).await.unwrap();
    let filter = ChannelFilter {
        country: Some("GB".into()),
        ..Default::default()
    };
    let id: Id = service::list_channels(w.state(), &w.admin, &filter, PageQuery::default())
        .await
        .unwrap()
        .items[0]
        .id;
    service::get_channel(w.state(), &w.admin, id)
        .await
        .unwrap()
        .channel
}

pub async fn target(w: &World, endpoint: &str, _who: Who) -> Option<Target> {
    let t = match endpoint {
        "get_quote_form" => {
            cheapest(w).await;
            api(none(), has("/countries", "/code", "US"))
        }
        "search_quotes" => {
            cheapest(w).await;
            let body = json!({"search": search(), "explain": true});
            api(body, field("/plans/0/cheapest", true))
        }
        "save_quote" => {
            let plan = cheapest(w).await;
            let body = json!({"input": {"search": search(), "channel_id": plan.channel.id}});
            api(body, field("/total_fen", plan.total_fen))
        }
        "get_quote" => {
            let number = members_quote(w).await;
            api(json!({"number": number}), field("/number", number))
        }
        "list_quotes" => {
            cheapest(w).await;
            api(json!({"filter": {}}), field("/page", 1))
        }
        "list_channels" => {
            let ch = channel(w).await;
            api(
                json!({"filter": {"country": "GB"}}),
                has("/items", "/id", ch.id),
            )
        }
        "get_channel" => {
            let ch = channel(w).await;
            api(json!({"id": ch.id}), field("/channel/id", ch.id))
        }
        "save_channel" => {
            let mut ch = channel(w).await;
            ch.name = format!("英国空派 {}", w.n());
            let name = ch.name.clone();
            api(json!({"input": {"channel": ch}}), field("/name", name))
        }
        "set_channel_enabled" => {
            let ch = channel(w).await;
            let body = json!({"id": ch.id, "enabled": true});
            api(body, field("", Value::Null))
        }
        "list_price_levels" => {
            let l = level(w).await;
            api(none(), has("", "/id", l.id))
        }
        "save_price_level" => {
            let name = format!("等级 {}", w.n());
            let body = json!({"input": {"name": name, "default_bp": 300}});
            api(body, field("/name", name))
        }
        "delete_price_level" => {
            let l = level(w).await;
            api(json!({"id": l.id}), field("", Value::Null))
        }
        "set_company_price_level" => {
            let body = json!({"company_id": w.company.id, "level_id": null});
            api(body, field("", Value::Null))
        }
        "get_company_price_level" => {
            let l = level(w).await;
            service::set_company_price_level(w.state(), &w.admin, w.company.id, Some(l.id))
                .await
                .unwrap();
            api(
                json!({"company_id": w.company.id}),
                field("/level/id", l.id),
            )
        }
        "list_channel_libraries" => {
            let l = library(w).await;
            api(none(), has("", "/id", l.id))
        }
        "precheck_channel_library" => {
            cheapest(w).await;
            let body = json!({"input": {"name": "新库", "include": [987654321]}});
            api(body, has("/conflicts", "/code", "unknown_channel"))
        }
        "save_channel_library" => {
            let name = format!("库 {}", w.n());
            api(json!({"input": {"name": name}}), field("/name", name))
        }
        "delete_channel_library" => {
            let l = library(w).await;
            api(json!({"id": l.id}), field("", Value::Null))
        }
        "list_channel_tags" => {
            cheapest(w).await;
            api(none(), has("", "", "包税"))
        }
        "add_channel_tag" => {
            let name = format!("标签{}", w.n());
            api(json!({"name": name}), field("", Value::Null))
        }
        "delete_channel_tag" => {
            let name = format!("旧标签{}", w.n());
            service::add_channel_tag(w.state(), &w.admin, &name)
                .await
                .unwrap();
            api(json!({"name": name}), field("", Value::Null))
        }
        "read_channel_table" => {
            use base64::Engine;
            let ch = channel(w).await;
            let file = service::export_table(w.state(), &w.admin, ch.id)
                .await
                .unwrap();
            let body = json!({
                "id": ch.id,
                "file_base64": base64::engine::general_purpose::STANDARD.encode(&file.bytes),
            });
            api(body, field("/errors", json!([])))
        }
        "list_pickup_slots" => {
            let s = slot(w).await;
            api(none(), has("", "/id", s.id))
        }
        "save_pickup_slot" => {
            let body =
                json!({"input": {"city": "宁波", "start": "09:00", "end": "11:30", "capacity": 6}});
            api(body, field("/end", "11:30"))
        }
        "delete_pickup_slot" => {
            let s = slot(w).await;
            api(json!({"id": s.id}), field("", Value::Null))
        }
        "get_pickup_times" => {
            slot(w).await;
            api(
                json!({"city": "厦门", "days": 3}),
                field("/0/slots/0/start", "08:00"),
            )
        }
        _ => return None,
    };
    Some(t)
}

/// A fresh pickup window in 厦门, every day from 08:00.
async fn slot(w: &World) -> shipdesk::pricing::PickupSlot {
    let input = shipdesk::pricing::PickupSlotForSave {
        city: "厦门".into(),
        start: "08:00".into(),
        end: "10:00".into(),
        capacity: 3,
        enabled: true,
        ..Default::default()
    };
    service::save_pickup_slot(w.state(), &w.admin, &input)
        .await
        .unwrap()
}

/// A fresh library of the air express channels.
async fn library(w: &World) -> shipdesk::pricing::ChannelLibrary {
    let input = shipdesk::pricing::LibraryForSave {
        name: format!("Library {}", w.n()),
        ..Default::default()
    };
    service::save_channel_library(w.state(), &w.admin, &input)
        .await
        .unwrap()
}

/// A fresh price level no company has.
async fn level(w: &World) -> shipdesk::pricing::PriceLevel {
    let input = shipdesk::pricing::PriceLevelForSave {
        name: format!("Level {}", w.n()),
        default_bp: 500,
        ..Default::default()
    };
    service::save_price_level(w.state(), &w.admin, &input)
        .await
        .unwrap()
}
