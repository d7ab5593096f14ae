//! An uploaded spreadsheet's first sheet, read with calamine (`.xlsx`,
//! `.xls`, `.ods`), for every import (a channel's price table, transfer
//! numbers): what a file that is no spreadsheet, or too big, answers is
//! said here once, as a validation error on `file`.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Range, Reader};

use crate::error::{AppError, AppResult};
use crate::ErrorKey;

/// The first sheet of `bytes`, at most `max_bytes` long.
pub fn first_sheet(bytes: &[u8], max_bytes: usize) -> AppResult<Range<Data>> {
    let bad = || AppError::validation("file", ErrorKey::TableFileInvalid);
    if bytes.len() > max_bytes {
        return Err(too_large());
    }
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| bad())?;
    book.worksheet_range_at(0)
        .ok_or_else(bad)?
        .map_err(|_| bad())
}

/// A file with more rows or columns than its import reads.
pub fn too_large() -> AppError {
    AppError::validation("file", ErrorKey::TableFileTooLarge)
}
