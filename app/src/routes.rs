//! The pages each route shows, as lazy routes: the code of a page is split
//! out of the main wasm into its own chunk (shared code into common chunks),
//! fetched when its route is first matched. The H5 login does not download
//! the agent console. `scripts/site.sh` does the splitting; on the server
//! these are plain calls.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use crate::pricing::views::{HallPage, MyInquiriesPage, Portal, QuotePage, QuotesPage, SavedQuote};
use crate::{auth, channel, chat, customer, orders, partner, portal, staff, webhook};

/// A unit route struct whose view is split into its own wasm chunk.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $name:ident => $view:expr) => {
        $(#[$doc])*
        pub struct $name;

        #[lazy_route]
        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            fn view(_this: Self) -> AnyView {
                $view.into_any()
            }
        }
    };
}

lazy_page!(
    /// `/`
    HomeRoute => view! { <portal::Home /> }
);
lazy_page!(
    /// `/admin/login`
    StaffLoginRoute => view! { <auth::views::StaffLoginPage /> }
);
lazy_page!(
    /// `/admin`
    DashboardRoute => view! { <staff::views::Dashboard /> }
);
lazy_page!(
    /// `/admin/staff`
    StaffRoute => view! { <staff::views::StaffPage /> }
);
lazy_page!(
    /// `/admin/customers`
    CompaniesRoute => view! { <customer::views::CompaniesPage /> }
);
lazy_page!(
    /// `/admin/customers/:id`
    CompanyRoute => view! { <customer::views::CompanyPage /> }
);
lazy_page!(
    /// `/admin/chat`
    ConsoleRoute => view! { <chat::views::ChatConsole /> }
);
lazy_page!(
    /// `/admin/chat/settings`
    ChatSettingsRoute => view! { <chat::views::ChatSettingsPage /> }
);
lazy_page!(
    /// `/admin/webhooks`
    WebhooksRoute => view! { <webhook::views::WebhooksPage /> }
);
lazy_page!(
    /// `/admin/partners`
    PartnersRoute => view! { <partner::views::PartnersPage /> }
);
lazy_page!(
    /// `/admin/channels`
    ChannelsRoute => view! { <channel::views::ChannelsPage /> }
);
lazy_page!(
    /// `/admin/channels/:id` (0: a new channel)
    ChannelRoute => view! { <channel::views::ChannelPage /> }
);
lazy_page!(
    /// `/admin/libraries` (with the tag list)
    LibrariesRoute => view! { <channel::views::LibrariesPage /> }
);
lazy_page!(
    /// `/admin/price-levels`
    PriceLevelsRoute => view! { <channel::views::LevelsPage /> }
);
lazy_page!(
    /// `/admin/pickup-slots`
    PickupSlotsRoute => view! { <channel::views::PickupSlotsPage /> }
);
lazy_page!(
    /// `/h5/login`
    H5LoginRoute => view! { <auth::views::MemberLoginPage mobile=true /> }
);
lazy_page!(
    /// `/admin/quote`
    AdminQuoteRoute => view! { <QuotePage portal=Portal::Admin /> }
);
lazy_page!(
    /// `/admin/quotes`
    AdminQuotesRoute => view! { <QuotesPage portal=Portal::Admin /> }
);
lazy_page!(
    /// `/admin/quotes/:number`
    AdminSavedQuoteRoute => view! { <SavedQuote portal=Portal::Admin /> }
);
lazy_page!(
    /// `/h5`
    H5HomeRoute => view! { <portal::H5HomePage /> }
);
lazy_page!(
    /// `/h5/me`
    H5MeRoute => view! { <portal::h5::MePage /> }
);
lazy_page!(
    /// `/h5/quote`
    H5QuoteRoute => view! { <QuotePage portal=Portal::H5 /> }
);
lazy_page!(
    /// `/h5/quotes`
    H5QuotesRoute => view! { <QuotesPage portal=Portal::H5 /> }
);
lazy_page!(
    /// `/h5/quotes/:number`
    H5SavedQuoteRoute => view! { <SavedQuote portal=Portal::H5 /> }
);
lazy_page!(
    /// `/h5/orders`
    H5OrdersRoute => view! { <orders::views::OrdersPage portal=Portal::H5 /> }
);
lazy_page!(
    /// `/h5/chat`
    H5ChatRoute => view! { <chat::views::MemberChatPage mobile=true /> }
);
lazy_page!(
    /// `/portal/login`
    PortalLoginRoute => view! { <auth::views::MemberLoginPage mobile=false /> }
);
lazy_page!(
    /// `/portal`
    WorkbenchRoute => view! { <portal::desk::WorkbenchPage /> }
);
lazy_page!(
    /// `/portal/quote`
    PortalQuoteRoute => view! { <QuotePage portal=Portal::Desk /> }
);
lazy_page!(
    /// `/portal/quotes`
    PortalQuotesRoute => view! { <QuotesPage portal=Portal::Desk /> }
);
lazy_page!(
    /// `/portal/quotes/:number`
    PortalSavedQuoteRoute => view! { <SavedQuote portal=Portal::Desk /> }
);
lazy_page!(
    /// `/portal/chat`
    PortalChatRoute => view! { <chat::views::MemberChatPage mobile=false /> }
);
lazy_page!(
    /// `/h5/inquiries`
    H5InquiriesRoute => view! { <MyInquiriesPage portal=Portal::H5 /> }
);
lazy_page!(
    /// `/portal/inquiries`
    PortalInquiriesRoute => view! { <MyInquiriesPage portal=Portal::Desk /> }
);
lazy_page!(
    /// `/admin/inquiries`
    HallRoute => view! { <HallPage /> }
);
lazy_page!(
    /// `/h5/orders/:id`
    H5OrderRoute => view! { <orders::views::OrderPage portal=Portal::H5 /> }
);
lazy_page!(
    /// `/h5/quotes/:number/book`
    H5BookRoute => view! { <orders::views::BookPage portal=Portal::H5 /> }
);
lazy_page!(
    /// `/portal/orders`
    PortalOrdersRoute => view! { <orders::views::OrdersPage portal=Portal::Desk /> }
);
lazy_page!(
    /// `/portal/orders/:id`
    PortalOrderRoute => view! { <orders::views::OrderPage portal=Portal::Desk /> }
);
lazy_page!(
    /// `/portal/quotes/:number/book`
    PortalBookRoute => view! { <orders::views::BookPage portal=Portal::Desk /> }
);
lazy_page!(
    /// `/admin/orders`
    AdminOrdersRoute => view! { <crate::orders::views::admin::OrdersPage /> }
);
lazy_page!(
    /// `/admin/quick-orders`
    AdminQuickOrdersRoute => view! { <crate::orders::views::admin::OrdersPage quick_list=true /> }
);
lazy_page!(
    /// `/admin/alerts`
    AdminAlertsRoute => view! { <crate::orders::views::admin::AlertsPage /> }
);
lazy_page!(
    /// `/admin/quotes/:number/book` (快捷下单)
    AdminBookRoute => view! { <orders::views::BookPage portal=Portal::Admin /> }
);
lazy_page!(
    /// `/admin/pickups`
    AdminPickupsRoute => view! { <crate::orders::views::admin::PickupsPage /> }
);
lazy_page!(
    /// `/admin/transfers`
    AdminTransfersRoute => view! { <crate::orders::views::admin::TransfersPage /> }
);
lazy_page!(
    /// `/admin/orders/:id`
    AdminOrderRoute => view! { <crate::orders::views::admin::OrderPage /> }
);
