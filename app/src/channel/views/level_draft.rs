//! A price level as typed in its form: percents, one row per mode of its
//! own, the libraries ticked. Read back into a `PriceLevelForSave` with the
//! level's own check, so a field's error reads as the server would name it.

use leptos::prelude::*;
use shipdesk::pricing::{Mode, ModeAdjustment, PriceLevel, PriceLevelForSave};
use shipdesk::{AppError, ErrorKey, Id};

use super::format::{parse_percent, percent_input};

/// One mode's own adjustment as typed; `key` keeps the row while others
/// come and go.
#[derive(Clone, Copy)]
pub struct ModeRow {
    pub key: u32,
    pub mode: RwSignal<String>,
    pub pct: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct LevelDraft {
    pub id: Id,
    pub name: RwSignal<String>,
    pub default_pct: RwSignal<String>,
    pub rows: RwSignal<Vec<ModeRow>>,
    pub libraries: RwSignal<Vec<Id>>,
    pub is_default: RwSignal<bool>,
    next_key: RwSignal<u32>,
}

impl LevelDraft {
    /// The form of `level`, or an empty one (+0 %).
    pub fn of(level: Option<&PriceLevel>) -> LevelDraft {
        let rows = level.map_or(vec![], |l| {
            (l.by_mode.iter().enumerate())
                .map(|(i, a)| ModeRow {
                    key: i as u32,
                    mode: RwSignal::new(a.mode.as_str().to_owned()),
                    pct: RwSignal::new(percent_input(a.bp)),
                })
                .collect()
        });
        LevelDraft {
            id: level.map_or(0, |l| l.id),
            name: RwSignal::new(level.map(|l| l.name.clone()).unwrap_or_default()),
            default_pct: RwSignal::new(percent_input(level.map_or(0, |l| l.default_bp))),
            next_key: RwSignal::new(rows.len() as u32),
            rows: RwSignal::new(rows),
            libraries: RwSignal::new(level.map_or(vec![], |l| l.libraries.clone())),
            is_default: RwSignal::new(level.is_some_and(|l| l.is_default)),
        }
    }

    /// Adds a row for the first mode without one (the last mode if all have).
    pub fn add_row(&self) {
        let used: Vec<String> = self
            .rows
            .with_untracked(|r| r.iter().map(|m| m.mode.get_untracked()).collect());
        let mode = Mode::ALL
            .iter()
            .find(|m| !used.iter().any(|u| u == m.as_str()))
            .unwrap_or(&Mode::Truck);
        let key = self.next_key.get_untracked();
        self.next_key.set(key + 1);
        self.rows.update(|r| {
            r.push(ModeRow {
                key,
                mode: RwSignal::new(mode.as_str().to_owned()),
                pct: RwSignal::new(String::new()),
            })
        });
    }

    pub fn remove_row(&self, key: u32) {
        self.rows.update(|r| r.retain(|m| m.key != key));
    }

    /// The row's place, which names its fields (`by_mode[1].bp`).
    pub fn index_of(&self, key: u32) -> Option<usize> {
        self.rows.with(|r| r.iter().position(|m| m.key == key))
    }

    /// The level to save; the first field that does not read is the error.
    pub fn build(&self) -> Result<PriceLevelForSave, AppError> {
        let default_bp = parse_percent("default_bp", &self.default_pct.get_untracked())?;
        let mut by_mode = vec![];
        for (i, row) in self.rows.get_untracked().iter().enumerate() {
            let mode = Mode::parse(&row.mode.get_untracked()).map_err(|_| {
                AppError::validation(&format!("by_mode[{i}].mode"), ErrorKey::ModeInvalid)
            })?;
            let bp = parse_percent(&format!("by_mode[{i}].bp"), &row.pct.get_untracked())?;
            by_mode.push(ModeAdjustment { mode, bp });
        }
        let input = PriceLevelForSave {
            id: self.id,
            name: self.name.get_untracked().trim().to_owned(),
            default_bp,
            by_mode,
            libraries: self.libraries.get_untracked(),
            is_default: self.is_default.get_untracked(),
        };
        input.check()?;
        Ok(input)
    }
}
