//! The inquiry hall on a real database (SQLite, and PostgreSQL with
//! `SHIPDESK_TEST_PG`), on a manual clock: posting and numbering, who sees
//! which inquiry, deletes that hide only from the customer, counts,
//! answers (and their race), status moves, the SLA's edge (`hall`); the
//! WeCom robot against a robot on loopback (`robot`).

mod hall;
mod robot;
mod wecom;

use super::model::*;
use super::service;
use crate::auth::{Principal, Staff};
use crate::customer::Company;
use crate::db::Clock;
use crate::pricing::model::*;
use crate::state::{AppState, Config};
use crate::testing;
use crate::webhook::target::AllowList;

/// 2026-12-02 12:00 in Shanghai.
pub const NOW: i64 = 1_796_184_000_000;

pub struct World {
    pub state: AppState,
    pub admin: Staff,
    pub ops: Staff,
    pub sales: Staff,
    pub other_sales: Staff,
    pub company: Company,
    pub rival: Company,
    pub alice: Principal,
    pub carol: Principal,
    pub bob: Principal,
}

/// Staff, two companies (each of its salesperson), two members of the
/// first and one of the second; robots may be on loopback.
pub async fn world() -> World {
    let config = Config {
        webhook_allow: AllowList::parse("127.0.0.1").unwrap(),
        ..Config::default()
    };
    let mut state = AppState::new(testing::fresh_db().await, config);
    state.clock = Clock::manual(NOW);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let ops = testing::staff(&state, "ops", &["ops"]).await;
    let sales = testing::staff(&state, "sales", &["sales"]).await;
    let other_sales = testing::staff(&state, "sales_b", &["sales"]).await;
    let company = testing::company(&state, &admin, "深圳星辰", Some(&sales)).await;
    let rival = testing::company(&state, &admin, "广州优品", Some(&other_sales)).await;
    let alice = testing::member(&state, &admin, &company, "张伟", "13800138001").await;
    let carol = testing::member(&state, &admin, &company, "李娜", "13800138002").await;
    let bob = testing::member(&state, &admin, &rival, "刘洋", "13800138004").await;
    World {
        state,
        admin,
        ops,
        sales,
        other_sales,
        company,
        rival,
        alice: Principal::Member(alice),
        carol: Principal::Member(carol),
        bob: Principal::Member(bob),
    }
}

pub fn staff(s: &Staff) -> Principal {
    Principal::Staff(s.clone())
}

pub fn text(t: &str) -> InquiryForPost {
    InquiryForPost {
        text: Some(t.into()),
        ..Default::default()
    }
}

pub fn ont8() -> QuoteForSearch {
    crate::testing::ont8_search(22.0)
}

impl World {
    pub async fn post(&self, who: &Principal, t: &str) -> HallInquiry {
        service::post_inquiry(&self.state, who, &text(t))
            .await
            .unwrap()
    }

    /// A saved quote of `who`'s company (the demo catalogue stored first).
    pub async fn quote(&self, who: &Principal) -> String {
        use crate::pricing::service as pricing;
        pricing::seed_demo_channels(&self.state).await.unwrap();
        let answer = pricing::search_quotes(&self.state, who, &ont8(), false, None)
            .await
            .unwrap();
        let input = QuoteForSave {
            search: ont8(),
            channel_id: answer.plans[0].channel.id,
            company_id: None,
        };
        pricing::save_quote(&self.state, who, &input)
            .await
            .unwrap()
            .number
    }

    pub async fn all(&self, s: &Staff) -> crate::Page<HallInquiry> {
        service::list_inquiries(&self.state, s, &Default::default(), Default::default())
            .await
            .unwrap()
    }

    pub async fn mine(&self, who: &Principal) -> crate::Page<HallInquiry> {
        service::list_my_inquiries(&self.state, who, &Default::default(), Default::default())
            .await
            .unwrap()
    }
}
