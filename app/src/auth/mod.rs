//! Sign-in and sign-out for staff and customers, the current user, language.

pub mod api;
pub mod text;
pub mod views;
