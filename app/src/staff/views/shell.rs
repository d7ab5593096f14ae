//! The admin shell: for a signed-in staff member (`StaffGuard`, else to the
//! sign-in page with `?next=`), the menu for their roles around the page.

use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use shipdesk::auth::{Role, Staff};

use crate::auth::api::logout;
use crate::auth::StaffGuard;
use crate::components::text as common;
use crate::components::{go, LangSwitch};
use crate::i18n::{t, Text};
use crate::pricing::text as pricing;

/// Who finds the quote search in the menu.
const QUOTE_ROLES: &[Role] = &[Role::Admin, Role::Sales, Role::Cs, Role::Ops];

/// Who finds the orders in the menu: ops and admins process them; cs,
/// sales and finance read them; a provider reads those assigned to them.
const ORDER_ROLES: &[Role] = &[
    Role::Admin,
    Role::Ops,
    Role::Cs,
    Role::Sales,
    Role::Finance,
    Role::Provider,
];

/// Who finds the pickups (揽收叫车) in the menu: ops and admins.
const PICKUP_ROLES: &[Role] = &[Role::Admin, Role::Ops];

/// Who finds the transfer-number upload (上传转单号) in the menu: ops and
/// admins for any order, a provider for their own.
const TRANSFER_ROLES: &[Role] = &[Role::Admin, Role::Ops, Role::Provider];

/// Who finds the alerts (异常预警) in the menu: ops and admins close them;
/// cs and sales read them.
const ALERT_ROLES: &[Role] = &[Role::Admin, Role::Ops, Role::Cs, Role::Sales];

/// (path, label, roles that see it)
const MENU: &[(&str, Text, &[Role])] = &[
    ("/admin", common::NAV_DASHBOARD, &[]),
    (
        "/admin/customers",
        common::NAV_CUSTOMERS,
        &[Role::Admin, Role::Sales, Role::Cs, Role::Ops, Role::Finance],
    ),
    ("/admin/chat", common::NAV_CHAT, &[Role::Admin, Role::Cs]),
    ("/admin/orders", crate::orders::admin_text::NAV, ORDER_ROLES),
    (
        "/admin/quick-orders",
        crate::orders::admin_text::QUICK_NAV,
        &[Role::Sales],
    ),
    ("/admin/alerts", crate::orders::alert_text::NAV, ALERT_ROLES),
    (
        "/admin/transfers",
        crate::orders::transfer_text::NAV,
        TRANSFER_ROLES,
    ),
    (
        "/admin/pickups",
        crate::orders::admin_text::PICKUPS_NAV,
        PICKUP_ROLES,
    ),
    ("/admin/quote", pricing::NAV_QUOTE, QUOTE_ROLES),
    ("/admin/quotes", pricing::NAV_STAFF_QUOTES, QUOTE_ROLES),
    (
        "/admin/channels",
        crate::channel::text::NAV,
        shipdesk::pricing::policy::SEARCH_ROLES,
    ),
    (
        "/admin/inquiries",
        crate::pricing::hall_text::NAV_HALL,
        shipdesk::pricing::inquiry_hall::policy::HALL_ROLES,
    ),
    (
        "/admin/libraries",
        crate::channel::library_text::NAV,
        shipdesk::pricing::policy::SEARCH_ROLES,
    ),
    (
        "/admin/price-levels",
        crate::channel::levels_text::NAV,
        shipdesk::pricing::policy::SEARCH_ROLES,
    ),
    (
        "/admin/pickup-slots",
        crate::pricing::pickup_text::NAV,
        shipdesk::pricing::policy::CHANNEL_EDITORS,
    ),
    ("/admin/staff", common::NAV_STAFF, &[Role::Admin]),
    ("/admin/webhooks", common::NAV_WEBHOOKS, &[Role::Admin]),
    ("/admin/partners", common::NAV_PARTNERS, &[Role::Admin]),
];

#[component]
pub fn AdminShell() -> impl IntoView {
    view! { <StaffGuard login="/admin/login" page=|staff| view! { <Layout staff /> } /> }
}

#[component]
fn Layout(staff: Staff) -> impl IntoView {
    let signout = Action::new(|_: &()| async move {
        let _ = logout().await;
        go("/admin/login");
    });
    let items: Vec<_> = MENU
        .iter()
        .filter(|(_, _, roles)| roles.is_empty() || staff.has_any(roles))
        .map(|(href, key, _)| {
            view! {
                <A
                    href=*href
                    exact=*href == "/admin"
                    attr:class="block shrink-0 whitespace-nowrap rounded-lg px-3 py-2 text-slate-300 hover:bg-slate-700 hover:text-white aria-[current=page]:bg-sky-600 aria-[current=page]:text-white"
                >
                    {move || t(*key)}
                </A>
            }
        })
        .collect();
    view! {
        <div class="min-h-screen md:flex">
            <aside class="md:w-56 md:min-h-screen shrink-0 bg-slate-800 text-white flex md:flex-col items-center md:items-stretch">
                <div class="px-4 py-3 md:py-4 text-lg font-bold">{move || t(common::APP_NAME)}</div>
                <nav class="admin-menu flex md:block flex-1 gap-1 px-2 md:space-y-1 overflow-x-auto">
                    {items}
                </nav>
            </aside>
            <div class="flex-1 min-w-0 flex flex-col">
                <header class="h-14 bg-white border-b border-slate-200 flex items-center justify-end gap-3 px-4 md:px-6 whitespace-nowrap">
                    <span class="current-user text-sm text-slate-600">{staff.name.clone()}</span>
                    <LangSwitch />
                    <button
                        type="button"
                        class="logout text-sm text-slate-500 hover:text-slate-800"
                        on:click=move |_| {
                            signout.dispatch(());
                        }
                    >
                        {move || t(common::NAV_LOGOUT)}
                    </button>
                </header>
                <main class="flex-1 p-3 md:p-6 min-w-0">
                    <Outlet />
                </main>
            </div>
        </div>
    }
}
