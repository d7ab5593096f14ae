//! Transfer numbers (转单号): the last-mile numbers of an order's cartons,
//! uploaded in bulk by a provider, ops or an admin as a sheet
//! `订单号 | 箱号 | 承运商 | 转单号` (服务商/管理端/ofc 上传转单号模板: one engine
//! behind the three).
//!
//! This module is the pure half: the sheet's shape, reading its cells into
//! rows, and each row's own checks (the carton range, the number's shape,
//! the carrier given or detected from the number). The service adds what
//! needs the database (the order, its provider, its cartons, numbers on
//! other orders) and applies all rows or none.
//!
//! Invariants: a row with an empty number is skipped (a template lists the
//! orders to fill in); every other row is checked, and an error names its
//! row (from 1, as a spreadsheet shows it), its column and its field.

use serde::{Deserialize, Serialize};

use crate::tracking::{detect, Carrier, CheckedContext};
use crate::types::{Id, Timestamp};

/// The template's header, in its column order.
pub const HEADERS: [&str; 4] = ["订单号", "箱号", "承运商", "转单号"];
/// The most rows one upload may carry.
pub const MAX_ROWS: usize = 5000;

/// One row as given: read from a sheet, or sent by an API client.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TransferRowInput {
    /// The order number (`O…`) or booking number (`P…`).
    pub order_number: String,
    /// The cartons the number covers: `3`, or a range `1-5` (from 1).
    pub cartons: String,
    /// A carrier code (`ups`) or name (`UPS`); empty: detected from the
    /// number.
    #[serde(default)]
    pub carrier: Option<String>,
    pub number: String,
}

/// A row that passed every check, ready to apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TransferRow {
    /// The sheet's row (from 1; the header is row 1), or the input's index
    /// + 1 for an API client.
    pub row: u32,
    pub order_id: Id,
    pub order_number: String,
    pub carton_from: u32,
    pub carton_to: u32,
    /// A carrier code.
    pub carrier: Carrier,
    pub number: String,
}

/// What is wrong with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransferProblem {
    /// The header row is not `订单号 | 箱号 | 承运商 | 转单号`.
    BadHeader,
    /// No row has a number.
    NoRows,
    /// More than [`MAX_ROWS`] rows.
    TooManyRows,
    /// No order has this number.
    UnknownOrder,
    /// The order is not assigned to the provider uploading.
    NotAssigned,
    /// The order is not confirmed yet, or was cancelled or rejected.
    OrderNotOpen,
    /// The cartons are not `3` or `1-5`.
    CartonsInvalid,
    /// The cartons go past the order's carton count.
    CartonsOutOfRange,
    /// Two rows of one order cover the same carton.
    CartonsOverlap,
    /// The number is not 6–40 letters and digits.
    NumberInvalid,
    /// The same number twice in the upload.
    NumberDuplicate,
    /// The number is on another order.
    NumberTaken,
    /// The carrier given is unknown, or none can be told from the number.
    CarrierUnknown,
}

/// An error at a row: `row` from 1 as a spreadsheet shows it, `column`
/// its letter (`A`…`D`, empty for the whole row), `field` the input it
/// would have set (`rows[2].number`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TransferError {
    pub row: u32,
    pub column: String,
    pub field: String,
    pub problem: TransferProblem,
}

/// What a preview read: every row when all are right, else every error.
/// Nothing is saved by a preview; [`TransferPreview::rows`] go to apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TransferPreview {
    /// The rows with a number, as given (to apply after the preview).
    pub input: Vec<TransferRowInput>,
    /// The rows checked: empty when there is any error.
    pub rows: Vec<TransferRow>,
    pub errors: Vec<TransferError>,
    /// How many orders the rows name.
    pub orders: u32,
}

/// What an apply did: the orders whose transfer numbers it replaced and
/// how many numbers they now have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TransferApplied {
    pub orders: u32,
    pub numbers: u32,
}

/// A transfer number of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Transfer {
    pub id: Id,
    pub carton_from: u32,
    pub carton_to: u32,
    pub carrier: Carrier,
    pub number: String,
    pub uploaded_by: String,
    pub created_at: Timestamp,
    /// The carrier's last reported state (none before any event).
    #[serde(default)]
    pub track_status: Option<crate::tracking::TrackStatus>,
    /// When that state's newest event happened.
    #[serde(default)]
    pub track_at: Option<Timestamp>,
}

/// A transfer number with its carrier's events, newest first (`live`:
/// a tracking provider is configured, so they were asked for).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TransferTrack {
    pub transfer: Transfer,
    pub events: Vec<crate::tracking::TrackEvent>,
    pub live: bool,
}

/// A provider an order may be assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProviderRef {
    pub id: Id,
    pub name: String,
}

/// The column of each input field.
pub const COLUMNS: [(&str, &str); 4] = [
    ("order_number", "A"),
    ("cartons", "B"),
    ("carrier", "C"),
    ("number", "D"),
];

impl TransferError {
    /// An error of input `i` (0-based) at `field` (one of [`COLUMNS`]).
    pub fn at(i: usize, field: &str, problem: TransferProblem) -> TransferError {
        let column = COLUMNS
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, c)| c);
        TransferError {
            row: row_of(i),
            column: column.to_owned(),
            field: format!("rows[{i}].{field}"),
            problem,
        }
    }

    /// An error of the whole upload (its header, its size): row 1.
    pub fn whole(problem: TransferProblem) -> TransferError {
        TransferError {
            row: 1,
            column: String::new(),
            field: "rows".to_owned(),
            problem,
        }
    }
}

/// The sheet row of input `i`: the header is row 1.
pub fn row_of(i: usize) -> u32 {
    i as u32 + 2
}

/// Reads a sheet's cells (as text, row by row, the header first) into the
/// rows with a number; a wrong header is the only error here.
pub fn read_cells(cells: &[Vec<String>]) -> Result<Vec<TransferRowInput>, TransferError> {
    let Some(head) = cells.first() else {
        return Err(TransferError::whole(TransferProblem::NoRows));
    };
    let cell = |r: &[String], i: usize| r.get(i).map_or("", |s| s.trim()).to_owned();
    if (0..HEADERS.len()).any(|i| cell(head, i) != HEADERS[i]) {
        return Err(TransferError::whole(TransferProblem::BadHeader));
    }
    let rows: Vec<TransferRowInput> = cells[1..]
        .iter()
        .map(|r| TransferRowInput {
            order_number: cell(r, 0),
            cartons: cell(r, 1),
            carrier: Some(cell(r, 2)).filter(|s| !s.is_empty()),
            number: cell(r, 3),
        })
        .collect();
    Ok(rows)
}

/// The rows to check: those with a number (a template's rows left empty
/// are skipped), with their index in the input.
pub fn with_numbers(rows: &[TransferRowInput]) -> Vec<(usize, &TransferRowInput)> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| !r.number.trim().is_empty())
        .collect()
}

/// `3` → (3, 3), `1-5` → (1, 5); also `1~5`, `1至5`, `1－5`; from 1, the
/// range ascending, at most 9999.
pub fn parse_cartons(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    let num = |t: &str| -> Option<u32> {
        let t = t.trim();
        if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok().filter(|n| *n >= 1)
    };
    let parts: Vec<&str> = s.split(['-', '~', '至', '－', '～', '—']).collect();
    match parts.as_slice() {
        [one] => num(one).map(|n| (n, n)),
        [a, b] => {
            let (a, b) = (num(a)?, num(b)?);
            (a <= b).then_some((a, b))
        }
        _ => None,
    }
}

/// The carrier a row names, by code (`ups`) or by name (`UPS`,
/// `Amazon Logistics`), case and spaces ignored.
pub fn parse_carrier(s: &str) -> Option<Carrier> {
    let key: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if key.is_empty() {
        return None;
    }
    Carrier::ALL.into_iter().find(|c| {
        c.as_str() == key
            || c.name()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase()
                == key
    })
}

/// A row's carrier: the one given, else the best detected from the number,
/// ranked for `country` (where the last mile runs).
pub fn carrier_of(row: &TransferRowInput, number: &str, country: &str) -> Option<Carrier> {
    match row
        .carrier
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(given) => parse_carrier(given),
        None => {
            let ctx = CheckedContext {
                origin: Some(country.to_ascii_uppercase()),
                usual: vec![],
            };
            detect(number, &ctx).into_iter().next().map(|c| c.carrier)
        }
    }
}

/// Errors of carton ranges that overlap within one order: each later row
/// that covers a carton an earlier row covers.
pub fn overlaps(ranges: &[(usize, u32, u32)]) -> Vec<usize> {
    let mut sorted: Vec<&(usize, u32, u32)> = ranges.iter().collect();
    sorted.sort_by_key(|(i, from, _)| (*from, *i));
    let mut bad = Vec::new();
    let mut reach = 0u32;
    for (i, from, to) in sorted {
        if *from <= reach {
            bad.push(*i);
        }
        reach = reach.max(*to);
    }
    bad.sort();
    bad
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn carton_ranges_read_as_people_write_them() {
        assert_eq!(parse_cartons("3"), Some((3, 3)));
        assert_eq!(parse_cartons(" 1-5 "), Some((1, 5)));
        assert_eq!(parse_cartons("1~5"), Some((1, 5)));
        assert_eq!(parse_cartons("2至4"), Some((2, 4)));
        assert_eq!(parse_cartons("2－4"), Some((2, 4)));
        assert_eq!(parse_cartons("0"), None);
        assert_eq!(parse_cartons("5-1"), None);
        assert_eq!(parse_cartons("1-"), None);
        assert_eq!(parse_cartons("a"), None);
        assert_eq!(parse_cartons("1-2-3"), None);
        assert_eq!(parse_cartons("10000"), None);
        assert_eq!(parse_cartons(""), None);
    }

    #[test]
    fn carriers_are_named_by_code_or_by_name() {
        assert_eq!(parse_carrier("ups"), Some(Carrier::Ups));
        assert_eq!(parse_carrier(" UPS "), Some(Carrier::Ups));
        assert_eq!(parse_carrier("FedEx"), Some(Carrier::Fedex));
        assert_eq!(parse_carrier("Amazon Logistics"), Some(Carrier::Amazon));
        assert_eq!(parse_carrier("amazon"), Some(Carrier::Amazon));
        assert_eq!(parse_carrier("顺丰速运"), Some(Carrier::Sf));
        assert_eq!(parse_carrier("pigeon"), None);
        assert_eq!(parse_carrier(""), None);
    }

    #[test]
    fn a_missing_carrier_is_detected_for_the_destination() {
        let row = TransferRowInput {
            number: "1Z999AA10123456784".into(),
            ..Default::default()
        };
        assert_eq!(
            carrier_of(&row, "1Z999AA10123456784", "US"),
            Some(Carrier::Ups)
        );
        let row = TransferRowInput {
            number: "TBA123456789012".into(),
            ..Default::default()
        };
        assert_eq!(
            carrier_of(&row, "TBA123456789012", "US"),
            Some(Carrier::Amazon)
        );
        let bad = TransferRowInput {
            carrier: Some("pigeon".into()),
            ..row
        };
        assert_eq!(carrier_of(&bad, "TBA123456789012", "US"), None);
    }

    #[test]
    fn the_header_must_be_the_templates_and_empty_numbers_are_skipped() {
        let cells = vec![
            s(&["订单号", "箱号", "承运商", "转单号"]),
            s(&["O20261202-0001", "1-2", "", "1Z999AA10123456784"]),
            s(&["O20261202-0002", "1-3", "", ""]),
            s(&["O20261202-0001", "3", "UPS", " TBA123456789012 "]),
        ];
        let rows = read_cells(&cells).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].carrier, None);
        assert_eq!(rows[2].carrier.as_deref(), Some("UPS"));
        let kept = with_numbers(&rows);
        assert_eq!(kept.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(row_of(kept[1].0), 4);
        let wrong = vec![s(&["订单", "箱号", "承运商", "转单号"])];
        assert_eq!(
            read_cells(&wrong).unwrap_err().problem,
            TransferProblem::BadHeader
        );
        assert_eq!(
            read_cells(&[]).unwrap_err().problem,
            TransferProblem::NoRows
        );
    }

    #[test]
    fn overlapping_ranges_name_the_later_rows() {
        assert!(overlaps(&[(0, 1, 2), (1, 3, 5), (2, 6, 6)]).is_empty());
        assert_eq!(overlaps(&[(0, 1, 3), (1, 3, 5)]), vec![1]);
        assert_eq!(overlaps(&[(0, 4, 6), (1, 1, 10), (2, 2, 2)]), vec![0, 2]);
        assert_eq!(overlaps(&[(0, 2, 2), (1, 2, 2)]), vec![1]);
    }

    #[test]
    fn errors_name_their_row_column_and_field() {
        let e = TransferError::at(3, "number", TransferProblem::NumberTaken);
        assert_eq!(
            (e.row, e.column.as_str(), e.field.as_str()),
            (5, "D", "rows[3].number")
        );
        let e = TransferError::at(0, "order_number", TransferProblem::UnknownOrder);
        assert_eq!((e.row, e.column.as_str()), (2, "A"));
    }
}
