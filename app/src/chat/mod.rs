//! Customer-service chat: the server functions, the socket client and the
//! chat pages of the three portals.

pub mod api;
pub mod client;
pub mod console;
mod live_list;
pub mod settings;
pub mod text;
pub mod views;
