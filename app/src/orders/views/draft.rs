//! The booking form's state: one signal per input, as typed, made into an
//! [`OrderForBook`] on submit (a number that is not one is an error on its
//! field, named as the server names it: `cartons[0].weight_kg`).

use leptos::prelude::*;
use shipdesk::orders::{Consignee, GoodsLine, OrderForBook, Shipper};
use shipdesk::pricing::{CargoInput, CartonInput, SavedQuote};
use shipdesk::{AppError, ErrorKey};

use crate::pricing::views::draft::num;

/// A carton line as typed.
#[derive(Clone, Copy)]
pub struct CartonDraft {
    pub key: u32,
    pub count: RwSignal<String>,
    pub length: RwSignal<String>,
    pub width: RwSignal<String>,
    pub height: RwSignal<String>,
    pub kg: RwSignal<String>,
}

/// A goods line as typed.
#[derive(Clone, Copy)]
pub struct GoodsDraft {
    pub key: u32,
    pub name_zh: RwSignal<String>,
    pub name_en: RwSignal<String>,
    pub hs_code: RwSignal<String>,
    pub material: RwSignal<String>,
    pub value: RwSignal<String>,
    pub quantity: RwSignal<String>,
    pub brand: RwSignal<String>,
}

fn s(v: impl Into<String>) -> RwSignal<String> {
    RwSignal::new(v.into())
}

fn fig(v: f64) -> String {
    let t = format!("{v:.3}");
    t.trim_end_matches('0').trim_end_matches('.').to_owned()
}

impl CartonDraft {
    pub fn of(key: u32, c: Option<&CartonInput>) -> Self {
        let f = |v: Option<f64>| s(v.map(fig).unwrap_or_default());
        CartonDraft {
            key,
            count: s(c.map(|c| c.count.to_string()).unwrap_or_default()),
            length: f(c.map(|c| c.length_cm)),
            width: f(c.map(|c| c.width_cm)),
            height: f(c.map(|c| c.height_cm)),
            kg: f(c.map(|c| c.weight_kg)),
        }
    }

    /// The line, or an error on `{prefix}[at].…`.
    pub fn read(&self, prefix: &str, at: usize) -> Result<CartonInput, AppError> {
        let f = |name: &str| format!("{prefix}[{at}].{name}");
        Ok(CartonInput {
            count: whole(
                &f("count"),
                &self.count.get_untracked(),
                ErrorKey::CargoCountInvalid,
            )?,
            length_cm: num(&f("length_cm"), &self.length.get_untracked())?,
            width_cm: num(&f("width_cm"), &self.width.get_untracked())?,
            height_cm: num(&f("height_cm"), &self.height.get_untracked())?,
            weight_kg: num(&f("weight_kg"), &self.kg.get_untracked())?,
        })
    }
}

impl GoodsDraft {
    pub fn new(key: u32) -> Self {
        GoodsDraft {
            key,
            name_zh: s(""),
            name_en: s(""),
            hs_code: s(""),
            material: s(""),
            value: s(""),
            quantity: s(""),
            brand: s(""),
        }
    }

    fn read(&self, at: usize) -> Result<GoodsLine, AppError> {
        let f = |name: &str| format!("goods[{at}].{name}");
        let brand = self.brand.get_untracked();
        Ok(GoodsLine {
            name_zh: self.name_zh.get_untracked(),
            name_en: self.name_en.get_untracked(),
            hs_code: self.hs_code.get_untracked(),
            material: self.material.get_untracked(),
            declared_value_usd: num(&f("declared_value_usd"), &self.value.get_untracked())
                .map_err(|_| {
                    AppError::validation(&f("declared_value_usd"), ErrorKey::OrderValueInvalid)
                })?,
            quantity: whole(
                &f("quantity"),
                &self.quantity.get_untracked(),
                ErrorKey::OrderQuantityInvalid,
            )?,
            brand: (!brand.trim().is_empty()).then_some(brand),
        })
    }
}

fn whole(field: &str, s: &str, key: ErrorKey) -> Result<i64, AppError> {
    s.trim()
        .parse::<i64>()
        .map_err(|_| AppError::validation(field, key))
}

/// The whole booking form.
#[derive(Clone, Copy)]
pub struct BookDraft {
    pub shipper_name: RwSignal<String>,
    pub shipper_phone: RwSignal<String>,
    pub shipper_address: RwSignal<String>,
    /// The quote's destination: an FBA code, else a postcode.
    pub fba_code: StoredValue<Option<String>>,
    pub postcode: StoredValue<Option<String>>,
    pub shipment_id: RwSignal<String>,
    pub reference_id: RwSignal<String>,
    pub c_name: RwSignal<String>,
    pub c_phone: RwSignal<String>,
    pub c_city: RwSignal<String>,
    pub c_address: RwSignal<String>,
    pub cartons: RwSignal<Vec<CartonDraft>>,
    pub goods: RwSignal<Vec<GoodsDraft>>,
    next_key: RwSignal<u32>,
    pub pickup: RwSignal<bool>,
    pub remarks: RwSignal<String>,
    /// Made on the first submit and kept: a resend books nothing new.
    key: StoredValue<Option<String>>,
}

impl BookDraft {
    /// A form for `quote`: its cartons when it was searched by cartons.
    pub fn of(quote: &SavedQuote) -> Self {
        let cartons = match &quote.search.cargo {
            CargoInput::Cartons { lines } => lines
                .iter()
                .enumerate()
                .map(|(i, l)| CartonDraft::of(i as u32, Some(l)))
                .collect(),
            CargoInput::Totals { .. } => vec![CartonDraft::of(0, None)],
        };
        BookDraft {
            shipper_name: s(""),
            shipper_phone: s(""),
            shipper_address: s(""),
            fba_code: StoredValue::new(quote.search.fba_code.clone()),
            postcode: StoredValue::new(quote.search.postcode.clone()),
            shipment_id: s(""),
            reference_id: s(""),
            c_name: s(""),
            c_phone: s(""),
            c_city: s(""),
            c_address: s(""),
            cartons: RwSignal::new(cartons),
            goods: RwSignal::new(vec![GoodsDraft::new(100)]),
            next_key: RwSignal::new(1000),
            pickup: RwSignal::new(true),
            remarks: s(""),
            key: StoredValue::new(None),
        }
    }

    fn key(&self) -> u32 {
        let k = self.next_key.get_untracked();
        self.next_key.set(k + 1);
        k
    }

    pub fn add_carton(&self) {
        let k = self.key();
        self.cartons.update(|l| l.push(CartonDraft::of(k, None)));
    }

    pub fn add_goods(&self) {
        let k = self.key();
        self.goods.update(|l| l.push(GoodsDraft::new(k)));
    }

    pub fn to_input(&self, quote_number: &str) -> Result<OrderForBook, AppError> {
        let client_key = self.key.get_value().unwrap_or_else(|| {
            let k = format!("web-{}", crate::chat::client::client_id());
            self.key.set_value(Some(k.clone()));
            k
        });
        let cartons = (self.cartons.get_untracked().iter().enumerate())
            .map(|(i, c)| c.read("cartons", i))
            .collect::<Result<_, _>>()?;
        let goods = (self.goods.get_untracked().iter().enumerate())
            .map(|(i, g)| g.read(i))
            .collect::<Result<_, _>>()?;
        let reference = self.reference_id.get_untracked();
        let consignee = match self.fba_code.get_value() {
            Some(code) => Consignee::Fba {
                fba_code: code,
                shipment_id: self.shipment_id.get_untracked(),
                reference_id: (!reference.trim().is_empty()).then_some(reference),
            },
            None => Consignee::Address {
                name: self.c_name.get_untracked(),
                phone: self.c_phone.get_untracked(),
                postcode: self.postcode.get_value().unwrap_or_default(),
                city: self.c_city.get_untracked(),
                address: self.c_address.get_untracked(),
            },
        };
        let remarks = self.remarks.get_untracked();
        Ok(OrderForBook {
            quote_number: quote_number.to_owned(),
            client_key,
            shipper: Shipper {
                name: self.shipper_name.get_untracked(),
                phone: self.shipper_phone.get_untracked(),
                address: self.shipper_address.get_untracked(),
            },
            consignee,
            cartons,
            goods,
            goods_type: None,
            pickup: self.pickup.get_untracked(),
            remarks: (!remarks.trim().is_empty()).then_some(remarks),
        })
    }
}
