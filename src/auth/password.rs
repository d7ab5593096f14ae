//! Password hashing: argon2id with OWASP's parameters (19 MiB, t=2, p=1),
//! run on the blocking pool behind a semaphore so that a burst of sign-ins
//! cannot take every core from page serving. The queue is bounded in time:
//! a caller that cannot start hashing within `max_wait` is told to retry
//! (`RateLimited`), so a flood answers 429 instead of starving every sign-in.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher as _, SaltString};
use argon2::{Algorithm, Argon2, Params, PasswordVerifier, Version};
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult};

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 params");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash to verify against when the account does not exist, so that an
/// unknown account costs as much time as a wrong password.
static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// How long a sign-in waits for a hashing slot before it is told to retry.
pub const DEFAULT_MAX_WAIT: Duration = Duration::from_millis(1500);

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    max_wait: Duration,
    verified: Arc<AtomicU64>,
}

impl Default for PasswordHasher {
    /// Half the cores (at least one) may hash at once.
    fn default() -> Self {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        PasswordHasher::new((cores / 2).max(1), DEFAULT_MAX_WAIT)
    }
}

impl PasswordHasher {
    /// `slots` hashes at once; a caller waits at most `max_wait` for one.
    pub fn new(slots: usize, max_wait: Duration) -> Self {
        PasswordHasher {
            permits: Arc::new(Semaphore::new(slots.max(1))),
            max_wait,
            verified: Arc::new(AtomicU64::new(0)),
        }
    }

    /// How many password verifications have run (a figure for tests and
    /// monitoring: a throttled attempt never reaches argon2).
    pub fn verifications(&self) -> u64 {
        self.verified.load(Ordering::Relaxed)
    }

    pub async fn hash(&self, password: &str) -> AppResult<String> {
        let pw = password.to_owned();
        self.run(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()
                .hash_password(pw.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| {
                    tracing::error!(error = %e, "argon2 hash failed");
                    AppError::Internal
                })
        })
        .await?
    }

    /// Checks `password` against `hash`; with no hash, spends the same time and fails.
    pub async fn verify(&self, hash: Option<String>, password: &str) -> AppResult<bool> {
        let pw = password.to_owned();
        let verified = self.verified.clone();
        self.run(move || {
            verified.fetch_add(1, Ordering::Relaxed);
            let known = hash.is_some();
            let hash = hash.unwrap_or_else(|| {
                DUMMY_HASH
                    .get_or_init(|| {
                        let salt = SaltString::generate(&mut OsRng);
                        argon2()
                            .hash_password(b"dummy-password-1", &salt)
                            .unwrap()
                            .to_string()
                    })
                    .clone()
            });
            let ok = PasswordHash::new(&hash)
                .map(|parsed| argon2().verify_password(pw.as_bytes(), &parsed).is_ok())
                .unwrap_or(false);
            known && ok
        })
        .await
    }

    async fn run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
        let _permit = match tokio::time::timeout(self.max_wait, self.permits.acquire()).await {
            Ok(p) => p.map_err(|_| AppError::Internal)?,
            Err(_) => {
                tracing::warn!("password hashing queue full: answering 429");
                return Err(AppError::RateLimited {
                    retry_after_secs: self.max_wait.as_secs().max(1) + 1,
                });
            }
        };
        tokio::task::spawn_blocking(f).await.map_err(|e| {
            tracing::error!(error = %e, "hashing task failed");
            AppError::Internal
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_password() {
        let h = PasswordHasher::default();
        let hash = h.hash("letters123").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(h.verify(Some(hash.clone()), "letters123").await.unwrap());
        assert!(!h.verify(Some(hash), "letters124").await.unwrap());
        assert!(!h.verify(None, "dummy-password-1").await.unwrap());
    }
}
