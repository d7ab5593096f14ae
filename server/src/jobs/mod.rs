//! Background loops, one file per domain.

pub mod chat;
pub mod events;
pub mod housekeeping;
pub mod orders;
pub mod robot;
pub mod webhook;
