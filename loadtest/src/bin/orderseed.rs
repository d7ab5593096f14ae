//! `orderseed`: the order benchmark's list in the server's database
//! (DATABASE_URL): the demo data (accounts, companies, channels and its
//! five orders, booked through the services), the `bench` admin (password
//! `bench12345`), then ORDERS (1,000,000) orders copied from the demo's
//! first by one INSERT … SELECT per 50,000 rows: spread over the four demo
//! companies, one every 30 seconds back from now (about a year), in ten
//! statuses (booked, confirmed, received, departed, arrived, customs
//! cleared, out for delivery, delivered ×2, cancelled), numbered `B<i>`
//! (`OB<i>` once confirmed). Then ANALYZE, as a database in service has
//! its statistics. Refuses a database that has more than the demo's orders.

use std::time::Instant;

use shipdesk::state::{AppState, Config};

pub const ACCOUNT: &str = "bench";
pub const PASSWORD: &str = "bench12345";
const BATCH: i64 = 50_000;
/// Far below the platform's own ids (time-based, around 10^14 and up).
const ID_BASE: i64 = 1_000_000_000_000;
const EVERY_MS: i64 = 30_000;

const INSERT: &str = "WITH RECURSIVE n(i) AS (SELECT CAST($1 AS BIGINT) UNION ALL SELECT i + 1 FROM n WHERE i < $2) \
     INSERT INTO orders (id, number, order_number, company_id, member_id, staff_id, quick, client_key, \
     quote_id, quote_number, channel_id, channel_name, mode, country, destination, status, held_status, \
     version, total_fen, actual_total_fen, detail, measured, summary, created_at, updated_at, parcels, provider_id) \
     SELECT $3 + n.i, 'B' || n.i, CASE WHEN n.i % 10 = 0 THEN NULL ELSE 'OB' || n.i END, \
     CASE n.i % 4 WHEN 0 THEN $4 WHEN 1 THEN $5 WHEN 2 THEN $6 ELSE $7 END, t.member_id, NULL, 0, \
     'bench-' || n.i, t.quote_id, t.quote_number, t.channel_id, t.channel_name, t.mode, t.country, \
     t.destination, CASE n.i % 10 WHEN 0 THEN 'booked' WHEN 1 THEN 'confirmed' WHEN 2 THEN 'received' \
     WHEN 3 THEN 'departed' WHEN 4 THEN 'arrived' WHEN 5 THEN 'customs_cleared' \
     WHEN 6 THEN 'out_for_delivery' WHEN 9 THEN 'cancelled' ELSE 'delivered' END, NULL, 1, \
     t.total_fen + n.i % 997, NULL, t.detail, NULL, 'b' || n.i || ' ob' || n.i || ' ' || t.summary, \
     $8 - n.i * $9, $8 - n.i * $9, 0, NULL \
     FROM n, orders t WHERE t.id = $10";

#[tokio::main]
async fn main() -> Result<(), String> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://data/shipdesk.db".into());
    let total: i64 = std::env::var("ORDERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let db = shipdesk::db::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    shipdesk::db::migrate(&db)
        .await
        .map_err(|e| e.to_string())?;
    let state = AppState::new(db, Config::default());
    let e = |e: shipdesk::AppError| e.to_string();
    let s = |e: sqlx::Error| e.to_string();
    shipdesk::demo::seed(&state).await.map_err(e)?;
    shipdesk::auth::service::ensure_admin(&state, ACCOUNT, "Bench", PASSWORD)
        .await
        .map_err(e)?;
    let (orders, template): (i64, i64) = sqlx::query_as("SELECT COUNT(*), MIN(id) FROM orders")
        .fetch_one(&state.db)
        .await
        .map_err(s)?;
    if orders > 5 {
        return Err(format!("the database has {orders} orders already"));
    }
    let companies: Vec<i64> =
        sqlx::query_scalar("SELECT DISTINCT company_id FROM members ORDER BY company_id LIMIT 4")
            .fetch_all(&state.db)
            .await
            .map_err(s)?;
    let [a, b, c, d] = companies[..] else {
        return Err("the demo's four companies are missing".into());
    };
    let now = state.now();
    let t = Instant::now();
    let mut from = 1;
    while from <= total {
        let to = (from + BATCH - 1).min(total);
        sqlx::query(INSERT)
            .bind(from)
            .bind(to)
            .bind(ID_BASE)
            .bind(a)
            .bind(b)
            .bind(c)
            .bind(d)
            .bind(now)
            .bind(EVERY_MS)
            .bind(template)
            .execute(&state.db)
            .await
            .map_err(s)?;
        from = to + 1;
    }
    let inserted = t.elapsed();
    sqlx::query("ANALYZE").execute(&state.db).await.map_err(s)?;
    println!(
        "{total} orders in {:.1} s (ANALYZE {:.1} s), over 4 companies, one every {} s back from now",
        inserted.as_secs_f64(),
        (t.elapsed() - inserted).as_secs_f64(),
        EVERY_MS / 1000
    );
    Ok(())
}
