//! The basics of a channel as typed in its form, read back into the
//! channel on save; the first field that does not read is the error, named
//! as [`Channel::check`] names it on the server.

use leptos::prelude::*;
use shipdesk::pricing::{Basis, Channel, Date, DateRange, DayRange, GoodsType, Mode, Qty, Weekday};
use shipdesk::{AppError, ErrorKey};

/// The basics as typed.
#[derive(Clone, Copy)]
pub struct BasicsDraft {
    pub name: RwSignal<String>,
    pub carrier: RwSignal<String>,
    pub mode: RwSignal<String>,
    pub country: RwSignal<String>,
    pub origins: RwSignal<String>,
    pub per_cbm: RwSignal<bool>,
    pub divisor: RwSignal<String>,
    pub min_shipment: RwSignal<String>,
    pub min_carton: RwSignal<String>,
    pub rounding: RwSignal<String>,
    pub max_carton_kg: RwSignal<String>,
    pub max_side_cm: RwSignal<String>,
    pub accepts: RwSignal<Vec<GoodsType>>,
    pub customs_fee: RwSignal<String>,
    pub tax_included: RwSignal<bool>,
    pub transit_min: RwSignal<String>,
    pub transit_max: RwSignal<String>,
    pub cutoffs: RwSignal<Vec<Weekday>>,
    pub valid_from: RwSignal<String>,
    pub valid_to: RwSignal<String>,
    pub special_from: RwSignal<String>,
    pub special_to: RwSignal<String>,
    pub tags: RwSignal<String>,
}

fn s(v: impl ToString) -> RwSignal<String> {
    RwSignal::new(v.to_string())
}

fn opt(v: Option<u32>) -> RwSignal<String> {
    s(v.map(|n| n.to_string()).unwrap_or_default())
}

fn words(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn nan(field: &str) -> AppError {
    AppError::validation(field, ErrorKey::CargoNotANumber)
}

fn qty(field: &str, text: &str) -> Result<Qty, AppError> {
    let v: f64 = text.trim().parse().map_err(|_| nan(field))?;
    v.is_finite()
        .then(|| Qty((v * 1000.0).round() as i64))
        .ok_or_else(|| nan(field))
}

fn int<T: std::str::FromStr>(field: &str, text: &str) -> Result<T, AppError> {
    text.trim().parse().map_err(|_| nan(field))
}

fn limit(field: &str, text: &str) -> Result<Option<u32>, AppError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    int(field, text).map(Some)
}

fn fen(field: &str, text: &str) -> Result<i64, AppError> {
    let v: f64 = text.trim().parse().map_err(|_| nan(field))?;
    shipdesk::pricing::sheet::fen_of_yuan(v)
        .map_err(|_| AppError::validation(field, ErrorKey::ChannelAmountInvalid))
}

impl BasicsDraft {
    pub fn of(c: &Channel) -> BasicsDraft {
        let (per_cbm, divisor) = match c.basis {
            Basis::Kg { divisor } => (false, divisor),
            Basis::Cbm { kg_per_cbm } => (true, kg_per_cbm),
        };
        let special = c.special;
        BasicsDraft {
            name: s(&c.name),
            carrier: s(&c.carrier),
            mode: s(c.mode.as_str()),
            country: s(&c.country),
            origins: s(c.origins.join("，")),
            per_cbm: RwSignal::new(per_cbm),
            divisor: s(divisor),
            min_shipment: s(c.min_shipment.format()),
            min_carton: s(c.min_carton.format()),
            rounding: s(c.rounding.format()),
            max_carton_kg: opt(c.limits.max_carton_kg),
            max_side_cm: opt(c.limits.max_side_cm),
            accepts: RwSignal::new(c.accepts.clone()),
            customs_fee: s(shipdesk::pricing::sheet::yuan(c.customs_fee_fen)),
            tax_included: RwSignal::new(c.tax_included),
            transit_min: s(c.transit_days.min),
            transit_max: s(c.transit_days.max),
            cutoffs: RwSignal::new(c.cutoff_weekdays.clone()),
            valid_from: s(c.validity.from),
            valid_to: s(c.validity.to),
            special_from: s(special.map(|r| r.from.to_string()).unwrap_or_default()),
            special_to: s(special.map(|r| r.to.to_string()).unwrap_or_default()),
            tags: s(c.tags.join("，")),
        }
    }

    /// `base` with the basics as typed; the first field that does not read.
    pub fn build(&self, base: &Channel) -> Result<Channel, AppError> {
        let g = |v: RwSignal<String>| v.get_untracked();
        let mut c = base.clone();
        c.name = g(self.name);
        c.carrier = g(self.carrier);
        c.mode = Mode::parse(&g(self.mode))?;
        c.country = g(self.country).trim().to_ascii_uppercase();
        c.origins = words(&g(self.origins));
        let divisor = int("basis", &g(self.divisor))?;
        c.basis = if self.per_cbm.get_untracked() {
            Basis::Cbm {
                kg_per_cbm: divisor,
            }
        } else {
            Basis::Kg { divisor }
        };
        c.min_shipment = qty("min_shipment", &g(self.min_shipment))?;
        c.min_carton = qty("min_carton", &g(self.min_carton))?;
        c.rounding = qty("rounding", &g(self.rounding))?;
        c.limits.max_carton_kg = limit("limits.max_carton_kg", &g(self.max_carton_kg))?;
        c.limits.max_side_cm = limit("limits.max_side_cm", &g(self.max_side_cm))?;
        c.accepts = self.accepts.get_untracked();
        c.customs_fee_fen = fen("customs_fee_fen", &g(self.customs_fee))?;
        c.tax_included = self.tax_included.get_untracked();
        c.transit_days = DayRange {
            min: int("transit_days", &g(self.transit_min))?,
            max: int("transit_days", &g(self.transit_max))?,
        };
        let mut days = self.cutoffs.get_untracked();
        days.sort();
        c.cutoff_weekdays = days;
        c.validity = DateRange {
            from: Date::parse("validity", &g(self.valid_from))?,
            to: Date::parse("validity", &g(self.valid_to))?,
        };
        c.special = match (g(self.special_from).trim(), g(self.special_to).trim()) {
            ("", "") => None,
            (f, t) => Some(DateRange {
                from: Date::parse("special", f)?,
                to: Date::parse("special", t)?,
            }),
        };
        c.tags = words(&g(self.tags));
        Ok(c)
    }
}
