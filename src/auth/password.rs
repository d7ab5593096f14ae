//! Password hashing: argon2id with OWASP's parameters (19 MiB, t=2, p=1),
//! run on the blocking pool behind a semaphore so that a burst of sign-ins
//! cannot take every core from page serving.

use std::sync::Arc;

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

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
}

impl Default for PasswordHasher {
    /// Half the cores (at least one) may hash at once.
    fn default() -> Self {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        PasswordHasher {
            permits: Arc::new(Semaphore::new((cores / 2).max(1))),
        }
    }
}

impl PasswordHasher {
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
        self.run(move || {
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
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| AppError::Internal)?;
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
