//! The inquiry hall (询价大厅): shipping inquiries customers post, from the
//! quote form or as a message written as in WeChat, for sales to answer
//! with a saved quote; their statuses and counts; the SLA past which an
//! unanswered one is overdue; and the WeCom group robot (企业微信群机器人)
//! that tells the sales group of each new one. (The free-text reader
//! itself is `pricing::inquiry`.)
//!
//! Invariants:
//! - A number comes from one upsert of a per-day counter
//!   (`I20261202-0007`): parallel posts never share one.
//! - Status moves only pending → quoted → won | closed, or pending →
//!   closed, each by one UPDATE conditional on the status read: of two
//!   answers at once one wins, the other gets a 409 on `status`. An answer
//!   is a saved quote of the inquiry's company.
//! - A member sees only their own inquiries (another's is not found); a
//!   delete hides one from them only, staff keep seeing it. Sales see the
//!   inquiries of the companies they own and of none; admin, ops and cs
//!   all; finance and providers none.
//! - `overdue` is computed from the clock at read time: pending for longer
//!   than the SLA (admin-set minutes, 30 by default).
//! - A robot message is a row written in the posting transaction and sent
//!   by a worker (`service::send`), so a stopped process loses none; robot
//!   URLs pass the webhooks' address checks.

pub mod check;
pub mod model;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod robot;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;

pub use model::*;
