//! The Kuaidi100 client and the push receiver against a stand-in that
//! speaks Kuaidi100's protocol on loopback (support/kuaidi100.rs): queries
//! are signed and read into normalised events, subscriptions name our
//! callback and salt, and pushes to `POST /tracking/kuaidi100/push` are
//! verified, stored once, and answered in Kuaidi100's format. On SQLite,
//! or PostgreSQL with `SHIPDESK_TEST_PG`.

#[path = "support/kuaidi100.rs"]
mod kuaidi100;
mod support;

use kuaidi100::{event, post_push, sign, FakeKuaidi100, CUSTOMER, KEY, SALT};
use serde_json::{json, Value};
use shipdesk::state::{AppState, Config};
use shipdesk::tracking::provider::{Kuaidi100Config, TrackingConfig};
use shipdesk::tracking::{service, Carrier, TrackStatus, TrackingNumber};
use shipdesk::{AppError, ErrorKey};
use support::{spawn_app_on, test_options, TestApp};

const PUSH: &str = "/tracking/kuaidi100/push";

/// The app configured with a Kuaidi100 account at `fake` (`key` as ours),
/// its callback URL its own push route.
async fn app_with(fake: &FakeKuaidi100, key: &str) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let callback_url = format!("http://{}{PUSH}", listener.local_addr().unwrap());
    let kuaidi100 = Kuaidi100Config {
        customer: CUSTOMER.into(),
        key: key.into(),
        callback_url,
        salt: SALT.into(),
        base_url: fake.base.clone(),
    };
    let config = Config {
        tracking: TrackingConfig {
            kuaidi100: Some(kuaidi100),
            demo: false,
        },
        ..Config::default()
    };
    let state = AppState::new(shipdesk::testing::fresh_db().await, config);
    spawn_app_on(listener, state, test_options()).await
}

fn number(n: &str) -> TrackingNumber {
    TrackingNumber::parse(n).unwrap()
}

/// ZTO's journey so far, newest first, as Kuaidi100 writes it.
fn zto_events() -> Vec<Value> {
    vec![
        event(
            "2026-12-02 09:12:40",
            "【深圳市】快件已在【宝安西乡】签收，签收人：仓库",
            "签收",
            "301",
            "广东,深圳市",
        ),
        event(
            "2026-12-02 07:30:02",
            "【深圳市】宝安西乡的刘师傅正在派件",
            "派件",
            "5",
            "广东,深圳市",
        ),
        event(
            "2026-12-01 22:05:13",
            "【金华市】快件离开【义乌转运中心】已发往【深圳转运中心】",
            "在途",
            "1002",
            "浙江,金华市",
        ),
        event(
            "2026-12-01 18:40:00",
            "【金华市】义乌北苑的陈师傅已揽收",
            "揽收",
            "103",
            "浙江,金华市",
        ),
    ]
}

#[tokio::test]
async fn a_signed_query_reads_the_carriers_events_into_standard_statuses() {
    let fake = FakeKuaidi100::start().await;
    let app = app_with(&fake, KEY).await;
    let n = number("75423177712345");
    fake.has("zhongtong", n.as_str(), "3", zto_events());

    let new = service::refresh(&app.state, Carrier::Zto, &n)
        .await
        .unwrap();
    assert_eq!(new, 4);
    let stored = service::events(&app.state, Carrier::Zto, &n).await.unwrap();
    let statuses: Vec<TrackStatus> = stored.iter().map(|e| e.status).collect();
    use TrackStatus::*;
    assert_eq!(statuses, [Delivered, OutForDelivery, InTransit, InTransit]);
    assert_eq!(stored[0].raw_status, "301 签收");
    assert_eq!(stored[0].raw_time, "2026-12-02 09:12:40");
    assert_eq!(stored[0].place.as_deref(), Some("广东,深圳市"));
    assert!(stored[2].context.contains("义乌转运中心"));
    let s = service::summary(&app.state, Carrier::Zto, &n)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (s.status, s.raw_state.as_deref()),
        (Some(Delivered), Some("3"))
    );

    // Asking again stores nothing new.
    assert_eq!(
        service::refresh(&app.state, Carrier::Zto, &n)
            .await
            .unwrap(),
        0
    );
    assert_eq!(fake.queries(), 2);
}

#[tokio::test]
async fn kuaidi100s_refusals_reach_the_caller_by_name_or_as_internal() {
    let fake = FakeKuaidi100::start().await;
    let app = app_with(&fake, KEY).await;
    let n = number("SF1411620938917");
    fake.has(
        "shunfeng",
        n.as_str(),
        "0",
        vec![event(
            "2026-12-01 08:00:00",
            "顺丰速运 已收取快件",
            "揽收",
            "103",
            "广东,深圳市",
        )],
    );

    // SF wants the phone with a query (408).
    let e = service::refresh(&app.state, Carrier::Sf, &n)
        .await
        .unwrap_err();
    assert_eq!(
        e,
        AppError::validation("phone", ErrorKey::TrackingPhoneRequired)
    );
    let new = service::refresh_with_phone(&app.state, Carrier::Sf, &n, Some("0755"))
        .await
        .unwrap();
    assert_eq!(new, 1);
    // No result yet (500) is no error.
    let unknown = number("YT7412345678901");
    assert_eq!(
        service::refresh(&app.state, Carrier::Yto, &unknown)
            .await
            .unwrap(),
        0
    );

    // With another key our sign does not verify (503): logged, internal.
    let wrong = app_with(&fake, "another-key-0000").await;
    let e = service::refresh_with_phone(&wrong.state, Carrier::Sf, &n, Some("0755"))
        .await
        .unwrap_err();
    assert_eq!(e, AppError::Internal);
    let e = service::subscribe(&wrong.state, Carrier::Sf, &n, None)
        .await
        .unwrap_err();
    assert_eq!(e, AppError::Internal, "600: not a legal subscriber");
}

#[tokio::test]
async fn a_subscribed_numbers_pushes_are_stored_once_each() {
    let fake = FakeKuaidi100::start().await;
    let app = app_with(&fake, KEY).await;
    let n = number("75423177712345");
    service::subscribe(&app.state, Carrier::Zto, &n, None)
        .await
        .unwrap();
    let (url, salt) = fake.subscription("zhongtong", n.as_str()).unwrap();
    assert_eq!(
        (url.as_str(), salt.as_str()),
        (app.url(PUSH).as_str(), SALT)
    );
    // Subscribing again is answered 501 (已订阅): no error.
    service::subscribe(&app.state, Carrier::Zto, &n, None)
        .await
        .unwrap();

    // Picked up, then everything to delivery: each push holds all so far.
    let events = zto_events();
    fake.has("zhongtong", n.as_str(), "0", events[3..].to_vec());
    let (status, answer) = fake.push("zhongtong", n.as_str(), "polling").await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        answer,
        json!({"result": true, "returnCode": "200", "message": "成功"})
    );
    assert_eq!(
        service::events(&app.state, Carrier::Zto, &n)
            .await
            .unwrap()
            .len(),
        1
    );

    fake.has("zhongtong", n.as_str(), "3", events.clone());
    let (status, _) = fake.push("zhongtong", n.as_str(), "shutdown").await;
    assert_eq!(status, 200);
    // A replay of the same push: accepted, nothing stored twice.
    let (status, answer) = fake.push("zhongtong", n.as_str(), "shutdown").await;
    assert_eq!((status, answer["result"].clone()), (200, json!(true)));

    let stored = service::events(&app.state, Carrier::Zto, &n).await.unwrap();
    assert_eq!(stored.len(), 4);
    let s = service::summary(&app.state, Carrier::Zto, &n)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.status, Some(TrackStatus::Delivered));
    assert_eq!(s.push_status.as_deref(), Some("shutdown"));
    assert!(s.subscribed_at.is_some());
}

#[tokio::test]
async fn a_forged_push_is_refused_in_kuaidi100s_format_and_stores_nothing() {
    let fake = FakeKuaidi100::start().await;
    let app = app_with(&fake, KEY).await;
    let n = number("75423177712345");
    fake.has("zhongtong", n.as_str(), "3", zto_events());
    let param = fake.push_param("zhongtong", n.as_str(), "polling");
    let url = app.url(PUSH);

    for bad in [sign(&param, "not-our-salt"), String::new(), "0".repeat(32)] {
        let (status, answer) = post_push(&url, &[("param", &param), ("sign", &bad)]).await;
        assert_eq!(status, 401, "{answer}");
        assert_eq!(answer["result"], false);
        assert_eq!(answer["returnCode"], "500");
    }
    let (status, _) = post_push(&url, &[("param", &param)]).await;
    assert_eq!(status, 401, "no sign");
    // Signed, then changed on the way.
    let tampered = param.replace("签收人：仓库", "签收人：别人");
    let signed = sign(&param, SALT);
    let (status, _) = post_push(&url, &[("param", &tampered), ("sign", &signed)]).await;
    assert_eq!(status, 401);

    assert!(service::events(&app.state, Carrier::Zto, &n)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        service::summary(&app.state, Carrier::Zto, &n)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn a_malformed_push_is_refused_in_kuaidi100s_format_never_a_500() {
    let fake = FakeKuaidi100::start().await;
    let app = app_with(&fake, KEY).await;
    let url = app.url(PUSH);
    let no_time =
        json!({"status": "polling", "lastResult": {"com": "zhongtong", "nu": "75423177712345",
        "state": "0", "data": [{"context": "x", "status": "在途"}]}})
        .to_string();
    let nul =
        json!({"status": "polling", "lastResult": {"com": "zhongtong", "nu": "75423177712345",
        "state": "0", "data": [{"time": "2026-12-01 08:00:00", "context": "a\u{0}b"}]}})
        .to_string();
    for param in ["not json", "{}", "[1, 2]", no_time.as_str(), nul.as_str()] {
        let signed = sign(param, SALT);
        let (status, answer) =
            post_push(&url, &[("param", param), ("sign", signed.as_str())]).await;
        assert_eq!(status, 400, "{param}: {answer}");
        assert_eq!(
            (answer["result"].clone(), answer["returnCode"].clone()),
            (json!(false), json!("500"))
        );
    }
    let (status, answer) = post_push(&url, &[("sign", "ABC")]).await;
    assert_eq!(
        (status, answer["returnCode"].clone()),
        (400, json!("500")),
        "no param"
    );
    let other = fake.push_param("tiantian", "1234567890123", "polling");
    let signed = sign(&other, SALT);
    let (status, _) = post_push(&url, &[("param", &other), ("sign", &signed)]).await;
    assert_eq!(status, 422, "a company we do not follow");
    let n = number("75423177712345");
    assert!(service::events(&app.state, Carrier::Zto, &n)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn without_a_kuaidi100_account_pushes_are_not_expected() {
    let app = support::spawn_app().await;
    let param = json!({"lastResult": {}}).to_string();
    let signed = sign(&param, SALT);
    let (status, answer) = post_push(&app.url(PUSH), &[("param", &param), ("sign", &signed)]).await;
    assert_eq!(status, 404);
    assert_eq!(answer["result"], false);
}
