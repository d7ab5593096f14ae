//! The chat pages of the three portals: the customers' chat (H5 and web
//! portal), the agents' console, the chat settings (admins), and the
//! company page's "start a conversation". One component per file; the
//! conversation pane is shared by the customers' chat and the console.

mod attach;
mod bubble;
mod composer;
mod console;
mod console_list;
mod console_lists;
mod ended_bar;
mod format;
mod member_chat;
mod member_picker;
mod message_list;
mod order_picker;
mod order_tab;
mod pane;
mod quote_tab;
mod selected;
mod serving_line;
mod settings;
mod side_panel;
mod start_chat;
mod status_picker;
mod transfer_form;

pub use console::ChatConsole;
pub use member_chat::MemberChatPage;
pub use settings::ChatSettingsPage;
pub use start_chat::StartChat;
