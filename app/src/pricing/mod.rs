//! Pricing in the portals: the server functions of quotes and channels
//! (`api`) and of the inquiry hall (`hall_api`), and the quote pages
//! (search with the free-text inquiry, plans, saving, saved quotes) that H5,
//! the customer portal and admin share.

pub mod api;
pub mod hall_api;
pub mod hall_text;
pub mod pickup_text;
pub mod text;
pub mod views;
