//! Server functions of pricing.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::pricing::Inquiry;
use shipdesk::AppError;

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::pricing::service};

/// Reads a shipping inquiry written as people write it ("300kg 2方 深圳到美国FBA
/// ONT8 海派 带电") into fields, each with its value, a confidence and the
/// character span `[start, end)` it came from; what it could not read is in
/// `unread`. A field not found is absent. At most 2,000 characters.
#[server(prefix = "/api", endpoint = "parse_inquiry", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn parse_inquiry(text: String) -> Result<Inquiry, AppError> {
    let p = principal().await?;
    service::read_inquiry(&state()?, &p, &text)
}
