//! Admin console pages.

mod dashboard;
mod shell;
mod staff_form;
mod staff_page;
mod staff_row;
mod tokens;

pub use dashboard::Dashboard;
pub use shell::{AdminShell, CurrentStaff};
pub use staff_page::StaffPage;

/// The translation key of a role's name.
pub fn role_key(r: shipdesk::auth::Role) -> &'static str {
    use shipdesk::auth::Role::*;
    match r {
        Admin => "role.admin",
        Cs => "role.cs",
        Sales => "role.sales",
        Ops => "role.ops",
        Finance => "role.finance",
        Provider => "role.provider",
    }
}
