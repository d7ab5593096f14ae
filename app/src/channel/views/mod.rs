//! The channels' admin pages: `/admin/channels` (the list) and
//! `/admin/channels/:id` (a channel, its table, surcharges and versions;
//! id 0 makes a new one), `/admin/libraries` (channel libraries and the
//! tag list), `/admin/price-levels`, `/admin/pickup-slots`, and a
//! company's level on its page.

mod basics;
mod basics_draft;
mod basics_form;
mod channel_picker;
mod chips;
mod company_level;
mod condition_line;
mod editor;
mod errors;
mod format;
mod grid;
mod grid_draft;
mod grid_editor;
mod grid_row;
mod import;
mod level_draft;
mod level_form;
mod level_row;
mod levels_page;
mod libraries_page;
mod library_draft;
mod library_form;
mod library_row;
mod list_page;
mod list_row;
mod page;
mod pickup_city;
mod pickup_draft;
mod pickup_form;
mod pickup_page;
mod precheck;
mod rule_card;
mod rules;
mod surcharge_draft;
mod surcharges_editor;
mod tags;
mod zones_draft;
mod zones_editor;

pub use company_level::CompanyLevel;
pub use levels_page::LevelsPage;
pub use libraries_page::LibrariesPage;
pub use list_page::ChannelsPage;
pub use page::ChannelPage;
pub use pickup_page::PickupSlotsPage;
