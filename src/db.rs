//! The database: one sqlx `Any` pool over SQLite (default, a file) or
//! PostgreSQL (`DATABASE_URL=postgres://…`), migrations, ids and the clock.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};

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

static LAST_ID: AtomicI64 = AtomicI64::new(0);

/// A new id: milliseconds since 2024 shifted left 12 bits, plus 12 random
/// bits; strictly increasing within a process and below 2^53.
pub fn new_id() -> i64 {
    const EPOCH_2024: i64 = 1_704_067_200_000;
    let ms = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
        - EPOCH_2024)
        .max(0);
    let candidate = (ms << 12) | (rand::random::<u16>() as i64 & 0xfff);
    let mut last = LAST_ID.load(Ordering::Relaxed);
    loop {
        let next = candidate.max(last + 1);
        match LAST_ID.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_increase_and_fit_javascript_numbers() {
        let a = new_id();
        let b = new_id();
        assert!(b > a);
        assert!(b < (1i64 << 53));
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
