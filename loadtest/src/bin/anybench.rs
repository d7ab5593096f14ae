//! `anybench`: what sqlx's `Any` driver costs on SQLite, measured against a
//! native `SqlitePool` on the same file and the same statements: the
//! statements of a signed-in list page (session row, caller with its epoch,
//! a page of 20 staff, the COUNT). Run it on a database `benchseed` filled:
//! `DATABASE_URL=sqlite://… anybench [--iters N]`. Prints µs per statement
//! for each driver (and for `Any` without its per-acquire ping) and the
//! page's statements together.

use std::time::{Duration, Instant};

use sqlx::any::AnyPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{AnyPool, Row, SqlitePool};

const STAFF_COLS: &str = "id, account, name, roles, disabled, lang, created_at";

fn statements(staff_id: i64, session_id: &str) -> Vec<(&'static str, String, Vec<Arg>)> {
    vec![
        (
            "session row",
            "SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2".into(),
            vec![Arg::S(session_id.into()), Arg::I(0)],
        ),
        (
            "caller + epoch",
            format!("SELECT {STAFF_COLS}, auth_epoch FROM staff WHERE id = $1"),
            vec![Arg::I(staff_id)],
        ),
        (
            "20 staff rows",
            format!(
                "SELECT {STAFF_COLS} FROM staff WHERE ($1 IS NULL OR LOWER(account) LIKE $1) \
                 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
            ),
            vec![Arg::N, Arg::I(20), Arg::I(0)],
        ),
        (
            "COUNT",
            "SELECT COUNT(*) FROM staff WHERE ($1 IS NULL OR LOWER(account) LIKE $1)".into(),
            vec![Arg::N],
        ),
    ]
}

#[derive(Clone)]
enum Arg {
    I(i64),
    S(String),
    N,
}

/// Reads every column the way a row mapper does.
fn touch_any(r: &sqlx::any::AnyRow) -> usize {
    (0..r.len())
        .map(|i| {
            r.try_get::<i64, _>(i)
                .map(|_| 8)
                .or_else(|_| r.try_get::<String, _>(i).map(|s| s.len()))
                .unwrap_or(0)
        })
        .sum()
}

fn touch_native(r: &sqlx::sqlite::SqliteRow) -> usize {
    (0..r.len())
        .map(|i| {
            r.try_get::<i64, _>(i)
                .map(|_| 8)
                .or_else(|_| r.try_get::<String, _>(i).map(|s| s.len()))
                .unwrap_or(0)
        })
        .sum()
}

async fn run_any(pool: &AnyPool, sql: &str, args: &[Arg]) -> usize {
    let mut q = sqlx::query::<sqlx::Any>(sql);
    for a in args {
        q = match a {
            Arg::I(v) => q.bind(*v),
            Arg::S(v) => q.bind(v.clone()),
            Arg::N => q.bind(None::<String>),
        };
    }
    q.fetch_all(pool).await.unwrap().iter().map(touch_any).sum()
}

async fn run_native(pool: &SqlitePool, sql: &str, args: &[Arg]) -> usize {
    let mut q = sqlx::query::<sqlx::Sqlite>(sql);
    for a in args {
        q = match a {
            Arg::I(v) => q.bind(*v),
            Arg::S(v) => q.bind(v.clone()),
            Arg::N => q.bind(None::<String>),
        };
    }
    q.fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(touch_native)
        .sum()
}

fn per_iter(d: Duration, iters: u32) -> f64 {
    d.as_secs_f64() * 1e6 / iters as f64
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), String> {
    let a: Vec<String> = std::env::args().collect();
    let iters: u32 = a
        .iter()
        .position(|x| x == "--iters")
        .and_then(|i| a.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL (sqlite://…) is required")?;
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or("anybench measures SQLite only")?;
    let path = path.split('?').next().unwrap_or(path);
    let any = shipdesk::db::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    let any_no_ping = AnyPoolOptions::new()
        .max_connections(8)
        .test_before_acquire(false)
        .connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    let native = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(
            SqliteConnectOptions::new()
                .filename(path)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5)),
        )
        .await
        .map_err(|e| e.to_string())?;
    let staff_id: i64 = sqlx::query_scalar("SELECT id FROM staff ORDER BY id LIMIT 1")
        .fetch_one(&native)
        .await
        .map_err(|e| e.to_string())?;
    let session_id: String = sqlx::query_scalar("SELECT id FROM sessions LIMIT 1")
        .fetch_optional(&native)
        .await
        .map_err(|e| e.to_string())?
        .unwrap_or_else(|| "none".into());
    println!("µs per statement, {iters} runs each, one task (lower is better):");
    println!(
        "  {:<16} {:>9} {:>14} {:>9} {:>8}",
        "statement", "Any", "Any, no ping", "native", "Any/nat"
    );
    let (mut sum_any, mut sum_np, mut sum_nat) = (0.0, 0.0, 0.0);
    for (name, sql, args) in statements(staff_id, &session_id) {
        // Warm the statement caches.
        for _ in 0..200 {
            run_any(&any, &sql, &args).await;
            run_any(&any_no_ping, &sql, &args).await;
            run_native(&native, &sql, &args).await;
        }
        let t = Instant::now();
        for _ in 0..iters {
            run_any(&any, &sql, &args).await;
        }
        let t_any = per_iter(t.elapsed(), iters);
        let t = Instant::now();
        for _ in 0..iters {
            run_any(&any_no_ping, &sql, &args).await;
        }
        let t_np = per_iter(t.elapsed(), iters);
        let t = Instant::now();
        for _ in 0..iters {
            run_native(&native, &sql, &args).await;
        }
        let t_nat = per_iter(t.elapsed(), iters);
        sum_any += t_any;
        sum_np += t_np;
        sum_nat += t_nat;
        println!(
            "  {name:<16} {t_any:>9.1} {t_np:>14.1} {t_nat:>9.1} {:>8.2}",
            t_any / t_nat
        );
    }
    println!(
        "  {:<16} {sum_any:>9.1} {sum_np:>14.1} {sum_nat:>9.1} {:>8.2}",
        "page (all four)",
        sum_any / sum_nat
    );
    Ok(())
}
