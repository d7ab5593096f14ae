//! The cargo of a quote search: cartons (count × L×W×H cm, weight) or
//! totals, as sent ([`CargoInput`]) and validated ([`Cargo`]).

use serde::{Deserialize, Serialize};

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
