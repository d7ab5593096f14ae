//! Every SQL statement of the repo files, gathered from their
//! `STATEMENTS` lists, and the test that prepares each one against a
//! migrated database: SQLite, and PostgreSQL when `SHIPDESK_TEST_PG` is set
//! (the test suite's second pass). A misspelt table or column fails here
//! even where no behaviour test runs the statement. Statements assembled at
//! run time are listed in their fullest form.

use crate::{
    auth, chat, customer, db, events, orders, partner, pricing, ratelimit, tracking, webhook,
};

/// A repo file's statements: its module path, and `(name, SQL)` pairs.
pub type Statements = (&'static str, &'static [(&'static str, &'static str)]);

/// The statements of every repo file, on both databases.
pub const ALL: &[Statements] = &[
    ("auth::repo", auth::repo::STATEMENTS),
    ("auth::code_repo", auth::code_repo::STATEMENTS),
    ("auth::token_repo", auth::token_repo::STATEMENTS),
    ("customer::repo", customer::repo::STATEMENTS),
    (
        "chat::repo::conversation",
        chat::repo::conversation::STATEMENTS,
    ),
    ("chat::repo::message", chat::repo::message::STATEMENTS),
    ("chat::repo::assignment", chat::repo::assignment::STATEMENTS),
    ("chat::repo::list", chat::repo::list::STATEMENTS),
    ("chat::repo::desk", chat::repo::desk::STATEMENTS),
    ("chat::repo::agent", chat::repo::agent::STATEMENTS),
    ("chat::repo::canned", chat::repo::canned::STATEMENTS),
    ("chat::repo::attachment", chat::repo::attachment::STATEMENTS),
    ("chat::repo::live", chat::repo::live::STATEMENTS),
    ("events::repo", events::repo::STATEMENTS),
    ("webhook::repo", webhook::repo::STATEMENTS),
    ("partner::repo", partner::repo::STATEMENTS),
    ("pricing::repo", pricing::repo::STATEMENTS),
    (
        "pricing::inquiry_hall::repo",
        pricing::inquiry_hall::repo::STATEMENTS,
    ),
    ("orders::repo", orders::repo::STATEMENTS),
    ("tracking::repo", tracking::repo::STATEMENTS),
    ("ratelimit", ratelimit::STATEMENTS),
    ("db", db::STATEMENTS),
];

/// Statements that exist only on PostgreSQL.
pub const POSTGRES_ONLY: &[Statements] = &[("chat::repo::live", chat::repo::live::PG_STATEMENTS)];

#[cfg(test)]
mod tests {
    use sqlx::postgres::{types::Oid, PgConnection, PgTypeInfo};
    use sqlx::{Connection, Executor};

    use super::*;
    use crate::db::Backend;

    /// Prepares `sql` on PostgreSQL with the parameter types our binds send
    /// (BIGINT or TEXT): PostgreSQL infers most from their use, and where it
    /// cannot (`$1 IS NULL OR …`) it names the parameter, which is then
    /// given BIGINT, or TEXT if the next error says BIGINT does not fit.
    /// Any other error (an unknown table or column) is the answer.
    async fn prepare_on_postgres(conn: &mut PgConnection, sql: &str) -> Result<(), String> {
        let mut types: Vec<PgTypeInfo> = vec![];
        let mut guessed: Vec<(usize, bool)> = vec![]; // (parameter, still BIGINT)
        for _ in 0..32 {
            let e = match conn.prepare_with(sql, &types).await {
                Ok(_) => return Ok(()),
                Err(e) => e.to_string(),
            };
            let named = e
                .rsplit_once("parameter $")
                .and_then(|(_, n)| n.trim().parse::<usize>().ok())
                .filter(|n| !guessed.iter().any(|(g, _)| g == n));
            match (named, guessed.last_mut()) {
                (Some(n), _) => {
                    if types.len() < n {
                        types.resize_with(n, || PgTypeInfo::with_oid(Oid(0)));
                    }
                    types[n - 1] = PgTypeInfo::with_name("int8");
                    guessed.push((n, true));
                }
                (None, Some((n, bigint @ true))) if e.contains("does not exist") => {
                    types[*n - 1] = PgTypeInfo::with_name("text");
                    *bigint = false;
                }
                _ => return Err(e),
            }
        }
        Err("no parameter types fit".into())
    }

    #[tokio::test]
    async fn every_statement_of_the_repo_files_prepares_on_a_migrated_database() {
        let url = crate::testing::fresh_database_url().await;
        let pool = db::connect(&url).await.unwrap();
        db::migrate(&pool).await.unwrap();
        let postgres = db::backend(&pool) == Backend::Postgres;
        let mut lists: Vec<&Statements> = ALL.iter().collect();
        if postgres {
            lists.extend(POSTGRES_ONLY);
        }
        let mut any = pool.acquire().await.unwrap();
        let mut pg = if postgres {
            Some(PgConnection::connect(&url).await.unwrap())
        } else {
            None
        };
        let (mut prepared, mut failed) = (0, vec![]);

        for (module, statements) in lists {
            for (name, sql) in statements.iter() {
                let result = match pg.as_mut() {
                    Some(conn) => prepare_on_postgres(conn, sql).await,
                    None => (&mut *any)
                        .prepare(sql)
                        .await
                        .map(|_| ())
                        .map_err(|e| e.to_string()),
                };
                match result {
                    Ok(()) => prepared += 1,
                    Err(e) => failed.push(format!("{module}::{name}: {e}\n  {sql}")),
                }
            }
        }

        assert!(
            failed.is_empty(),
            "{} failed:\n{}",
            failed.len(),
            failed.join("\n")
        );
        assert!(prepared > 100, "only {prepared} statements found");
    }

    #[test]
    fn statement_names_are_unique_within_their_file() {
        for (module, statements) in ALL.iter().chain(POSTGRES_ONLY) {
            let mut names: Vec<&str> = statements.iter().map(|(n, _)| *n).collect();
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n, "{module}");
        }
    }
}
