//! A channel's surcharge rules as typed: per rule a name, how it is
//! counted and the amount (yuan, or percent of freight), and its
//! conditions, each with the inputs its kind needs. Read back into the
//! rules on save; the first field that does not read is the error, named as
//! [`Channel::check`] names it (`surcharges[1].when[0]`).

use leptos::prelude::*;
use shipdesk::pricing::sheet::{fen_of_yuan, yuan};
use shipdesk::pricing::{Channel, Charge, Condition, Date, DateRange, GoodsType, Surcharge};
use shipdesk::{AppError, ErrorKey};

use super::format::{parse_percent, percent_input};
use super::zones_draft::{parse_ranges, ranges_text};

/// How a rule counts, as the charge's `per` names it.
pub const PERS: [&str; 4] = ["unit", "carton", "shipment", "percent"];
/// The kinds of condition, as the condition's `if` names them.
pub const IFS: [&str; 5] = [
    "goods",
    "remote_postcode",
    "side_over",
    "carton_over",
    "season",
];

/// One condition as typed: its kind, and the inputs of every kind (kept
/// while the kind changes).
#[derive(Clone, Copy)]
pub struct CondRow {
    pub key: u32,
    pub kind: RwSignal<String>,
    pub goods: RwSignal<Vec<GoodsType>>,
    /// Postcode ranges, or the cm / kg limit.
    pub text: RwSignal<String>,
    pub from: RwSignal<String>,
    pub to: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct RuleRow {
    pub key: u32,
    pub name: RwSignal<String>,
    pub per: RwSignal<String>,
    pub amount: RwSignal<String>,
    pub conds: RwSignal<Vec<CondRow>>,
    next_key: RwSignal<u32>,
}

#[derive(Clone, Copy)]
pub struct SurchargesDraft {
    pub rows: RwSignal<Vec<RuleRow>>,
    next_key: RwSignal<u32>,
}

fn s(v: impl ToString) -> RwSignal<String> {
    RwSignal::new(v.to_string())
}

fn cond(key: u32, c: Option<&Condition>) -> CondRow {
    let row = CondRow {
        key,
        kind: s("goods"),
        goods: RwSignal::new(vec![]),
        text: s(""),
        from: s(""),
        to: s(""),
    };
    match c {
        None => {}
        Some(Condition::Goods { types }) => row.goods.set(types.clone()),
        Some(Condition::RemotePostcode { ranges }) => {
            row.kind.set("remote_postcode".into());
            row.text.set(ranges_text(ranges));
        }
        Some(Condition::SideOver { cm }) => {
            row.kind.set("side_over".into());
            row.text.set(cm.to_string());
        }
        Some(Condition::CartonOver { kg }) => {
            row.kind.set("carton_over".into());
            row.text.set(kg.to_string());
        }
        Some(Condition::Season { days }) => {
            row.kind.set("season".into());
            row.from.set(days.from.to_string());
            row.to.set(days.to.to_string());
        }
    }
    row
}

fn rule(key: u32, r: Option<&Surcharge>) -> RuleRow {
    let (per, amount) = match r.map(|r| r.charge) {
        None => ("carton", String::new()),
        Some(Charge::Unit { fen }) => ("unit", yuan(fen)),
        Some(Charge::Carton { fen }) => ("carton", yuan(fen)),
        Some(Charge::Shipment { fen }) => ("shipment", yuan(fen)),
        Some(Charge::Percent { basis_points }) => ("percent", percent_input(basis_points as i32)),
    };
    let when = r.map_or(&[][..], |r| &r.when[..]);
    let conds: Vec<CondRow> = (when.iter().enumerate())
        .map(|(k, c)| cond(k as u32, Some(c)))
        .collect();
    RuleRow {
        key,
        name: s(r.map_or("", |r| r.name.as_str())),
        per: s(per),
        amount: s(amount),
        next_key: RwSignal::new(conds.len() as u32),
        conds: RwSignal::new(conds),
    }
}

impl RuleRow {
    pub fn add_condition(&self) {
        let key = self.next_key.get_untracked();
        self.next_key.set(key + 1);
        self.conds.update(|c| c.push(cond(key, None)));
    }

    pub fn remove_condition(&self, key: u32) {
        self.conds.update(|c| c.retain(|x| x.key != key));
    }

    pub fn index_of(&self, key: u32) -> Option<usize> {
        self.conds.with(|c| c.iter().position(|x| x.key == key))
    }

    fn build(&self, i: usize) -> Result<Surcharge, AppError> {
        let field = format!("surcharges[{i}].charge");
        let text = self.amount.get_untracked();
        let charge = match self.per.get_untracked().as_str() {
            "percent" => {
                let bp = parse_percent(&field, &text)?;
                let bp = u32::try_from(bp).map_err(|_| amount_invalid(&field))?;
                Charge::Percent { basis_points: bp }
            }
            per => {
                let v: f64 = text.trim().parse().map_err(|_| nan(&field))?;
                let fen = fen_of_yuan(v).map_err(|_| amount_invalid(&field))?;
                match per {
                    "unit" => Charge::Unit { fen },
                    "shipment" => Charge::Shipment { fen },
                    _ => Charge::Carton { fen },
                }
            }
        };
        let mut when = vec![];
        for (k, c) in self.conds.get_untracked().iter().enumerate() {
            when.push(c.build(&format!("surcharges[{i}].when[{k}]"))?);
        }
        Ok(Surcharge {
            name: self.name.get_untracked().trim().to_owned(),
            charge,
            when,
        })
    }
}

fn nan(field: &str) -> AppError {
    AppError::validation(field, ErrorKey::CargoNotANumber)
}

fn amount_invalid(field: &str) -> AppError {
    AppError::validation(field, ErrorKey::ChannelAmountInvalid)
}

impl CondRow {
    fn build(&self, field: &str) -> Result<Condition, AppError> {
        let text = self.text.get_untracked();
        let limit = || text.trim().parse::<u32>().map_err(|_| nan(field));
        Ok(match self.kind.get_untracked().as_str() {
            "remote_postcode" => Condition::RemotePostcode {
                ranges: parse_ranges(field, &text)?,
            },
            "side_over" => Condition::SideOver { cm: limit()? },
            "carton_over" => Condition::CartonOver { kg: limit()? },
            "season" => Condition::Season {
                days: DateRange {
                    from: Date::parse(field, &self.from.get_untracked())?,
                    to: Date::parse(field, &self.to.get_untracked())?,
                },
            },
            _ => {
                let chosen = self.goods.get_untracked();
                Condition::Goods {
                    types: (GoodsType::ALL.iter().copied())
                        .filter(|g| chosen.contains(g))
                        .collect(),
                }
            }
        })
    }
}

impl SurchargesDraft {
    pub fn of(c: &Channel) -> SurchargesDraft {
        let rows: Vec<RuleRow> = (c.surcharges.iter().enumerate())
            .map(|(i, r)| rule(i as u32, Some(r)))
            .collect();
        SurchargesDraft {
            next_key: RwSignal::new(rows.len() as u32),
            rows: RwSignal::new(rows),
        }
    }

    /// A new rule at the end: per carton, no amount, no condition yet.
    pub fn add(&self) {
        let key = self.next_key.get_untracked();
        self.next_key.set(key + 1);
        self.rows.update(|r| r.push(rule(key, None)));
    }

    pub fn remove(&self, key: u32) {
        self.rows.update(|r| r.retain(|x| x.key != key));
    }

    /// The rule's place, which names its fields (`surcharges[1].name`).
    pub fn index_of(&self, key: u32) -> Option<usize> {
        self.rows.with(|r| r.iter().position(|x| x.key == key))
    }

    /// `c` with the rules as typed; the first field that does not read.
    pub fn apply(&self, mut c: Channel) -> Result<Channel, AppError> {
        let rows = self.rows.get_untracked();
        c.surcharges = (rows.iter().enumerate())
            .map(|(i, r)| r.build(i))
            .collect::<Result<_, _>>()?;
        Ok(c)
    }
}
