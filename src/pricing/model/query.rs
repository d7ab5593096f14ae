//! The quote search's input as it arrives ([`QuoteForSearch`]) and as the
//! engine takes it once validated ([`QuoteQuery`]).

use serde::{Deserialize, Serialize};

use super::{normalize_postcode, Date, GoodsType, Mode};
use crate::error::{AppError, AppResult};
use crate::ErrorKey;

/// A carton heavier than this is a typing mistake, not cargo.
pub const MAX_CARTON_KG: f64 = 1_000.0;
/// Nor is a side longer than this.
pub const MAX_SIDE_CM: f64 = 1_000.0;
pub const MAX_PIECES: i64 = 100_000;
pub const MAX_TOTAL_KG: f64 = 1_000_000.0;
pub const MAX_TOTAL_CBM: f64 = 10_000.0;

/// `count` cartons of the same size and weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CartonInput {
    pub count: i64,
    pub length_cm: f64,
    pub width_cm: f64,
    pub height_cm: f64,
    /// One carton's weight.
    pub weight_kg: f64,
}

/// The cargo as cartons, or as totals when the sizes are not known yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum CargoInput {
    Cartons {
        lines: Vec<CartonInput>,
    },
    Totals {
        weight_kg: Option<f64>,
        volume_cbm: Option<f64>,
        pieces: Option<i64>,
    },
}

/// Validated cartons: sides in mm, weight in grams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CartonLine {
    pub count: u32,
    pub sides_mm: [i64; 3],
    pub weight_g: i64,
}

impl CartonLine {
    pub fn volume_mm3(&self) -> i64 {
        self.sides_mm.iter().product()
    }
    pub fn longest_mm(&self) -> i64 {
        self.sides_mm.into_iter().max().unwrap_or(0)
    }
}

/// Validated cargo.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Cargo {
    Cartons(Vec<CartonLine>),
    /// Totals; a missing weight or volume is zero.
    Totals {
        weight_g: i64,
        volume_cm3: i64,
        pieces: Option<u32>,
    },
}

fn number(field: &str, v: f64, max: f64, too_big: ErrorKey) -> AppResult<f64> {
    if !v.is_finite() {
        Err(AppError::validation(field, ErrorKey::CargoNotANumber))
    } else if v <= 0.0 {
        Err(AppError::validation(field, ErrorKey::CargoNotPositive))
    } else if v > max {
        Err(AppError::validation(field, too_big))
    } else {
        Ok(v)
    }
}

fn count(field: &str, n: i64) -> AppResult<u32> {
    if (1..=MAX_PIECES).contains(&n) {
        Ok(n as u32)
    } else {
        Err(AppError::validation(field, ErrorKey::CargoCountInvalid))
    }
}

impl CartonInput {
    fn parse(&self, at: usize) -> AppResult<CartonLine> {
        let f = |name: &str| format!("cargo.lines[{at}].{name}");
        let side = |name: &str, v: f64| -> AppResult<i64> {
            let cm = number(&f(name), v, MAX_SIDE_CM, ErrorKey::CargoTooLarge)?;
            Ok(((cm * 10.0).round() as i64).max(1))
        };
        let kg = number(
            &f("weight_kg"),
            self.weight_kg,
            MAX_CARTON_KG,
            ErrorKey::CargoCartonTooHeavy,
        )?;
        Ok(CartonLine {
            count: count(&f("count"), self.count)?,
            sides_mm: [
                side("length_cm", self.length_cm)?,
                side("width_cm", self.width_cm)?,
                side("height_cm", self.height_cm)?,
            ],
            weight_g: ((kg * 1000.0).round() as i64).max(1),
        })
    }
}

impl Cargo {
    /// Every number positive, finite and plausible; at least one carton line
    /// or a total weight or volume. Errors name the field (`cargo.lines[0].weight_kg`).
    pub fn parse(input: &CargoInput) -> AppResult<Cargo> {
        match input {
            CargoInput::Cartons { lines } if lines.is_empty() => {
                Err(AppError::validation("cargo.lines", ErrorKey::CargoEmpty))
            }
            CargoInput::Cartons { lines } => {
                let lines = lines.iter().enumerate().map(|(i, l)| l.parse(i));
                let lines = lines.collect::<AppResult<Vec<_>>>()?;
                if lines.iter().map(|l| l.count as i64).sum::<i64>() > MAX_PIECES {
                    return Err(AppError::validation(
                        "cargo.lines",
                        ErrorKey::CargoCountInvalid,
                    ));
                }
                Ok(Cargo::Cartons(lines))
            }
            CargoInput::Totals {
                weight_kg,
                volume_cbm,
                pieces,
            } => Self::parse_totals(*weight_kg, *volume_cbm, *pieces),
        }
    }

    fn parse_totals(kg: Option<f64>, cbm: Option<f64>, pieces: Option<i64>) -> AppResult<Cargo> {
        if kg.is_none() && cbm.is_none() {
            return Err(AppError::validation(
                "cargo.weight_kg",
                ErrorKey::CargoEmpty,
            ));
        }
        let too_big = ErrorKey::CargoTooLarge;
        let kg = kg
            .map(|v| number("cargo.weight_kg", v, MAX_TOTAL_KG, too_big))
            .transpose()?;
        let cbm = cbm
            .map(|v| number("cargo.volume_cbm", v, MAX_TOTAL_CBM, too_big))
            .transpose()?;
        let pieces = pieces.map(|n| count("cargo.pieces", n)).transpose()?;
        let weight_g = kg.map_or(0, |kg| ((kg * 1000.0).round() as i64).max(1));
        if weight_g as f64 / 1000.0 / pieces.unwrap_or(1) as f64 > MAX_CARTON_KG {
            return Err(AppError::validation(
                "cargo.weight_kg",
                ErrorKey::CargoCartonTooHeavy,
            ));
        }
        let volume_cm3 = cbm.map_or(0, |v| ((v * 1e6).round() as i64).max(1));
        Ok(Cargo::Totals {
            weight_g,
            volume_cm3,
            pieces,
        })
    }

    pub fn weight_g(&self) -> i64 {
        match self {
            Cargo::Cartons(lines) => lines.iter().map(|l| l.count as i64 * l.weight_g).sum(),
            Cargo::Totals { weight_g, .. } => *weight_g,
        }
    }

    /// The number of cartons, when known.
    pub fn pieces(&self) -> Option<u32> {
        match self {
            Cargo::Cartons(lines) => Some(lines.iter().map(|l| l.count).sum()),
            Cargo::Totals { pieces, .. } => *pieces,
        }
    }
}

/// A quote search as the form or the API sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteForSearch {
    /// ISO 3166 alpha-2.
    pub country: String,
    /// An Amazon warehouse code; this or `postcode`.
    #[serde(default)]
    pub fba_code: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    /// The origin city's Chinese name; none means any.
    #[serde(default)]
    pub origin: Option<String>,
    pub cargo: CargoInput,
    #[serde(default)]
    pub goods_type: GoodsType,
    /// `YYYY-MM-DD`: only plans arriving by then.
    #[serde(default)]
    pub wanted_date: Option<String>,
    #[serde(default)]
    pub mode: Option<Mode>,
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub special_only: bool,
}

/// A validated quote search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteQuery {
    pub country: String,
    pub fba_code: Option<String>,
    /// Normalised (see [`normalize_postcode`]).
    pub postcode: Option<String>,
    pub origin: Option<String>,
    pub cargo: Cargo,
    pub goods_type: GoodsType,
    pub wanted_date: Option<Date>,
    pub mode: Option<Mode>,
    pub tag: Option<String>,
    pub special_only: bool,
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl QuoteQuery {
    /// Validates a search made on `today`: a country, an FBA code or a
    /// postcode, sane cargo, a wanted date not in the past.
    pub fn parse(input: &QuoteForSearch, today: Date) -> AppResult<QuoteQuery> {
        let country = input.country.trim().to_ascii_uppercase();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(AppError::validation("country", ErrorKey::CountryInvalid));
        }
        let fba_code = non_empty(&input.fba_code).map(parse_fba_code).transpose()?;
        let postcode = non_empty(&input.postcode).map(parse_postcode).transpose()?;
        if fba_code.is_none() && postcode.is_none() {
            return Err(AppError::validation(
                "fba_code",
                ErrorKey::DestinationRequired,
            ));
        }
        let wanted_date = non_empty(&input.wanted_date)
            .map(|s| Date::parse("wanted_date", s))
            .transpose()?;
        if wanted_date.is_some_and(|d| d < today) {
            return Err(AppError::validation(
                "wanted_date",
                ErrorKey::WantedDateInPast,
            ));
        }
        let short = |field: &str, s: Option<&str>| match s {
            Some(s) if s.chars().count() > 40 => {
                Err(AppError::validation(field, ErrorKey::TextTooLong))
            }
            s => Ok(s.map(str::to_owned)),
        };
        Ok(QuoteQuery {
            country,
            fba_code,
            postcode,
            origin: short("origin", non_empty(&input.origin))?,
            cargo: Cargo::parse(&input.cargo)?,
            goods_type: input.goods_type,
            wanted_date,
            mode: input.mode,
            tag: short("tag", non_empty(&input.tag))?,
            special_only: input.special_only,
        })
    }
}

/// An Amazon warehouse code: a letter then 2–5 letters or digits (`ONT8`).
pub fn parse_fba_code(s: &str) -> AppResult<String> {
    let s = s.trim().to_ascii_uppercase();
    let b = s.as_bytes();
    let ok = (3..=6).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if ok {
        Ok(s)
    } else {
        Err(AppError::validation("fba_code", ErrorKey::FbaCodeInvalid))
    }
}

/// A postcode: 3–10 letters or digits once spaces and hyphens are gone.
pub fn parse_postcode(s: &str) -> AppResult<String> {
    let p = normalize_postcode(s);
    if (3..=10).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(p)
    } else {
        Err(AppError::validation("postcode", ErrorKey::PostcodeInvalid))
    }
}
