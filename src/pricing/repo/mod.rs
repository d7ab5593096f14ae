//! SQL of pricing: channels with their versions, and saved quotes.

pub mod channel;
pub mod quote;

/// Every statement, by name, for the test that prepares them on both databases.
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert_channel", channel::INSERT_CHANNEL),
    ("update_channel", channel::UPDATE_CHANNEL),
    ("insert_version", channel::INSERT_VERSION),
    ("all_channels", channel::ALL_CHANNELS),
    ("channel_by_id", channel::BY_ID),
    ("channel_versions", channel::VERSIONS),
    ("set_enabled", channel::SET_ENABLED),
    ("count_channels", channel::COUNT),
    ("next_quote_number", quote::NEXT_NUMBER),
    ("insert_quote", quote::INSERT_QUOTE),
    ("quote_by_number", quote::BY_NUMBER),
    ("list_quotes", quote::LIST),
    ("count_quotes", quote::COUNT),
];
