//! Customer pages of the admin console, and the company card the customer
//! portals reuse.

mod companies_page;
mod company_card;
mod company_form;
mod company_page;
mod members;

pub use companies_page::CompaniesPage;
pub use company_card::{cert_text, CompanyCard, MemberList};
pub use company_page::CompanyPage;
