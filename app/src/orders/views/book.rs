//! The booking form (预订单下单) for a saved quote: shipper, consignee (the
//! quote's FBA warehouse with the shipment's ids, or an address at its
//! postcode), cartons, goods, pickup and remarks. Errors show at their
//! fields; a booked order opens its page.
//!
//! In admin (快捷下单) a salesperson books for a contact of the quote's
//! customer company: picked above the form, then an act-as token is minted
//! for them (`create_act_as_token`, minutes) and the order booked with it
//! (`book_quick_order`); the server checks the salesperson owns the
//! company, and the order records both.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use shipdesk::orders::{Order, OrderForBook};
use shipdesk::pricing::SavedQuote;
use shipdesk::{AppError, Money};

use super::book_lines::{CartonLines, GoodsLines};
use super::draft::BookDraft;
use super::orders_base;
use crate::components::{action_error, ErrorBanner, Loaded, SubmitButton};
use crate::customer::api::get_company;
use crate::i18n::{t, Text};
use crate::orders::api::{book_order, book_quick_order, create_act_as_token};
use crate::orders::text as orders;
use crate::pricing::api::get_quote;
use crate::pricing::views::input::Input;
use crate::pricing::views::Portal;

#[component]
pub fn BookForQuote(portal: Portal) -> impl IntoView {
    let params = use_params_map();
    let quote = Resource::new(
        move || params.with(|p| p.get("number").unwrap_or_default()),
        get_quote,
    );
    view! { <Loaded resource=quote children=move |q| view! { <BookForm q portal /> } /> }
}

/// How long a quick order's act-as token lasts (it is used at once).
const QUICK_MINUTES: i64 = 10;

#[component]
fn BookForm(q: SavedQuote, portal: Portal) -> impl IntoView {
    let d = BookDraft::of(&q);
    let local = RwSignal::new(None::<AppError>);
    let quick = portal == Portal::Admin;
    // The contact a quick order is booked for (a member id).
    let member = RwSignal::new(String::new());
    let book = Action::new(move |input: &OrderForBook| {
        let input = input.clone();
        let member = member.get_untracked();
        async move {
            if !quick {
                return book_order(input).await;
            }
            let id = member.parse::<shipdesk::Id>().map_err(|_| {
                AppError::validation("member_id", shipdesk::ErrorKey::FieldRequired)
            })?;
            let token = create_act_as_token(id, QUICK_MINUTES).await?;
            book_quick_order(token.token, input).await
        }
    });
    let server_err = action_error(book);
    let error = Signal::derive(move || local.get().or_else(|| server_err.get()));
    let navigate = use_navigate();
    let base = orders_base(portal);
    Effect::new(move |_| {
        if let Some(Ok(o)) = book.value().get() {
            let o: Order = o;
            navigate(&format!("{base}/{}", o.id), Default::default());
        }
    });
    let number = q.number.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match d.to_input(&number) {
            Ok(input) => {
                local.set(None);
                book.dispatch(input);
            }
            Err(e) => local.set(Some(e)),
        }
    };
    let section = "bg-white rounded-xl border border-slate-200 p-4 space-y-3";
    let fba = q.search.fba_code.clone();
    let postcode = q.search.postcode.clone().unwrap_or_default();
    let company = q.company_id;
    view! {
        <form class="book-form space-y-3" on:submit=submit novalidate>
            {quick.then(|| view! { <QuickFor company member d error /> })}
            <section class=format!("{section} quote-summary")>
                <div class="flex items-center justify-between gap-2">
                    <span class="text-sm text-slate-500">{move || t(orders::FROM_QUOTE)}</span>
                    <span class="font-mono">{q.number.clone()}</span>
                </div>
                <div class="flex items-end justify-between gap-2">
                    <span class="font-semibold break-words min-w-0">
                        {q.plan.channel.name.clone()}
                    </span>
                    <span class="text-xl font-bold text-sky-700 tabular-nums">
                        {Money::from_fen(q.total_fen).format_yuan()}
                    </span>
                </div>
                <p class="text-xs text-slate-500">
                    {move || t(
                        if q.expired { orders::QUOTE_EXPIRED_NOTE } else { orders::BOOKING_PRICE },
                    )}
                </p>
            </section>
            <section class=section>
                <h3 class="font-medium">{move || t(orders::SHIPPER)}</h3>
                {text(orders::NAME, "shipper.name", d.shipper_name, error)}
                {tel(orders::PHONE, "shipper.phone", d.shipper_phone, error)}
                {text(orders::ADDRESS, "shipper.address", d.shipper_address, error)}
            </section>
            <section class=section>
                <h3 class="font-medium">{move || t(orders::CONSIGNEE)}</h3>
                {match fba {
                    Some(code) => {
                        view! {
                            <p class="text-sm">
                                <span class="text-slate-500">
                                    {move || t(orders::FBA_CODE)} " "
                                </span>
                                <span class="fba-code font-mono font-semibold">{code}</span>
                            </p>
                            {text(
                                orders::SHIPMENT_ID,
                                "consignee.shipment_id",
                                d.shipment_id,
                                error,
                            )}
                            {text(
                                orders::REFERENCE_ID,
                                "consignee.reference_id",
                                d.reference_id,
                                error,
                            )}
                            <ErrorField field="consignee.fba_code" error />
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p class="text-sm">
                                <span class="text-slate-500">
                                    {move || t(orders::POSTCODE)} " "
                                </span>
                                <span class="font-mono font-semibold">{postcode}</span>
                            </p>
                            {text(orders::NAME, "consignee.name", d.c_name, error)}
                            {tel(orders::PHONE, "consignee.phone", d.c_phone, error)}
                            {text(orders::CITY, "consignee.city", d.c_city, error)}
                            {text(orders::ADDRESS, "consignee.address", d.c_address, error)}
                            <ErrorField field="consignee.postcode" error />
                        }
                            .into_any()
                    }
                }}
            </section>
            <section class=section>
                <h3 class="font-medium">{move || t(orders::CARTONS)}</h3>
                <CartonLines d error />
            </section>
            <section class=section>
                <h3 class="font-medium">{move || t(orders::GOODS)}</h3>
                <GoodsLines d error />
            </section>
            <section class=section>
                <label class="flex items-center gap-2">
                    <input type="checkbox" class="pickup w-5 h-5" bind:checked=d.pickup />
                    <span>{move || t(orders::PICKUP)}</span>
                </label>
                {text(orders::REMARKS, "remarks", d.remarks, error)}
            </section>
            <ErrorBanner error />
            <SubmitButton
                label=orders::SUBMIT_BOOKING
                pending=book.pending()
                class="submit-booking w-full py-3 text-lg"
            />
        </form>
    }
}

fn text(
    label: Text,
    field: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    view! { <Input label field value error /> }
}

fn tel(
    label: Text,
    field: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    view! { <Input label field value error kind="tel" inputmode="tel" /> }
}

/// The error of a field that has no input of its own here.
#[component]
fn ErrorField(field: &'static str, error: Signal<Option<AppError>>) -> impl IntoView {
    view! { <crate::pricing::views::input::FieldError field=field.to_owned() error /> }
}

/// 快捷下单: whom the order is for, one of the quote's company's contacts
/// (their name and phone fill the shipper); a quote of no company cannot be
/// booked by staff.
#[component]
fn QuickFor(
    company: Option<shipdesk::Id>,
    member: RwSignal<String>,
    d: BookDraft,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let section = "quick-for bg-violet-50 rounded-xl border border-violet-200 p-4 space-y-2";
    let Some(company) = company else {
        return view! {
            <section class=section>
                <p class="quick-no-company text-sm text-violet-800">
                    {move || t(orders::QUICK_NO_COMPANY)}
                </p>
            </section>
        }
        .into_any();
    };
    let detail = Resource::new(move || company, get_company);
    let members = move || {
        detail
            .get()
            .and_then(Result::ok)
            .map(|c| {
                c.members
                    .into_iter()
                    .filter(|m| !m.disabled)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let options = Signal::derive(move || {
        members()
            .into_iter()
            .map(|m| (m.id.to_string(), format!("{} {}", m.name, m.phone)))
            .collect::<Vec<_>>()
    });
    // The contact picked: they are the shipper unless changed.
    Effect::watch(
        move || member.get(),
        move |id, _, _| {
            let picked = members().into_iter().find(|m| m.id.to_string() == *id);
            if let Some(m) = picked {
                d.shipper_name.set(m.name);
                d.shipper_phone.set(m.phone);
            }
        },
        false,
    );
    let company_name = move || {
        detail
            .get()
            .and_then(Result::ok)
            .map(|c| c.company.name)
            .unwrap_or_default()
    };
    view! {
        <section class=section>
            <h3 class="font-medium text-violet-900">{move || t(orders::QUICK_TITLE)}</h3>
            <p class="text-xs text-violet-800">{move || t(orders::QUICK_HINT)}</p>
            <p class="quick-company text-sm font-medium">{company_name}</p>
            <crate::components::Select
                label=orders::QUICK_FOR
                name="member"
                value=member
                options
                none=orders::QUICK_PICK
            />
            <ErrorField field="member_id" error />
        </section>
    }
    .into_any()
}
