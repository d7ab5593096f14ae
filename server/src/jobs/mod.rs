//! Background loops, one file per domain.

pub mod events;
pub mod webhook;
