//! The channels' admin pages: `/admin/channels` (the list) and
//! `/admin/channels/:id` (a channel, its table, surcharges and versions;
//! id 0 makes a new one).

mod basics;
mod basics_draft;
mod basics_form;
mod editor;
mod format;
mod grid;
mod grid_editor;
mod import;
mod list_page;
mod list_row;
mod page;
mod rules;

pub use list_page::ChannelsPage;
pub use page::ChannelPage;
