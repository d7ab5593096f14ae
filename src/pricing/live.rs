//! The catalogue in memory: loaded from the channels table on first use,
//! used by every search as it is (an `Arc`), and loaded again after a
//! change. A change marks it stale here and, on PostgreSQL, on every other
//! instance through NOTIFY on [`CHANNEL`]; when the listening connection
//! drops, the catalogue is marked stale too (a notice may have been missed).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use super::quote::Catalogue;
use super::repo;
use crate::db::Db;
use crate::error::AppResult;

/// NOTIFY's channel for catalogue changes.
pub const CHANNEL: &str = "shipdesk_pricing";

#[derive(Clone, Default)]
pub struct Catalogues(Arc<Inner>);

#[derive(Default)]
struct Inner {
    current: RwLock<Option<Arc<Catalogue>>>,
    /// Set by a change; the next search loads again.
    stale: AtomicBool,
    /// How many times the catalogue was loaded (for tests and metrics).
    loads: AtomicU64,
    /// One load at a time.
    loading: tokio::sync::Mutex<()>,
    listening: AtomicBool,
}

impl Catalogues {
    /// The catalogue as it is now, loading it when it is stale or absent.
    pub async fn get(&self, db: &Db) -> AppResult<Arc<Catalogue>> {
        if let Some(c) = self.fresh() {
            return Ok(c);
        }
        let _one = self.0.loading.lock().await;
        if let Some(c) = self.fresh() {
            return Ok(c);
        }
        // Cleared before reading: a change committed during the load marks
        // it stale again, so the next search loads once more.
        self.0.stale.store(false, Ordering::SeqCst);
        let cat = Arc::new(load(db).await?);
        *self.0.current.write().unwrap_or_else(|e| e.into_inner()) = Some(cat.clone());
        self.0.loads.fetch_add(1, Ordering::Relaxed);
        Ok(cat)
    }

    fn fresh(&self) -> Option<Arc<Catalogue>> {
        if self.0.stale.load(Ordering::SeqCst) {
            return None;
        }
        self.0.current.read().ok()?.clone()
    }

    /// Marks the catalogue stale on this instance.
    pub fn invalidate(&self) {
        self.0.stale.store(true, Ordering::SeqCst);
    }

    /// How many times it was loaded.
    pub fn loads(&self) -> u64 {
        self.0.loads.load(Ordering::Relaxed)
    }

    /// After a committed change: stale here and, on PostgreSQL, everywhere.
    pub async fn changed(&self, db: &Db) {
        self.invalidate();
        if crate::db::backend(db) == crate::db::Backend::Postgres {
            if let Err(e) = crate::chat::repo::live::notify(db, CHANNEL, "").await {
                tracing::warn!(error = %e, "NOTIFY of a channel change failed");
            }
        }
    }

    /// On PostgreSQL: marks the catalogue stale whenever another instance
    /// changes a channel. Returns once listening.
    pub async fn start_postgres(&self, db: Db) -> Result<(), sqlx::Error> {
        if self.0.listening.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        let url = db.connect_options().database_url.to_string();
        let mut listener = sqlx::postgres::PgListener::connect(&url).await?;
        listener.listen(CHANNEL).await?;
        let me = self.clone();
        tokio::spawn(async move {
            loop {
                match listener.try_recv().await {
                    Ok(_) => me.invalidate(),
                    Err(e) => {
                        tracing::warn!(error = %e, "LISTEN for channel changes failed; retrying");
                        me.invalidate();
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(())
    }
}

/// Every stored channel that passes its checks; one that does not is
/// logged and left out rather than stopping every search.
pub async fn load(db: &Db) -> AppResult<Catalogue> {
    let rows = repo::channel::all(db).await?;
    let channels = rows
        .into_iter()
        .map(|r| r.channel)
        .filter(|ch| match ch.check() {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(channel = ch.id, error = ?e, "a stored channel fails its checks");
                false
            }
        })
        .collect();
    Catalogue::new(channels)
}
