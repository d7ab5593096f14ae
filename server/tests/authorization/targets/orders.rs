//! Targets of orders: a pre-order the first company's member books from
//! their own saved quote (fresh for each cell that changes it), confirmed
//! first where the move needs an order; an alert is raised by putting a
//! fresh confirmed order in exception.

use serde_json::{json, Value};
use shipdesk::auth::Principal;
use shipdesk::orders::alert::AlertFilter;
use shipdesk::orders::pickup::PickupForSave;
use shipdesk::orders::transfer::TransferRowInput;
use shipdesk::orders::{service, Order, OrderForBook, OrderMove, OrderStatus, ParcelForSave};
use shipdesk::pricing::PickupSlotForSave;

use super::{api, pricing::members_quote, Target};
use crate::check::{field, has};
use crate::world::{Who, World};

fn booking(quote: &str, key: &str) -> Value {
    json!({
        "quote_number": quote, "client_key": key,
        "shipper": {"name": "张伟", "phone": "13800138001", "address": "深圳市宝安区 1 号"},
        "consignee": {"kind": "fba", "fba_code": "ONT8", "shipment_id": "FBA17ABCD123"},
        "cartons": [{"count": 5, "length_cm": 50, "width_cm": 40, "height_cm": 30, "weight_kg": 22}],
        "goods": [{"name_zh": "耳机", "name_en": "Earphones", "hs_code": "85183000",
                   "material": "塑料", "declared_value_usd": 500, "quantity": 100}],
    })
}

/// A fresh pre-order of the first company's member.
async fn order(w: &World) -> Order {
    let quote = members_quote(w).await;
    let input: OrderForBook =
        serde_json::from_value(booking(&quote, &format!("authz-{}", w.n()))).unwrap();
    let who = Principal::Member(w.member.clone());
    service::book_order(w.state(), &who, &input).await.unwrap()
}

/// A fresh order, confirmed by the admin.
async fn confirmed(w: &World) -> Order {
    let o = order(w).await;
    let admin = Principal::Staff(w.admin.clone());
    service::confirm_order(w.state(), &admin, o.id, o.version)
        .await
        .unwrap()
}

/// A fresh open alert: a confirmed order the admin put in exception.
async fn alert(w: &World) -> shipdesk::Id {
    let o = confirmed(w).await;
    let admin = Principal::Staff(w.admin.clone());
    let hold = OrderMove {
        id: o.id,
        to: OrderStatus::Exception,
        note: "外箱破损".into(),
        version: o.version,
    };
    service::move_order(w.state(), &admin, &hold).await.unwrap();
    let filter = AlertFilter {
        order_id: Some(o.id),
        ..AlertFilter::default()
    };
    let page = service::list_alerts(w.state(), &admin, &filter, Default::default())
        .await
        .unwrap();
    page.items[0].id
}

/// A roomy window in 深圳 every day (and the demo cancel reasons).
async fn window(w: &World) -> shipdesk::Id {
    service::seed_demo_cancel_reasons(w.state()).await.unwrap();
    let input = PickupSlotForSave {
        city: "深圳".into(),
        start: "09:00".into(),
        end: "18:00".into(),
        capacity: 1000,
        ..Default::default()
    };
    shipdesk::pricing::service::save_pickup_slot(w.state(), &w.admin, &input)
        .await
        .unwrap()
        .id
}

/// A plan for tomorrow in `slot`.
fn plan(w: &World, order_id: shipdesk::Id, slot: shipdesk::Id) -> Value {
    let tomorrow = shipdesk::pricing::service::today(w.state()).add_days(1);
    json!({"order_id": order_id, "slot_id": slot, "date": tomorrow.to_string(),
        "address": "深圳市宝安区 1 号", "contact": "张伟", "phone": "13800138001",
        "vehicle": "van", "pieces": 5, "weight_kg": 110})
}

pub async fn target(w: &World, endpoint: &str, _who: Who) -> Option<Target> {
    let t = match endpoint {
        "book_order" => {
            let quote = members_quote(w).await;
            let body = json!({"input": booking(&quote, &format!("authz-{}", w.n()))});
            api(body, field("/status", "booked"))
        }
        "get_order" => {
            let o = order(w).await;
            api(json!({"id": o.id}), field("/number", o.number))
        }
        "find_order" => {
            let o = order(w).await;
            api(json!({"number": o.number}), field("/id", o.id))
        }
        "get_order_brief" => {
            let o = order(w).await;
            api(json!({"number": o.number}), field("/status", "booked"))
        }
        "list_orders" => {
            order(w).await;
            api(json!({"filter": {}}), field("/page", 1))
        }
        "count_orders" => {
            order(w).await;
            // Rows before confirm_order: nothing processed yet, for anyone.
            api(json!({}), field("/processed", 0))
        }
        "confirm_order" => {
            let o = order(w).await;
            api(
                json!({"id": o.id, "version": o.version}),
                field("/status", "confirmed"),
            )
        }
        "reject_order" => {
            let o = order(w).await;
            let body = json!({"id": o.id, "version": o.version, "reason": "品名不清"});
            api(body, field("/status", "rejected"))
        }
        "cancel_order" => {
            let o = order(w).await;
            let body = json!({"id": o.id, "version": o.version, "reason": "不发了"});
            api(body, field("/status", "cancelled"))
        }
        "move_order" => {
            let o = confirmed(w).await;
            let body = json!({"input": {"id": o.id, "to": "picked_up", "version": o.version}});
            api(body, field("/status", "picked_up"))
        }
        "preview_transfers" => {
            use base64::Engine;
            let o = confirmed(w).await;
            let number = o.order_number.clone().unwrap();
            let file = shipdesk::orders::transfer_xlsx::template(&[(number, 5)]).unwrap();
            let b64 = base64::engine::general_purpose::STANDARD.encode(file);
            api(
                json!({"file_base64": b64}),
                field("/errors/0/problem", "no_rows"),
            )
        }
        "apply_transfers" => {
            let o = confirmed(w).await;
            let provider = &w.others[2];
            service::assign_provider(w.state(), &w.admin, o.id, Some(provider.id))
                .await
                .unwrap();
            let row = json!({"order_number": o.order_number, "cartons": "1-5", "carrier": "ups",
                "number": format!("MX{:010}", w.n())});
            api(json!({"rows": [row]}), field("/numbers", 1))
        }
        "get_export_progress" => api(json!({"id": "authz-export-1"}), field("/started", false)),
        "list_providers" => api(json!({}), field("/0/name", "provider1 name")),
        "assign_provider" => {
            let o = confirmed(w).await;
            let body = json!({"id": o.id, "provider_id": w.others[2].id});
            api(body, field("/provider_name", "provider1 name"))
        }
        "receive_order" => {
            let o = confirmed(w).await;
            let body = json!({"input": {"id": o.id, "version": o.version, "cartons": [
                {"count": 5, "length_cm": 50, "width_cm": 40, "height_cm": 30, "weight_kg": 25}]}});
            api(body, field("/status", "received"))
        }
        "list_parcels" => {
            let o = order(w).await;
            let input = ParcelForSave {
                order_id: o.id,
                id: None,
                number: format!("SF1{:011}", w.n()),
                carrier: Some("sf".into()),
                cartons: String::new(),
            };
            let who = Principal::Member(w.member.clone());
            let saved = service::save_parcel(w.state(), &who, &input).await.unwrap();
            api(json!({"order_id": o.id}), has("", "/id", saved[0].id))
        }
        "track_transfer" => {
            let o = confirmed(w).await;
            service::assign_provider(w.state(), &w.admin, o.id, Some(w.others[2].id))
                .await
                .unwrap();
            let number = format!("MX{:010}", w.n());
            let row = TransferRowInput {
                order_number: o.order_number.clone().unwrap(),
                cartons: "1-5".into(),
                carrier: Some("ups".into()),
                number: number.clone(),
            };
            service::apply_transfers(w.state(), &w.admin, vec![row])
                .await
                .unwrap();
            let read = service::get_order(w.state(), &Principal::Staff(w.admin.clone()), o.id)
                .await
                .unwrap();
            let body = json!({"order_id": o.id, "transfer_id": read.transfers[0].id});
            api(body, field("/transfer/number", number))
        }
        "track_parcel" => {
            let o = order(w).await;
            let input = ParcelForSave {
                order_id: o.id,
                id: None,
                number: format!("SF3{:011}", w.n()),
                carrier: Some("sf".into()),
                cartons: String::new(),
            };
            let who = Principal::Member(w.member.clone());
            let saved = service::save_parcel(w.state(), &who, &input).await.unwrap();
            let body = json!({"order_id": o.id, "parcel_id": saved[0].id});
            api(body, field("/parcel/number", saved[0].number.clone()))
        }
        "save_parcel" => {
            let o = order(w).await;
            let number = format!("SF2{:011}", w.n());
            let body = json!({"input": {"order_id": o.id, "number": number, "carrier": "sf"}});
            api(body, field("/0/number", number))
        }
        "delete_parcel" => {
            let o = order(w).await;
            let input = ParcelForSave {
                order_id: o.id,
                id: None,
                number: format!("SF3{:011}", w.n()),
                carrier: Some("sf".into()),
                cartons: String::new(),
            };
            let who = Principal::Member(w.member.clone());
            let saved = service::save_parcel(w.state(), &who, &input).await.unwrap();
            api(
                json!({"order_id": o.id, "id": saved[0].id}),
                field("", json!([])),
            )
        }
        "create_act_as_token" => {
            let body = json!({"member_id": w.member.id, "minutes": 5});
            api(body, field("/member_id", w.member.id))
        }
        "book_quick_order" => {
            let t = service::create_act_as_token(w.state(), &w.sales, w.member.id, 5)
                .await
                .unwrap();
            let quote = members_quote(w).await;
            let body =
                json!({"token": t.token, "input": booking(&quote, &format!("authz-{}", w.n()))});
            api(body, field("/quick", true))
        }
        "check_pickup" => {
            let o = order(w).await;
            window(w).await;
            api(json!({"order_id": o.id}), field("/order_id", o.id))
        }
        "save_pickup" => {
            let o = order(w).await;
            let body = json!({"input": plan(w, o.id, window(w).await)});
            api(body, field("/status", "scheduled"))
        }
        "list_pickups" => {
            let o = order(w).await;
            let input: PickupForSave =
                serde_json::from_value(plan(w, o.id, window(w).await)).unwrap();
            service::save_pickup(w.state(), &Principal::Staff(w.admin.clone()), &input)
                .await
                .unwrap();
            api(json!({"filter": {}}), field("/page", 1))
        }
        "cancel_pickup" => {
            let o = order(w).await;
            let input: PickupForSave =
                serde_json::from_value(plan(w, o.id, window(w).await)).unwrap();
            let p = service::save_pickup(w.state(), &Principal::Staff(w.admin.clone()), &input)
                .await
                .unwrap();
            let reason = service::list_cancel_reasons(w.state()).await.unwrap()[0].id;
            api(
                json!({"id": p.id, "reason_id": reason}),
                field("/status", "cancelled"),
            )
        }
        "list_pickup_cancel_reasons" => {
            service::seed_demo_cancel_reasons(w.state()).await.unwrap();
            api(json!({}), field("/0/text_zh", "客户改期"))
        }
        "add_pickup_cancel_reason" => {
            let zh = format!("原因 {}", w.n());
            api(
                json!({"text_zh": zh, "text_en": "A reason"}),
                field("/text_zh", zh),
            )
        }
        "list_alerts" => {
            alert(w).await;
            api(json!({"filter": {"status": "all"}}), field("/page", 1))
        }
        "close_alert" => {
            let id = alert(w).await;
            let body = json!({"id": id, "note": "已联系客户"});
            api(body, field("/status", "closed"))
        }
        "get_alert_settings" => api(json!({}), field("/thresholds/0/mode", "sea_express")),
        "save_alert_settings" => {
            let body = json!({"input": {"thresholds": [{"mode": "sea", "hours": 400}]}});
            api(body, field("/thresholds/1/hours", 400))
        }
        _ => return None,
    };
    Some(t)
}
