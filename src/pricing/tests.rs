//! Pricing services on a real database (SQLite, and PostgreSQL with
//! `SHIPDESK_TEST_PG`): the demo catalogue stored and searched, quotes saved
//! as snapshots and numbered under bursts, versioned channel saves, the
//! catalogue reloaded after a change on every instance, and who may do what.

use super::model::*;
use super::service;
use crate::auth::{Principal, Staff};
use crate::customer::Company;
use crate::db::Clock;
use crate::error::AppError;
use crate::state::AppState;
use crate::testing::{self, test_state};
use crate::{ErrorKey, PageQuery};

/// 2026-12-02 12:00 in Shanghai.
const NOW: i64 = 1_796_184_000_000;

struct World {
    state: AppState,
    admin: Staff,
    ops: Staff,
    sales: Staff,
    other_sales: Staff,
    company: Company,
    alice: Principal,
    bob: Principal,
}

async fn world() -> World {
    let mut state = test_state().await;
    state.clock = Clock::manual(NOW);
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let ops = testing::staff(&state, "ops", &["ops"]).await;
    let sales = testing::staff(&state, "sales", &["sales"]).await;
    let other_sales = testing::staff(&state, "sales_b", &["sales"]).await;
    let company = testing::company(&state, &admin, "深圳星辰", Some(&sales)).await;
    let rival = testing::company(&state, &admin, "广州优品", Some(&other_sales)).await;
    let alice = testing::member(&state, &admin, &company, "张伟", "13800138001").await;
    let bob = testing::member(&state, &admin, &rival, "刘洋", "13800138004").await;
    assert!(service::seed_demo_channels(&state).await.unwrap() >= 30);
    World {
        state,
        admin,
        ops,
        sales,
        other_sales,
        company,
        alice: Principal::Member(alice),
        bob: Principal::Member(bob),
    }
}

fn ont8(weight_kg: f64) -> QuoteForSearch {
    crate::testing::ont8_search(weight_kg)
}

fn staff(s: &Staff) -> Principal {
    Principal::Staff(s.clone())
}

async fn first_plan(w: &World) -> Plan {
    let answer = service::search_quotes(&w.state, &w.alice, &ont8(22.0), false, None)
        .await
        .unwrap();
    answer.plans.into_iter().next().expect("a plan")
}

async fn save(w: &World, who: &Principal, channel_id: crate::Id) -> Result<SavedQuote, AppError> {
    let input = QuoteForSave {
        search: ont8(22.0),
        channel_id,
        company_id: None,
    };
    service::save_quote(&w.state, who, &input).await
}

#[tokio::test]
async fn the_stored_demo_catalogue_answers_a_first_search_with_marked_plans() {
    let w = world().await;

    let form = service::quote_form(&w.state, &w.alice).await.unwrap();
    let answer = service::search_quotes(&w.state, &w.alice, &ont8(22.0), true, None)
        .await
        .unwrap();

    let codes: Vec<&str> = form.countries.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["CA", "DE", "GB", "JP", "US"]);
    assert_eq!(form.countries[4].name_zh, "美国");
    assert!(form.origins.contains(&"深圳".to_string()));
    assert_eq!(form.today.to_string(), "2026-12-02");
    assert!(answer.plans.len() >= 3, "{}", answer.plans.len());
    assert!(answer.plans[0].cheapest);
    assert_eq!(answer.plans.iter().filter(|p| p.fastest).count() >= 1, true);
    assert!(answer
        .plans
        .windows(2)
        .all(|p| p[0].total_fen <= p[1].total_fen));
    assert!(answer.misses.iter().all(|m| !m.reasons.is_empty()));
    assert_eq!(answer.priced_on, form.today);
}

#[tokio::test]
async fn an_unknown_fba_code_and_a_past_wanted_date_name_their_fields() {
    let w = world().await;
    let mut unknown = ont8(22.0);
    unknown.fba_code = Some("ZZZ9".into());
    let mut past = ont8(22.0);
    past.wanted_date = Some("2026-12-01".into());

    let e1 = service::search_quotes(&w.state, &w.alice, &unknown, false, None).await;
    let e2 = service::search_quotes(&w.state, &w.alice, &past, false, None).await;

    assert_eq!(
        e1.unwrap_err(),
        AppError::validation("fba_code", ErrorKey::FbaCodeUnknown)
    );
    assert_eq!(
        e2.unwrap_err(),
        AppError::validation("wanted_date", ErrorKey::WantedDateInPast)
    );
}

#[tokio::test]
async fn a_saved_quote_is_priced_on_the_server_and_stays_as_saved_after_a_price_change() {
    let w = world().await;
    let plan = first_plan(&w).await;

    let saved = save(&w, &w.alice, plan.channel.id).await.unwrap();
    let mut detail = service::get_channel(&w.state, &w.ops, plan.channel.id)
        .await
        .unwrap();
    for zone in &mut detail.channel.zones {
        for rate in &mut zone.rates {
            rate.fen += 500;
        }
    }
    let changed = service::save_channel(
        &w.state,
        &w.ops,
        &ChannelForSave {
            channel: detail.channel,
        },
    )
    .await
    .unwrap();
    let again = service::get_quote(&w.state, &w.alice, &saved.number)
        .await
        .unwrap();
    let repriced = service::search_quotes(&w.state, &w.alice, &ont8(22.0), false, None)
        .await
        .unwrap()
        .plans
        .into_iter()
        .find(|p| p.channel.id == plan.channel.id)
        .unwrap();

    assert_eq!(saved.number, "Q20261202-0001");
    assert_eq!(saved.total_fen, plan.total_fen);
    assert_eq!(saved.company_id, Some(w.company.id));
    assert_eq!(saved.created_by, "张伟");
    assert_eq!(saved.table_version, 1);
    assert!(saved.valid_until.days() - NOW_DAY <= service::QUOTE_VALID_DAYS);
    assert_eq!(changed.table_version, 2);
    assert_eq!(again, saved, "the snapshot does not follow the table");
    assert!(repriced.total_fen > plan.total_fen, "the search follows it");
    assert_eq!(repriced.channel.table_version, 2);
}

/// 2026-12-02 as a day count.
const NOW_DAY: i32 = 20_789;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_saves_get_one_number_each() {
    let w = world().await;
    let plan = first_plan(&w).await;
    let input = QuoteForSave {
        search: ont8(22.0),
        channel_id: plan.channel.id,
        company_id: None,
    };

    let mut saves = tokio::task::JoinSet::new();
    for _ in 0..12 {
        let (state, who, input) = (w.state.clone(), w.alice.clone(), input.clone());
        saves.spawn(async move { service::save_quote(&state, &who, &input).await });
    }
    let mut numbers = Vec::new();
    while let Some(r) = saves.join_next().await {
        numbers.push(r.unwrap().unwrap().number);
    }
    numbers.sort();
    let expected: Vec<String> = (1..=12).map(|i| format!("Q20261202-{i:04}")).collect();
    assert_eq!(numbers, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_editors_saving_the_same_version_one_wins_and_the_other_is_told() {
    let w = world().await;
    let id = first_plan(&w).await.channel.id;
    let read = service::get_channel(&w.state, &w.ops, id).await.unwrap();
    let edit = |name: &str| {
        let mut ch = read.channel.clone();
        ch.name = name.into();
        ChannelForSave { channel: ch }
    };
    let (a, b) = (edit("甲"), edit("乙"));

    let (ra, rb) = tokio::join!(
        service::save_channel(&w.state, &w.ops, &a),
        service::save_channel(&w.state, &w.admin, &b)
    );
    let detail = service::get_channel(&w.state, &w.ops, id).await.unwrap();

    let conflict = AppError::conflict("table_version", ErrorKey::ChannelChanged);
    let outcomes = [ra.is_ok(), rb.is_ok()];
    assert_eq!(outcomes.iter().filter(|ok| **ok).count(), 1, "{outcomes:?}");
    assert!([ra.err(), rb.err()].contains(&Some(conflict)));
    assert_eq!(detail.channel.table_version, 2);
    assert_eq!(detail.versions.len(), 2);
    assert_eq!(detail.versions[0].version, 2);
}

#[tokio::test]
async fn a_channel_that_fails_its_checks_is_refused_by_field_and_nothing_changes() {
    let w = world().await;
    let id = first_plan(&w).await.channel.id;
    let mut ch = service::get_channel(&w.state, &w.ops, id)
        .await
        .unwrap()
        .channel;
    ch.zones[0].rates.clear();

    let e = service::save_channel(&w.state, &w.ops, &ChannelForSave { channel: ch }).await;
    let after = service::get_channel(&w.state, &w.ops, id).await.unwrap();

    assert_eq!(
        e.unwrap_err(),
        AppError::validation("zones[0].rates", ErrorKey::ChannelRatesInvalid)
    );
    assert_eq!(after.channel.table_version, 1);
    assert_eq!(after.versions.len(), 1);
}

#[tokio::test]
async fn a_disabled_channel_leaves_the_search_at_once() {
    let w = world().await;
    let plan = first_plan(&w).await;

    service::set_channel_enabled(&w.state, &w.ops, plan.channel.id, false)
        .await
        .unwrap();
    let answer = service::search_quotes(&w.state, &w.alice, &ont8(22.0), true, None)
        .await
        .unwrap();

    assert!(answer.plans.iter().all(|p| p.channel.id != plan.channel.id));
    let miss = answer
        .misses
        .iter()
        .find(|m| m.channel_id == plan.channel.id)
        .expect("explained");
    assert_eq!(miss.reasons[0].why, NoMatch::Disabled);
}

#[tokio::test]
async fn another_instance_sees_a_channel_change_once_it_is_told() {
    let w = world().await;
    let plan = first_plan(&w).await;
    // A second instance: its own catalogue in memory, the same database.
    let other = AppState {
        pricing: Default::default(),
        ..w.state.clone()
    };
    if crate::db::backend(&w.state.db) == crate::db::Backend::Postgres {
        other
            .pricing
            .start_postgres(other.db.clone())
            .await
            .unwrap();
    }
    let before = service::search_quotes(&other, &w.alice, &ont8(22.0), false, None)
        .await
        .unwrap();

    service::set_channel_enabled(&w.state, &w.ops, plan.channel.id, false)
        .await
        .unwrap();
    if crate::db::backend(&w.state.db) != crate::db::Backend::Postgres {
        // SQLite serves one instance; what NOTIFY does there is this.
        other.pricing.invalidate();
    }
    let mut gone = false;
    for _ in 0..50 {
        let after = service::search_quotes(&other, &w.alice, &ont8(22.0), false, None)
            .await
            .unwrap();
        if after.plans.iter().all(|p| p.channel.id != plan.channel.id) {
            gone = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    assert!(before.plans.iter().any(|p| p.channel.id == plan.channel.id));
    assert!(gone, "the other instance still prices the disabled channel");
}

#[tokio::test]
async fn customers_see_their_companys_quotes_and_sales_their_own_companies() {
    let w = world().await;
    let id = first_plan(&w).await.channel.id;
    let mine = save(&w, &w.alice, id).await.unwrap();
    let bobs = save(&w, &w.bob, id).await.unwrap();
    let page = PageQuery::default();

    let alice_list = service::list_quotes(&w.state, &w.alice, &Default::default(), page)
        .await
        .unwrap();
    let sales_list = service::list_quotes(&w.state, &staff(&w.sales), &Default::default(), page)
        .await
        .unwrap();
    let ops_list = service::list_quotes(&w.state, &staff(&w.ops), &Default::default(), page)
        .await
        .unwrap();
    let stolen = service::get_quote(&w.state, &w.alice, &bobs.number).await;
    let by_other_sales = service::get_quote(&w.state, &staff(&w.other_sales), &mine.number).await;

    assert_eq!(alice_list.total, 1);
    assert_eq!(alice_list.items[0].number, mine.number);
    assert_eq!(sales_list.total, 1);
    assert_eq!(sales_list.items[0].number, mine.number);
    assert_eq!(ops_list.total, 2);
    assert!(matches!(stolen, Err(AppError::NotFound { .. })));
    assert!(matches!(by_other_sales, Err(AppError::NotFound { .. })));
}

#[tokio::test]
async fn staff_save_for_companies_in_their_scope_only() {
    let w = world().await;
    let id = first_plan(&w).await.channel.id;
    let input = |company| QuoteForSave {
        search: ont8(22.0),
        channel_id: id,
        company_id: Some(company),
    };
    let rival = match &w.bob {
        Principal::Member(m) => m.company_id,
        _ => unreachable!(),
    };

    let own = service::save_quote(&w.state, &staff(&w.sales), &input(w.company.id)).await;
    let theirs = service::save_quote(&w.state, &staff(&w.sales), &input(rival)).await;
    let member_for_other = service::save_quote(&w.state, &w.alice, &input(rival)).await;
    let found = service::list_quotes(
        &w.state,
        &staff(&w.admin),
        &QuoteFilter {
            q: Some("q2026".into()),
            company_id: Some(w.company.id),
        },
        PageQuery::default(),
    )
    .await
    .unwrap();

    let own = own.unwrap();
    assert_eq!(own.company_name.as_deref(), Some("深圳星辰"));
    assert_eq!(own.created_by, "sales name");
    assert!(matches!(theirs, Err(AppError::NotFound { .. })));
    assert_eq!(member_for_other.unwrap_err(), AppError::Forbidden);
    assert_eq!(found.total, 1);
}

#[tokio::test]
async fn only_ops_and_admins_change_channels_and_providers_do_not_search() {
    let w = world().await;
    let id = first_plan(&w).await.channel.id;
    let cs = testing::staff(&w.state, "cs_agent", &["cs"]).await;
    let provider = testing::staff(&w.state, "provider1", &["provider"]).await;

    let by_sales = service::set_channel_enabled(&w.state, &w.sales, id, false).await;
    let by_cs = service::get_channel(&w.state, &cs, id).await;
    let by_provider =
        service::search_quotes(&w.state, &staff(&provider), &ont8(22.0), false, None).await;
    let listed = service::list_channels(
        &w.state,
        &w.sales,
        &ChannelFilter {
            country: Some("gb".into()),
            ..Default::default()
        },
        PageQuery::default(),
    )
    .await
    .unwrap();

    assert_eq!(by_sales.unwrap_err(), AppError::Forbidden);
    assert!(by_cs.is_ok());
    assert_eq!(by_provider.unwrap_err(), AppError::Forbidden);
    assert!(listed.total >= 3);
    assert!(listed.items.iter().all(|c| c.country == "GB"));
}

#[tokio::test]
async fn a_plan_the_channel_does_not_give_cannot_be_saved() {
    let w = world().await;
    // A UK channel does not deliver to ONT8.
    let uk = service::list_channels(
        &w.state,
        &w.ops,
        &ChannelFilter {
            country: Some("GB".into()),
            ..Default::default()
        },
        PageQuery::default(),
    )
    .await
    .unwrap()
    .items[0]
        .id;

    let e = save(&w, &w.alice, uk).await;

    assert_eq!(
        e.unwrap_err(),
        AppError::validation("channel_id", ErrorKey::ChannelNoPlan)
    );
}

async fn vip(w: &World, bp: i32, default: bool) -> crate::pricing::PriceLevel {
    let input = crate::pricing::PriceLevelForSave {
        name: format!("VIP {bp}"),
        default_bp: bp,
        is_default: default,
        ..Default::default()
    };
    service::save_price_level(&w.state, &w.admin, &input)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_customer_pays_their_levels_price_and_never_sees_the_cost() {
    let w = world().await;
    let cost = first_plan(&w).await;
    let level = vip(&w, 1_000, false).await;
    service::set_company_price_level(&w.state, &w.admin, w.company.id, Some(level.id))
        .await
        .unwrap();

    let alices = service::search_quotes(&w.state, &w.alice, &ont8(22.0), false, None)
        .await
        .unwrap();
    let bobs = service::search_quotes(&w.state, &w.bob, &ont8(22.0), false, None)
        .await
        .unwrap();
    let (sales, search) = (staff(&w.sales), ont8(22.0));
    let sales_view = service::search_quotes(&w.state, &sales, &search, false, Some(w.company.id))
        .await
        .unwrap();
    let saved = save(&w, &w.alice, cost.channel.id).await.unwrap();
    let read_by_ops = service::get_quote(&w.state, &staff(&w.ops), &saved.number)
        .await
        .unwrap();

    let alice_plan = alices
        .plans
        .iter()
        .find(|p| p.channel.id == cost.channel.id)
        .unwrap();
    let bob_plan = bobs
        .plans
        .iter()
        .find(|p| p.channel.id == cost.channel.id)
        .unwrap();
    assert!(alice_plan.total_fen > cost.total_fen, "marked up");
    assert_eq!(
        bob_plan.total_fen, cost.total_fen,
        "another company: table price"
    );
    assert!(alices.plans.iter().all(|p| p.cost_total_fen.is_none()));
    assert_eq!(
        saved.plan.cost_total_fen, None,
        "not even in her saved quote"
    );
    assert_eq!(saved.total_fen, alice_plan.total_fen);
    let sales_plan = sales_view
        .plans
        .iter()
        .find(|p| p.channel.id == cost.channel.id)
        .unwrap();
    assert_eq!(sales_plan.total_fen, alice_plan.total_fen);
    assert_eq!(
        sales_plan.cost_total_fen,
        Some(cost.total_fen),
        "staff see both"
    );
    assert_eq!(read_by_ops.plan.cost_total_fen, Some(cost.total_fen));
}

#[tokio::test]
async fn the_default_level_prices_companies_without_one_and_cannot_be_deleted() {
    let w = world().await;
    let cost = first_plan(&w).await;
    let standard = vip(&w, 500, true).await;
    let other = vip(&w, 800, true).await;
    service::set_company_price_level(&w.state, &w.admin, w.company.id, Some(standard.id))
        .await
        .unwrap();

    let levels = service::list_price_levels(&w.state, &w.sales)
        .await
        .unwrap();
    let bobs = service::search_quotes(&w.state, &w.bob, &ont8(22.0), false, None)
        .await
        .unwrap();
    let in_use = service::delete_price_level(&w.state, &w.admin, standard.id).await;
    let the_default = service::delete_price_level(&w.state, &w.admin, other.id).await;
    let by_sales = service::save_price_level(&w.state, &w.sales, &Default::default()).await;

    let defaults: Vec<bool> = levels.iter().map(|l| l.is_default).collect();
    assert_eq!(defaults, [false, true], "one default: the last made so");
    assert_eq!(levels[0].companies, 1);
    let bob_plan = bobs
        .plans
        .iter()
        .find(|p| p.channel.id == cost.channel.id)
        .unwrap();
    assert!(bob_plan.total_fen > cost.total_fen, "at the default +8 %");
    let in_use_err = AppError::conflict("id", ErrorKey::LevelInUse);
    assert_eq!(in_use.unwrap_err(), in_use_err);
    assert_eq!(the_default.unwrap_err(), in_use_err);
    assert_eq!(by_sales.unwrap_err(), AppError::Forbidden);
}

fn air_only() -> crate::pricing::LibraryForSave {
    crate::pricing::LibraryForSave {
        name: "空派专线".into(),
        rules: crate::pricing::LibraryRules {
            modes: vec![Mode::AirExpress],
            ..Default::default()
        },
        ..Default::default()
    }
}

#[tokio::test]
async fn a_levels_libraries_decide_which_channels_its_customers_see_and_save() {
    let w = world().await;
    let lib = service::save_channel_library(&w.state, &w.ops, &air_only())
        .await
        .unwrap();
    let level = service::save_price_level(
        &w.state,
        &w.admin,
        &crate::pricing::PriceLevelForSave {
            name: "空派客户".into(),
            libraries: vec![lib.id],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    service::set_company_price_level(&w.state, &w.admin, w.company.id, Some(level.id))
        .await
        .unwrap();

    let alices = service::search_quotes(&w.state, &w.alice, &ont8(22.0), true, None)
        .await
        .unwrap();
    let bobs = service::search_quotes(&w.state, &w.bob, &ont8(22.0), true, None)
        .await
        .unwrap();
    let other = bobs
        .plans
        .iter()
        .find(|p| p.channel.mode != Mode::AirExpress)
        .unwrap();
    let refused = save(&w, &w.alice, other.channel.id).await;
    let in_use = service::delete_channel_library(&w.state, &w.ops, lib.id).await;

    assert!(lib.channels > 0);
    assert!(!alices.plans.is_empty());
    assert!(alices
        .plans
        .iter()
        .all(|p| p.channel.mode == Mode::AirExpress));
    assert!(alices.plans.len() < bobs.plans.len());
    let air: Vec<_> = (bobs.misses.iter().chain(&alices.misses))
        .filter(|m| alices.misses.contains(m))
        .collect();
    assert_eq!(
        air.len(),
        alices.misses.len(),
        "her misses are of her channels too"
    );
    assert_eq!(
        refused.unwrap_err(),
        AppError::validation("channel_id", ErrorKey::ChannelNoPlan)
    );
    assert_eq!(
        in_use.unwrap_err(),
        AppError::conflict("id", ErrorKey::LibraryInUse)
    );
}

#[tokio::test]
async fn the_precheck_names_what_a_library_change_adds_and_removes_and_saves_nothing() {
    let w = world().await;
    let lib = service::save_channel_library(&w.state, &w.ops, &air_only())
        .await
        .unwrap();
    let mut next = lib.as_input();
    next.rules.modes = vec![Mode::AirExpress, Mode::Express];
    next.include = vec![424_242];

    let p = service::precheck_channel_library(&w.state, &w.ops, &next)
        .await
        .unwrap();
    let listed = service::list_channel_libraries(&w.state, &w.sales)
        .await
        .unwrap();
    let by_sales = service::precheck_channel_library(&w.state, &w.sales, &next).await;

    assert!(!p.added.is_empty());
    assert!(p.removed.is_empty());
    assert_eq!(p.channels, lib.channels + p.added.len() as u32);
    assert_eq!(
        p.conflicts,
        [crate::pricing::LibraryConflict::UnknownChannel { id: 424_242 }]
    );
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].channels, lib.channels, "nothing saved");
    assert_eq!(by_sales.unwrap_err(), AppError::Forbidden);
}

#[tokio::test]
async fn channels_carry_only_listed_tags_and_a_tag_in_use_stays() {
    let w = world().await;
    let id = first_plan(&w).await.channel.id;
    let mut ch = service::get_channel(&w.state, &w.ops, id)
        .await
        .unwrap()
        .channel;
    ch.tags.push("新标签".into());
    let i = ch.tags.len() - 1;
    let input = ChannelForSave { channel: ch };

    let unknown = service::save_channel(&w.state, &w.ops, &input).await;
    service::add_channel_tag(&w.state, &w.ops, "新标签")
        .await
        .unwrap();
    let twice = service::add_channel_tag(&w.state, &w.ops, "新标签").await;
    let saved = service::save_channel(&w.state, &w.ops, &input).await;
    let in_use = service::delete_channel_tag(&w.state, &w.ops, "新标签").await;
    let tags = service::list_channel_tags(&w.state, &w.sales)
        .await
        .unwrap();

    assert_eq!(
        unknown.unwrap_err(),
        AppError::validation(&format!("tags[{i}]"), ErrorKey::TagUnknown)
    );
    assert_eq!(
        twice.unwrap_err(),
        AppError::conflict("name", ErrorKey::Duplicate)
    );
    assert!(saved.is_ok());
    assert_eq!(
        in_use.unwrap_err(),
        AppError::conflict("name", ErrorKey::TagInUse)
    );
    assert!(tags.contains(&"新标签".to_string()) && tags.contains(&"包税".to_string()));
}

#[tokio::test]
async fn a_city_offers_its_pickup_windows_by_day_and_ops_keep_them() {
    let w = world().await;
    assert_eq!(service::seed_demo_pickup_slots(&w.state).await.unwrap(), 18);
    let extra = crate::pricing::PickupSlotForSave {
        city: "深圳".into(),
        weekdays: vec![Weekday::Sun],
        start: "10:00".into(),
        end: "12:00".into(),
        capacity: 2,
        ..Default::default()
    };

    let by_sales = service::save_pickup_slot(&w.state, &w.sales, &extra).await;
    let sunday = service::save_pickup_slot(&w.state, &w.ops, &extra)
        .await
        .unwrap();
    // From Wednesday 2026-12-02: Wed, Thu, Fri, Sat, Sun.
    let days = service::get_pickup_times(&w.state, &w.alice, "深圳", 5)
        .await
        .unwrap();
    let too_many = service::get_pickup_times(&w.state, &w.alice, "深圳", 40).await;

    assert_eq!(by_sales.unwrap_err(), AppError::Forbidden);
    let counts: Vec<usize> = days.iter().map(|d| d.slots.len()).collect();
    assert_eq!(counts, [2, 2, 2, 1, 1]);
    assert_eq!(days[0].date.to_string(), "2026-12-02");
    assert_eq!(days[0].slots[0].start, "09:00");
    assert_eq!(days[4].slots[0].slot_id, sunday.id);
    assert_eq!(days[4].slots[0].remaining, 2);
    assert_eq!(
        too_many.unwrap_err(),
        AppError::validation("days", ErrorKey::PickupDaysInvalid)
    );
}
