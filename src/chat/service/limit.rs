//! How fast people may send chat messages. Two limits:
//!
//! - per socket, a token bucket in memory (`SendBucket`): a burst of
//!   `SOCKET_BURST` sends, then `SOCKET_PER_SEC` a second;
//! - per person, across their sockets, the HTTP API and every instance: at
//!   most `MEMBER_PER_MINUTE` (customers) or `STAFF_PER_MINUTE` (staff) sends
//!   per minute window, reserved in the database through the shared limiter
//!   (`crate::ratelimit`, scope `chat-send:<kind>:<id>`).
//!
//! A refused send is `AppError::RateLimited`; the socket answers it with an
//! `error` frame of key [`SEND_RATE_LIMITED`] and stays up.

use crate::auth::Principal;
use crate::chat::model::SenderKind;
use crate::error::{AppResult, ErrorKey};
use crate::ratelimit::{self, Limit};
use crate::state::AppState;

/// The error key a socket answers a refused send with.
pub const SEND_RATE_LIMITED: ErrorKey = ErrorKey::SendRateLimited;
/// Sends a socket may make at once…
pub const SOCKET_BURST: f64 = 20.0;
/// …and then per second.
pub const SOCKET_PER_SEC: f64 = 5.0;
/// The window of the per-person limit.
pub const WINDOW_MS: i64 = 60_000;
pub const MEMBER_PER_MINUTE: i64 = 60;
pub const STAFF_PER_MINUTE: i64 = 300;

/// A token bucket: `take` succeeds while tokens are left; they refill with
/// time (milliseconds from the app's clock).
#[derive(Debug, Clone)]
pub struct SendBucket {
    tokens: f64,
    at_ms: i64,
    burst: f64,
    per_sec: f64,
}

impl SendBucket {
    pub fn new(burst: f64, per_sec: f64, now_ms: i64) -> Self {
        SendBucket {
            tokens: burst,
            at_ms: now_ms,
            burst,
            per_sec,
        }
    }

    /// A socket's bucket.
    pub fn for_socket(now_ms: i64) -> Self {
        SendBucket::new(SOCKET_BURST, SOCKET_PER_SEC, now_ms)
    }

    /// Takes one token if there is one.
    pub fn take(&mut self, now_ms: i64) -> bool {
        let elapsed = (now_ms - self.at_ms).max(0) as f64 / 1000.0;
        self.tokens = (self.tokens + elapsed * self.per_sec).min(self.burst);
        self.at_ms = self.at_ms.max(now_ms);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Seconds until the next token (at least 1).
    pub fn retry_after_secs(&self) -> u64 {
        let missing = (1.0 - self.tokens).max(0.0);
        ((missing / self.per_sec).ceil() as u64).max(1)
    }
}

/// Counts one send of `who` against their per-minute limit; RateLimited
/// (with the seconds left in the window) when they are over it.
pub async fn count_send(state: &AppState, who: &Principal) -> AppResult<()> {
    let (kind, id, max) = match who {
        Principal::Member(m) => (SenderKind::Member, m.id, MEMBER_PER_MINUTE),
        Principal::Staff(s) => (SenderKind::Staff, s.id, STAFF_PER_MINUTE),
    };
    let limit = Limit::new(format!("chat-send:{}:{id}", kind.as_str()), max, WINDOW_MS);
    ratelimit::reserve_one(&state.db, &limit, state.now()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_allows_a_burst_then_its_rate() {
        let mut b = SendBucket::new(3.0, 2.0, 0);
        assert!(b.take(0) && b.take(0) && b.take(0));
        assert!(!b.take(0), "the burst is spent");
        assert_eq!(b.retry_after_secs(), 1);
        assert!(!b.take(400), "0.8 of a token after 400 ms");
        assert!(b.take(500));
        assert!(!b.take(500));
        // A long pause refills no more than the burst.
        assert!(b.take(60_000) && b.take(60_000) && b.take(60_000));
        assert!(!b.take(60_000));
        // A clock that steps back gives nothing away.
        assert!(!b.take(10_000));
    }
}
