//! The open alerts (异常预警) of a customer's order, as a banner above it:
//! what happened and since when, and that we are on it. Nothing when the
//! order has none.

use leptos::prelude::*;
use shipdesk::orders::alert::AlertFilter;
use shipdesk::Id;

use super::admin::alert_detail;
use crate::components::ClientOnly;
use crate::i18n::{lang, t};
use crate::orders::alert_api::list_alerts;
use crate::orders::alert_text as text;

#[component]
pub fn AlertBanner(order_id: Id) -> impl IntoView {
    // In the browser only: the order above is loaded first, and a second
    // server-side load could outlive the page's response.
    let data = LocalResource::new(move || {
        let filter = AlertFilter {
            order_id: Some(order_id),
            ..AlertFilter::default()
        };
        list_alerts(filter, Some(1), Some(5))
    });
    view! {
        <ClientOnly>
            <Transition>
                {move || Suspend::new(async move {
                    let items = data.await.map(|p| p.items).unwrap_or_default();
                    (!items.is_empty())
                        .then(|| {
                            let lines = items
                                .into_iter()
                                .map(|a| {
                                    let kind = a.kind;
                                    let detail = alert_detail(&a);
                                    let since = a.since.format_shanghai();
                                    let since = since.get(..16).unwrap_or(&since).to_owned();
                                    view! {
                                        <li class="alert-line" data-kind=kind.as_str()>
                                            <span class="font-medium">
                                                {move || kind.label(lang())}
                                            </span>
                                            " · "
                                            {detail}
                                            " · "
                                            <span class="tabular-nums">{since}</span>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <section
                                    class="order-alerts rounded-xl border border-red-200 bg-red-50 text-red-800 p-4"
                                    role="alert"
                                >
                                    <h3 class="font-semibold">{move || t(text::BANNER_TITLE)}</h3>
                                    <ul class="mt-1 text-sm space-y-0.5">{lines}</ul>
                                    <p class="mt-1 text-sm">{move || t(text::BANNER_HINT)}</p>
                                </section>
                            }
                        })
                })}
            </Transition>
        </ClientOnly>
    }
}
