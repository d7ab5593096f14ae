//! Demo orders, so a fresh demo shows the order pages, the alerts board
//! and the transfer numbers with something in them: five orders of the
//! demo customers, each taken through the real services (quote, booking,
//! ops' moves) to a different point. Loaded once: nothing is added while
//! any order exists. The customers are told in chat as for any order; the
//! conversations those notices open are then resolved, so the demo's
//! agents start with no open conversation.

use crate::auth::{repo as auth_repo, Principal};
use crate::chat;
use crate::error::{AppError, AppResult};
use crate::orders::model::*;
use crate::orders::pickup::{PickupForSave, Vehicle};
use crate::pricing::{
    self, CargoInput, CartonInput, GoodsType, Mode, QuoteForSave, QuoteForSearch,
};
use crate::state::AppState;

/// Where a demo order is taken.
#[derive(Clone, Copy)]
enum Stage {
    /// Pending, with a pickup booked in the first window with room.
    Booked,
    /// Confirmed, assigned to the demo provider, with a courier number.
    Confirmed,
    /// Received at 26 kg a carton instead of 22: an adjustment.
    Received,
    /// Departed, assigned to the demo provider.
    Departed,
    /// Departed, then held by ops: an open alert and a chat notice.
    Held,
}

/// (member phone, booking key, kg a carton, stage): 杨帆 of 杭州云帆.
const ORDERS: [(&str, &str, f64, Stage); 5] = [
    ("13800138006", "demo-order-1", 22.0, Stage::Booked),
    ("13800138006", "demo-order-2", 18.0, Stage::Confirmed),
    ("13800138006", "demo-order-3", 22.0, Stage::Received),
    ("13800138006", "demo-order-4", 20.0, Stage::Departed),
    ("13800138006", "demo-order-5", 21.0, Stage::Held),
];

fn cartons(kg: f64) -> CartonInput {
    CartonInput {
        count: 5,
        length_cm: 50.0,
        width_cm: 40.0,
        height_cm: 30.0,
        weight_kg: kg,
    }
}

fn booking(quote: &str, key: &str, member: &crate::auth::Member, kg: f64) -> OrderForBook {
    OrderForBook {
        quote_number: quote.into(),
        client_key: key.into(),
        shipper: Shipper {
            name: member.name.clone(),
            phone: member.phone.clone(),
            address: "深圳市宝安区福永街道凤凰第一工业区 8 栋".into(),
        },
        consignee: Consignee::Fba {
            fba_code: "ONT8".into(),
            shipment_id: format!("FBA18{}XYZ7", &key[key.len() - 1..]),
            reference_id: Some("3K8Y1ABC".into()),
        },
        cartons: vec![cartons(kg)],
        goods: vec![GoodsLine {
            name_zh: "蓝牙耳机".into(),
            name_en: "Bluetooth earphones".into(),
            hs_code: "85183000".into(),
            material: "塑料".into(),
            declared_value_usd: 1200.0,
            quantity: 300,
            brand: None,
        }],
        goods_type: None,
        pickup: true,
        remarks: None,
    }
}

/// Loads the demo orders (after the demo accounts and channels); how many.
pub async fn seed_demo_orders(state: &AppState) -> AppResult<usize> {
    let any: Option<i64> = sqlx::query_scalar("SELECT id FROM orders LIMIT 1")
        .fetch_optional(&state.db)
        .await?;
    if any.is_some() {
        return Ok(0);
    }
    let staff = |account: &'static str| async move {
        auth_repo::staff_with_hash(&state.db, account)
            .await?
            .map(|(s, _)| s)
            .ok_or(AppError::Internal)
    };
    let admin = staff("admin").await?;
    let ops = staff("ops1").await?;
    let provider = staff("provider1").await?;
    let ops_p = Principal::Staff(ops.clone());
    let mut added = 0;
    let mut told = vec![];
    for (phone, key, kg, stage) in ORDERS {
        let Some(member) = auth_repo::member_by_phone(&state.db, phone).await? else {
            continue;
        };
        told.push(member.id);
        let who = Principal::Member(member.clone());
        let search = QuoteForSearch {
            country: "US".into(),
            fba_code: Some("ONT8".into()),
            postcode: None,
            origin: Some("深圳".into()),
            cargo: CargoInput::Cartons {
                lines: vec![cartons(kg)],
            },
            goods_type: GoodsType::General,
            wanted_date: None,
            mode: None,
            tag: None,
            special_only: false,
        };
        let answer = pricing::service::search_quotes(state, &who, &search, false, None).await?;
        let Some(plan) = answer
            .plans
            .iter()
            .find(|p| p.channel.mode == Mode::SeaExpress)
        else {
            continue;
        };
        let input = QuoteForSave {
            search,
            channel_id: plan.channel.id,
            company_id: None,
        };
        let quote = pricing::service::save_quote(state, &who, &input).await?;
        let o = super::book_order(state, &who, &booking(&quote.number, key, &member, kg)).await?;
        added += 1;
        if matches!(stage, Stage::Booked) {
            // The pickup it asked for, in the first window with room.
            let check = super::check_pickup(state, &who, o.id).await?;
            let first = check.days.iter().find_map(|d| {
                d.slots
                    .iter()
                    .find(|s| s.remaining > 0)
                    .map(|s| (d.date, s.slot_id))
            });
            if let Some((date, slot_id)) = first {
                let plan = PickupForSave {
                    order_id: o.id,
                    slot_id,
                    date: date.to_string(),
                    address: check.address.clone(),
                    contact: check.contact.clone(),
                    phone: check.phone.clone(),
                    vehicle: Vehicle::Van,
                    pieces: check.pieces,
                    weight_kg: check.weight_kg,
                };
                super::save_pickup(state, &who, &plan).await?;
            }
            continue;
        }
        let o = super::confirm_order(state, &ops_p, o.id, o.version).await?;
        let o = match stage {
            Stage::Confirmed | Stage::Departed => {
                super::assign_provider(state, &ops, o.id, Some(provider.id)).await?
            }
            _ => o,
        };
        if matches!(stage, Stage::Confirmed) {
            let parcel = ParcelForSave {
                order_id: o.id,
                id: None,
                number: "SF1402345678901".into(),
                carrier: Some("sf".into()),
                cartons: "1-5".into(),
            };
            super::save_parcel(state, &who, &parcel).await?;
            continue;
        }
        let measured = match stage {
            Stage::Received => 26.0,
            _ => kg,
        };
        let receipt = OrderReceipt {
            id: o.id,
            cartons: vec![cartons(measured)],
            note: String::new(),
            version: o.version,
        };
        let o = super::receive_order(state, &ops_p, &receipt).await?;
        if matches!(stage, Stage::Received) {
            continue;
        }
        let depart = OrderMove {
            id: o.id,
            to: OrderStatus::Departed,
            note: String::new(),
            version: o.version,
        };
        let o = super::move_order(state, &ops_p, &depart).await?;
        if matches!(stage, Stage::Held) {
            let hold = OrderMove {
                id: o.id,
                to: OrderStatus::Exception,
                note: "目的港海关查验，预计延误 3 天".into(),
                version: o.version,
            };
            super::move_order(state, &ops_p, &hold).await?;
        }
    }
    told.dedup();
    for desk in chat::repo::desk::all(&state.db).await? {
        for member in &told {
            if let Some(c) = chat::repo::conversation::active(&state.db, *member, desk.id).await? {
                chat::service::agent::resolve(state, &admin, c.id).await?;
            }
        }
    }
    Ok(added)
}
