//! Customer-service chat in the browser: the server functions (`api`), the
//! socket client and its store (`client`), the live order of the console's
//! lists (`live_list`), the texts, and the pages (`views`: the customers'
//! chat, the agents' console, the settings).

pub mod api;
pub mod client;
mod live_list;
pub mod text;
pub mod views;
