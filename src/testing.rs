//! Helpers for tests of this crate and of the server: a fresh, migrated
//! database per test (a temp SQLite file, or a new PostgreSQL database when
//! `SHIPDESK_TEST_PG` holds a server URL), and a few fixtures.

use crate::auth::{service as auth, Member, Staff, StaffForCreate};
use crate::customer::{service as customer, Company, CompanyForCreate, MemberForCreate};
use crate::db::{self, new_id, Db};
use crate::state::{AppState, Config};
use crate::types::Id;

/// A database URL for one test: a new SQLite file under the system temp dir,
/// or a new database on the PostgreSQL server named by `SHIPDESK_TEST_PG`.
pub async fn fresh_database_url() -> String {
    match std::env::var("SHIPDESK_TEST_PG")
        .ok()
        .filter(|s| !s.is_empty())
    {
        Some(base) => {
            let name = format!("sdtest_{}", new_id());
            let admin = db::connect(&base)
                .await
                .expect("connect to SHIPDESK_TEST_PG");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await
                .expect("create test database");
            admin.close().await;
            let (prefix, _) = base
                .rsplit_once('/')
                .expect("SHIPDESK_TEST_PG ends in /<database>");
            format!("{prefix}/{name}")
        }
        None => {
            let dir = std::env::temp_dir().join("shipdesk-tests");
            std::fs::create_dir_all(&dir).expect("temp dir");
            format!("sqlite://{}/{}.db", dir.display(), new_id())
        }
    }
}

pub async fn fresh_db() -> Db {
    let url = fresh_database_url().await;
    let pool = db::connect(&url).await.expect("connect test database");
    db::migrate(&pool).await.expect("migrate test database");
    pool
}

pub async fn test_state() -> AppState {
    AppState::new(fresh_db().await, Config::default())
}

/// A staff member with the given roles; the password is `letters123`.
pub async fn staff(state: &AppState, account: &str, roles: &[&str]) -> Staff {
    auth::create_staff_account(
        state,
        &StaffForCreate {
            account: account.into(),
            name: format!("{account} name"),
            password: "letters123".into(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
        },
    )
    .await
    .expect("create staff")
}

/// A company owned by `owner` (created as an admin would).
pub async fn company(
    state: &AppState,
    admin: &Staff,
    name: &str,
    owner: Option<&Staff>,
) -> Company {
    customer::create_company(
        state,
        admin,
        &CompanyForCreate {
            name: name.into(),
            owner_staff_id: owner.map(|o| o.id),
            ..Default::default()
        },
    )
    .await
    .expect("create company")
}

pub async fn member(
    state: &AppState,
    admin: &Staff,
    company: &Company,
    name: &str,
    phone: &str,
) -> Member {
    customer::add_member(
        state,
        admin,
        company.id,
        &MemberForCreate {
            name: name.into(),
            phone: phone.into(),
        },
    )
    .await
    .expect("add member");
    crate::auth::repo::member_by_phone(&state.db, phone)
        .await
        .unwrap()
        .expect("member exists")
}

/// A desk (no automatic reassignment unless `reassign_after_minutes`).
pub async fn desk(
    state: &AppState,
    admin: &Staff,
    code: &str,
    reassign_after_minutes: Option<i64>,
) -> crate::chat::Desk {
    crate::chat::service::admin::create_desk(
        state,
        admin,
        &crate::chat::DeskForCreate {
            code: code.into(),
            name_zh: format!("{code} 组"),
            name_en: code.into(),
            reassign_after_minutes,
        },
    )
    .await
    .expect("create cs desk")
}

/// A cs staff member serving `desks` with a cap of `max_concurrent`, online.
pub async fn agent(
    state: &AppState,
    admin: &Staff,
    account: &str,
    desks: &[Id],
    max_concurrent: i64,
) -> Staff {
    use crate::chat::{service::agent, AgentStatus};
    let s = staff(state, account, &["cs"]).await;
    crate::chat::service::admin::set_agent_desks(state, admin, s.id, desks, max_concurrent)
        .await
        .expect("set agent desks");
    agent::set_agent_status(state, &s, AgentStatus::Online)
        .await
        .expect("agent online");
    s
}

/// `n` text messages of `member` with `body` stored in `conv` at once (a
/// long history), numbered after its last seq.
pub async fn chat_history(
    state: &AppState,
    conv: &crate::chat::Conversation,
    member: &Member,
    n: usize,
    body: &str,
) {
    use crate::chat::{repo, Message, MessageKind, SenderKind};
    let now = state.now();
    let mut tx = state.db.begin().await.expect("begin");
    for i in 0..n {
        let seq = repo::conversation::next_seq(
            &mut *tx,
            conv.id,
            SenderKind::Member,
            MessageKind::Text,
            now,
        )
        .await
        .expect("next seq");
        let message = Message {
            id: new_id(),
            conversation_id: conv.id,
            seq,
            sender_kind: SenderKind::Member,
            sender_id: member.id,
            client_id: format!("history-{}-{i}", conv.id),
            kind: MessageKind::Text,
            body: body.to_owned(),
            reply_to_seq: None,
            recalled: false,
            created_at: crate::types::Timestamp(now),
        };
        repo::message::insert(&mut *tx, &message)
            .await
            .expect("insert message");
    }
    tx.commit().await.expect("commit history");
}

/// A quote search the demo catalogue answers: 5 cartons of 50×40×30 cm,
/// `weight_kg` each, general cargo, 深圳 → ONT8 (United States).
pub fn ont8_search(weight_kg: f64) -> crate::pricing::QuoteForSearch {
    use crate::pricing::{CargoInput, CartonInput, GoodsType, QuoteForSearch};
    QuoteForSearch {
        country: "US".into(),
        fba_code: Some("ONT8".into()),
        postcode: None,
        origin: Some("深圳".into()),
        cargo: CargoInput::Cartons {
            lines: vec![CartonInput {
                count: 5,
                length_cm: 50.0,
                width_cm: 40.0,
                height_cm: 30.0,
                weight_kg,
            }],
        },
        goods_type: GoodsType::General,
        wanted_date: None,
        mode: None,
        tag: None,
        special_only: false,
    }
}

/// A booking of `quote` under `key`: 张伟's 5 cartons of 22 kg (50×40×30
/// cm) of Bluetooth earphones, picked up in 深圳 for ONT8.
pub fn booking(quote: &str, key: &str) -> crate::orders::OrderForBook {
    use crate::orders::{Consignee, GoodsLine, OrderForBook, Shipper};
    use crate::pricing::CartonInput;
    OrderForBook {
        quote_number: quote.into(),
        client_key: key.into(),
        shipper: Shipper {
            name: "张伟".into(),
            phone: "13800138001".into(),
            address: "深圳市宝安区福永街道 1 号".into(),
        },
        consignee: Consignee::Fba {
            fba_code: "ONT8".into(),
            shipment_id: "FBA17ABCD123".into(),
            reference_id: Some("3K8Y1ABC".into()),
        },
        cartons: vec![CartonInput {
            count: 5,
            length_cm: 50.0,
            width_cm: 40.0,
            height_cm: 30.0,
            weight_kg: 22.0,
        }],
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
