//! A [`PriceSheet`] as `.xlsx` bytes and back: written with
//! rust_xlsxwriter, read with calamine (also `.xls` and `.ods`), the cells
//! then checked by [`read_cells`]. Only the first sheet is read.

use calamine::Data;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{break_header, read_cells, Cell, PriceSheet, TableImport, CODE_HEADER, NAME_HEADER};
use crate::error::{AppError, AppResult};
use crate::pricing::Channel;

/// The largest file read: a price table, not a workbook of everything.
pub const MAX_BYTES: usize = 1024 * 1024;
/// The most rows and columns read.
pub const MAX_ROWS: u32 = 5000;
pub const MAX_COLUMNS: u32 = 500;

/// `ch`'s price table as one sheet: the header row, then a row per zone
/// with its rates in yuan (two decimals shown; a zone without a break
/// leaves its cell empty).
pub fn write(ch: &Channel) -> AppResult<Vec<u8>> {
    write_sheet(&PriceSheet::of(ch)).map_err(|e| {
        tracing::error!(error = %e, "a price table did not write");
        AppError::Internal
    })
}

fn write_sheet(sheet: &PriceSheet) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("价格表")?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("0.00");
    ws.write_string_with_format(0, 0, CODE_HEADER, &bold)?;
    ws.write_string_with_format(0, 1, NAME_HEADER, &bold)?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 14)?;
    for (j, b) in sheet.breaks.iter().enumerate() {
        let col = j as u16 + 2;
        ws.write_string_with_format(0, col, break_header(*b), &bold)?;
        ws.set_column_width(col, 10)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &row.code)?;
        ws.write_string(r, 1, &row.name)?;
        for (j, fen) in row.fen.iter().enumerate() {
            if let Some(fen) = fen {
                ws.write_number_with_format(r, j as u16 + 2, *fen as f64 / 100.0, &money)?;
            }
        }
    }
    ws.set_freeze_panes(1, 2)?;
    book.save_to_buffer()
}

/// Reads the first sheet of `bytes` as `ch`'s table (see [`read_cells`]).
/// A file that is no spreadsheet, or too big, is a validation error on
/// `file`.
pub fn read(ch: &Channel, bytes: &[u8]) -> AppResult<TableImport> {
    let range = crate::spreadsheet::first_sheet(bytes, MAX_BYTES)?;
    let Some((end_r, end_c)) = range.end() else {
        return Ok(read_cells(ch, &[]));
    };
    if end_r >= MAX_ROWS || end_c >= MAX_COLUMNS {
        return Err(crate::spreadsheet::too_large());
    }
    let cells: Vec<Vec<Cell>> = (0..=end_r)
        .map(|r| {
            (0..=end_c)
                .map(|c| range.get_value((r, c)).map_or(Cell::Empty, cell))
                .collect()
        })
        .collect();
    Ok(read_cells(ch, &cells))
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(b.to_string()),
        other => Cell::Text(other.to_string()),
    }
}
