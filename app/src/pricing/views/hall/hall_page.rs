//! `/admin/inquiries` (询价大厅): the counts of each status as tabs, the
//! filters (days posted, customer, text), the inquiries twenty a page with
//! the overdue ones red, and for admins the hall's settings under them.

use leptos::prelude::*;
use shipdesk::customer::CompanyFilter;
use shipdesk::pricing::inquiry_hall::{policy, InquiryCounts, InquiryFilter, InquiryStatus};

use super::counts::CountTabs;
use super::hall_row::HallRow;
use super::settings::HallSettings;
use crate::auth::CurrentStaff;
use crate::components::text as common;
use crate::components::{ClientOnly, PagedList};
use crate::customer::api::list_companies;
use crate::i18n::t;
use crate::pricing::hall_api::{count_inquiries, list_inquiries};
use crate::pricing::hall_text as hall;

#[derive(Clone, Default, PartialEq)]
struct Typed {
    from: String,
    to: String,
    company: String,
    q: String,
}

fn filter(t: &Typed, status: Option<InquiryStatus>) -> InquiryFilter {
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    InquiryFilter {
        status,
        from: some(&t.from),
        to: some(&t.to),
        company_id: t.company.parse().ok(),
        q: some(&t.q),
    }
}

#[component]
pub fn HallPage() -> impl IntoView {
    let admin = use_context::<CurrentStaff>().is_some_and(|c| policy::may_configure(&c.0));
    let (from, to, company, q) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let applied = RwSignal::new(Typed::default());
    let status = RwSignal::new(None::<InquiryStatus>);
    let page = RwSignal::new(1u32);
    let reload = RwSignal::new(0u32);
    let list = Resource::new(
        move || (applied.get(), status.get(), page.get(), reload.get()),
        |(a, s, page, _)| list_inquiries(filter(&a, s), Some(page), Some(20)),
    );
    let counts = Resource::new(
        move || (applied.get(), reload.get()),
        |(a, _)| count_inquiries(filter(&a, None)),
    );
    let again = Callback::new(move |_: ()| reload.update(|n| *n += 1));
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        page.set(1);
        applied.set(Typed {
            from: from.get_untracked(),
            to: to.get_untracked(),
            company: company.get_untracked(),
            q: q.get_untracked(),
        });
    };
    let pick = move |n: Option<InquiryStatus>| {
        page.set(1);
        status.set(n);
    };
    let date = "rounded-lg border border-slate-300 bg-white px-3 py-2";
    view! {
        <h1 class="text-2xl font-semibold whitespace-nowrap mb-4">{move || t(hall::HALL_TITLE)}</h1>
        <Transition>
            {move || Suspend::new(async move {
                let c: InquiryCounts = counts.await.unwrap_or_default();
                view! { <CountTabs counts=c status on_pick=Callback::new(pick) /> }
            })}
        </Transition>
        <form class="hall-filters flex flex-wrap items-center gap-2 my-4" on:submit=search>
            <input
                class="search flex-1 min-w-64 rounded-lg border border-slate-300 px-3 py-2"
                name="q"
                bind:value=q
                placeholder=move || t(hall::HALL_SEARCH)
            />
            <input
                type="date"
                name="from"
                class=date
                bind:value=from
                title=move || t(hall::HALL_FROM)
            />
            <span class="text-slate-400">"–"</span>
            <input type="date" name="to" class=date bind:value=to title=move || t(hall::HALL_TO) />
            <CompanyFilterPick value=company />
            <button type="submit" class="rounded-lg border border-slate-300 bg-white px-4 py-2">
                {move || t(common::SEARCH)}
            </button>
        </form>
        <PagedList
            resource=list
            page
            empty=hall::HALL_EMPTY
            children=move |items| {
                let rows = items
                    .into_iter()
                    .map(|inq| view! { <HallRow inq reload=again /> })
                    .collect_view();
                view! {
                    <div class="bg-white rounded-xl border border-slate-200 overflow-x-auto">
                        <table class="hall-table w-full text-sm">
                            <Head />
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            }
        />
        <Show when=move || admin>
            <HallSettings />
        </Show>
    }
}

#[component]
fn Head() -> impl IntoView {
    let cols = [
        hall::HALL_NUMBER,
        hall::HALL_COMPANY,
        hall::HALL_WHAT,
        hall::HALL_STATUS,
        hall::HALL_ACTIONS,
    ];
    view! {
        <thead class="bg-slate-50 text-slate-500 text-left">
            <tr>
                {cols
                    .into_iter()
                    .map(|k| view! { <th class="px-3 py-2 whitespace-nowrap">{move || t(k)}</th> })
                    .collect_view()}
            </tr>
        </thead>
    }
}

/// The customer filter: all, or one company (options in the browser only).
#[component]
fn CompanyFilterPick(value: RwSignal<String>) -> impl IntoView {
    let companies = Resource::new(
        || (),
        |_| list_companies(CompanyFilter::default(), Some(1), Some(100)),
    );
    view! {
        <ClientOnly>
            <Suspense>
                {move || Suspend::new(async move {
                    let options = companies
                        .await
                        .map(|p| p.items)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|c| view! { <option value=c.id.to_string()>{c.name.clone()}</option> })
                        .collect_view();
                    view! {
                        <select
                            class="company-filter rounded-lg border border-slate-300 bg-white px-3 py-2 max-w-56"
                            on:change=move |e| value.set(event_target_value(&e))
                        >
                            <option value="">{t(hall::HALL_ALL_COMPANIES)}</option>
                            {options}
                        </select>
                    }
                })}
            </Suspense>
        </ClientOnly>
    }
}
