//! The orders table: insert (once per client key), read, list, count, and
//! every change as one UPDATE conditional on the version and status read.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::{json, parse};
use crate::error::AppResult;
use crate::orders::model::*;
use crate::orders::policy::OrderOwner;
use crate::pricing::Mode;
use crate::types::{Id, Timestamp};

/// An order as inserted.
pub struct NewOrder<'a> {
    pub id: Id,
    pub number: &'a str,
    pub company_id: Id,
    pub member_id: Option<Id>,
    pub staff_id: Option<Id>,
    pub quick: bool,
    pub client_key: &'a str,
    pub quote_id: Id,
    pub quote_number: &'a str,
    pub country: &'a str,
    pub destination: &'a str,
    pub detail: &'a OrderDetail,
    pub now: i64,
}

pub(crate) const INSERT: &str = "INSERT INTO orders (id, number, company_id, member_id, staff_id, \
     quick, client_key, quote_id, quote_number, channel_id, channel_name, mode, country, \
     destination, status, version, total_fen, detail, summary, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'booked', 0, $15, $16, \
     $17, $18, $18) ON CONFLICT (company_id, client_key) DO NOTHING";

/// Inserts a booking; false when the company booked this client key before.
pub async fn insert(ex: impl Executor<'_, Database = Any>, o: &NewOrder<'_>) -> AppResult<bool> {
    let ch = &o.detail.plan.channel;
    let summary = format!(
        "{} {} {} {}",
        o.number, o.quote_number, o.destination, ch.name
    );
    let done = sqlx::query(INSERT)
        .bind(o.id)
        .bind(o.number)
        .bind(o.company_id)
        .bind(o.member_id)
        .bind(o.staff_id)
        .bind(o.quick as i64)
        .bind(o.client_key)
        .bind(o.quote_id)
        .bind(o.quote_number)
        .bind(ch.id)
        .bind(ch.name.as_str())
        .bind(ch.mode.as_str())
        .bind(o.country)
        .bind(o.destination)
        .bind(o.detail.plan.total_fen)
        .bind(json(o.detail)?)
        .bind(summary.to_lowercase())
        .bind(o.now)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() == 1)
}

const SELECT: &str = "SELECT o.id, o.number, o.order_number, o.company_id, o.member_id, \
     o.staff_id, o.quick, o.quote_number, o.channel_id, o.channel_name, o.mode, o.country, \
     o.destination, o.status, o.held_status, o.version, o.total_fen, o.actual_total_fen, \
     o.detail, o.measured, o.created_at, o.updated_at, c.name AS company_name, c.owner_staff_id, \
     COALESCE(m.name, '') AS member_name, COALESCE(s.name, '') AS staff_name, o.provider_id, \
     pv.name AS provider_name \
     FROM orders o JOIN companies c ON c.id = o.company_id \
     LEFT JOIN members m ON m.id = o.member_id LEFT JOIN staff s ON s.id = o.staff_id \
     LEFT JOIN staff pv ON pv.id = o.provider_id";

pub(crate) const BY_ID: &str = formatcp!("{SELECT} WHERE o.id = $1");
pub(crate) const BY_KEY: &str = formatcp!("{SELECT} WHERE o.company_id = $1 AND o.client_key = $2");
pub(crate) const BY_NUMBER: &str = formatcp!("{SELECT} WHERE o.number = $1 OR o.order_number = $1");

/// An order (without its events and parcels) and whose it is.
pub struct Stored {
    pub order: Order,
    pub owner: OrderOwner,
    pub member_id: Option<Id>,
}

pub async fn by_id(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<Option<Stored>> {
    let row = sqlx::query(BY_ID).bind(id).fetch_optional(ex).await?;
    row.map(|r| stored(&r)).transpose()
}

pub async fn by_number(
    ex: impl Executor<'_, Database = Any>,
    number: &str,
) -> AppResult<Option<Stored>> {
    let row = sqlx::query(BY_NUMBER)
        .bind(number)
        .fetch_optional(ex)
        .await?;
    row.map(|r| stored(&r)).transpose()
}

pub async fn by_key(
    ex: impl Executor<'_, Database = Any>,
    company: Id,
    key: &str,
) -> AppResult<Option<Stored>> {
    let row = sqlx::query(BY_KEY)
        .bind(company)
        .bind(key)
        .fetch_optional(ex)
        .await?;
    row.map(|r| stored(&r)).transpose()
}

/// Which orders a list or a count may see: `company` (0: any), `sales`
/// (0: any; else their companies' and the quick orders they booked), `app`
/// (0: any; else only its companies), `provider` (0: any; else only the
/// orders assigned to them).
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub company: Id,
    pub sales: Id,
    pub app: Id,
    pub provider: Id,
}

/// The list's narrowing: status ('' any), booked in [from_ms, to_ms)
/// (0 and `i64::MAX`: unbounded), destination ('' any), lower-case search
/// text ('' none), quick only. The default keeps everything.
#[derive(Debug, Clone)]
pub struct Narrow {
    pub status: String,
    pub from_ms: i64,
    pub to_ms: i64,
    pub destination: String,
    pub q: String,
    pub quick_only: bool,
}

impl Default for Narrow {
    fn default() -> Self {
        Narrow {
            status: String::new(),
            from_ms: 0,
            to_ms: i64::MAX,
            destination: String::new(),
            q: String::new(),
            quick_only: false,
        }
    }
}

/// Which orders a [`Scope`] sees (`$1`…`$4`), over `orders o` joined to
/// `companies c`.
pub(crate) const SCOPE: &str = " WHERE ($1 = 0 OR o.company_id = $1) \
     AND ($2 = 0 OR c.owner_staff_id = $2 OR o.staff_id = $2) \
     AND ($3 = 0 OR o.company_id IN (SELECT company_id FROM partner_app_companies WHERE app_ref = $3)) \
     AND ($4 = 0 OR o.provider_id = $4)";
/// A move: to `to` (holding `held`), from `from` at `version`.
pub struct Move<'a> {
    pub id: Id,
    pub from: OrderStatus,
    pub version: i64,
    pub to: OrderStatus,
    pub held: Option<OrderStatus>,
    /// Given on confirm.
    pub order_number: Option<&'a str>,
    /// Set on receive: the measured cartons and the actual price.
    pub measured: Option<(&'a Measured, Option<i64>)>,
    pub now: i64,
}

pub(crate) const MOVE: &str = "UPDATE orders SET status = $1, held_status = $2, \
     version = version + 1, updated_at = $3, order_number = COALESCE($4, order_number), \
     measured = COALESCE($5, measured), actual_total_fen = COALESCE($6, actual_total_fen) \
     WHERE id = $7 AND version = $8 AND status = $9";

/// Applies the move if the order is still at its version and status; false
/// when someone changed it first.
pub async fn apply(ex: impl Executor<'_, Database = Any>, m: &Move<'_>) -> AppResult<bool> {
    let measured = m.measured.map(|(x, _)| json(x)).transpose()?;
    let done = sqlx::query(MOVE)
        .bind(m.to.as_str())
        .bind(m.held.map(|h| h.as_str()))
        .bind(m.now)
        .bind(m.order_number)
        .bind(measured)
        .bind(m.measured.and_then(|(_, t)| t))
        .bind(m.id)
        .bind(m.version)
        .bind(m.from.as_str())
        .execute(ex)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub(super) fn summary(r: &AnyRow) -> Result<OrderSummary, sqlx::Error> {
    Ok(OrderSummary {
        id: r.try_get("id")?,
        number: r.try_get("number")?,
        order_number: r.try_get("order_number")?,
        company_name: r.try_get("company_name")?,
        quick: r.try_get::<i64, _>("quick")? != 0,
        channel_name: r.try_get("channel_name")?,
        mode: mode(r)?,
        country: r.try_get("country")?,
        destination: r.try_get("destination")?,
        status: status(r, "status")?.unwrap_or(OrderStatus::Booked),
        total_fen: r.try_get("total_fen")?,
        actual_total_fen: r.try_get("actual_total_fen")?,
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

fn mode(r: &AnyRow) -> Result<Mode, sqlx::Error> {
    Mode::parse(&r.try_get::<String, _>("mode")?).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn status(r: &AnyRow, col: &str) -> Result<Option<OrderStatus>, sqlx::Error> {
    r.try_get::<Option<String>, _>(col)?
        .map(|s| OrderStatus::parse(&s).map_err(|e| sqlx::Error::Decode(Box::new(e))))
        .transpose()
}

fn stored(r: &AnyRow) -> AppResult<Stored> {
    let staff_name: String = r.try_get("staff_name")?;
    let member_name: String = r.try_get("member_name")?;
    let quick = r.try_get::<i64, _>("quick")? != 0;
    let booked_by = match (quick, staff_name.is_empty()) {
        (true, false) => format!("{staff_name} → {member_name}"),
        _ if !member_name.is_empty() => member_name,
        _ => staff_name,
    };
    let staff_id: Option<Id> = r.try_get("staff_id")?;
    let measured: Option<String> = r.try_get("measured")?;
    let order = Order {
        id: r.try_get("id")?,
        number: r.try_get("number")?,
        order_number: r.try_get("order_number")?,
        company_id: r.try_get("company_id")?,
        company_name: r.try_get("company_name")?,
        booked_by,
        quick,
        quote_number: r.try_get("quote_number")?,
        channel_id: r.try_get("channel_id")?,
        channel_name: r.try_get("channel_name")?,
        mode: mode(r)?,
        country: r.try_get("country")?,
        destination: r.try_get("destination")?,
        status: status(r, "status")?.unwrap_or(OrderStatus::Booked),
        held_status: status(r, "held_status")?,
        version: r.try_get("version")?,
        total_fen: r.try_get("total_fen")?,
        actual_total_fen: r.try_get("actual_total_fen")?,
        detail: parse(&r.try_get::<String, _>("detail")?)?,
        measured: measured.as_deref().map(parse).transpose()?,
        events: vec![],
        parcels: vec![],
        provider_id: r.try_get("provider_id")?,
        provider_name: r.try_get("provider_name")?,
        transfers: vec![],
        may_cancel: false,
        created_at: Timestamp(r.try_get("created_at")?),
        updated_at: Timestamp(r.try_get("updated_at")?),
    };
    Ok(Stored {
        owner: OrderOwner {
            company: order.company_id,
            company_owner: r.try_get("owner_staff_id")?,
            booked_by_staff: staff_id.filter(|_| quick),
            provider: order.provider_id,
        },
        member_id: r.try_get("member_id")?,
        order,
    })
}
