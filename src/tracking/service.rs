//! Tracking services: what server functions and other domains call.

use super::model::{CourierCandidates, CourierContext};
use crate::auth::Principal;
use crate::state::AppState;
use crate::AppResult;

/// The carriers that may have issued `number`, best first (any signed-in
/// caller; see [`super::courier`]).
pub fn detect_courier(
    _state: &AppState,
    _who: &Principal,
    number: &str,
    context: Option<&CourierContext>,
) -> AppResult<CourierCandidates> {
    super::courier::detect_courier(number, context)
}
