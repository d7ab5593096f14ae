//! Staff only: the customer company a quote is saved for, or none.

use leptos::prelude::*;
use shipdesk::customer::CompanyFilter;

use crate::components::ClientOnly;
use crate::customer::api::list_companies;
use crate::i18n::t;
use crate::pricing::text as pricing;

#[component]
pub fn CompanyPick(value: RwSignal<String>) -> impl IntoView {
    let companies = Resource::new(
        || (),
        |_| list_companies(CompanyFilter::default(), Some(1), Some(100)),
    );
    view! {
        <label class="flex items-center gap-2 text-sm min-w-0">
            <span class="shrink-0 text-slate-600">{move || t(pricing::FOR_COMPANY)}</span>
            // Options with their select, in the browser only.
            <ClientOnly>
                <Suspense>
                    {move || Suspend::new(async move {
                        let options = companies
                            .await
                            .map(|p| p.items)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <option value=c
                                        .id
                                        .to_string()>{format!("{} {}", c.name, c.code)}</option>
                                }
                            })
                            .collect_view();
                        view! {
                            <select
                                class="company-pick min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5"
                                on:change=move |e| value.set(event_target_value(&e))
                            >
                                <option value="">{t(pricing::NO_COMPANY)}</option>
                                {options}
                            </select>
                        }
                    })}
                </Suspense>
            </ClientOnly>
        </label>
    }
}
