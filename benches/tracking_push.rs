//! Kuaidi100 pushes ingested per second on SQLite, each verified (its MD5
//! sign checked) and stored (one transaction: the number, its new events,
//! its state), through the same core function the push route calls. The
//! pushes are what Kuaidi100 sends: 2,000 numbers, each pushed once per new
//! event with every event so far (1 to 8 events a push), signed with the
//! salt, in the order they would come (one number's pushes interleaved
//! with others'). Sequential, then with 8 pushes in flight at once (as
//! Kuaidi100's pushers do). Figures, not assertions, except that every
//! event is stored exactly once.
//!
//! `cargo bench -p shipdesk --features ssr --bench tracking_push`
//! (`TRACKING_BENCH_NUMBERS` numbers, default 2,000).

use std::sync::Arc;
use std::time::Instant;

use serde_json::json;
use shipdesk::state::{AppState, Config};
use shipdesk::tracking::provider::demo::journey;
use shipdesk::tracking::provider::kuaidi100::push::read_push_form;
use shipdesk::tracking::provider::kuaidi100::sign::push_sign;
use shipdesk::tracking::provider::kuaidi100::wire::company_code;
use shipdesk::tracking::provider::{Kuaidi100Config, TrackingConfig};
use shipdesk::tracking::service::receive_kuaidi100_push;
use shipdesk::tracking::{Carrier, TrackingNumber};
use shipdesk::types::Timestamp;

const SALT: &str = "bench-salt-0123456789";
const CARRIERS: [Carrier; 4] = [Carrier::Zto, Carrier::Yto, Carrier::Sf, Carrier::Jtexpress];

fn number(c: Carrier, i: usize) -> TrackingNumber {
    let n = match c {
        Carrier::Zto => format!("754{:011}", i),
        Carrier::Yto => format!("YT{:013}", i),
        Carrier::Sf => format!("SF{:013}", i),
        _ => format!("JT{:013}", i),
    };
    TrackingNumber::parse(&n).unwrap()
}

/// Every push of every number as a form body, in arrival order, and the
/// number of distinct events they carry.
fn pushes(numbers: usize) -> (Vec<Vec<u8>>, usize) {
    let start = Timestamp(1_796_083_200_000);
    let mut per_number = Vec::with_capacity(numbers);
    let mut events = 0;
    for i in 0..numbers {
        let carrier = CARRIERS[i % CARRIERS.len()];
        let n = number(carrier, i);
        let all = journey(carrier, &n, start);
        events += all.len();
        let mut forms = Vec::with_capacity(all.len());
        for k in 1..=all.len() {
            let data: Vec<_> = all[..k]
                .iter()
                .rev()
                .map(|e| {
                    let (code, word) = e.raw_status.split_once(' ').unwrap_or(("", &e.raw_status));
                    json!({"time": e.raw_time, "ftime": e.raw_time, "context": e.context,
                        "status": word, "statusCode": code, "areaName": e.place})
                })
                .collect();
            let done = k == all.len();
            let param = json!({"status": if done { "shutdown" } else { "polling" },
                "billstatus": "got", "message": "", "autoCheck": "0", "comOld": "", "comNew": "",
                "lastResult": {"message": "ok", "state": all[k - 1].raw_status.split(' ').next(),
                    "status": "200", "condition": "F00", "ischeck": if done { "1" } else { "0" },
                    "com": company_code(carrier), "nu": n.as_str(), "data": data}})
            .to_string();
            let form = url::form_urlencoded::Serializer::new(String::new())
                .append_pair("param", &param)
                .append_pair("sign", &push_sign(&param, SALT))
                .finish();
            forms.push(form.into_bytes());
        }
        per_number.push(forms);
    }
    // Round-robin: the k-th push of every number, then the k+1-th…
    let mut out = Vec::new();
    for k in 0.. {
        let before = out.len();
        out.extend(per_number.iter().filter_map(|f| f.get(k).cloned()));
        if out.len() == before {
            break;
        }
    }
    (out, events)
}

async fn state() -> AppState {
    let dir = std::env::temp_dir().join("shipdesk-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!(
        "sqlite://{}/tracking-{}.db",
        dir.display(),
        shipdesk::db::new_id()
    );
    let db = shipdesk::db::connect(&url).await.unwrap();
    shipdesk::db::migrate(&db).await.unwrap();
    let config = Config {
        tracking: TrackingConfig {
            kuaidi100: Some(Kuaidi100Config {
                customer: "BENCH".into(),
                key: "bench-key".into(),
                callback_url: "http://127.0.0.1/tracking/kuaidi100/push".into(),
                salt: SALT.into(),
                base_url: "http://127.0.0.1:9".into(),
            }),
            demo: false,
        },
        ..Config::default()
    };
    AppState::new(db, config)
}

async fn stored_events(state: &AppState) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) AS n FROM tracking_events")
        .fetch_one(&state.db)
        .await
        .unwrap()
        .get("n")
}

async fn run(label: &str, forms: Arc<Vec<Vec<u8>>>, events: usize, in_flight: usize) {
    let state = state().await;
    let t = Instant::now();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..in_flight {
        let (state, forms, next) = (state.clone(), forms.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(body) = forms.get(i) else { break };
                receive_kuaidi100_push(&state, body).await.expect("stored");
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let secs = t.elapsed().as_secs_f64();
    let stored = stored_events(&state).await;
    assert_eq!(stored as usize, events, "every event once");
    println!(
        "{label}: {} pushes in {:.2} s = {:.0} pushes/s ({} events stored once)",
        forms.len(),
        secs,
        forms.len() as f64 / secs,
        stored
    );
}

#[tokio::main]
async fn main() {
    let numbers = std::env::var("TRACKING_BENCH_NUMBERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let (forms, events) = pushes(numbers);
    let avg = forms.iter().map(Vec::len).sum::<usize>() / forms.len();
    println!(
        "{numbers} numbers, {} pushes ({avg} bytes a push on average), {events} events",
        forms.len()
    );
    let t = Instant::now();
    for f in &forms {
        read_push_form(f, SALT).expect("verifies");
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "verify and read alone: {:.0} pushes/s",
        forms.len() as f64 / secs
    );
    let forms = Arc::new(forms);
    run("sequential, verified and stored", forms.clone(), events, 1).await;
    run("8 in flight, verified and stored", forms, events, 8).await;
}
