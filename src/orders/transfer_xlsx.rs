//! The transfer-number template as `.xlsx` bytes and an uploaded sheet
//! back to text cells: written with rust_xlsxwriter, read with calamine
//! (also `.xls` and `.ods`). Only the first sheet is read.

use calamine::Data;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::transfer::{HEADERS, MAX_ROWS};
use crate::error::{AppError, AppResult};

/// The largest upload read.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The template: the header, a row per `(order number, cartons)` given
/// (a provider's open orders, the range `1-N` filled in, the number left
/// to fill), every column as text, and a sheet that explains the columns.
pub fn template(rows: &[(String, u32)]) -> AppResult<Vec<u8>> {
    write(rows).map_err(|e| {
        tracing::error!(error = %e, "a transfer template did not write");
        AppError::Internal
    })
}

fn write(rows: &[(String, u32)]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let text = Format::new().set_num_format("@");
    let bold = Format::new().set_bold().set_num_format("@");
    let ws = book.add_worksheet();
    ws.set_name("转单号")?;
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
        ws.set_column_format(c as u16, &text)?;
        ws.set_column_width(c as u16, if c == 3 { 26 } else { 18 })?;
    }
    for (i, (number, cartons)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string_with_format(r, 0, number, &text)?;
        let range = if *cartons <= 1 {
            "1".to_owned()
        } else {
            format!("1-{cartons}")
        };
        ws.write_string_with_format(r, 1, &range, &text)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let help = book.add_worksheet();
    help.set_name("说明")?;
    let lines = [
        "订单号：O 开头的订单号（或 P 开头的预订单号）。",
        "箱号：这个转单号对应的箱子，如 3 或 1-5（从 1 开始）。",
        "承运商：ups、fedex、dhl、usps、amazon 等代码或名称；留空则按单号识别。",
        "转单号：尾程单号；留空的行会被跳过。",
        "上传后会替换表中每个订单原有的转单号；任何一行有误都不会保存。",
    ];
    for (i, l) in lines.iter().enumerate() {
        help.write_string(i as u32, 0, *l)?;
    }
    help.set_column_width(0, 70)?;
    book.save_to_buffer()
}

/// The first sheet of `bytes` as text cells, row by row. A file that is no
/// spreadsheet is a validation error on `file`; one too big on `file` too.
pub fn read(bytes: &[u8]) -> AppResult<Vec<Vec<String>>> {
    let range = crate::spreadsheet::first_sheet(bytes, MAX_BYTES)?;
    let Some((end_r, _)) = range.end() else {
        return Ok(vec![]);
    };
    if end_r as usize > MAX_ROWS + 1 {
        return Err(crate::spreadsheet::too_large());
    }
    Ok((0..=end_r)
        .map(|r| {
            (0..HEADERS.len() as u32)
                .map(|c| range.get_value((r, c)).map_or(String::new(), text))
                .collect()
        })
        .collect())
}

/// A cell as text: whole numbers without a fraction (a sheet that typed
/// `3` as a number).
fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_reads_back_as_its_rows() {
        let bytes =
            template(&[("O20261202-0001".into(), 5), ("O20261202-0002".into(), 1)]).unwrap();
        let cells = read(&bytes).unwrap();
        assert_eq!(cells[0], HEADERS.map(str::to_owned).to_vec());
        assert_eq!(cells[1], ["O20261202-0001", "1-5", "", ""]);
        assert_eq!(cells[2], ["O20261202-0002", "1", "", ""]);
        let rows = super::super::transfer::read_cells(&cells).unwrap();
        assert!(super::super::transfer::with_numbers(&rows).is_empty());
    }

    #[test]
    fn what_is_no_spreadsheet_is_refused_on_file() {
        let e = read(b"order,cartons\n").unwrap_err();
        assert_eq!(e.field(), Some("file"));
    }
}
