//! Customer price levels (价格等级): a markup or discount over the table
//! (cost) price, per mode, that turns a plan into the price a customer of
//! the level pays. Pure.
//!
//! Invariants: an adjustment is between -50 % and +200 % ([`MIN_BP`],
//! [`MAX_BP`]), so no price becomes negative; every line keeps `quantity ×
//! rate = amount` (rates are adjusted, amounts computed again from them the
//! way the engine does); percent surcharges follow the adjusted freight;
//! the customs fee is passed on as it is; the total is the sum of the lines.

use serde::{Deserialize, Serialize};

use super::model::{LineKind, Mode, Plan, PriceLine};
use super::quote::price::{share, times};
use crate::error::{AppError, AppResult};
use crate::types::Id;
use crate::ErrorKey;

/// The largest discount: half off.
pub const MIN_BP: i32 = -5_000;
/// The largest markup: three times the cost.
pub const MAX_BP: i32 = 20_000;

/// One mode's adjustment, in basis points over cost (800 = +8 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ModeAdjustment {
    pub mode: Mode,
    pub bp: i32,
}

/// A price level as admins define it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PriceLevel {
    pub id: Id,
    pub name: String,
    /// The adjustment of modes not listed in `by_mode`.
    pub default_bp: i32,
    pub by_mode: Vec<ModeAdjustment>,
    /// The channel libraries its searches use; empty: every channel.
    #[serde(default)]
    pub libraries: Vec<Id>,
    /// The level companies without one get (exactly one level is).
    pub is_default: bool,
    /// How many companies have it.
    #[serde(default)]
    pub companies: i64,
}

/// The level a company's searches price at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CompanyPriceLevel {
    /// Its own level, else the default one; none when no level is the
    /// default (table prices).
    pub level: Option<PriceLevel>,
    /// True when the company has no level of its own (it follows the
    /// default, whichever that is).
    pub by_default: bool,
}

/// A level to create or change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PriceLevelForSave {
    /// 0 to create.
    #[serde(default)]
    pub id: Id,
    pub name: String,
    pub default_bp: i32,
    #[serde(default)]
    pub by_mode: Vec<ModeAdjustment>,
    #[serde(default)]
    pub libraries: Vec<Id>,
    #[serde(default)]
    pub is_default: bool,
}

impl PriceLevelForSave {
    /// Name 1–30 characters; each adjustment in range; a mode once.
    pub fn check(&self) -> AppResult<()> {
        let n = self.name.trim().chars().count();
        if !(1..=30).contains(&n) {
            return Err(AppError::validation("name", ErrorKey::LevelNameInvalid));
        }
        if !(MIN_BP..=MAX_BP).contains(&self.default_bp) {
            return Err(AppError::validation("default_bp", ErrorKey::LevelBpInvalid));
        }
        for (i, a) in self.by_mode.iter().enumerate() {
            if !(MIN_BP..=MAX_BP).contains(&a.bp) {
                let field = format!("by_mode[{i}].bp");
                return Err(AppError::validation(&field, ErrorKey::LevelBpInvalid));
            }
            if self.by_mode[..i].iter().any(|b| b.mode == a.mode) {
                let field = format!("by_mode[{i}].mode");
                return Err(AppError::validation(&field, ErrorKey::Duplicate));
            }
        }
        Ok(())
    }
}

impl PriceLevel {
    /// The adjustment of a mode.
    pub fn bp(&self, mode: Mode) -> i32 {
        (self.by_mode.iter())
            .find(|a| a.mode == mode)
            .map_or(self.default_bp, |a| a.bp)
    }

    /// The plan at this level's price; its cost stays in `cost_total_fen`.
    pub fn apply(&self, plan: &mut Plan) {
        let bp = self.bp(plan.channel.mode);
        let cost = plan.total_fen;
        let factor = (10_000 + bp) as u32;
        let freight = plan
            .lines
            .iter_mut()
            .find(|l| l.kind == LineKind::Freight)
            .map(|l| adjust(l, factor, 0))
            .unwrap_or(0);
        for line in plan
            .lines
            .iter_mut()
            .filter(|l| l.kind != LineKind::Freight)
        {
            adjust(line, factor, freight);
        }
        plan.total_fen = plan.lines.iter().map(|l| l.amount_fen).sum();
        plan.cost_total_fen = Some(cost);
    }
}

/// Adjusts one line by `factor` basis points (10,000 = as is); a percent
/// line takes its share of `freight`. Returns the new amount.
fn adjust(line: &mut PriceLine, factor: u32, freight: i64) -> i64 {
    if line.kind == LineKind::Customs {
        return line.amount_fen;
    }
    if let Some(bp) = line.percent_bp {
        line.amount_fen = share(freight, bp);
        return line.amount_fen;
    }
    let Some(rate) = line.rate_fen else {
        line.amount_fen = share(line.amount_fen, factor);
        return line.amount_fen;
    };
    let rate = share(rate, factor);
    line.rate_fen = Some(rate);
    line.amount_fen = match (line.quantity, line.cartons) {
        (Some(q), _) => times(q, rate),
        (None, Some(n)) => rate * n as i64,
        (None, None) => rate,
    };
    line.amount_fen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::model::Qty;

    fn line(kind: LineKind, qty: Option<i64>, cartons: Option<u32>, rate: i64) -> PriceLine {
        let amount_fen = match (qty, cartons) {
            (Some(q), _) => times(Qty(q), rate),
            (None, Some(n)) => rate * n as i64,
            _ => rate,
        };
        PriceLine {
            kind,
            label: None,
            quantity: qty.map(Qty),
            cartons,
            rate_fen: Some(rate),
            percent_bp: None,
            break_from: None,
            amount_fen,
        }
    }

    fn level(default_bp: i32, by_mode: &[(Mode, i32)]) -> PriceLevel {
        PriceLevel {
            id: 1,
            name: "VIP".into(),
            default_bp,
            by_mode: (by_mode.iter())
                .map(|&(mode, bp)| ModeAdjustment { mode, bp })
                .collect(),
            libraries: vec![],
            is_default: false,
            companies: 0,
        }
    }

    fn plan(mode: Mode) -> Plan {
        use crate::pricing::quote::fixtures::{base, heavy, plan_of, query};
        let mut ch = base();
        ch.mode = mode;
        let mut p = plan_of(ch, &query(heavy(3, 20.0)));
        let mut percent = line(LineKind::Surcharge, None, None, 0);
        percent.rate_fen = None;
        percent.percent_bp = Some(1_000);
        p.lines = vec![
            line(LineKind::Freight, Some(123_500), None, 1_250),
            line(LineKind::Surcharge, None, Some(7), 1_000),
            line(LineKind::Surcharge, Some(123_500), None, 300),
            percent,
            line(LineKind::Customs, None, None, 15_000),
        ];
        p.lines[3].amount_fen = share(p.lines[0].amount_fen, 1_000);
        p.total_fen = p.lines.iter().map(|l| l.amount_fen).sum();
        p
    }

    #[test]
    fn a_markup_raises_every_rate_keeps_each_line_consistent_and_passes_customs_on() {
        let mut p = plan(Mode::AirExpress);
        let cost = p.total_fen;

        level(800, &[]).apply(&mut p);

        let l = &p.lines;
        assert_eq!(l[0].rate_fen, Some(1_350));
        assert_eq!(l[0].amount_fen, times(Qty(123_500), 1_350));
        assert_eq!(l[1].amount_fen, 1_080 * 7);
        assert_eq!(
            l[3].amount_fen,
            share(l[0].amount_fen, 1_000),
            "10 % of the new freight"
        );
        assert_eq!(l[4].amount_fen, 15_000, "customs as it is");
        assert_eq!(p.total_fen, l.iter().map(|l| l.amount_fen).sum::<i64>());
        assert_eq!(p.cost_total_fen, Some(cost));
        assert!(p.total_fen > cost);
    }

    #[test]
    fn a_mode_of_its_own_overrides_the_default_and_a_discount_never_goes_negative() {
        let vip = level(500, &[(Mode::Sea, -5_000)]);
        let mut sea = plan(Mode::Sea);
        let mut air = plan(Mode::AirExpress);
        let (sea_cost, air_cost) = (sea.total_fen, air.total_fen);

        vip.apply(&mut sea);
        vip.apply(&mut air);

        assert_eq!(vip.bp(Mode::Sea), -5_000);
        assert!(sea.total_fen < sea_cost && sea.total_fen > 0);
        assert!(sea.lines.iter().all(|l| l.amount_fen >= 0));
        assert!(air.total_fen > air_cost);
    }

    #[test]
    fn a_level_out_of_range_or_with_a_mode_twice_names_the_field() {
        let mut input = PriceLevelForSave {
            name: "VIP".into(),
            default_bp: 25_000,
            ..Default::default()
        };
        let e = input.check().unwrap_err();
        assert_eq!(
            e,
            AppError::validation("default_bp", ErrorKey::LevelBpInvalid)
        );
        input.default_bp = 0;
        input.by_mode = vec![
            ModeAdjustment {
                mode: Mode::Sea,
                bp: 100,
            },
            ModeAdjustment {
                mode: Mode::Sea,
                bp: 200,
            },
        ];
        let e = input.check().unwrap_err();
        assert_eq!(
            e,
            AppError::validation("by_mode[1].mode", ErrorKey::Duplicate)
        );
        input.by_mode.pop();
        input.name = " ".into();
        assert_eq!(
            input.check().unwrap_err(),
            AppError::validation("name", ErrorKey::LevelNameInvalid)
        );
    }
}
