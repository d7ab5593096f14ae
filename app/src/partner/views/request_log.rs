//! One partner app's request log: function, status, latency, error, time;
//! filtered to one function or to failures; paged.

use leptos::prelude::*;
use shipdesk::partner::{PartnerRequest, PartnerRequestFilter};
use shipdesk::Id;

use crate::components::PagedList;
use crate::i18n::{error_message, t};
use crate::partner::api::list_partner_requests;
use crate::partner::text as partner;

/// An error key as the person reads it (the key itself if unknown).
fn error_text(key: &str) -> String {
    serde_json::from_value::<shipdesk::ErrorKey>(serde_json::Value::String(key.to_owned()))
        .map(|k| t(error_message(k)).to_owned())
        .unwrap_or_else(|_| key.to_owned())
}

#[component]
pub fn RequestLog(id: Id) -> impl IntoView {
    let page = RwSignal::new(1u32);
    let failed = RwSignal::new(false);
    let function = RwSignal::new(String::new());
    let log = Resource::new(
        move || (page.get(), failed.get(), function.get()),
        move |(p, failed_only, f)| {
            let filter = PartnerRequestFilter {
                function: (!f.trim().is_empty()).then(|| f.trim().to_owned()),
                failed_only,
            };
            list_partner_requests(id, filter, Some(p), Some(20))
        },
    );
    view! {
        <div class="partner-log mt-2">
            <div class="flex flex-wrap items-center gap-3 text-xs">
                <input
                    class="rounded border border-slate-300 px-2 py-1"
                    placeholder=move || t(partner::FUNCTION)
                    on:change=move |e| {
                        function.set(event_target_value(&e));
                        page.set(1);
                    }
                />
                <label class="flex items-center gap-1">
                    <input
                        type="checkbox"
                        class="partner-log-failed"
                        prop:checked=move || failed.get()
                        on:change=move |e| {
                            failed.set(event_target_checked(&e));
                            page.set(1);
                        }
                    />
                    {move || t(partner::FAILED_ONLY)}
                </label>
            </div>
            <PagedList
                resource=log
                page
                empty=partner::NO_REQUESTS
                children={move |items: Vec<PartnerRequest>| {
                    view! {
                        <table class="partner-requests mt-2 w-full text-xs">
                            <thead class="text-slate-400 text-left">
                                <tr>
                                    <th>{t(partner::FUNCTION)}</th>
                                    <th>{t(partner::STATUS)}</th>
                                    <th>{t(partner::LATENCY)}</th>
                                    <th>{t(partner::ERROR)}</th>
                                    <th>{t(partner::AT)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {items
                                    .into_iter()
                                    .map(|r| {
                                        let class = if r.status >= 400 {
                                            "text-red-700"
                                        } else {
                                            "text-emerald-700"
                                        };
                                        view! {
                                            <tr class="partner-request border-t border-slate-100">
                                                <td class="font-mono">{r.function.clone()}</td>
                                                <td class=class>{r.status}</td>
                                                <td>{format!("{} ms", r.latency_ms)}</td>
                                                <td title=r
                                                    .error
                                                    .clone()>{r.error.as_deref().map(error_text)}</td>
                                                <td>{r.created_at.format_shanghai()}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                }}
            />
        </div>
    }
}
