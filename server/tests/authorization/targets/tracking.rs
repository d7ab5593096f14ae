//! Targets of tracking: courier detection (any signed-in caller).

use serde_json::json;

use super::{api, Target};
use crate::check::field;
use crate::world::{Who, World};

pub async fn target(_w: &World, endpoint: &str, _who: Who) -> Option<Target> {
    let t = match endpoint {
        "detect_courier" => api(
            json!({"number": "SF1411620938917"}),
            field("/candidates/0/carrier", "sf"),
        ),
        _ => return None,
    };
    Some(t)
}
