//! The free-text inquiry (AI查价 / 非标询价): a message as people write it in
//! WeChat ("300kg 2方 深圳到美国FBA ONT8 海派 带电") read into fields, offline
//! and deterministically, from dictionaries of places, FBA codes, modes,
//! goods types and units in Chinese and English. A field it does not find
//! is absent, never guessed; the text it could not use is listed as unread.
//!
//! Spans are half-open `[start, end)` offsets in Unicode scalar values
//! (Rust `char`s; in JavaScript, indices into `Array.from(text)`), of the
//! text as sent. Full-width digits and punctuation read as ASCII.

mod chinese;
mod compose;
mod dict;
mod dims;
mod fba;
mod fuzzy;
mod numbers;
mod pick;
mod postcode;
mod relative;
mod text;
mod when;
mod words;

#[cfg(test)]
mod tests_en;
#[cfg(test)]
mod tests_fixture;
#[cfg(test)]
mod tests_mixed;
#[cfg(test)]
mod tests_zh;
#[cfg(test)]
mod tests_zh_more;

use serde::{Deserialize, Serialize};

use super::model::{Date, Qty};
use text::Scan;

crate::string_enum! {
    /// The fields of an inquiry: a public contract.
    pub enum FieldName("name", BadRequest) {
        /// The origin city's Chinese name (`深圳`).
        Origin = "origin",
        /// ISO 3166 alpha-2 (`US`, `GB`).
        Country = "country",
        /// Upper case (`ONT8`).
        FbaCode = "fba_code",
        Postcode = "postcode",
        /// A [`Mode`](crate::pricing::Mode) value.
        Mode = "mode",
        /// The shipment's total, in kg.
        WeightKg = "weight_kg",
        /// The total in CBM, from carton sizes × cartons when only those are given.
        VolumeCbm = "volume_cbm",
        Cartons = "cartons",
        /// A [`GoodsType`](crate::pricing::GoodsType) value.
        GoodsType = "goods_type",
        /// `YYYY-MM-DD`.
        WantedDate = "wanted_date",
    }
}

/// One field read from the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Field {
    pub name: FieldName,
    /// The value as a string: `深圳`, `US`, `300`, `0.3`, `2026-03-15`.
    pub value: String,
    /// 0 to 1: 0.9 and over for a dictionary word or a number with its
    /// unit; lower for misspellings, inferences and conflicts.
    pub confidence: f32,
    /// `[start, end)` in chars of the text.
    pub span: [usize; 2],
}

/// What a message says, field by field, and what was left unread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Inquiry {
    /// At most one per name, in [`FieldName::ALL`] order.
    pub fields: Vec<Field>,
    /// Pieces of the text that gave no field, as written: shipping dates,
    /// sizes and weights that made no total, words not understood.
    pub unread: Vec<String>,
}

impl Inquiry {
    pub fn get(&self, name: FieldName) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn value(&self, name: FieldName) -> Option<&str> {
        self.get(name).map(|f| f.value.as_str())
    }
}

/// Reads an inquiry written on `today` (dates without a year are the next
/// such day). The same text and day always give the same inquiry.
pub fn parse_inquiry(text: &str, today: Date) -> Inquiry {
    let mut scan = Scan::new(text);
    let mut unread = vec![];
    let dates = when::find(&mut scan, today);
    let codes = fba::find(&mut scan);
    let mut hits = words::find(&mut scan);
    let measures = numbers::measures(&mut scan);
    hits.extend(words::misspelt(&mut scan));
    hits.sort_by_key(|h| h.span.0);
    let mut fields = pick::Picked::new(&scan, &hits, &codes);
    let postcode = postcode::find(&mut scan, fields.country());
    fields.postcode(postcode);
    let totals = compose::totals(&scan, &measures);
    unread.extend(totals.unused.iter().map(|&span| scan.written(span)));
    fields.cargo(totals);
    for d in dates {
        match d.shipping {
            true => unread.push(scan.written(d.span)),
            false => fields.date(d),
        }
    }
    unread.extend(pick::unread(&scan));
    Inquiry {
        fields: fields.into_fields(),
        unread,
    }
}

/// `0.3`: cm³ as CBM to four decimals, without trailing zeros.
fn cbm(cm3: i64) -> String {
    let tenth_litres = (cm3 + 50) / 100;
    let s = format!("{}.{:04}", tenth_litres / 10_000, tenth_litres % 10_000);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn kg(grams: i64) -> String {
    Qty(grams).format()
}
