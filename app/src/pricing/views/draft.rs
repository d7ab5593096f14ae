//! The search form's state: one signal per input, as typed. It becomes a
//! [`QuoteForSearch`] on submit (a number that is not one is an error on
//! its field, named as the server names it), and takes the fields of a
//! parsed inquiry, remembering which came from the text and how sure.

use leptos::prelude::*;
use shipdesk::pricing::{
    CargoInput, CartonInput, Field, FieldName, GoodsType, Inquiry, Mode, QuoteForSearch,
};
use shipdesk::{AppError, ErrorKey};

/// One carton line as typed.
#[derive(Clone, Copy)]
pub struct LineDraft {
    pub key: u32,
    pub count: RwSignal<String>,
    pub length: RwSignal<String>,
    pub width: RwSignal<String>,
    pub height: RwSignal<String>,
    pub kg: RwSignal<String>,
}

impl LineDraft {
    fn new(key: u32, vals: [&str; 5]) -> Self {
        let s = |i: usize| RwSignal::new(vals[i].to_owned());
        LineDraft {
            key,
            count: s(0),
            length: s(1),
            width: s(2),
            height: s(3),
            kg: s(4),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Draft {
    pub country: RwSignal<String>,
    /// FBA code (true) or postcode (false).
    pub to_fba: RwSignal<bool>,
    pub fba_code: RwSignal<String>,
    pub postcode: RwSignal<String>,
    pub origin: RwSignal<String>,
    pub by_cartons: RwSignal<bool>,
    pub lines: RwSignal<Vec<LineDraft>>,
    next_key: RwSignal<u32>,
    pub weight_kg: RwSignal<String>,
    pub volume_cbm: RwSignal<String>,
    pub pieces: RwSignal<String>,
    pub goods_type: RwSignal<String>,
    pub mode: RwSignal<String>,
    pub wanted_date: RwSignal<String>,
    /// The fields the last parse filled, with their confidence; a field
    /// the person edits loses its mark.
    pub marks: RwSignal<Vec<Field>>,
}

/// `s` as a number, or an error on `field`.
pub(crate) fn num(field: &str, s: &str) -> Result<f64, AppError> {
    let s = s.trim().replace(['，', ','], ".");
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| AppError::validation(field, ErrorKey::CargoNotANumber))
}

fn whole(field: &str, s: &str) -> Result<i64, AppError> {
    s.trim()
        .parse::<i64>()
        .map_err(|_| AppError::validation(field, ErrorKey::CargoCountInvalid))
}

fn optional<T>(
    s: &str,
    f: impl FnOnce(&str) -> Result<T, AppError>,
) -> Result<Option<T>, AppError> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        f(s).map(Some)
    }
}

fn non_empty(s: String) -> Option<String> {
    let s = s.trim().to_owned();
    (!s.is_empty()).then_some(s)
}

impl Draft {
    /// A form for `country`, with one empty carton line.
    pub fn new(country: &str) -> Self {
        let s = |v: &str| RwSignal::new(v.to_owned());
        Draft {
            country: s(country),
            to_fba: RwSignal::new(true),
            fba_code: s(""),
            postcode: s(""),
            origin: s(""),
            by_cartons: RwSignal::new(true),
            lines: RwSignal::new(vec![LineDraft::new(0, ["1", "", "", "", ""])]),
            next_key: RwSignal::new(1),
            weight_kg: s(""),
            volume_cbm: s(""),
            pieces: s(""),
            goods_type: s(GoodsType::General.as_str()),
            mode: s(""),
            wanted_date: s(""),
            marks: RwSignal::new(vec![]),
        }
    }

    pub fn add_line(&self) {
        let key = self.next_key.get_untracked();
        self.next_key.set(key + 1);
        let line = LineDraft::new(key, ["1", "", "", "", ""]);
        self.lines.update(|l| l.push(line));
    }

    pub fn remove_line(&self, key: u32) {
        self.lines.update(|l| l.retain(|x| x.key != key));
    }

    /// The mark of `name` from the last parse, if it still stands.
    pub fn mark(&self, name: FieldName) -> Option<Field> {
        self.marks
            .with(|m| m.iter().find(|f| f.name == name).cloned())
    }

    pub fn unmark(&self, name: FieldName) {
        if self
            .marks
            .with_untracked(|m| m.iter().any(|f| f.name == name))
        {
            self.marks.update(|m| m.retain(|f| f.name != name));
        }
    }

    /// Fills the fields the inquiry read (cargo as totals) and marks them.
    pub fn apply(&self, inq: &Inquiry) {
        let v = |n: FieldName| inq.value(n).map(str::to_owned);
        if let Some(c) = v(FieldName::Country) {
            self.country.set(c);
        }
        if let Some(code) = v(FieldName::FbaCode) {
            self.to_fba.set(true);
            self.fba_code.set(code);
        } else if let Some(p) = v(FieldName::Postcode) {
            self.to_fba.set(false);
            self.postcode.set(p);
        }
        if let Some(o) = v(FieldName::Origin) {
            self.origin.set(o);
        }
        let cargo = [
            FieldName::WeightKg,
            FieldName::VolumeCbm,
            FieldName::Cartons,
        ];
        if cargo.iter().any(|n| inq.get(*n).is_some()) {
            self.by_cartons.set(false);
            self.weight_kg
                .set(v(FieldName::WeightKg).unwrap_or_default());
            self.volume_cbm
                .set(v(FieldName::VolumeCbm).unwrap_or_default());
            self.pieces.set(v(FieldName::Cartons).unwrap_or_default());
        }
        if let Some(g) = v(FieldName::GoodsType) {
            self.goods_type.set(g);
        }
        if let Some(m) = v(FieldName::Mode) {
            self.mode.set(m);
        }
        if let Some(d) = v(FieldName::WantedDate) {
            self.wanted_date.set(d);
        }
        self.marks.set(inq.fields.clone());
    }

    fn cargo(&self) -> Result<CargoInput, AppError> {
        if !self.by_cartons.get_untracked() {
            return Ok(CargoInput::Totals {
                weight_kg: optional(&self.weight_kg.get_untracked(), |s| {
                    num("cargo.weight_kg", s)
                })?,
                volume_cbm: optional(&self.volume_cbm.get_untracked(), |s| {
                    num("cargo.volume_cbm", s)
                })?,
                pieces: optional(&self.pieces.get_untracked(), |s| whole("cargo.pieces", s))?,
            });
        }
        let lines = self.lines.get_untracked();
        let lines = lines.iter().enumerate().map(|(i, l)| {
            let f = |name: &str| format!("cargo.lines[{i}].{name}");
            let n = |name: &str, s: RwSignal<String>| num(&f(name), &s.get_untracked());
            Ok(CartonInput {
                count: whole(&f("count"), &l.count.get_untracked())?,
                length_cm: n("length_cm", l.length)?,
                width_cm: n("width_cm", l.width)?,
                height_cm: n("height_cm", l.height)?,
                weight_kg: n("weight_kg", l.kg)?,
            })
        });
        Ok(CargoInput::Cartons {
            lines: lines.collect::<Result<_, AppError>>()?,
        })
    }

    /// The form as far as it is filled in, for the inquiry hall: none but
    /// the country and a blank carton line reads as no cargo.
    pub fn to_partial(self) -> Result<QuoteForSearch, AppError> {
        let blank = |s: RwSignal<String>| s.with_untracked(|v| v.trim().is_empty());
        let no_lines = self.by_cartons.get_untracked()
            && self.lines.with_untracked(|l| {
                l.iter()
                    .all(|x| blank(x.length) && blank(x.width) && blank(x.height) && blank(x.kg))
            });
        if !no_lines {
            return self.to_search();
        }
        // Read as (empty) totals without telling the form.
        self.by_cartons.update_untracked(|v| *v = false);
        let s = self.to_search();
        self.by_cartons.update_untracked(|v| *v = true);
        s
    }

    /// The search as typed, or the first input that is not a number.
    pub fn to_search(self) -> Result<QuoteForSearch, AppError> {
        let to_fba = self.to_fba.get_untracked();
        let pick =
            |on: bool, s: RwSignal<String>| on.then(|| s.get_untracked()).and_then(non_empty);
        Ok(QuoteForSearch {
            country: self.country.get_untracked(),
            fba_code: pick(to_fba, self.fba_code),
            postcode: pick(!to_fba, self.postcode),
            origin: non_empty(self.origin.get_untracked()),
            cargo: self.cargo()?,
            goods_type: GoodsType::parse(&self.goods_type.get_untracked()).unwrap_or_default(),
            wanted_date: non_empty(self.wanted_date.get_untracked()),
            mode: Mode::parse(&self.mode.get_untracked()).ok(),
            tag: None,
            special_only: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shipdesk::pricing::parse_inquiry;
    use shipdesk::pricing::Date;

    fn in_owner<T>(f: impl FnOnce() -> T) -> T {
        Owner::new().with(f)
    }

    #[test]
    fn a_carton_weight_that_is_not_a_number_is_an_error_on_its_field() {
        in_owner(|| {
            let d = Draft::new("US");
            d.fba_code.set("ONT8".into());
            let line = d.lines.get_untracked()[0];
            for (s, v) in [(line.length, "50"), (line.width, "40"), (line.height, "30")] {
                s.set(v.into());
            }
            line.kg.set("abc".into());
            let e = d.to_search().unwrap_err();
            assert_eq!(e.field(), Some("cargo.lines[0].weight_kg"));
            line.kg.set("22，5".into());
            let s = d.to_search().unwrap();
            assert_eq!(s.fba_code.as_deref(), Some("ONT8"));
            assert_eq!(s.postcode, None);
            let CargoInput::Cartons { lines } = s.cargo else {
                panic!("cartons")
            };
            assert_eq!(lines[0].weight_kg, 22.5);
        })
    }

    #[test]
    fn a_parsed_inquiry_fills_the_form_as_totals_and_marks_what_it_read() {
        in_owner(|| {
            let d = Draft::new("GB");
            let today = Date::from_ymd(2026, 12, 2).unwrap();
            let inq = parse_inquiry("300kg 2方 深圳到美国FBA ONT8 海派 带电", today);
            d.apply(&inq);
            assert_eq!(d.country.get_untracked(), "US");
            assert!(!d.by_cartons.get_untracked());
            assert_eq!(d.weight_kg.get_untracked(), "300");
            assert_eq!(d.mode.get_untracked(), "sea_express");
            assert!(d.mark(FieldName::WeightKg).is_some());
            d.unmark(FieldName::WeightKg);
            assert!(d.mark(FieldName::WeightKg).is_none());
            assert!(d.mark(FieldName::FbaCode).is_some());
            let s = d.to_search().unwrap();
            assert_eq!(s.goods_type, GoodsType::Battery);
            assert_eq!(s.mode, Some(Mode::SeaExpress));
            assert_eq!(
                s.cargo,
                CargoInput::Totals {
                    weight_kg: Some(300.0),
                    volume_cbm: Some(2.0),
                    pieces: None
                }
            );
        })
    }
}
