//! The numbers on orders still under way that the tracking provider does
//! not push yet: delivery tracking numbers (送仓单号) and transfer numbers
//! (转单号) alike, for `service::follow_numbers`.

use sqlx::{Any, Executor};

/// Numbers on orders not delivered, cancelled or rejected, with no
/// accepted subscription and not tried since `$1`, oldest first.
pub(crate) const UNFOLLOWED: &str = "SELECT n.carrier, n.number FROM ( \
     SELECT p.carrier, p.number, p.created_at FROM order_parcels p \
     JOIN orders o ON o.id = p.order_id \
     WHERE o.status NOT IN ('delivered', 'cancelled', 'rejected') \
     UNION ALL \
     SELECT x.carrier, x.number, x.created_at FROM order_transfers x \
     JOIN orders o ON o.id = x.order_id \
     WHERE o.status NOT IN ('delivered', 'cancelled', 'rejected') \
     ) n LEFT JOIN tracking_numbers t ON t.carrier = n.carrier AND t.number = n.number \
     WHERE t.subscribed_at IS NULL \
     AND (t.subscribe_tried_at IS NULL OR t.subscribe_tried_at < $1) \
     ORDER BY n.created_at LIMIT $2";

/// Up to `limit` (carrier code, number) pairs to subscribe, none tried
/// since `tried_before`.
pub async fn unfollowed(
    ex: impl Executor<'_, Database = Any>,
    tried_before: i64,
    limit: i64,
) -> crate::error::AppResult<Vec<(String, String)>> {
    Ok(sqlx::query_as(UNFOLLOWED)
        .bind(tried_before)
        .bind(limit)
        .fetch_all(ex)
        .await?)
}
