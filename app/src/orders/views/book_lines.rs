//! The booking form's repeated lines: cartons (count × L×W×H cm and one
//! carton's kg) and goods (names, HS code, material, value, quantity,
//! brand), each with its fields' errors.

use leptos::prelude::*;
use shipdesk::AppError;

use super::draft::{BookDraft, CartonDraft, GoodsDraft};
use crate::i18n::t;
use crate::orders::text as orders;
use crate::pricing::text as pricing;
use crate::pricing::views::input::{FieldError, Input};

fn position<T>(list: RwSignal<Vec<T>>, key: u32, key_of: fn(&T) -> u32) -> impl Fn() -> usize + Copy
where
    T: Send + Sync + 'static,
{
    move || {
        list.with(|l| l.iter().position(|x| key_of(x) == key))
            .unwrap_or(0)
    }
}

#[component]
pub fn CartonLines(d: BookDraft, error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <For each=move || d.cartons.get() key=|c| c.key let:line>
            <CartonRow d line error />
        </For>
        <FieldError field="cartons".to_owned() error />
        <button
            type="button"
            class="add-carton text-sm text-sky-700"
            on:click=move |_| d.add_carton()
        >
            {move || t(pricing::ADD_LINE)}
        </button>
    }
}

#[component]
fn CartonRow(d: BookDraft, line: CartonDraft, error: Signal<Option<AppError>>) -> impl IntoView {
    let at = position(d.cartons, line.key, |c| c.key);
    let f = move |name: &'static str| Signal::derive(move || format!("cartons[{}].{name}", at()));
    view! {
        <div class="carton-line grid grid-cols-5 gap-1.5 items-start">
            <Input
                label=pricing::CARTON_COUNT
                field=f("count")
                value=line.count
                error
                inputmode="numeric"
            />
            <Input
                label=pricing::LENGTH
                field=f("length_cm")
                value=line.length
                error
                inputmode="decimal"
            />
            <Input
                label=pricing::WIDTH
                field=f("width_cm")
                value=line.width
                error
                inputmode="decimal"
            />
            <Input
                label=pricing::HEIGHT
                field=f("height_cm")
                value=line.height
                error
                inputmode="decimal"
            />
            <Input
                label=pricing::CARTON_KG
                field=f("weight_kg")
                value=line.kg
                error
                inputmode="decimal"
            />
            <Show when=move || d.cartons.with(|l| l.len() > 1)>
                <button
                    type="button"
                    class="remove-carton col-span-5 -mt-1 text-right text-xs text-slate-400 hover:text-red-600"
                    on:click=move |_| d.cartons.update(|l| l.retain(|c| c.key != line.key))
                >
                    {move || t(orders::REMOVE)}
                </button>
            </Show>
        </div>
    }
}

#[component]
pub fn GoodsLines(d: BookDraft, error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <For each=move || d.goods.get() key=|g| g.key let:line>
            <GoodsRow d line error />
        </For>
        <FieldError field="goods".to_owned() error />
        <button
            type="button"
            class="add-goods text-sm text-sky-700"
            on:click=move |_| d.add_goods()
        >
            {move || t(orders::ADD_GOODS)}
        </button>
    }
}

#[component]
fn GoodsRow(d: BookDraft, line: GoodsDraft, error: Signal<Option<AppError>>) -> impl IntoView {
    let at = position(d.goods, line.key, |g| g.key);
    let f = move |name: &'static str| Signal::derive(move || format!("goods[{}].{name}", at()));
    view! {
        <div class="goods-line grid grid-cols-2 gap-2 items-start border-t border-slate-100 pt-2 first:border-0 first:pt-0">
            <Input label=orders::GOODS_NAME_ZH field=f("name_zh") value=line.name_zh error />
            <Input label=orders::GOODS_NAME_EN field=f("name_en") value=line.name_en error />
            <Input
                label=orders::HS_CODE
                field=f("hs_code")
                value=line.hs_code
                error
                inputmode="numeric"
            />
            <Input label=orders::MATERIAL field=f("material") value=line.material error />
            <Input
                label=orders::DECLARED_USD
                field=f("declared_value_usd")
                value=line.value
                error
                inputmode="decimal"
            />
            <Input
                label=orders::QUANTITY
                field=f("quantity")
                value=line.quantity
                error
                inputmode="numeric"
            />
            <Input label=orders::BRAND field=f("brand") value=line.brand error />
            <Show when=move || d.goods.with(|l| l.len() > 1)>
                <button
                    type="button"
                    class="remove-goods self-end text-right text-xs text-slate-400 hover:text-red-600"
                    on:click=move |_| d.goods.update(|l| l.retain(|g| g.key != line.key))
                >
                    {move || t(orders::REMOVE)}
                </button>
            </Show>
        </div>
    }
}
