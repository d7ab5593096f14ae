//! tower-sessions store over our database (SQLite or PostgreSQL). Expiry
//! runs on the app's clock (a manual one in tests): every save sets the row
//! to end `idle` after now, and a load past that finds nothing.

use async_trait::async_trait;
use shipdesk::auth::session_repo;
use shipdesk::db::{Clock, Db};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result, SessionStore};

#[derive(Clone)]
pub struct DbSessionStore {
    db: Db,
    clock: Clock,
    idle_ms: i64,
}

impl DbSessionStore {
    pub fn new(db: Db, clock: Clock, idle_secs: i64) -> Self {
        DbSessionStore {
            db,
            clock,
            idle_ms: idle_secs * 1000,
        }
    }

    /// A store over `app`'s database, clock and idle timeout.
    pub fn of(app: &shipdesk::state::AppState) -> Self {
        DbSessionStore::new(
            app.db.clone(),
            app.clock.clone(),
            app.config.session_idle_secs,
        )
    }

    fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    fn expiry_ms(&self) -> i64 {
        self.now_ms() + self.idle_ms
    }
}

impl std::fmt::Debug for DbSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbSessionStore")
    }
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        loop {
            let data = serde_json::to_string(&record.data).map_err(backend)?;
            let id = record.id.to_string();
            if session_repo::create(&self.db, &id, &data, self.expiry_ms(), self.now_ms())
                .await
                .map_err(backend)?
            {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_string(&record.data).map_err(backend)?;
        // Update-only: a sign-out (or an expiry sweep) that deleted the
        // session while this request ran stays done.
        session_repo::update(&self.db, &record.id.to_string(), &data, self.expiry_ms())
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let Some((data, expires)) = session_repo::load(&self.db, &id.to_string(), self.now_ms())
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let expiry_date =
            time::OffsetDateTime::from_unix_timestamp_nanos(expires as i128 * 1_000_000)
                .map_err(backend)?;
        let data = serde_json::from_str(&data).map_err(backend)?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        session_repo::delete(&self.db, &id.to_string())
            .await
            .map_err(backend)
    }
}
