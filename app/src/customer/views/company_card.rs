//! Read-only views of a company and its members.

use leptos::prelude::*;
use shipdesk::customer::{Certification, Company, MemberView};

use crate::components::text as common;
use crate::customer::text as customer;
use crate::i18n::{t, Text};
use crate::staff::text as staff;

pub fn cert_text(c: Certification) -> Text {
    match c {
        Certification::None => customer::CERT_NONE,
        Certification::Pending => customer::CERT_PENDING,
        Certification::Certified => customer::CERT_CERTIFIED,
        Certification::Rejected => customer::CERT_REJECTED,
    }
}

#[component]
pub fn CompanyCard(company: Company) -> impl IntoView {
    let ck = cert_text(company.certification);
    let rows: Vec<(Text, String)> = vec![
        (customer::CODE, company.code.clone()),
        (
            customer::OWNER,
            company.owner_name.clone().unwrap_or_default(),
        ),
        (customer::CONTACT_NAME, company.contact_name.clone()),
        (customer::CONTACT_PHONE, company.contact_phone.clone()),
        (customer::ADDRESS, company.address.clone()),
    ];
    view! {
        <section class="company-card bg-white rounded-xl border border-slate-200 p-4">
            <div class="flex items-start justify-between gap-2">
                <h2 class="company-name text-lg font-semibold">{company.name.clone()}</h2>
                <span class="shrink-0 rounded-full bg-sky-50 text-sky-700 text-xs px-2 py-1">
                    {move || t(ck)}
                </span>
            </div>
            <dl class="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                {rows
                    .into_iter()
                    .map(|(k, v)| {
                        view! {
                            <dt class="text-slate-500">{move || t(k)}</dt>
                            <dd class="break-all">
                                {if v.is_empty() { "—".to_owned() } else { v }}
                            </dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

#[component]
pub fn MemberList(members: Vec<MemberView>) -> impl IntoView {
    let empty = members.is_empty();
    view! {
        <ul class="member-list divide-y divide-slate-100">
            {members
                .into_iter()
                .map(|m| {
                    view! {
                        <li class="member flex items-center justify-between py-2">
                            <span class="font-medium">{m.name}</span>
                            <span class="member-phone font-mono text-sm text-slate-600">
                                {m.phone}
                            </span>
                            {m
                                .disabled
                                .then(|| {
                                    view! {
                                        <span class="text-xs text-red-600">
                                            {move || t(staff::DISABLED)}
                                        </span>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <Show when=move || empty>
            <p class="text-slate-400 text-sm py-2">{move || t(common::EMPTY)}</p>
        </Show>
    }
}
