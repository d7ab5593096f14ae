//! A channel's price table as a spreadsheet shows it: a header row
//! `分区代码 | 分区名称 | 21+ | 45+ …` (one column per break, in the table's
//! unit), then one row per zone with its rates in yuan.
//!
//! [`PriceSheet`] is that table, pure and shared with the browser (the
//! import preview draws it). [`read_cells`] checks a grid of cells against a
//! channel and gives the sheet or every error, each at its row and column
//! as a person reads them (`第 3 行 D 列`); [`apply`] puts a sheet's rates
//! into a channel. Bytes to cells and back (`.xlsx`) are behind `ssr` in
//! [`xlsx`].
//!
//! Invariants: a sheet read from cells has breaks strictly ascending from
//! zero or more, every zone once and known to the channel, every rate
//! filled, from 0 to [`MAX_FEE_FEN`]. A file with any error gives no sheet,
//! so nothing of it is applied.

use serde::{Deserialize, Serialize};

use super::{Channel, Qty, Rate, Unit, MAX_FEE_FEN};

mod read;
#[cfg(test)]
mod tests;
#[cfg(feature = "ssr")]
pub mod xlsx;

pub use read::read_cells;

/// The header of the zone code column.
pub const CODE_HEADER: &str = "分区代码";
/// The header of the zone name column.
pub const NAME_HEADER: &str = "分区名称";

/// A channel's price table: breaks as columns, zones as rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PriceSheet {
    pub unit: Unit,
    /// Where each break starts, ascending.
    pub breaks: Vec<Qty>,
    pub rows: Vec<SheetRow>,
}

/// One zone's rates, one per break (`None`: the zone has no such break).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SheetRow {
    pub code: String,
    pub name: String,
    pub fen: Vec<Option<i64>>,
}

/// What is wrong with one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CellProblem {
    Empty,
    NotANumber,
    Negative,
    /// A rate over [`MAX_FEE_FEN`].
    TooLarge,
    /// A rate in yuan with more than two decimals.
    TooPrecise,
    UnknownZone,
    DuplicateZone,
    /// A break not above the one before it.
    NotAscending,
    /// The first two header cells are not `分区代码 | 分区名称`.
    BadHeader,
    /// The sheet has a header but no zone rows.
    NoRows,
    /// The header has no break columns.
    NoBreaks,
}

/// An error at a cell: `row` from 1 and `column` as a letter (`D`), as a
/// spreadsheet shows them, and the field of the table it would have set
/// (`zones[0].rates[2].fen`, `breaks[1]`, `zones[2].code`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CellError {
    pub row: u32,
    pub column: String,
    pub field: String,
    pub problem: CellProblem,
}

/// What an import read: the sheet when every cell is right, else every
/// error (and no sheet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TableImport {
    pub sheet: Option<PriceSheet>,
    pub errors: Vec<CellError>,
}

/// A cell as read from a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
}

/// `A` for column 1, `Z` for 26, `AA` for 27.
pub fn column_name(col: u32) -> String {
    let mut n = col;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A break's header: `21+` (`0.5+`).
pub fn break_header(from: Qty) -> String {
    format!("{}+", from.format())
}

impl PriceSheet {
    /// The channel's table: every break any zone has, and each zone's rate
    /// at it.
    pub fn of(ch: &Channel) -> PriceSheet {
        let mut breaks: Vec<Qty> = ch
            .zones
            .iter()
            .flat_map(|z| z.rates.iter().map(|r| r.from))
            .collect();
        breaks.sort();
        breaks.dedup();
        let rows = ch
            .zones
            .iter()
            .map(|z| SheetRow {
                code: z.code.clone(),
                name: z.name.clone(),
                fen: breaks
                    .iter()
                    .map(|b| z.rates.iter().find(|r| r.from == *b).map(|r| r.fen))
                    .collect(),
            })
            .collect();
        PriceSheet {
            unit: ch.basis.unit(),
            breaks,
            rows,
        }
    }

    /// The rate of zone `code` at break `i`, if it has one.
    pub fn rate(&self, code: &str, i: usize) -> Option<i64> {
        self.rows
            .iter()
            .find(|r| r.code == code)
            .and_then(|r| r.fen.get(i).copied().flatten())
    }
}

/// `ch` with the rates of every zone in `sheet` replaced by the sheet's
/// (zones the sheet leaves out keep theirs). The result still has to pass
/// [`Channel::check`] when saved.
pub fn apply(ch: &Channel, sheet: &PriceSheet) -> Channel {
    let mut out = ch.clone();
    for zone in &mut out.zones {
        if let Some(row) = sheet.rows.iter().find(|r| r.code == zone.code) {
            zone.rates = sheet
                .breaks
                .iter()
                .zip(&row.fen)
                .filter_map(|(&from, fen)| fen.map(|fen| Rate { from, fen }))
                .collect();
        }
    }
    out
}

/// Fen of a rate in yuan as a sheet holds it: at most two decimals, from
/// zero to [`MAX_FEE_FEN`].
pub fn fen_of_yuan(yuan: f64) -> Result<i64, CellProblem> {
    if !yuan.is_finite() {
        return Err(CellProblem::NotANumber);
    }
    if yuan < 0.0 {
        return Err(CellProblem::Negative);
    }
    let fen = (yuan * 100.0).round();
    if (yuan * 100.0 - fen).abs() > 1e-6 {
        return Err(CellProblem::TooPrecise);
    }
    if fen > MAX_FEE_FEN as f64 {
        return Err(CellProblem::TooLarge);
    }
    Ok(fen as i64)
}

/// `12.5` for 1250 fen: yuan without trailing zeros.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let (whole, cents) = (fen.abs() / 100, fen.abs() % 100);
    match cents {
        0 => format!("{sign}{whole}"),
        c if c % 10 == 0 => format!("{sign}{whole}.{}", c / 10),
        c => format!("{sign}{whole}.{c:02}"),
    }
}
