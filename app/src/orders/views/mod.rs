//! The customers' order pages (H5 and the desktop portal, told apart by
//! [`Portal`]): booking a saved quote, the list with its counts, an order
//! with its open alerts, adjustment, tracking numbers and timeline; and the
//! staff's
//! (`admin`: ops' list over all customers and an order's detail with ops'
//! actions).

mod adjustment;
pub mod admin;
mod alert_banner;
mod book;
mod book_lines;
mod cancel;
mod counts;
mod detail;
mod draft;
pub(crate) mod export;
mod list;
mod order_card;
mod pages;
mod parcels;
pub(crate) mod pickup;
mod timeline;
pub(crate) mod track;
mod transfers;

pub use adjustment::MeasuredView;
pub use counts::WorkbenchCounts;
pub use list::StatusBadge;
pub use order_card::OrderCardView;
pub use pages::{BookPage, OrderPage, OrdersPage};
pub use parcels::Parcels;
pub use pickup::PickupBlock;
pub use timeline::Timeline;

use crate::pricing::views::Portal;

/// Where a portal lists its orders; an order is `{base}/{id}`.
pub fn orders_base(portal: Portal) -> &'static str {
    match portal {
        Portal::Desk => "/portal/orders",
        Portal::H5 => "/h5/orders",
        Portal::Admin => "/admin/orders",
    }
}
