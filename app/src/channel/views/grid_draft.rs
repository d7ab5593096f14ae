//! The price table as typed: its breaks, and one text per zone and break
//! (yuan; empty when the zone has no such break), the rows following the
//! zones as they are added and removed. Read into the zones' rates on save.

use leptos::prelude::*;
use shipdesk::pricing::sheet::{fen_of_yuan, PriceSheet};
use shipdesk::pricing::{Channel, Qty, Rate};
use shipdesk::{AppError, ErrorKey};

use super::format;
use super::zones_draft::ZonesDraft;

/// The grid as typed: breaks, and per zone (by its row's key in
/// [`ZonesDraft`]) one text per break.
#[derive(Clone, Copy)]
pub struct GridDraft {
    pub breaks: RwSignal<Vec<Qty>>,
    cells: RwSignal<Vec<(u32, Vec<RwSignal<String>>)>>,
}

impl GridDraft {
    pub fn of(c: &Channel) -> GridDraft {
        let sheet = PriceSheet::of(c);
        let cells = (sheet.rows.iter().enumerate())
            .map(|(i, r)| {
                let row = r
                    .fen
                    .iter()
                    .map(|f| RwSignal::new(f.map(format::yuan2).unwrap_or_default()))
                    .collect();
                (i as u32, row)
            })
            .collect();
        GridDraft {
            breaks: RwSignal::new(sheet.breaks),
            cells: RwSignal::new(cells),
        }
    }

    /// An empty row for a new zone.
    pub fn add_row(&self, key: u32) {
        let n = self.breaks.with_untracked(Vec::len);
        let row = (0..n).map(|_| RwSignal::new(String::new())).collect();
        self.cells.update(|rows| rows.push((key, row)));
    }

    pub fn remove_row(&self, key: u32) {
        self.cells.update(|rows| rows.retain(|(k, _)| *k != key));
    }

    pub fn row(&self, key: u32) -> Vec<RwSignal<String>> {
        self.cells.with(|rows| {
            (rows.iter().find(|(k, _)| *k == key)).map_or_else(Vec::new, |(_, r)| r.clone())
        })
    }

    /// Adds a break column (empty cells) in its place; false if it exists.
    pub fn add_break(&self, q: Qty) -> bool {
        let at = match self.breaks.get_untracked().binary_search(&q) {
            Ok(_) => return false,
            Err(at) => at,
        };
        self.breaks.update(|b| b.insert(at, q));
        self.cells.update(|rows| {
            rows.iter_mut()
                .for_each(|(_, r)| r.insert(at, RwSignal::new(String::new())))
        });
        true
    }

    pub fn remove_break(&self, j: usize) {
        self.breaks.update(|b| {
            b.remove(j);
        });
        self.cells.update(|rows| {
            rows.iter_mut().for_each(|(_, r)| {
                r.remove(j);
            })
        });
    }

    /// `c` with the grid's rates, its zones in the order of `zones`; the
    /// first cell that does not read.
    pub fn apply(&self, mut c: Channel, zones: &ZonesDraft) -> Result<Channel, AppError> {
        let breaks = self.breaks.get_untracked();
        for (i, (zone, key)) in c.zones.iter_mut().zip(zones.keys()).enumerate() {
            let mut rates = vec![];
            let row = self.row_untracked(key);
            for (j, (from, cell)) in breaks.iter().zip(&row).enumerate() {
                let text = cell.get_untracked();
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                let field = format!("zones[{i}].rates[{j}].fen");
                let v: f64 = text
                    .parse()
                    .map_err(|_| AppError::validation(&field, ErrorKey::CargoNotANumber))?;
                let fen = fen_of_yuan(v)
                    .map_err(|_| AppError::validation(&field, ErrorKey::ChannelAmountInvalid))?;
                rates.push(Rate { from: *from, fen });
            }
            zone.rates = rates;
        }
        Ok(c)
    }

    fn row_untracked(&self, key: u32) -> Vec<RwSignal<String>> {
        self.cells.with_untracked(|rows| {
            (rows.iter().find(|(k, _)| *k == key)).map_or_else(Vec::new, |(_, r)| r.clone())
        })
    }
}
