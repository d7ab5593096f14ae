//! Sign-in pages.

mod member_login;
mod staff_login;

pub use member_login::MemberLoginPage;
pub use staff_login::StaffLoginPage;
