//! Sign-in and sign-out for staff and customers, the current user, language,
//! and the guards that give pages their signed-in person.

pub mod api;
mod guard;
pub mod text;
pub mod views;

pub use guard::{CurrentStaff, MemberGuard, StaffGuard};
