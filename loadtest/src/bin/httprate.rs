//! `httprate`: open-loop HTTP load: GET `url` at a fixed rate for T seconds,
//! whatever the answers do, each request timed from the instant it was due
//! (so a stalled server shows as latency, not as fewer requests). Prints
//! the achieved rate, non-2xx/failed counts and latency p50/p99/p99.9/max.
//!
//! `httprate --rate 2000 --secs 20 [--cookie 'sd_session=…'] [--body JSON] URL`
//! (with `--body`, each request is a POST of that JSON: a server function).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize] as f64 / 1000.0
}

// One worker thread: the generator shares the machine with the server.
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), String> {
    let a: Vec<String> = std::env::args().collect();
    let get = |name: &str| {
        a.iter()
            .position(|x| x == name)
            .and_then(|i| a.get(i + 1))
            .cloned()
    };
    let rate: u64 = get("--rate").and_then(|v| v.parse().ok()).unwrap_or(2000);
    let secs: u64 = get("--secs").and_then(|v| v.parse().ok()).unwrap_or(20);
    let cookie = get("--cookie");
    let body = get("--body");
    let url = a
        .last()
        .filter(|u| u.starts_with("http"))
        .cloned()
        .ok_or("URL is required")?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(1024)
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| e.to_string())?;
    let lat = Arc::new(Mutex::new(Vec::with_capacity((rate * secs) as usize)));
    let (bad, failed) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let total = rate * secs;
    let every = Duration::from_nanos(1_000_000_000 / rate.max(1));
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(total as usize);
    for n in 0..total {
        let due = start + every * n as u32;
        tokio::time::sleep_until(due).await;
        let mut req = match &body {
            Some(b) => client
                .post(&url)
                .header("content-type", "application/json")
                .body(b.clone()),
            None => client.get(&url),
        };
        if let Some(c) = &cookie {
            req = req.header("cookie", c);
        }
        let (lat, bad, failed) = (lat.clone(), bad.clone(), failed.clone());
        tasks.push(tokio::spawn(async move {
            match req.send().await {
                Ok(res) => {
                    let ok = res.status().is_success();
                    let body = res.bytes().await;
                    if !ok || body.is_err() {
                        bad.fetch_add(1, Ordering::Relaxed);
                    }
                }
                Err(_) => {
                    failed.fetch_add(1, Ordering::Relaxed);
                }
            }
            lat.lock().unwrap().push(due.elapsed().as_micros() as u64);
        }));
    }
    let sending = start.elapsed().as_secs_f64();
    for t in tasks {
        let _ = t.await;
    }
    let mut lat = lat.lock().unwrap().clone();
    lat.sort_unstable();
    println!(
        "  {total} requests at {:.0}/s offered; non-2xx {}, failed {}; latency ms p50 {:.2} p99 {:.2} p99.9 {:.2} max {:.2}",
        total as f64 / sending,
        bad.load(Ordering::Relaxed),
        failed.load(Ordering::Relaxed),
        pct(&lat, 0.5),
        pct(&lat, 0.99),
        pct(&lat, 0.999),
        lat.last().copied().unwrap_or(0) as f64 / 1000.0
    );
    Ok(())
}
