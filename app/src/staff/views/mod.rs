//! Admin console pages.

use crate::auth::text as auth;

mod dashboard;
mod shell;
mod staff_form;
mod staff_page;
mod staff_row;
mod tokens;

pub use dashboard::Dashboard;
pub use shell::AdminShell;
pub use staff_page::StaffPage;

/// The name of a role.
pub fn role_text(r: shipdesk::auth::Role) -> crate::i18n::Text {
    use shipdesk::auth::Role::*;
    match r {
        Admin => auth::ROLE_ADMIN,
        Cs => auth::ROLE_CS,
        Sales => auth::ROLE_SALES,
        Ops => auth::ROLE_OPS,
        Finance => auth::ROLE_FINANCE,
        Provider => auth::ROLE_PROVIDER,
    }
}
