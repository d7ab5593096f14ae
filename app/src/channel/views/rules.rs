//! A channel's surcharges: name, what is charged, and when, in words.

use leptos::prelude::*;
use shipdesk::pricing::Channel;

use super::basics::Section;
use super::format;
use crate::channel::text as ch;
use crate::components::Empty;
use crate::i18n::{lang, t, Lang};

#[component]
pub fn Surcharges(c: Channel) -> impl IntoView {
    if c.surcharges.is_empty() {
        return view! {
            <Section title=ch::SURCHARGES>
                <Empty text=ch::NO_SURCHARGES />
            </Section>
        }
        .into_any();
    }
    let basis = c.basis;
    let rows = c.surcharges.clone();
    view! {
        <Section title=ch::SURCHARGES>
            <table class="channel-surcharges w-full text-sm">
                <thead class="text-left text-slate-500">
                    <tr>
                        <th class="py-1 pr-4">{move || t(ch::SURCHARGE_NAME)}</th>
                        <th class="py-1 pr-4">{move || t(ch::CHARGE)}</th>
                        <th class="py-1">{move || t(ch::CONDITIONS)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|s| {
                            let when = s.when.clone();
                            let charge = s.charge;
                            view! {
                                <tr class="surcharge-row border-t border-slate-100">
                                    <td class="py-1.5 pr-4">{s.name.clone()}</td>
                                    <td class="py-1.5 pr-4 whitespace-nowrap">
                                        {move || format::charge(charge, basis)}
                                    </td>
                                    <td class="py-1.5 text-slate-600">
                                        {move || {
                                            if when.is_empty() {
                                                return t(ch::ALWAYS).to_owned();
                                            }
                                            let and = if lang() == Lang::Zh {
                                                "，且"
                                            } else {
                                                ", and "
                                            };
                                            when.iter()
                                                .map(format::condition)
                                                .collect::<Vec<_>>()
                                                .join(and)
                                        }}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Section>
    }
    .into_any()
}
