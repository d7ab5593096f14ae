//! Sign-in and sign-out for staff and customers, the current user, language.

pub mod api;
pub mod views;
