//! Shipdesk domain core: the types, rules and (behind feature `ssr`) the
//! persistence of every domain. Nothing here knows Leptos or axum; the `web`
//! feature only lets [`AppError`] travel through server functions.

#[macro_use]
pub mod string_enum;

pub mod auth;
pub mod chat;
pub mod customer;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod error;
pub mod events;
pub mod orders;
pub mod partner;
pub mod pricing;
pub mod tracking;
pub mod types;
pub mod webhook;

#[cfg(feature = "ssr")]
pub mod db;
pub mod net;
#[cfg(feature = "ssr")]
pub mod ratelimit;
#[cfg(feature = "ssr")]
pub mod spreadsheet;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod statements;
#[cfg(feature = "ssr")]
pub mod testing;

pub use error::{AppError, AppResult, ErrorKey};
pub use types::{Id, Money, Page, PageQuery, Timestamp};
