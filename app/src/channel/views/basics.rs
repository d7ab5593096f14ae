//! A channel's basics read-only, its versions, a section's frame, and the
//! blank channel a new one starts from.

use leptos::prelude::*;
use shipdesk::pricing::{
    Basis, Channel, ChannelVersion, DateRange, DayRange, GoodsType, Limits, Mode, Qty, Rate, Zone,
};

use super::format;
use crate::channel::text as ch;
use crate::i18n::{t, Text};

/// A titled white card.
#[component]
pub fn Section(
    title: Text,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class=format!("bg-white rounded-xl border border-slate-200 p-4 mb-4 {class}")>
            <h2 class="text-lg font-semibold mb-3">{move || t(title)}</h2>
            {children()}
        </section>
    }
}

/// What "新建渠道" starts from: one zone, one break, valid for a year.
pub fn blank_channel() -> Channel {
    let today = shipdesk::pricing::Date::of_timestamp(shipdesk::Timestamp(js_now()));
    Channel {
        id: 0,
        name: String::new(),
        mode: Mode::SeaExpress,
        carrier: String::new(),
        origins: vec!["深圳".into()],
        country: "US".into(),
        zones: vec![Zone {
            code: "Z1".into(),
            name: String::new(),
            fba_codes: vec![],
            postcodes: vec![],
            rates: vec![Rate {
                from: Qty(0),
                fen: 1000,
            }],
        }],
        basis: Basis::Kg { divisor: 6000 },
        min_shipment: Qty(0),
        min_carton: Qty(0),
        rounding: Qty(500),
        limits: Limits::default(),
        accepts: vec![GoodsType::General],
        surcharges: vec![],
        customs_fee_fen: 0,
        tax_included: false,
        transit_days: DayRange { min: 10, max: 20 },
        cutoff_weekdays: vec![],
        validity: DateRange {
            from: today,
            to: today.add_days(365),
        },
        special: None,
        tags: vec![],
        enabled: true,
        table_version: 0,
    }
}

fn js_now() -> i64 {
    #[cfg(not(feature = "ssr"))]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(feature = "ssr")]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    }
}

fn item(label: Text, value: String) -> impl IntoView {
    view! {
        <div class="min-w-0">
            <dt class="text-xs text-slate-500">{move || t(label)}</dt>
            <dd class="text-sm mt-0.5 break-words">{value}</dd>
        </div>
    }
}

fn basis_text(b: Basis) -> String {
    match b {
        Basis::Kg { divisor } => format!("{}（{} {divisor}）", t(ch::PER_KG), t(ch::DIVISOR)),
        Basis::Cbm { kg_per_cbm } => {
            format!("{}（{} {kg_per_cbm}）", t(ch::PER_CBM), t(ch::KG_PER_CBM))
        }
    }
}

fn limit(v: Option<u32>) -> String {
    v.map_or_else(|| t(ch::NO_LIMIT).to_owned(), |n| n.to_string())
}

fn range(r: Option<DateRange>, none: Text) -> String {
    r.map_or_else(|| t(none).to_owned(), |r| format!("{} ~ {}", r.from, r.to))
}

#[component]
pub fn Basics(c: Channel) -> impl IntoView {
    let u = c.basis.unit();
    let yes_no = |b: bool| t(if b { ch::YES } else { ch::NO }).to_owned();
    let accepts: Vec<String> = c
        .accepts
        .iter()
        .map(|g| format::goods(*g).to_owned())
        .collect();
    let cutoffs: Vec<String> = c
        .cutoff_weekdays
        .iter()
        .map(|d| format::weekday(*d).to_owned())
        .collect();
    let items = vec![
        item(ch::MODE, format::mode(c.mode).to_owned()),
        item(ch::CARRIER, c.carrier.clone()),
        item(ch::ORIGINS, format::list(&c.origins)),
        item(ch::COUNTRY, format::country(&c.country)),
        item(ch::BASIS, basis_text(c.basis)),
        item(ch::MIN_SHIPMENT, format::qty(c.min_shipment, u)),
        item(ch::MIN_CARTON, format::qty(c.min_carton, u)),
        item(ch::ROUNDING, format::qty(c.rounding, u)),
        item(ch::MAX_CARTON_KG, limit(c.limits.max_carton_kg)),
        item(ch::MAX_SIDE_CM, limit(c.limits.max_side_cm)),
        item(ch::ACCEPTS, format::list(&accepts)),
        item(ch::CUSTOMS_FEE, format::money(c.customs_fee_fen)),
        item(ch::TAX_INCLUDED, yes_no(c.tax_included)),
        item(
            ch::TRANSIT,
            format!("{}–{}", c.transit_days.min, c.transit_days.max),
        ),
        item(
            ch::CUTOFFS,
            if cutoffs.is_empty() {
                t(ch::EVERY_DAY).to_owned()
            } else {
                format::list(&cutoffs)
            },
        ),
        item(ch::VALIDITY, range(Some(c.validity), ch::NO_LIMIT)),
        item(ch::SPECIAL_DATES, range(c.special, ch::NOT_SPECIAL)),
        item(ch::TAGS, format::list(&c.tags)),
        item(ch::ENABLED, yes_no(c.enabled)),
    ];
    view! {
        <Section title=ch::BASICS>
            <dl class="channel-basics grid grid-cols-2 md:grid-cols-4 xl:grid-cols-5 gap-x-6 gap-y-3">
                {items.into_iter().collect_view()}
            </dl>
        </Section>
    }
}

#[component]
pub fn Versions(versions: Vec<ChannelVersion>) -> impl IntoView {
    view! {
        <Section title=ch::VERSIONS>
            <table class="channel-versions w-full text-sm">
                <thead class="text-left text-slate-500">
                    <tr>
                        <th class="py-1 pr-4">{move || t(ch::VERSION)}</th>
                        <th class="py-1 pr-4">{move || t(ch::CHANGED_BY)}</th>
                        <th class="py-1">{move || t(ch::CHANGED_AT)}</th>
                    </tr>
                </thead>
                <tbody>
                    {versions
                        .into_iter()
                        .map(|v| {
                            let by = v.changed_by.clone();
                            view! {
                                <tr class="version-row border-t border-slate-100">
                                    <td class="py-1 pr-4 font-mono">{ch::version(v.version)}</td>
                                    <td class="py-1 pr-4">
                                        {move || {
                                            if by.is_empty() {
                                                t(ch::SYSTEM).to_owned()
                                            } else {
                                                by.clone()
                                            }
                                        }}
                                    </td>
                                    <td class="py-1 text-slate-500">
                                        {v.created_at.format_shanghai()}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Section>
    }
}
