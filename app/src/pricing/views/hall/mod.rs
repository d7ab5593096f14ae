//! The inquiry hall's pages (询价大厅): posting from the quote search,
//! customers' 我的询价, and the staff's hall with counts per status,
//! answers, status moves and (for admins) the SLA and the WeCom robot.

mod answer;
mod counts;
mod describe;
mod hall_page;
mod hall_row;
mod mine;
mod my_row;
mod offer;
mod settings;

pub use hall_page::HallPage;
pub use mine::MyInquiriesPage;
pub use offer::PostToHall;
