//! Server functions of tracking.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::tracking::{CourierCandidates, CourierContext};
use shipdesk::AppError;

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::tracking::service};

/// The couriers that may have issued a tracking number, best first, each with a confidence in 0–1: from the number's shape (spaces, dashes, full-width characters and case do not matter) with check digits verified where the carrier prints one; numbers several carriers print alike give several candidates, re-ranked by the optional context (origin country or city, the customer's usual carriers). A number no carrier prints gives none. At most 40 characters (any signed-in caller).
#[server(prefix = "/api", endpoint = "detect_courier", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn detect_courier(
    number: String,
    context: Option<CourierContext>,
) -> Result<CourierCandidates, AppError> {
    let p = principal().await?;
    service::detect_courier(&state()?, &p, &number, context.as_ref())
}
