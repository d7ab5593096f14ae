//! SQL of pricing: channels with their versions, and saved quotes.

pub mod channel;
pub mod level;
pub mod library;
pub mod pickup;
pub mod quote;

/// Every statement, by name, for the test that prepares them on both databases.
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert_channel", channel::INSERT_CHANNEL),
    ("update_channel", channel::UPDATE_CHANNEL),
    ("insert_version", channel::INSERT_VERSION),
    ("all_channels", channel::ALL_CHANNELS),
    ("channel_by_id", channel::BY_ID),
    ("channel_versions", channel::VERSIONS),
    ("channel_at_version", channel::VERSION_DEFINITION),
    ("set_enabled", channel::SET_ENABLED),
    ("count_channels", channel::COUNT),
    ("insert_quote", quote::INSERT_QUOTE),
    ("quote_by_number", quote::BY_NUMBER),
    ("list_quotes", quote::LIST),
    ("all_levels", level::ALL),
    ("level_of_company", level::OF_COMPANY),
    ("own_level_of_company", level::OWN_LEVEL),
    ("default_level", level::DEFAULT),
    ("insert_level", level::INSERT),
    ("update_level", level::UPDATE),
    ("clear_default_level", level::CLEAR_DEFAULT),
    ("delete_unused_level", level::DELETE_UNUSED),
    ("level_exists", level::EXISTS),
    ("set_company_level", level::SET_COMPANY),
    ("clear_company_level", level::CLEAR_COMPANY),
    ("all_libraries", library::ALL),
    ("insert_library", library::INSERT),
    ("update_library", library::UPDATE),
    ("delete_unused_library", library::DELETE_UNUSED),
    ("library_exists", library::EXISTS),
    ("tags", library::TAGS),
    ("insert_tag", library::INSERT_TAG),
    ("delete_unused_tag", library::DELETE_UNUSED_TAG),
    ("tag_exists", library::TAG_EXISTS),
    ("clear_tag_uses", channel::CLEAR_TAG_USES),
    ("insert_tag_use", channel::INSERT_TAG_USE),
    ("clear_level_libraries", level::CLEAR_LIBRARIES),
    ("insert_level_library", level::INSERT_LIBRARY),
    ("all_pickup_slots", pickup::ALL),
    ("insert_pickup_slot", pickup::INSERT),
    ("update_pickup_slot", pickup::UPDATE),
    ("delete_pickup_slot", pickup::DELETE),
    ("count_quotes", quote::COUNT),
];
