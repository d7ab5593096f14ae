//! The database: one sqlx `Any` pool over SQLite (default, a file) or
//! PostgreSQL (`DATABASE_URL=postgres://…`), migrations, ids, the clock,
//! and the small toolkit every repo file uses.
//!
//! Repo conventions: SQL lives only in `repo.rs` / `*_repo.rs` files, as
//! named consts listed in the file's `pub const STATEMENTS` (the test in
//! `crate::statements` prepares every one on SQLite and PostgreSQL); row
//! types derive `sqlx::FromRow`, with `#[sqlx(try_from = …)]` for string
//! enums (`string_enum!`), instants (`Timestamp` from epoch ms) and flags
//! ([`Flag`] from a 0/1 integer).
//!
//! The executor: a repo function that runs one statement takes
//! `ex: impl sqlx::Executor<'_, Database = Any>`, so the caller passes the
//! pool (`&state.db`) for a lone read or its transaction (`&mut *tx`) for a
//! step of a service's transaction; what runs in one transaction is decided
//! in one place, the service. Why not one type for all: the pool cannot be
//! a `&mut AnyConnection` without taking a connection per call, and an
//! `impl Executor` is used up by one statement. So a function that runs
//! several statements in its caller's transaction takes `&mut AnyConnection`
//! (`&mut tx` coerces), and the few that run several on their own (paged
//! lists: a page and its count) take the pool, `&Db`.
//! LIKE searches go through [`like_pattern`], unique-key violations get their
//! field with [`on_unique`], and paged lists are assembled by [`paged`].

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyPool, Executor};

use crate::error::{AppError, AppResult, ErrorKey};
use crate::types::{Page, PageQuery};

pub type Db = AnyPool;

/// Which engine a pool talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// A 0/1 INTEGER column (the schema keeps flags as integers on both
/// databases), for row types: `#[sqlx(try_from = "i64")] disabled: Flag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<i64> for Flag {
    fn from(v: i64) -> Flag {
        Flag(v != 0)
    }
}

/// `%text%` for `LIKE $n ESCAPE '\'`: trimmed, lower-cased, with LIKE's
/// wildcards (`%`, `_`) and the escape itself escaped, so a search for `50%`
/// matches the text and not everything.
pub fn like_pattern(q: &str) -> String {
    let escaped = q
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{}%", escaped.to_lowercase())
}

/// Names a unique-key violation for the person who caused it: a conflict
/// on `column` (what [`AppError`]'s conversion reads from the constraint
/// `uq_<table>_<column>` on PostgreSQL, or from SQLite's
/// `UNIQUE constraint failed: <table>.<column>`) becomes
/// `Conflict { field, key }`. Other errors pass unchanged. Use as
/// `.map_err(on_unique("code", "code", ErrorKey::CustomerCodeTaken))`.
pub fn on_unique(
    column: &'static str,
    field: &'static str,
    key: ErrorKey,
) -> impl Fn(AppError) -> AppError {
    move |e| match e {
        AppError::Conflict { field: f, .. } if f == column => AppError::conflict(field, key),
        other => other,
    }
}

/// A page of a list from its rows (fetched with `LIMIT page.limit() OFFSET
/// page.offset()`) and the count of all matches. The count is asked for
/// only when the rows cannot tell it: a page that is neither full nor past
/// the end is the last one, so the total is the rows before it plus its own.
pub async fn paged<T, F>(items: Vec<T>, page: PageQuery, count: F) -> AppResult<Page<T>>
where
    F: std::future::Future<Output = AppResult<i64>>,
{
    let n = items.len() as i64;
    let total = if n > 0 && n < page.limit() || n == 0 && page.offset() == 0 {
        page.offset() + n
    } else {
        count.await?
    };
    Ok(Page::new(items, total, page))
}

/// One round trip to the database (the health check).
pub async fn ping(db: &Db) -> Result<(), sqlx::Error> {
    sqlx::query(PING).execute(db).await.map(|_| ())
}

const PING: &str = "SELECT 1";

/// Opens a pool. SQLite files are created if missing and run in WAL mode with
/// foreign keys on and a busy timeout.
pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(url);
    if backend == Backend::Sqlite {
        if let Some(path) = sqlite_path(url) {
            if let Some(dir) = std::path::Path::new(&path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
                }
            }
        }
    }
    let max = if backend == Backend::Sqlite { 8 } else { 16 };
    AnyPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(10))
        // A SQLite file cannot drop a connection; the ping before every
        // acquire cost 13% of a statement (measured on the list pages).
        // PostgreSQL keeps it: a server restart must not hand out dead links.
        .test_before_acquire(backend != Backend::Sqlite)
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                }
                Ok(())
            })
        })
        .connect(&with_create_mode(url))
        .await
}

fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then(|| path.to_owned())
}

fn with_create_mode(url: &str) -> String {
    if Backend::of_url(url) == Backend::Sqlite && !url.contains("mode=") {
        let sep = if url.contains('?') { '&' } else { '?' };
        format!("{url}{sep}mode=rwc")
    } else {
        url.to_owned()
    }
}

/// Runs the migrations in `migrations/`.
pub async fn migrate(db: &Db) -> Result<(), sqlx::migrate::MigrateError> {
    sqlx::migrate!("./migrations").run(db).await
}

/// The backend of an open pool.
pub fn backend(db: &Db) -> Backend {
    Backend::of_url(db.connect_options().database_url.as_str())
}

/// Bits of an id that name the process's node (`id_nodes`): 64 instances.
pub const NODE_BITS: u32 = 6;
/// Ids one node makes per millisecond before it borrows from the next one.
const SEQ_BITS: u32 = 6;
const EPOCH_2024: i64 = 1_704_067_200_000;
/// How long a node lease lasts; the holder renews it every minute.
pub const NODE_LEASE_MS: i64 = 10 * 60 * 1000;

/// Makes ids: `((ms since 2024) << 6 | sequence) << 6 | node`. Ids of one
/// generator strictly increase; generators of different nodes never meet
/// (their low bits differ); all stay below 2^53 until 2093, so JavaScript
/// reads them exactly. The layout keeps the magnitude of the earlier
/// `ms << 12 | random` ids, so old and new ids sort by time together.
pub struct IdGen {
    node: AtomicI64,
    /// The last `ms << SEQ_BITS | sequence` handed out.
    last: AtomicI64,
}

impl IdGen {
    pub const fn new(node: i64) -> IdGen {
        IdGen {
            node: AtomicI64::new(node),
            last: AtomicI64::new(0),
        }
    }

    pub fn set_node(&self, node: i64) {
        self.node
            .store(node & ((1 << NODE_BITS) - 1), Ordering::SeqCst);
    }

    pub fn node(&self) -> i64 {
        self.node.load(Ordering::SeqCst)
    }

    pub fn next(&self) -> i64 {
        let ms = (std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
            - EPOCH_2024)
            .max(0);
        let candidate = ms << SEQ_BITS;
        let mut last = self.last.load(Ordering::Relaxed);
        loop {
            let next = candidate.max(last + 1);
            match self
                .last
                .compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return (next << NODE_BITS) | self.node(),
                Err(seen) => last = seen,
            }
        }
    }
}

/// The process's generator; its node is leased by [`lease_node`] at start-up
/// (0 until then: tests and one-off commands in one process).
static IDS: IdGen = IdGen::new(0);

/// A new id, unique across every instance that leased its node.
pub fn new_id() -> i64 {
    IDS.next()
}

/// The node of this process's ids.
pub fn id_node() -> i64 {
    IDS.node()
}

const LEASE_NODE: &str = "UPDATE id_nodes SET holder = $1, lease_until = $2 \
     WHERE node = (SELECT node FROM id_nodes WHERE lease_until <= $3 ORDER BY lease_until, node LIMIT 1) \
       AND lease_until <= $3 \
     RETURNING node";

const RENEW_NODE: &str =
    "UPDATE id_nodes SET lease_until = $1 WHERE node = $2 AND holder = $3 RETURNING node";

const FREE_NODES: &str = "SELECT COUNT(*) FROM id_nodes WHERE lease_until <= $1";

/// Leases a free node number for `holder` (a random process token) and
/// returns it: one conditional statement, so two instances starting at once
/// never get the same node. Retries while others win the race; an error when
/// all 64 are leased.
pub async fn lease_node(db: &Db, holder: i64, now: i64) -> Result<i64, sqlx::Error> {
    for _ in 0..64 {
        let got: Option<i64> = sqlx::query_scalar(LEASE_NODE)
            .bind(holder)
            .bind(now + NODE_LEASE_MS)
            .bind(now)
            .fetch_optional(db)
            .await?;
        if let Some(node) = got {
            return Ok(node);
        }
        let free: i64 = sqlx::query_scalar(FREE_NODES)
            .bind(now)
            .fetch_one(db)
            .await?;
        if free == 0 {
            break;
        }
    }
    Err(sqlx::Error::Protocol(
        "all 64 id nodes are leased by running instances".into(),
    ))
}

/// Extends `holder`'s lease of `node`; false if it was lost (taken over
/// after the process stalled past the lease).
pub async fn renew_node(db: &Db, node: i64, holder: i64, now: i64) -> Result<bool, sqlx::Error> {
    let kept: Option<i64> = sqlx::query_scalar(RENEW_NODE)
        .bind(now + NODE_LEASE_MS)
        .bind(node)
        .bind(holder)
        .fetch_optional(db)
        .await?;
    Ok(kept.is_some())
}

/// The lease token of this process (0: none taken).
static HOLDER: AtomicI64 = AtomicI64::new(0);

/// Leases a node for this process's ids and keeps it: renews every minute,
/// and takes a new node if the lease was lost. Call once at start-up; call
/// [`release_ids`] when the process ends.
pub async fn init_ids(db: &Db) -> Result<(), sqlx::Error> {
    let holder = (rand::random::<u32>() as i64) + 1;
    HOLDER.store(holder, Ordering::SeqCst);
    let node = lease_node(db, holder, Clock::System.now_ms()).await?;
    IDS.set_node(node);
    tracing::info!(node, "id node leased");
    let db = db.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        tick.tick().await;
        loop {
            tick.tick().await;
            let now = Clock::System.now_ms();
            match renew_node(&db, IDS.node(), holder, now).await {
                Ok(true) => {}
                Ok(false) => match lease_node(&db, holder, now).await {
                    Ok(n) => {
                        tracing::warn!(node = n, "id node lease was lost; leased another");
                        IDS.set_node(n);
                    }
                    Err(e) => tracing::error!(error = %e, "no id node to lease"),
                },
                Err(e) => tracing::warn!(error = %e, "renewing the id node lease failed"),
            }
        }
    });
    Ok(())
}

const RELEASE_IDS: &str = "UPDATE id_nodes SET lease_until = 0 WHERE node = $1 AND holder = $2";

/// Frees this process's node at once (a one-off command, or a server that
/// shuts down), so short commands do not hold nodes for a lease's length.
pub async fn release_ids(db: &Db) -> Result<(), sqlx::Error> {
    let holder = HOLDER.swap(0, Ordering::SeqCst);
    if holder != 0 {
        sqlx::query(RELEASE_IDS)
            .bind(IDS.node())
            .bind(holder)
            .execute(db)
            .await?;
    }
    Ok(())
}

/// The time source. Tests use a manual clock they can move.
#[derive(Clone, Debug, Default)]
pub enum Clock {
    #[default]
    System,
    Manual(Arc<AtomicI64>),
}

impl Clock {
    pub fn manual(start_ms: i64) -> Clock {
        Clock::Manual(Arc::new(AtomicI64::new(start_ms)))
    }
    pub fn now_ms(&self) -> i64 {
        match self {
            Clock::System => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or(0),
            Clock::Manual(t) => t.load(Ordering::SeqCst),
        }
    }
    /// Moves a manual clock forward; does nothing to the system clock.
    pub fn advance(&self, ms: i64) {
        if let Clock::Manual(t) = self {
            t.fetch_add(ms, Ordering::SeqCst);
        }
    }
}

const NEXT_OF_DAY: &str = "INSERT INTO day_counters (prefix, day, last, created_at) \
     VALUES ($1, $2, 1, $3) ON CONFLICT (prefix, day) DO UPDATE SET last = day_counters.last + 1 \
     RETURNING last";

/// The next document number of `day` for `prefix`: `Q20261202-0007` for
/// the seventh quote of 2 December 2026. One upsert, so parallel callers
/// never share a number; in the caller's transaction, so a rolled-back
/// save gives its number back.
pub async fn next_number(
    ex: impl Executor<'_, Database = Any>,
    prefix: &str,
    (y, m, d): (i32, u32, u32),
    now: i64,
) -> AppResult<String> {
    let day = format!("{y:04}{m:02}{d:02}");
    let n: i64 = sqlx::query_scalar(NEXT_OF_DAY)
        .bind(prefix)
        .bind(&day)
        .bind(now)
        .fetch_one(ex)
        .await?;
    Ok(format!("{prefix}{day}-{n:04}"))
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("ping", PING),
    ("next_of_day", NEXT_OF_DAY),
    ("lease_node", LEASE_NODE),
    ("renew_node", RENEW_NODE),
    ("free_nodes", FREE_NODES),
    ("release_ids", RELEASE_IDS),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_increase_and_fit_javascript_numbers() {
        let a = new_id();
        let b = new_id();
        assert!(b > a);
        assert!(b < (1i64 << 53));
        let in_2093 = ((69i64 * 365 * 24 * 3600 * 1000) << 12) | 0xfff;
        assert!(in_2093 < (1i64 << 53));
    }

    #[test]
    fn generators_of_two_nodes_never_make_the_same_id() {
        let (a, b) = (
            std::sync::Arc::new(IdGen::new(1)),
            std::sync::Arc::new(IdGen::new(2)),
        );
        let make = |g: std::sync::Arc<IdGen>| {
            std::thread::spawn(move || (0..50_000).map(|_| g.next()).collect::<Vec<_>>())
        };
        let (ta, tb) = (make(a), make(b));
        let mut all = ta.join().unwrap();
        all.extend(tb.join().unwrap());
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "no id made twice");
    }

    #[tokio::test]
    async fn two_instances_starting_together_lease_different_nodes() {
        let db = crate::testing::fresh_db().await;
        let now = 1_800_000_000_000;
        let tasks: Vec<_> = (1..=8)
            .map(|holder| {
                let db = db.clone();
                tokio::spawn(async move { lease_node(&db, holder, now).await.unwrap() })
            })
            .collect();
        let mut nodes = Vec::new();
        for t in tasks {
            nodes.push(t.await.unwrap());
        }
        nodes.sort_unstable();
        nodes.dedup();
        assert_eq!(nodes.len(), 8, "every instance has its own node");
        let mine = lease_node(&db, 77, now).await.unwrap();
        assert!(!nodes.contains(&mine));
        assert!(renew_node(&db, mine, 77, now).await.unwrap());
        assert!(
            !renew_node(&db, mine, 78, now).await.unwrap(),
            "only the holder renews"
        );
    }

    /// PostgreSQL servers that require TLS can be reached (SHIPDESK_TEST_PG
    /// only; the local test server has TLS on).
    #[tokio::test]
    async fn postgres_connects_with_sslmode_require() {
        let Some(base) = std::env::var("SHIPDESK_TEST_PG")
            .ok()
            .filter(|s| !s.is_empty())
        else {
            return;
        };
        let sep = if base.contains('?') { '&' } else { '?' };
        let db = connect(&format!("{base}{sep}sslmode=require"))
            .await
            .expect("connect with sslmode=require");
        let tls: bool =
            sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .fetch_one(&db)
                .await
                .unwrap();
        assert!(tls, "the connection is encrypted");
        db.close().await;
    }

    #[test]
    fn sqlite_urls_get_create_mode() {
        assert_eq!(
            with_create_mode("sqlite://data/x.db"),
            "sqlite://data/x.db?mode=rwc"
        );
        assert_eq!(
            sqlite_path("sqlite://data/x.db?mode=rwc").as_deref(),
            Some("data/x.db")
        );
        assert_eq!(with_create_mode("postgres://h/db"), "postgres://h/db");
    }
}
