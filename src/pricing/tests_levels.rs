//! A company's price level as its page shows it, on a real database
//! (SQLite, or PostgreSQL with `SHIPDESK_TEST_PG`): the default it follows,
//! then one of its own, then the default again; read only by staff who may
//! see the company.

use super::service::{get_company_price_level, save_price_level, set_company_price_level};
use super::PriceLevelForSave;
use crate::error::AppError;
use crate::testing::{company, staff, test_state};

#[tokio::test]
async fn a_company_follows_the_default_until_it_gets_a_level_and_only_its_staff_read_it() {
    let state = test_state().await;
    let admin = staff(&state, "root", &["admin"]).await;
    let sales = staff(&state, "sales", &["sales"]).await;
    let other_sales = staff(&state, "sales_b", &["sales"]).await;
    let c = company(&state, &admin, "深圳星辰", Some(&sales)).await;
    let none = get_company_price_level(&state, &admin, c.id).await.unwrap();
    let level = |name: &str, bp: i32, is_default: bool| PriceLevelForSave {
        name: name.into(),
        default_bp: bp,
        is_default,
        ..Default::default()
    };
    let standard = save_price_level(&state, &admin, &level("标准", 800, true))
        .await
        .unwrap();
    let vip = save_price_level(&state, &admin, &level("VIP", -300, false))
        .await
        .unwrap();

    let before = get_company_price_level(&state, &sales, c.id).await.unwrap();
    set_company_price_level(&state, &admin, c.id, Some(vip.id))
        .await
        .unwrap();
    let given = get_company_price_level(&state, &sales, c.id).await.unwrap();
    set_company_price_level(&state, &admin, c.id, None)
        .await
        .unwrap();
    let again = get_company_price_level(&state, &admin, c.id).await.unwrap();
    let by_other = get_company_price_level(&state, &other_sales, c.id).await;

    assert_eq!((none.level, none.by_default), (None, true), "table prices");
    assert_eq!(before.level.map(|l| l.id), Some(standard.id));
    assert!(before.by_default);
    assert_eq!(given.level.as_ref().map(|l| l.name.as_str()), Some("VIP"));
    assert!(!given.by_default);
    assert_eq!(again.level.map(|l| l.id), Some(standard.id));
    assert!(again.by_default);
    assert_eq!(by_other.unwrap_err(), AppError::not_found("company"));
}
