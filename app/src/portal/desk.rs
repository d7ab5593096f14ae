//! `/portal`: the direct customer's desktop workbench: their orders' counts,
//! company profile and members (inside the portal shell).

use leptos::prelude::*;

use crate::components::text as common;
use crate::components::ErrorBanner;
use crate::customer::api::my_company;
use crate::customer::text as customer;
use crate::customer::views::{CompanyCard, MemberList};
use crate::i18n::t;

/// Inside the portal shell, which has checked who is signed in.
#[component]
pub fn WorkbenchPage() -> impl IntoView {
    let company = Resource::new(|| (), |_| my_company());
    view! {
        <crate::orders::views::WorkbenchCounts />
        <Suspense fallback=|| {
            view! { <p class="text-slate-500">{t(common::LOADING)}</p> }
        }>
            {move || Suspend::new(async move {
                match company.await {
                    Err(e) => {
                        view! {
                            <ErrorBanner error=Signal::derive(move || Some(e.clone())) all=true />
                        }
                            .into_any()
                    }
                    Ok(d) => {
                        view! {
                            <h1 class="text-2xl font-semibold mb-4">
                                {move || t(common::PORTAL_PROFILE)}
                            </h1>
                            <div class="grid grid-cols-1 md:grid-cols-2 gap-4">
                                <CompanyCard company=d.company />
                                <section class="bg-white rounded-xl border border-slate-200 p-4">
                                    <h2 class="font-semibold mb-1">
                                        {move || t(customer::ME_MEMBERS)}
                                    </h2>
                                    <MemberList members=d.members />
                                </section>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
