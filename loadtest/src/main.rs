//! `chatload`: load for the chat benchmark against a running server.
//!
//! 1. Creates (in the server's database, DATABASE_URL) a CS desk, agents,
//!    supervisors (admins) and customers, unless they exist.
//! 2. Signs everyone in over HTTP like a browser (staff with a password,
//!    customers with an SMS code in dev mode; customers spread over
//!    127.0.1.x source addresses, as they would come from many networks).
//! 3. Each customer opens a conversation (routed to the agents), and every
//!    person opens one WebSocket.
//! 4. Sends messages open-loop at a fixed rate for T seconds, half from
//!    customers and half from their agents, and times each message from the
//!    send to its receipt at every recipient (the other party and every
//!    supervisor). Prints p50/p99/p99.9, delivered vs expected, errors and
//!    the server's RSS (`--pid`).
//!
//! 5. With `--consoles N`, the first N agents also keep an agent console
//!    open, as far as the server sees it: its list (`chat_agent_list`,
//!    current tab) fetched at first render and again on every event the
//!    console refetches on: `conversation` events (`--console-refetch
//!    events`, the console's rule), or also every message and presence
//!    event (`every`, the rule before). Prints the list queries per second
//!    during the send window and their latency.
//!
//! `chatload --base http://127.0.0.1:3000 --customers 1900 --agents 100
//!  --supervisors 10 --rate 500 --secs 20 [--consoles 100]
//!  [--console-refetch events|every] [--pid N]`

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use shipdesk::auth::{repo as auth_repo, service as auth, StaffForCreate};
use shipdesk::chat::service::{admin as chat_admin, agent};
use shipdesk::chat::{AgentStatus, DeskForCreate};
use shipdesk::customer::{service as customer, CompanyForCreate, MemberForCreate};
use shipdesk::state::{AppState, Config};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::Message as Ws;

const PASSWORD: &str = "load12345";

struct Args {
    base: String,
    customers: usize,
    agents: usize,
    supervisors: usize,
    rate: u64,
    secs: u64,
    consoles: usize,
    refetch_every_event: bool,
    pid: Option<u32>,
}

fn args() -> Args {
    let a: Vec<String> = std::env::args().collect();
    let get = |name: &str| {
        a.iter()
            .position(|x| x == name)
            .and_then(|i| a.get(i + 1))
            .cloned()
    };
    let num = |name: &str, d: u64| get(name).and_then(|v| v.parse().ok()).unwrap_or(d);
    Args {
        base: get("--base").unwrap_or_else(|| "http://127.0.0.1:3000".into()),
        customers: num("--customers", 1900) as usize,
        agents: num("--agents", 100) as usize,
        supervisors: num("--supervisors", 10) as usize,
        rate: num("--rate", 500),
        secs: num("--secs", 20),
        consoles: num("--consoles", 0) as usize,
        refetch_every_event: get("--console-refetch").as_deref() == Some("every"),
        pid: get("--pid").and_then(|v| v.parse().ok()),
    }
}

fn rss_mb(pid: u32) -> Option<f64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn phone(i: usize) -> String {
    format!("166{:08}", i)
}

/// Creates what the run needs; returns the desk's id.
async fn prepare(state: &AppState, a: &Args) -> Result<i64, String> {
    let e = |e: shipdesk::AppError| e.to_string();
    let admin = auth::ensure_admin(state, "load_root", "Load admin", PASSWORD)
        .await
        .map_err(e)?;
    let desk = match chat_admin::list_desks(state)
        .await
        .map_err(e)?
        .into_iter()
        .find(|r| r.code == "loadtest")
    {
        Some(r) => r,
        None => chat_admin::create_desk(
            state,
            &admin,
            &DeskForCreate {
                code: "loadtest".into(),
                name_zh: "压测".into(),
                name_en: "Load".into(),
                reassign_after_minutes: None,
            },
        )
        .await
        .map_err(e)?,
    };
    let cap = (a.customers / a.agents.max(1) + 2) as i64;
    for i in 0..a.agents {
        let account = format!("load_cs{i}");
        let staff = match auth_repo::staff_with_hash(&state.db, &account)
            .await
            .map_err(e)?
        {
            Some((s, _)) => s,
            None => auth::create_staff_account(
                state,
                &StaffForCreate {
                    account: account.clone(),
                    name: format!("Agent {i}"),
                    password: PASSWORD.into(),
                    roles: vec!["cs".into()],
                },
            )
            .await
            .map_err(e)?,
        };
        chat_admin::set_agent_desks(state, &admin, staff.id, &[desk.id], cap.min(50))
            .await
            .map_err(e)?;
        agent::set_agent_status(state, &staff, AgentStatus::Online)
            .await
            .map_err(e)?;
    }
    for i in 0..a.supervisors {
        let account = format!("load_sup{i}");
        if auth_repo::staff_with_hash(&state.db, &account)
            .await
            .map_err(e)?
            .is_none()
        {
            auth::create_staff_account(
                state,
                &StaffForCreate {
                    account,
                    name: format!("Supervisor {i}"),
                    password: PASSWORD.into(),
                    roles: vec!["admin".into()],
                },
            )
            .await
            .map_err(e)?;
        }
    }
    let mut company = None;
    for i in 0..a.customers {
        if auth_repo::member_by_phone(&state.db, &phone(i))
            .await
            .map_err(e)?
            .is_some()
        {
            continue;
        }
        if i % 50 == 0 || company.is_none() {
            let c = customer::create_company(
                state,
                &admin,
                &CompanyForCreate {
                    name: format!("压测公司 {}", i / 50),
                    ..Default::default()
                },
            )
            .await
            .map_err(e)?;
            company = Some(c.id);
        }
        customer::add_member(
            state,
            &admin,
            company.unwrap_or_default(),
            &MemberForCreate {
                name: format!("客户{i}"),
                phone: phone(i),
            },
        )
        .await
        .map_err(e)?;
    }
    Ok(desk.id)
}

fn session_of(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("sd_session="))
        .map(|v| v.split(';').next().unwrap_or("").to_owned())
}

async fn staff_cookie(base: &str, account: &str) -> Result<String, String> {
    let c = reqwest::Client::new();
    let res = c
        .post(format!("{base}/api/staff_login"))
        .json(&json!({"account": account, "password": PASSWORD}))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !res.status().is_success() {
        return Err(format!("staff login {account}: {}", res.status()));
    }
    session_of(&res).ok_or_else(|| "no session cookie".into())
}

async fn member_cookie(base: &str, i: usize) -> Result<String, String> {
    let ip = IpAddr::V4(Ipv4Addr::new(
        127,
        0,
        1 + (i / 200) as u8,
        1 + (i % 200) as u8 / 10,
    ));
    let c = reqwest::Client::builder()
        .local_address(ip)
        .build()
        .map_err(|e| e.to_string())?;
    let sent: Value = c
        .post(format!("{base}/api/request_login_code"))
        .json(&json!({"phone": phone(i)}))
        .send()
        .await
        .map_err(|e| e.to_string())?
        .json()
        .await
        .map_err(|e| e.to_string())?;
    let code = sent["dev_code"]
        .as_str()
        .ok_or_else(|| format!("no dev code for {}: {sent}", phone(i)))?;
    let res = c
        .post(format!("{base}/api/member_login"))
        .json(&json!({"phone": phone(i), "code": code}))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !res.status().is_success() {
        return Err(format!("member login {}: {}", phone(i), res.status()));
    }
    session_of(&res).ok_or_else(|| "no session cookie".into())
}

async fn call(base: &str, cookie: &str, endpoint: &str, body: Value) -> Result<Value, String> {
    let res = reqwest::Client::new()
        .post(format!("{base}/api/{endpoint}"))
        .header("cookie", cookie)
        .json(&body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = res.status();
    let v: Value = res.json().await.map_err(|e| e.to_string())?;
    if status.is_success() {
        Ok(v)
    } else {
        Err(format!("{endpoint}: {status} {v}"))
    }
}

/// Sends of the run: client id → (send instant, recipients expected).
type Sent = Arc<Mutex<HashMap<String, Instant>>>;

struct Stats {
    latencies_us: Mutex<Vec<u64>>,
    delivered: AtomicU64,
    errors: AtomicU64,
    /// Console list queries: count, failures, latencies.
    lists: AtomicU64,
    list_errors: AtomicU64,
    list_us: Mutex<Vec<u64>>,
}

/// An agent console's list, as the browser fetches it.
#[derive(Clone)]
struct Console {
    base: String,
    cookie: String,
    every_event: bool,
}

impl Console {
    /// Does the console refetch its list on a frame of this type?
    fn refetches_on(&self, kind: &str) -> bool {
        kind == "conversation" || (self.every_event && matches!(kind, "message" | "presence"))
    }

    fn fetch(&self, stats: Arc<Stats>) {
        let me = self.clone();
        tokio::spawn(async move {
            let t = Instant::now();
            let body = json!({"tab": "current", "desk_id": null});
            let ok = call(&me.base, &me.cookie, "chat_agent_list", body)
                .await
                .is_ok();
            stats.lists.fetch_add(1, Ordering::Relaxed);
            if !ok {
                stats.list_errors.fetch_add(1, Ordering::Relaxed);
            }
            stats
                .list_us
                .lock()
                .unwrap()
                .push(t.elapsed().as_micros() as u64);
        });
    }
}

/// Opens a socket; frames to send go through the returned channel; every
/// `message` frame received is timed against `sent`.
async fn socket(
    base: &str,
    cookie: &str,
    sent: Sent,
    stats: Arc<Stats>,
    console: Option<Console>,
) -> Result<mpsc::UnboundedSender<String>, String> {
    let mut req = format!("{}/ws", base.replace("http://", "ws://"))
        .into_client_request()
        .map_err(|e| e.to_string())?;
    req.headers_mut().insert(
        "cookie",
        HeaderValue::from_str(cookie).map_err(|e| e.to_string())?,
    );
    let (ws, _) = tokio_tungstenite::connect_async(req)
        .await
        .map_err(|e| e.to_string())?;
    let (mut tx, mut rx) = ws.split();
    let (out, mut out_rx) = mpsc::unbounded_channel::<String>();
    tokio::spawn(async move {
        while let Some(text) = out_rx.recv().await {
            if tx.send(Ws::Text(text.into())).await.is_err() {
                break;
            }
        }
    });
    if let Some(c) = &console {
        c.fetch(stats.clone());
    }
    tokio::spawn(async move {
        while let Some(Ok(frame)) = rx.next().await {
            let Ws::Text(t) = frame else { continue };
            let now = Instant::now();
            let v: Value = match serde_json::from_str(t.as_str()) {
                Ok(v) => v,
                Err(_) => continue,
            };
            if let (Some(c), Some(kind)) = (&console, v["type"].as_str()) {
                if c.refetches_on(kind) {
                    c.fetch(stats.clone());
                }
            }
            match v["type"].as_str() {
                Some("message") => {
                    let cid = v["message"]["client_id"].as_str().unwrap_or("");
                    let at = sent.lock().unwrap().get(cid).copied();
                    if let Some(at) = at {
                        stats
                            .latencies_us
                            .lock()
                            .unwrap()
                            .push(now.duration_since(at).as_micros() as u64);
                        stats.delivered.fetch_add(1, Ordering::Relaxed);
                    }
                }
                Some("error") => {
                    stats.errors.fetch_add(1, Ordering::Relaxed);
                }
                _ => {}
            }
        }
    });
    Ok(out)
}

fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let a = args();
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://data/shipdesk.db".into());
    let db = shipdesk::db::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    let state = AppState::new(db, Config::default());
    let t = Instant::now();
    let desk = prepare(&state, &a).await?;
    println!("prepared in {:.1}s", t.elapsed().as_secs_f64());

    // Sign in and open conversations, a few at a time.
    let t = Instant::now();
    let mut customers = vec![];
    for chunk in (0..a.customers).collect::<Vec<_>>().chunks(50) {
        let logins = chunk.iter().map(|&i| {
            let base = a.base.clone();
            async move {
                let cookie = member_cookie(&base, i).await?;
                let conv = call(&base, &cookie, "chat_open", json!({"desk_id": desk})).await?;
                Ok::<_, String>((cookie, conv))
            }
        });
        for r in futures_util::future::join_all(logins).await {
            customers.push(r?);
        }
    }
    let mut agent_cookies = HashMap::new();
    for i in 0..a.agents {
        let account = format!("load_cs{i}");
        let s = staff_cookie(&a.base, &account).await?;
        let me = call(&a.base, &s, "current_user", json!({})).await?;
        let id = me["Staff"]["id"]
            .as_i64()
            .or(me["staff"]["id"].as_i64())
            .unwrap_or(0);
        agent_cookies.insert(id, s);
    }
    let mut supervisor_cookies = vec![];
    for i in 0..a.supervisors {
        supervisor_cookies.push(staff_cookie(&a.base, &format!("load_sup{i}")).await?);
    }
    println!("signed in and opened in {:.1}s", t.elapsed().as_secs_f64());

    let sent: Sent = Arc::new(Mutex::new(HashMap::new()));
    let stats = Arc::new(Stats {
        latencies_us: Mutex::new(Vec::new()),
        delivered: AtomicU64::new(0),
        errors: AtomicU64::new(0),
        lists: AtomicU64::new(0),
        list_errors: AtomicU64::new(0),
        list_us: Mutex::new(Vec::new()),
    });
    let t = Instant::now();
    let mut agent_socks = HashMap::new();
    for (n, (id, cookie)) in agent_cookies.iter().enumerate() {
        let console = (n < a.consoles).then(|| Console {
            base: a.base.clone(),
            cookie: cookie.clone(),
            every_event: a.refetch_every_event,
        });
        agent_socks.insert(
            *id,
            socket(&a.base, cookie, sent.clone(), stats.clone(), console).await?,
        );
    }
    for cookie in &supervisor_cookies {
        // Supervisors only listen.
        let _keep = socket(&a.base, cookie, sent.clone(), stats.clone(), None).await?;
        std::mem::forget(_keep);
    }
    // (conversation, customer socket, agent socket)
    let mut convs = vec![];
    let mut unassigned = 0;
    for (cookie, conv) in &customers {
        let sock = socket(&a.base, cookie, sent.clone(), stats.clone(), None).await?;
        let id = conv["id"].as_i64().unwrap_or(0);
        match conv["assignee_staff_id"]
            .as_i64()
            .and_then(|s| agent_socks.get(&s))
        {
            Some(agent) => convs.push((id, sock, agent.clone())),
            None => unassigned += 1,
        }
    }
    let sockets = agent_socks.len() + supervisor_cookies.len() + customers.len();
    println!(
        "{sockets} sockets open in {:.1}s ({} conversations assigned, {unassigned} queued)",
        t.elapsed().as_secs_f64(),
        convs.len()
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_before = a.pid.and_then(rss_mb);
    let lists_before = stats.lists.load(Ordering::Relaxed);
    stats.list_us.lock().unwrap().clear();

    // Open loop: one message every 1/rate s, whatever the answers do.
    let total = a.rate * a.secs;
    let every = Duration::from_nanos(1_000_000_000 / a.rate.max(1));
    let start = tokio::time::Instant::now();
    let run = format!("{:x}", rand::random::<u32>());
    for n in 0..total {
        tokio::time::sleep_until(start + every * n as u32).await;
        let (conv, member, agent) = &convs[rand::random::<usize>() % convs.len()];
        let from_member = n % 2 == 0;
        let cid = format!("L{run}-{n}");
        let frame = json!({"type": "send", "conversation_id": conv, "client_id": cid,
            "kind": "text", "body": format!("load message {n}"), "reply_to_seq": null})
        .to_string();
        sent.lock().unwrap().insert(cid, Instant::now());
        let _ = if from_member {
            member.send(frame)
        } else {
            agent.send(frame)
        };
    }
    let sending = start.elapsed().as_secs_f64();
    let lists_sent = stats.lists.load(Ordering::Relaxed) - lists_before;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let expected = total * (1 + a.supervisors as u64);
    let delivered = stats.delivered.load(Ordering::Relaxed);
    let mut lat = stats.latencies_us.lock().unwrap().clone();
    lat.sort_unstable();
    println!(
        "sent {total} messages in {sending:.1}s ({:.0}/s)",
        total as f64 / sending
    );
    println!(
        "delivered {delivered} of {expected} expected (lost {}), errors {}",
        expected.saturating_sub(delivered),
        stats.errors.load(Ordering::Relaxed)
    );
    println!(
        "delivery latency ms: p50 {:.2}  p99 {:.2}  p99.9 {:.2}  max {:.2}",
        pct(&lat, 0.5),
        pct(&lat, 0.99),
        pct(&lat, 0.999),
        lat.last().copied().unwrap_or(0) as f64 / 1000.0
    );
    if a.consoles > 0 {
        let mut lat = stats.list_us.lock().unwrap().clone();
        lat.sort_unstable();
        println!(
            "{} consoles (refetch on {}): {lists_sent} list queries in the send window, \
             {:.1}/s; latency ms p50 {:.2} p99 {:.2}; failed {}",
            a.consoles.min(agent_cookies.len()),
            if a.refetch_every_event {
                "every event"
            } else {
                "conversation events"
            },
            lists_sent as f64 / sending,
            pct(&lat, 0.5),
            pct(&lat, 0.99),
            stats.list_errors.load(Ordering::Relaxed)
        );
    }
    if let Some(pid) = a.pid {
        println!(
            "server RSS MB: before load {:.0}, after {:.0}",
            rss_before.unwrap_or(0.0),
            rss_mb(pid).unwrap_or(0.0)
        );
    }
    Ok(())
}
