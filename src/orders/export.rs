//! Exporting a filtered order list (直客导出订单详情): the columns, a CSV
//! line per order (RFC 4180 quoting), and behind `ssr` an XLSX sheet written
//! in rust_xlsxwriter's constant-memory mode, so a long list costs the
//! same memory as a short one while rows are written.

use super::model::OrderSummary;
use crate::auth::Lang;
use crate::types::Money;

/// The columns, in both languages.
pub const COLUMNS: [(&str, &str); 11] = [
    ("预订单号", "Booking number"),
    ("订单号", "Order number"),
    ("客户", "Customer"),
    ("渠道", "Channel"),
    ("运输方式", "Mode"),
    ("国家", "Country"),
    ("目的地", "Destination"),
    ("状态", "Status"),
    ("金额（元）", "Total (CNY)"),
    ("实测金额（元）", "Measured total (CNY)"),
    ("下单时间", "Booked at"),
];

/// The header cells in `lang`.
pub fn header(lang: Lang) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .map(|(zh, en)| if lang == Lang::Zh { *zh } else { *en })
        .collect()
}

fn yuan(fen: i64) -> String {
    Money::from_fen(fen)
        .format_yuan()
        .trim_start_matches('¥')
        .to_owned()
}

/// One order's cells in `lang`, as text.
pub fn cells(o: &OrderSummary, lang: Lang) -> [String; 11] {
    [
        o.number.clone(),
        o.order_number.clone().unwrap_or_default(),
        o.company_name.clone(),
        o.channel_name.clone(),
        o.mode.label(lang).to_owned(),
        o.country.clone(),
        o.destination.clone(),
        o.status.label(lang).to_owned(),
        yuan(o.total_fen),
        o.actual_total_fen.map(yuan).unwrap_or_default(),
        o.created_at.format_shanghai(),
    ]
}

/// A CSV line (CRLF-terminated), each cell quoted when it holds a comma,
/// a quote or a line break; a cell starting with `=`, `+`, `-` or `@` gets
/// a leading `'` so spreadsheets do not run it as a formula.
pub fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut c = c.as_ref().to_owned();
        if c.starts_with(['=', '+', '-', '@']) {
            c.insert(0, '\'');
        }
        if c.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&c);
        }
    }
    out.push_str("\r\n");
    out
}

/// An XLSX export being written: the header, then rows as they come.
#[cfg(feature = "ssr")]
pub struct XlsxExport {
    book: rust_xlsxwriter::Workbook,
    row: u32,
    lang: Lang,
}

#[cfg(feature = "ssr")]
fn sheet_error(e: rust_xlsxwriter::XlsxError) -> crate::error::AppError {
    tracing::error!(error = %e, "an order export's sheet failed");
    crate::error::AppError::Internal
}

#[cfg(feature = "ssr")]
impl XlsxExport {
    pub fn new(lang: Lang) -> crate::error::AppResult<Self> {
        Self::start(lang).map_err(sheet_error)
    }

    fn start(lang: Lang) -> Result<Self, rust_xlsxwriter::XlsxError> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet_with_constant_memory()?;
        for (col, h) in header(lang).into_iter().enumerate() {
            sheet.write_string(0, col as u16, h)?;
        }
        Ok(XlsxExport { book, row: 1, lang })
    }

    pub fn push(&mut self, orders: &[OrderSummary]) -> crate::error::AppResult<()> {
        self.write(orders).map_err(sheet_error)
    }

    fn write(&mut self, orders: &[OrderSummary]) -> Result<(), rust_xlsxwriter::XlsxError> {
        let sheet = self.book.worksheet_from_index(0)?;
        for o in orders {
            for (col, cell) in cells(o, self.lang).iter().enumerate() {
                sheet.write_string(self.row, col as u16, cell)?;
            }
            self.row += 1;
        }
        Ok(())
    }

    /// The finished file.
    pub fn finish(mut self) -> crate::error::AppResult<Vec<u8>> {
        self.book.save_to_buffer().map_err(sheet_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(
            csv_line(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(csv_line(&["=SUM(A1)", "-3"]), "'=SUM(A1),'-3\r\n");
    }

    #[test]
    fn the_header_has_a_name_for_every_cell() {
        assert_eq!(header(Lang::Zh).len(), COLUMNS.len());
        assert_eq!(header(Lang::En)[0], "Booking number");
    }
}
