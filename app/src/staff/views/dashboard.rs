//! `/admin`: the staff member's landing page.

use leptos::prelude::*;

use super::tokens::ApiTokens;
use super::{role_text, CurrentStaff};
use crate::i18n::t;
use crate::staff::text as staff_text;

#[component]
pub fn Dashboard() -> impl IntoView {
    let staff = use_context::<CurrentStaff>().map(|c| c.0);
    let name = staff.as_ref().map(|s| s.name.clone()).unwrap_or_default();
    let roles = staff.map(|s| s.roles).unwrap_or_default();
    view! {
        <h1 class="text-2xl font-semibold whitespace-nowrap">
            {move || staff_text::dashboard_welcome(&name)}
        </h1>
        <p class="mt-4 text-slate-600">
            {move || staff_text::dashboard_roles()}
            {roles
                .iter()
                .map(|r| {
                    let k = role_text(*r);
                    view! {
                        <span class="inline-block mr-2 rounded bg-sky-100 text-sky-800 px-2 py-0.5 text-sm">
                            {move || t(k)}
                        </span>
                    }
                })
                .collect_view()}
        </p>
        <p class="mt-2 text-slate-500">{move || t(staff_text::DASHBOARD_HINT)}</p>
        <ApiTokens />
    }
}
