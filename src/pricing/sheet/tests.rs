use super::*;
use crate::pricing::quote::fixtures::base;

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn num(v: f64) -> Cell {
    Cell::Number(v)
}

/// The cells of a sheet as a spreadsheet would hold them.
fn cells_of(sheet: &PriceSheet) -> Vec<Vec<Cell>> {
    let mut header = vec![text(CODE_HEADER), text(NAME_HEADER)];
    header.extend(sheet.breaks.iter().map(|b| text(&break_header(*b))));
    let mut out = vec![header];
    for r in &sheet.rows {
        let mut row = vec![text(&r.code), text(&r.name)];
        row.extend(
            r.fen
                .iter()
                .map(|f| f.map_or(Cell::Empty, |f| num(f as f64 / 100.0))),
        );
        out.push(row);
    }
    out
}

fn problems(imp: &TableImport) -> Vec<(u32, &str, &str, CellProblem)> {
    imp.errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.field.as_str(), e.problem))
        .collect()
}

#[test]
fn a_channels_table_has_a_column_per_break_and_a_row_per_zone() {
    let sheet = PriceSheet::of(&base());
    let heads: Vec<_> = sheet.breaks.iter().map(|b| break_header(*b)).collect();
    assert_eq!(heads, ["0+", "21+", "45+", "100+", "300+", "500+", "1000+"]);
    assert_eq!(sheet.rows[0].code, "US-W");
    assert_eq!(sheet.rate("US-E", 1), Some(1400));
    assert_eq!(apply(&base(), &sheet), base());
}

#[test]
fn cells_written_from_a_table_read_back_to_the_same_table() {
    let sheet = PriceSheet::of(&base());
    let imp = read_cells(&base(), &cells_of(&sheet));
    assert_eq!(imp.errors, vec![]);
    assert_eq!(imp.sheet, Some(sheet));
}

#[test]
fn rates_and_breaks_are_read_from_text_cells_too() {
    let mut cells = cells_of(&PriceSheet::of(&base()));
    cells[0][3] = num(21.0);
    cells[1][2] = text(" ¥13.50 ");
    cells[2][0] = text("us-e");
    let imp = read_cells(&base(), &cells);
    let sheet = imp.sheet.expect("read");
    assert_eq!(sheet.rate("US-W", 0), Some(1350));
    assert_eq!(sheet.breaks[1], Qty::units(21));
    assert_eq!(sheet.rows[1].code, "US-E");
}

#[test]
fn every_bad_cell_is_named_by_its_row_and_column_and_nothing_is_read() {
    let cells = vec![
        vec![
            text(CODE_HEADER),
            text(NAME_HEADER),
            text("0+"),
            text("21+"),
            text("45+"),
            text("40+"),
        ],
        vec![
            text("US-W"),
            text("美西"),
            num(14.0),
            text("abc"),
            num(12.0),
            num(11.0),
        ],
        vec![
            text("US-X"),
            text("?"),
            num(1.0),
            num(1.0),
            num(1.0),
            num(1.0),
        ],
        vec![
            text("US-W"),
            text(""),
            num(1.0),
            num(1.0),
            num(1.0),
            num(1.0),
        ],
        vec![
            text("US-E"),
            text("美东"),
            num(-5.0),
            num(1.0),
            Cell::Empty,
            num(1.234),
        ],
        vec![Cell::Empty, Cell::Empty],
        vec![
            Cell::Empty,
            text("x"),
            num(1.0),
            num(2_000_000.0),
            num(1.0),
            num(1.0),
        ],
    ];
    let imp = read_cells(&base(), &cells);
    assert_eq!(imp.sheet, None);
    assert_eq!(
        problems(&imp),
        vec![
            (1, "F", "breaks[3]", CellProblem::NotAscending),
            (2, "D", "zones[0].rates[1].fen", CellProblem::NotANumber),
            (3, "A", "zones", CellProblem::UnknownZone),
            (4, "A", "zones[0].code", CellProblem::DuplicateZone),
            (5, "C", "zones[1].rates[0].fen", CellProblem::Negative),
            (5, "E", "zones[1].rates[2].fen", CellProblem::Empty),
            (5, "F", "zones[1].rates[3].fen", CellProblem::TooPrecise),
            (7, "A", "code", CellProblem::Empty),
            (7, "D", "rates[1].fen", CellProblem::TooLarge),
        ]
    );
}

#[test]
fn a_sheet_without_the_header_or_rows_says_so() {
    let imp = read_cells(&base(), &[vec![text("zone"), text("名称")]]);
    assert_eq!(
        problems(&imp),
        vec![
            (1, "A", "header", CellProblem::BadHeader),
            (1, "B", "header", CellProblem::BadHeader),
            (1, "C", "breaks", CellProblem::NoBreaks),
            (2, "A", "zones", CellProblem::NoRows),
        ]
    );
    assert!(read_cells(&base(), &[]).sheet.is_none());
}

#[test]
fn columns_are_named_as_spreadsheets_name_them() {
    let names: Vec<_> = [1, 4, 26, 27, 52, 53, 702, 703]
        .map(column_name)
        .into_iter()
        .collect();
    assert_eq!(names, ["A", "D", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
}

#[test]
fn yuan_become_fen_with_two_decimals_at_most() {
    assert_eq!(fen_of_yuan(12.5), Ok(1250));
    assert_eq!(fen_of_yuan(0.07), Ok(7));
    assert_eq!(fen_of_yuan(0.0), Ok(0));
    assert_eq!(fen_of_yuan(12.345), Err(CellProblem::TooPrecise));
    assert_eq!(fen_of_yuan(-0.01), Err(CellProblem::Negative));
    assert_eq!(fen_of_yuan(1_000_000.01), Err(CellProblem::TooLarge));
    assert_eq!(fen_of_yuan(f64::NAN), Err(CellProblem::NotANumber));
    assert_eq!(
        (yuan(1250), yuan(1205), yuan(1200)),
        ("12.5".into(), "12.05".into(), "12".into())
    );
}

#[cfg(feature = "ssr")]
mod files {
    use super::*;
    use crate::ErrorKey;
    use rust_xlsxwriter::Workbook;

    #[test]
    fn an_exported_file_imports_back_to_the_same_table() {
        let ch = base();
        let bytes = xlsx::write(&ch).unwrap();
        let imp = xlsx::read(&ch, &bytes).unwrap();
        assert_eq!(imp.errors, vec![]);
        let sheet = imp.sheet.unwrap();
        assert_eq!(sheet, PriceSheet::of(&ch));
        assert_eq!(apply(&ch, &sheet), ch);
    }

    #[test]
    fn a_file_with_bad_rows_gives_each_error_at_its_cell() {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        for (c, h) in [CODE_HEADER, NAME_HEADER, "0+", "21+"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "US-W").unwrap();
        ws.write_number(1, 2, 14).unwrap();
        ws.write_string(1, 3, "十三").unwrap();
        ws.write_string(2, 0, "US-E").unwrap();
        ws.write_number(2, 2, -1).unwrap();
        ws.write_number(2, 3, 13).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let imp = xlsx::read(&base(), &bytes).unwrap();
        assert_eq!(imp.sheet, None);
        assert_eq!(
            problems(&imp),
            vec![
                (2, "D", "zones[0].rates[1].fen", CellProblem::NotANumber),
                (3, "C", "zones[1].rates[0].fen", CellProblem::Negative),
            ]
        );
    }

    #[test]
    fn a_file_that_is_no_spreadsheet_is_refused_on_file() {
        let e = xlsx::read(&base(), b"PK\x03\x04 not really").unwrap_err();
        assert_eq!(
            (e.field(), e.key()),
            (Some("file"), ErrorKey::TableFileInvalid)
        );
        let e = xlsx::read(&base(), &vec![0u8; xlsx::MAX_BYTES + 1]).unwrap_err();
        assert_eq!(e.key(), ErrorKey::TableFileTooLarge);
    }
}
