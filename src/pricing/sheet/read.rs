//! Cells to a [`PriceSheet`]: every cell checked, every error kept.

use super::{
    column_name, fen_of_yuan, Cell, CellError, CellProblem, PriceSheet, SheetRow, TableImport,
    CODE_HEADER, NAME_HEADER,
};
use crate::pricing::{Channel, Qty};

/// Errors found so far, each at a cell given from 0 (`r`, `c`).
struct Errors(Vec<CellError>);

impl Errors {
    fn at(&mut self, r: usize, c: usize, field: impl Into<String>, problem: CellProblem) {
        self.0.push(CellError {
            row: r as u32 + 1,
            column: column_name(c as u32 + 1),
            field: field.into(),
            problem,
        });
    }
}

fn cell(cells: &[Vec<Cell>], r: usize, c: usize) -> &Cell {
    cells
        .get(r)
        .and_then(|row| row.get(c))
        .unwrap_or(&Cell::Empty)
}

fn is_blank(c: &Cell) -> bool {
    match c {
        Cell::Empty => true,
        Cell::Text(s) => s.trim().is_empty(),
        Cell::Number(_) => false,
    }
}

/// A number in a cell, with any of `suffixes` (units, `+`, `¥`) around it.
fn number(c: &Cell, strip: &[&str]) -> Result<f64, CellProblem> {
    match c {
        Cell::Empty => Err(CellProblem::Empty),
        Cell::Number(v) => Ok(*v),
        Cell::Text(s) => {
            let mut t = s.trim();
            if t.is_empty() {
                return Err(CellProblem::Empty);
            }
            for p in strip {
                t = t.trim_start_matches(p).trim_end_matches(p).trim();
            }
            t.replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or(CellProblem::NotANumber)
        }
    }
}

fn header_is(c: &Cell, zh: &str, en: &str) -> bool {
    matches!(c, Cell::Text(s) if s.trim() == zh || s.trim().eq_ignore_ascii_case(en))
}

/// The breaks of the header row, from column C to its last filled cell.
fn breaks(cells: &[Vec<Cell>], errs: &mut Errors) -> Vec<Qty> {
    let header = cells.first().map(Vec::as_slice).unwrap_or(&[]);
    let Some(last) = header
        .iter()
        .rposition(|c| !is_blank(c))
        .filter(|&l| l >= 2)
    else {
        errs.at(0, 2, "breaks", CellProblem::NoBreaks);
        return vec![];
    };
    let mut out = Vec::new();
    let mut prev: Option<Qty> = None;
    for (c, head) in header.iter().enumerate().take(last + 1).skip(2) {
        let field = format!("breaks[{}]", c - 2);
        let q = match number(head, &["+", "kg", "KG", "cbm", "CBM", "公斤", "方"]) {
            Ok(v) if v < 0.0 => Err(CellProblem::Negative),
            Ok(v) => Ok(Qty((v * 1000.0).round() as i64)),
            Err(p) => Err(p),
        };
        match q {
            Ok(q) if prev.is_some_and(|p| q <= p) => {
                errs.at(0, c, field, CellProblem::NotAscending)
            }
            Ok(q) => prev = Some(q),
            Err(p) => errs.at(0, c, field, p),
        }
        out.push(q.unwrap_or_default());
    }
    out
}

/// Reads `cells` (rows of cells from A1) as `ch`'s price table. Every cell
/// is checked: the header, every break, every zone code (known to `ch`,
/// once) and every rate (a number of yuan, two decimals at most, from 0 to
/// ¥1,000,000). With any error there is no sheet, only the errors.
pub fn read_cells(ch: &Channel, cells: &[Vec<Cell>]) -> TableImport {
    let mut errs = Errors(Vec::new());
    if !header_is(cell(cells, 0, 0), CODE_HEADER, "zone code") {
        errs.at(0, 0, "header", CellProblem::BadHeader);
    }
    if !header_is(cell(cells, 0, 1), NAME_HEADER, "zone name") {
        errs.at(0, 1, "header", CellProblem::BadHeader);
    }
    let breaks = breaks(cells, &mut errs);
    let mut rows: Vec<(usize, SheetRow)> = Vec::new();
    let mut seen = Vec::new();
    for (r, row) in cells.iter().enumerate().skip(1) {
        if row.iter().all(is_blank) {
            continue;
        }
        if let Some(row) = read_row(ch, cells, r, breaks.len(), &mut seen, &mut errs) {
            rows.push(row);
        }
    }
    if seen.is_empty() && !errs.0.iter().any(|e| e.row > 1) {
        errs.at(1, 0, "zones", CellProblem::NoRows);
    }
    if !errs.0.is_empty() {
        return TableImport {
            sheet: None,
            errors: errs.0,
        };
    }
    rows.sort_by_key(|(i, _)| *i);
    TableImport {
        sheet: Some(PriceSheet {
            unit: ch.basis.unit(),
            breaks,
            rows: rows.into_iter().map(|(_, r)| r).collect(),
        }),
        errors: vec![],
    }
}

/// Row `r`: its zone (the index in `ch` and the row) when the code is
/// known and new; every rate cell is checked either way.
fn read_row(
    ch: &Channel,
    cells: &[Vec<Cell>],
    r: usize,
    n_breaks: usize,
    seen: &mut Vec<usize>,
    errs: &mut Errors,
) -> Option<(usize, SheetRow)> {
    let code = match cell(cells, r, 0) {
        Cell::Text(s) => s.trim().to_owned(),
        Cell::Number(v) => v.to_string(),
        Cell::Empty => String::new(),
    };
    let zone = ch
        .zones
        .iter()
        .position(|z| z.code.eq_ignore_ascii_case(&code));
    let prefix = zone.map_or_else(String::new, |i| format!("zones[{i}]."));
    let mut ok = false;
    match zone {
        _ if code.is_empty() => errs.at(r, 0, format!("{prefix}code"), CellProblem::Empty),
        None => errs.at(r, 0, "zones", CellProblem::UnknownZone),
        Some(i) if seen.contains(&i) => {
            errs.at(r, 0, format!("{prefix}code"), CellProblem::DuplicateZone)
        }
        Some(i) => {
            seen.push(i);
            ok = true;
        }
    }
    let mut fen = Vec::with_capacity(n_breaks);
    for j in 0..n_breaks {
        let got = number(cell(cells, r, j + 2), &["¥", "￥", "元"]).and_then(fen_of_yuan);
        match got {
            Ok(f) => fen.push(Some(f)),
            Err(p) => {
                ok = false;
                errs.at(r, j + 2, format!("{prefix}rates[{j}].fen"), p);
            }
        }
    }
    let i = zone?;
    ok.then(|| {
        let z = &ch.zones[i];
        let row = SheetRow {
            code: z.code.clone(),
            name: z.name.clone(),
            fen,
        };
        (i, row)
    })
}
