//! Channels' services on a real database (SQLite, or PostgreSQL with
//! `SHIPDESK_TEST_PG`): the price table's export and import, saved as a new
//! version only when confirmed, and the version check.

use rust_xlsxwriter::Workbook;

use super::quote::fixtures::base;
use super::service::{export_table, get_channel, load_channels, read_table, save_channel};
use super::sheet::{apply, CellProblem, CODE_HEADER, NAME_HEADER};
use super::{Channel, ChannelForSave};
use crate::db::new_id;
use crate::error::AppError;
use crate::testing::{staff, test_state};
use crate::ErrorKey;

async fn stored(state: &crate::state::AppState) -> Channel {
    let mut ch = base();
    ch.id = new_id();
    load_channels(state, std::slice::from_ref(&ch))
        .await
        .unwrap();
    ch
}

/// A sheet with breaks 0 and 21 kg: US-W at `west` yuan, US-E at 15 / 14.
fn sheet_file(west: &[&str]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in [CODE_HEADER, NAME_HEADER, "0+", "21+"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "US-W").unwrap();
    for (c, v) in west.iter().enumerate() {
        ws.write_string(1, c as u16 + 2, *v).unwrap();
    }
    ws.write_string(2, 0, "US-E").unwrap();
    ws.write_number(2, 2, 15).unwrap();
    ws.write_number(2, 3, 14).unwrap();
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn an_imported_table_is_saved_as_the_next_version_once_confirmed() {
    let state = test_state().await;
    let ops = staff(&state, "ops1", &["ops"]).await;
    let ch = stored(&state).await;
    let imp = read_table(&state, &ops, ch.id, &sheet_file(&["13.5", "12"]))
        .await
        .unwrap();
    assert_eq!(imp.errors, vec![]);
    let untouched = get_channel(&state, &ops, ch.id).await.unwrap();
    assert_eq!(untouched.channel.table_version, 3, "reading saves nothing");

    let next = apply(&untouched.channel, &imp.sheet.unwrap());
    let saved = save_channel(&state, &ops, &ChannelForSave { channel: next })
        .await
        .unwrap();
    assert_eq!(saved.table_version, 4);
    let d = get_channel(&state, &ops, ch.id).await.unwrap();
    assert_eq!(d.channel.zones[0].rates.len(), 2);
    assert_eq!(d.channel.zones[0].rates[0].fen, 1350);
    assert_eq!(d.channel.zones[1].rates[1].fen, 1400);
    assert_eq!(d.versions[0].version, 4);
    assert_eq!(d.versions[0].changed_by, "ops1 name");
}

#[tokio::test]
async fn a_file_with_a_bad_row_gives_its_cells_and_changes_nothing() {
    let state = test_state().await;
    let ops = staff(&state, "ops1", &["ops"]).await;
    let ch = stored(&state).await;
    let imp = read_table(&state, &ops, ch.id, &sheet_file(&["13.5", "x"]))
        .await
        .unwrap();
    assert!(imp.sheet.is_none());
    let at: Vec<_> = imp
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.problem))
        .collect();
    assert_eq!(at, vec![(2, "D", CellProblem::NotANumber)]);
    let after = get_channel(&state, &ops, ch.id).await.unwrap().channel;
    assert_eq!(after, ch);
    let e = read_table(&state, &ops, ch.id, b"name,rate\n")
        .await
        .unwrap_err();
    assert_eq!(e.key(), ErrorKey::TableFileInvalid);
}

#[tokio::test]
async fn sales_export_a_table_but_only_editors_import_one() {
    let state = test_state().await;
    let sales = staff(&state, "sales1", &["sales"]).await;
    let ch = stored(&state).await;
    let file = export_table(&state, &sales, ch.id).await.unwrap();
    assert_eq!(file.name, "价格表-美森快船-v3.xlsx");
    let back = read_table(&state, &sales, ch.id, &file.bytes).await;
    assert!(matches!(back, Err(AppError::Forbidden)));
    let provider = staff(&state, "provider1", &["provider"]).await;
    let e = export_table(&state, &provider, ch.id).await;
    assert!(matches!(e, Err(AppError::Forbidden)));
}

#[tokio::test]
async fn a_save_over_a_newer_version_is_a_conflict_on_table_version() {
    let state = test_state().await;
    let ops = staff(&state, "ops1", &["ops"]).await;
    let ch = stored(&state).await;
    let mut first = ch.clone();
    first.zones[0].rates[0].fen = 1390;
    save_channel(&state, &ops, &ChannelForSave { channel: first })
        .await
        .unwrap();
    let e = save_channel(&state, &ops, &ChannelForSave { channel: ch })
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("table_version"));
    assert_eq!(e.key(), ErrorKey::ChannelChanged);
    assert_eq!(e.status(), 409);
}
