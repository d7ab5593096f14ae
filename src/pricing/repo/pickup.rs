//! Pickup slots.

use sqlx::{Any, Executor, Row};

use crate::error::{AppError, AppResult};
use crate::pricing::pickup::PickupSlot;
use crate::types::Id;

pub(crate) const ALL: &str = "SELECT id, city, weekdays, start_time, end_time, capacity, enabled \
     FROM pickup_slots ORDER BY city, start_time, end_time";

pub async fn all(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<PickupSlot>> {
    let rows = sqlx::query(ALL).fetch_all(ex).await?;
    rows.iter()
        .map(|r| {
            let weekdays: String = r.try_get("weekdays")?;
            Ok(PickupSlot {
                id: r.try_get("id")?,
                city: r.try_get("city")?,
                weekdays: serde_json::from_str(&weekdays).map_err(|_| AppError::Internal)?,
                start: r.try_get("start_time")?,
                end: r.try_get("end_time")?,
                capacity: r.try_get::<i64, _>("capacity")? as u32,
                enabled: r.try_get::<i64, _>("enabled")? != 0,
            })
        })
        .collect()
}

pub(crate) const INSERT: &str = "INSERT INTO pickup_slots (id, city, weekdays, start_time, \
     end_time, capacity, enabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)";
pub(crate) const UPDATE: &str = "UPDATE pickup_slots SET city = $2, weekdays = $3, \
     start_time = $4, end_time = $5, capacity = $6, enabled = $7, updated_at = $8 WHERE id = $1";

/// Stores a slot, new when `created`; false when there is none to change.
pub async fn save(
    ex: impl Executor<'_, Database = Any>,
    s: &PickupSlot,
    created: bool,
    now: i64,
) -> AppResult<bool> {
    let weekdays = serde_json::to_string(&s.weekdays).map_err(|_| AppError::Internal)?;
    let r = sqlx::query(if created { INSERT } else { UPDATE })
        .bind(s.id)
        .bind(&s.city)
        .bind(weekdays)
        .bind(&s.start)
        .bind(&s.end)
        .bind(s.capacity as i64)
        .bind(s.enabled as i64)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub(crate) const DELETE: &str = "DELETE FROM pickup_slots WHERE id = $1";

pub async fn delete(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let r = sqlx::query(DELETE).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}
