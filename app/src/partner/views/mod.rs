//! `/admin/partners`: partner apps (admins).

mod app_form;
mod page;
mod request_log;

pub use page::PartnersPage;
