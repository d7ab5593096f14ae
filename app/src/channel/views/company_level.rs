//! A company's price level on its page (`/admin/customers/:id`): the level
//! its searches price at (the default's name with 默认 when it has none of
//! its own), and for admins a select to give it another or the default
//! again.

use leptos::prelude::*;
use shipdesk::auth::Role;
use shipdesk::pricing::{CompanyPriceLevel, PriceLevel};
use shipdesk::Id;

use super::format;
use crate::auth::CurrentStaff;
use crate::channel::levels_text as lv;
use crate::components::{action_error, ClientOnly, ErrorBanner, Loaded, Notice};
use crate::i18n::t;
use crate::pricing::api::{get_company_price_level, list_price_levels, set_company_price_level};

/// `VIP +5%`, `标准（默认） +8%`, or the tables' prices.
fn current_text(c: &CompanyPriceLevel) -> String {
    match &c.level {
        None => t(lv::TABLE_PRICES).to_owned(),
        Some(l) if c.by_default => format!(
            "{} {}",
            lv::by_default(&l.name),
            format::percent(l.default_bp)
        ),
        Some(l) => format!("{} {}", l.name, format::percent(l.default_bp)),
    }
}

#[component]
pub fn CompanyLevel(company_id: Id) -> impl IntoView {
    let admin = use_context::<CurrentStaff>().is_some_and(|c| c.0.has(Role::Admin));
    let version = RwSignal::new(0u32);
    let current = Resource::new(
        move || version.get(),
        move |_| get_company_price_level(company_id),
    );
    let notice = RwSignal::new(None::<String>);
    view! {
        <section class="company-level bg-white rounded-xl border border-slate-200 p-4">
            <h2 class="font-semibold mb-2">{move || t(lv::COMPANY_LEVEL)}</h2>
            <Notice text=notice />
            <Loaded
                resource=current
                children=move |c: CompanyPriceLevel| {
                    view! {
                        <p class="text-sm">
                            <span class="text-slate-500 mr-2">{move || t(lv::CURRENT)}</span>
                            <span class="current-level font-medium">
                                {
                                    let c = c.clone();
                                    move || current_text(&c)
                                }
                            </span>
                        </p>
                        <Show when=move || admin>
                            <LevelPicker company_id current=c.clone() version notice />
                        </Show>
                    }
                }
            />
        </section>
    }
}

#[component]
fn LevelPicker(
    company_id: Id,
    current: CompanyPriceLevel,
    version: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let levels = Resource::new(|| (), |_| list_price_levels());
    let set = Action::new(move |l: &Option<Id>| {
        let l = *l;
        async move { set_company_price_level(company_id, l).await }
    });
    let error = action_error(set);
    Effect::new(move |_| {
        if let Some(Ok(())) = set.value().get() {
            notice.set(Some(t(lv::CHANGED).to_owned()));
            version.update(|v| *v += 1);
        }
    });
    // The select renders in the browser only, options with it: the
    // browser's parser rewrites option lists, which could not be hydrated.
    let own = (!current.by_default)
        .then(|| current.level.as_ref().map(|l| l.id))
        .flatten();
    view! {
        <ErrorBanner error=error all=true />
        <label class="block text-sm font-medium text-slate-600 mt-3">
            {move || t(lv::CHANGE)} <ClientOnly>
                <Suspense>
                    {move || Suspend::new(async move {
                        let all: Vec<PriceLevel> = levels.await.unwrap_or_default();
                        let default_name = all
                            .iter()
                            .find(|l| l.is_default)
                            .map(|l| l.name.clone());
                        let options = all
                            .into_iter()
                            .map(|l| {
                                let label = format!("{} {}", l.name, format::percent(l.default_bp));
                                view! {
                                    <option value=l.id.to_string() selected=own == Some(l.id)>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view();
                        view! {
                            <select
                                class="level-picker ml-2 rounded-lg border border-slate-300 px-3 py-1"
                                on:change=move |ev| {
                                    notice.set(None);
                                    set.dispatch(event_target_value(&ev).parse().ok());
                                }
                            >
                                <option value="" selected=own.is_none()>
                                    {lv::use_default(default_name.as_deref())}
                                </option>
                                {options}
                            </select>
                        }
                    })}
                </Suspense>
            </ClientOnly>
        </label>
    }
}
