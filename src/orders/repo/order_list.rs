//! The order list's SQL: a page, its count and an export's next chunk, over
//! the orders a [`Scope`] sees and a [`Narrow`] keeps.
//!
//! Built per call from only the conditions that are set ([`Filter`]): a
//! condition written as a bound guard (`$5 = '' OR o.status = $5`) hides
//! the column from the planner, so with a million orders a status filter
//! walked the whole date range row by row; a plain `o.status = $1` is an
//! index range (`orders_status_created`). The count stops at
//! [`COUNT_CAP`]: a long list says `10000 条以上` instead of counting a
//! million rows on every page, and so does each status's count for the
//! tabs (one index range each). Every shape is run on both databases by the
//! test below (it stands in for the `STATEMENTS` list of fixed ones).

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Row};

use super::order::{summary, Narrow, Scope};
use crate::error::AppResult;
use crate::orders::model::{OrderStatus, OrderSummary, StatusCount};
use crate::types::Id;

/// Counted up to this many; past it the list says there are more.
pub const COUNT_CAP: i64 = 10_000;

const COLUMNS: &str = "SELECT o.id, o.number, o.order_number, c.name AS company_name, o.quick, \
     o.channel_name, o.mode, o.country, o.destination, o.status, o.total_fen, \
     o.actual_total_fen, o.created_at FROM orders o JOIN companies c ON c.id = o.company_id";
const NEWEST_FIRST: &str = " ORDER BY o.created_at DESC, o.id DESC";

/// A value to bind.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Int(i64),
    Text(String),
}

/// A WHERE of the conditions a scope and a narrowing set, numbered `$1`,
/// `$2`… in the order of their values.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filter {
    conds: Vec<String>,
    values: Vec<Value>,
    /// A condition reads the company (`c.owner_staff_id`).
    needs_company: bool,
}

impl Filter {
    pub fn new(s: &Scope, n: &Narrow) -> Filter {
        let mut f = Filter::default();
        if s.company != 0 {
            let p = f.int(s.company);
            f.conds.push(format!("o.company_id = {p}"));
        }
        if s.sales != 0 {
            let p = f.int(s.sales);
            f.conds
                .push(format!("(c.owner_staff_id = {p} OR o.staff_id = {p})"));
            f.needs_company = true;
        }
        if s.app != 0 {
            let p = f.int(s.app);
            f.conds.push(format!(
                "o.company_id IN (SELECT company_id FROM partner_app_companies WHERE app_ref = {p})"
            ));
        }
        if s.provider != 0 {
            let p = f.int(s.provider);
            f.conds.push(format!("o.provider_id = {p}"));
        }
        if !n.status.is_empty() {
            let p = f.text(&n.status);
            f.conds.push(format!("o.status = {p}"));
        }
        if n.from_ms > 0 {
            let p = f.int(n.from_ms);
            f.conds.push(format!("o.created_at >= {p}"));
        }
        if n.to_ms < i64::MAX {
            let p = f.int(n.to_ms);
            f.conds.push(format!("o.created_at < {p}"));
        }
        if !n.destination.is_empty() {
            let p = f.text(&n.destination);
            f.conds.push(format!("o.destination = {p}"));
        }
        let q = n.q.replace(['%', '_'], "");
        if !q.is_empty() {
            let p = f.text(&format!("%{q}%"));
            f.conds.push(format!("o.summary LIKE {p}"));
        }
        if n.quick_only {
            f.conds.push("o.quick = 1".to_owned());
        }
        f
    }

    /// The placeholder of `v`, bound after the values before it.
    fn int(&mut self, v: i64) -> String {
        self.values.push(Value::Int(v));
        format!("${}", self.values.len())
    }

    fn text(&mut self, v: &str) -> String {
        self.values.push(Value::Text(v.to_owned()));
        format!("${}", self.values.len())
    }

    /// ` WHERE a AND b`, or nothing.
    fn where_sql(&self) -> String {
        match self.conds.is_empty() {
            true => String::new(),
            false => format!(" WHERE {}", self.conds.join(" AND ")),
        }
    }

    fn bind<'q>(&'q self, sql: &'q str) -> Query<'q, Any, AnyArguments<'q>> {
        self.values.iter().fold(sqlx::query(sql), |q, v| match v {
            Value::Int(i) => q.bind(*i),
            Value::Text(s) => q.bind(s.as_str()),
        })
    }
}

/// The SQL of a page: the filter's, then LIMIT and OFFSET.
fn page_sql(f: &mut Filter, limit: i64, offset: i64) -> String {
    let w = f.where_sql();
    let (l, o) = (f.int(limit), f.int(offset));
    format!("{COLUMNS}{w}{NEWEST_FIRST} LIMIT {l} OFFSET {o}")
}

/// The SQL of the count, up to [`COUNT_CAP`] + 1 rows; the company only
/// when a condition reads it.
fn count_sql(f: &mut Filter) -> String {
    count_up_to(f, COUNT_CAP + 1)
}

/// The SQL of the count, up to `cap` rows.
fn count_up_to(f: &mut Filter, cap: i64) -> String {
    let join = match f.needs_company {
        true => " JOIN companies c ON c.id = o.company_id",
        false => "",
    };
    let w = f.where_sql();
    let cap = f.int(cap);
    format!("SELECT COUNT(*) FROM (SELECT 1 FROM orders o{join}{w} LIMIT {cap}) AS counted")
}

/// The SQL of the next chunk after `(created_at, id)`.
fn after_sql(f: &mut Filter, after: (i64, Id), limit: i64) -> String {
    let (t, i) = (f.int(after.0), f.int(after.1));
    f.conds.push(format!(
        "(o.created_at < {t} OR (o.created_at = {t} AND o.id < {i}))"
    ));
    let w = f.where_sql();
    let l = f.int(limit);
    format!("{COLUMNS}{w}{NEWEST_FIRST} LIMIT {l}")
}

/// One page of the orders in scope, newest first; how many there are (up
/// to [`COUNT_CAP`]); whether there are more than that.
pub async fn list(
    db: &crate::db::Db,
    s: &Scope,
    n: &Narrow,
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<OrderSummary>, i64, bool)> {
    let mut f = Filter::new(s, n);
    let sql = page_sql(&mut f, limit, offset);
    let rows = f.bind(&sql).fetch_all(db).await?;
    let mut f = Filter::new(s, n);
    let sql = count_sql(&mut f);
    let counted: i64 = f.bind(&sql).fetch_one(db).await?.try_get(0)?;
    let items = rows
        .iter()
        .map(summary)
        .collect::<Result<_, sqlx::Error>>()?;
    Ok((items, counted.min(COUNT_CAP), counted > COUNT_CAP))
}

/// How many orders in scope, counted up to `cap` (an export's total).
pub async fn count_up_to_cap(
    db: &crate::db::Db,
    s: &Scope,
    n: &Narrow,
    cap: i64,
) -> AppResult<i64> {
    let mut f = Filter::new(s, n);
    let sql = count_up_to(&mut f, cap);
    Ok(f.bind(&sql).fetch_one(db).await?.try_get(0)?)
}

/// Up to `limit` orders in scope after `(created_at, id)`, newest first.
pub async fn list_after(
    db: &crate::db::Db,
    s: &Scope,
    n: &Narrow,
    after: (i64, Id),
    limit: i64,
) -> AppResult<Vec<OrderSummary>> {
    let mut f = Filter::new(s, n);
    let sql = after_sql(&mut f, after, limit);
    let rows = f.bind(&sql).fetch_all(db).await?;
    Ok(rows
        .iter()
        .map(summary)
        .collect::<Result<_, sqlx::Error>>()?)
}

/// How many orders in scope (only quick orders, with `quick_only`) are in
/// each status, each counted up to [`COUNT_CAP`] on its own index range;
/// the statuses with any, in order.
pub async fn by_status(
    db: &crate::db::Db,
    s: &Scope,
    quick_only: bool,
) -> AppResult<Vec<StatusCount>> {
    let mut out = vec![];
    for status in OrderStatus::ALL {
        let n = Narrow {
            status: status.as_str().to_owned(),
            quick_only,
            ..Narrow::default()
        };
        let mut f = Filter::new(s, &n);
        let sql = count_sql(&mut f);
        let counted: i64 = f.bind(&sql).fetch_one(db).await?.try_get(0)?;
        if counted > 0 {
            out.push(StatusCount {
                status,
                count: counted.min(COUNT_CAP),
                capped: counted > COUNT_CAP,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_condition() -> (Scope, Narrow) {
        let s = Scope {
            company: 7,
            sales: 8,
            app: 9,
            provider: 10,
        };
        let n = Narrow {
            status: "booked".into(),
            from_ms: 1,
            to_ms: 2,
            destination: "ONT8".into(),
            q: "p2026".into(),
            quick_only: true,
        };
        (s, n)
    }

    #[test]
    fn only_the_conditions_set_are_written_numbered_in_order() {
        let mut f = Filter::new(&Scope::default(), &Narrow::default());
        assert_eq!(
            count_sql(&mut f),
            "SELECT COUNT(*) FROM (SELECT 1 FROM orders o LIMIT $1) AS counted"
        );
        let n = Narrow {
            status: "departed".into(),
            from_ms: 100,
            to_ms: 200,
            ..Narrow::default()
        };
        let mut f = Filter::new(&Scope::default(), &n);
        let sql = page_sql(&mut f, 20, 40);
        assert!(
            sql.ends_with(" WHERE o.status = $1 AND o.created_at >= $2 AND o.created_at < $3 ORDER BY o.created_at DESC, o.id DESC LIMIT $4 OFFSET $5"),
            "{sql}"
        );
        assert_eq!(
            f.values,
            [
                Value::Text("departed".into()),
                Value::Int(100),
                Value::Int(200),
                Value::Int(20),
                Value::Int(40)
            ]
        );
        // A search of only wildcards searches nothing.
        let n = Narrow {
            q: "%_".into(),
            ..Narrow::default()
        };
        assert!(Filter::new(&Scope::default(), &n).conds.is_empty());
    }

    /// Every condition alone, all of them and none, through each statement,
    /// on the test database (SQLite, or PostgreSQL with SHIPDESK_TEST_PG).
    #[tokio::test]
    async fn every_shape_runs_on_a_migrated_database() {
        let state = crate::testing::test_state().await;
        let (all_s, all_n) = every_condition();
        let mut shapes = vec![
            (Scope::default(), Narrow::default()),
            (all_s.clone(), all_n.clone()),
        ];
        let scopes = [
            Scope {
                company: 7,
                ..Scope::default()
            },
            Scope {
                sales: 8,
                ..Scope::default()
            },
            Scope {
                app: 9,
                ..Scope::default()
            },
            Scope {
                provider: 10,
                ..Scope::default()
            },
        ];
        shapes.extend(scopes.into_iter().map(|s| (s, Narrow::default())));
        let narrows = [
            Narrow {
                status: "booked".into(),
                ..Narrow::default()
            },
            Narrow {
                from_ms: 1,
                ..Narrow::default()
            },
            Narrow {
                to_ms: 2,
                ..Narrow::default()
            },
            Narrow {
                destination: "ONT8".into(),
                ..Narrow::default()
            },
            Narrow {
                q: "p2026".into(),
                ..Narrow::default()
            },
            Narrow {
                quick_only: true,
                ..Narrow::default()
            },
        ];
        shapes.extend(narrows.into_iter().map(|n| (Scope::default(), n)));
        for (s, n) in &shapes {
            let (items, total, capped) = list(&state.db, s, n, 20, 0).await.unwrap();
            assert_eq!((items.len(), total, capped), (0, 0, false), "{s:?} {n:?}");
            let next = list_after(&state.db, s, n, (i64::MAX, i64::MAX), 10)
                .await
                .unwrap();
            assert!(next.is_empty());
            assert!(by_status(&state.db, s, false).await.unwrap().is_empty());
            assert!(by_status(&state.db, s, true).await.unwrap().is_empty());
        }
    }
}
