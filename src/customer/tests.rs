//! Service tests of customers: visibility by role and ownership, masking,
//! codes and members.

use super::*;
use crate::auth::Staff;
use crate::error::AppError;
use crate::testing::{self, test_state};
use crate::types::PageQuery;
use crate::ErrorKey;

#[tokio::test]
async fn a_salesperson_sees_and_edits_only_their_own_companies() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let s1 = testing::staff(&state, "sales_a", &["sales"]).await;
    let s2 = testing::staff(&state, "sales_b", &["sales"]).await;
    let mine = testing::company(&state, &admin, "一号公司", Some(&s1)).await;
    let theirs = testing::company(&state, &admin, "二号公司", Some(&s2)).await;
    let list =
        service::list_companies(&state, &s1, &CompanyFilter::default(), PageQuery::default())
            .await
            .unwrap();
    assert_eq!(
        list.items.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![mine.id]
    );
    assert_eq!(
        service::get_company(&state, &s1, theirs.id)
            .await
            .unwrap_err(),
        AppError::not_found("company")
    );
    let upd = CompanyForUpdate {
        name: "改名".into(),
        certification: "none".into(),
        ..Default::default()
    };
    assert!(service::update_company(&state, &s1, theirs.id, &upd)
        .await
        .is_err());
    assert!(service::update_company(&state, &s1, mine.id, &upd)
        .await
        .is_ok());
    let e = service::set_company_owner(&state, &s1, mine.id, Some(s2.id))
        .await
        .unwrap_err();
    assert_eq!(e, AppError::Forbidden);
}

#[tokio::test]
async fn phones_are_masked_for_staff_who_do_not_own_the_company() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let cs = testing::staff(&state, "cs_one", &["cs"]).await;
    let c = testing::company(&state, &admin, "三号公司", None).await;
    testing::member(&state, &admin, &c, "王五", "17012346528").await;
    let seen_by_cs = service::get_company(&state, &cs, c.id).await.unwrap();
    assert_eq!(seen_by_cs.members[0].phone, "170****6528");
    assert!(!seen_by_cs.can_edit);
    let seen_by_admin = service::get_company(&state, &admin, c.id).await.unwrap();
    assert_eq!(seen_by_admin.members[0].phone, "17012346528");
}

#[tokio::test]
async fn companies_are_found_by_name_code_or_member_phone() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let a = testing::company(&state, &admin, "深圳海通", None).await;
    let b = testing::company(&state, &admin, "义乌星辰", None).await;
    testing::member(&state, &admin, &b, "赵六", "13711112222").await;
    let find = |q: &str| CompanyFilter {
        q: Some(q.into()),
        certification: None,
    };
    let ids =
        |p: crate::types::Page<Company>| p.items.into_iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(
        ids(
            service::list_companies(&state, &admin, &find("海通"), PageQuery::default())
                .await
                .unwrap()
        ),
        vec![a.id]
    );
    assert_eq!(
        ids(service::list_companies(
            &state,
            &admin,
            &find(&b.code.to_lowercase()),
            PageQuery::default()
        )
        .await
        .unwrap()),
        vec![b.id]
    );
    assert_eq!(
        ids(
            service::list_companies(&state, &admin, &find("1111"), PageQuery::default())
                .await
                .unwrap()
        ),
        vec![b.id]
    );
    assert!(ids(
        service::list_companies(&state, &admin, &find("%"), PageQuery::default())
            .await
            .unwrap()
    )
    .is_empty());
}

#[tokio::test]
async fn staff_who_see_masked_phones_find_companies_only_by_the_full_number() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let cs = testing::staff(&state, "cs_one", &["cs"]).await;
    let sales = testing::staff(&state, "sales_a", &["sales"]).await;
    let owned = testing::company(&state, &admin, "深圳海通", Some(&sales)).await;
    let other = testing::company(&state, &admin, "义乌星辰", None).await;
    testing::member(&state, &admin, &owned, "赵六", "13711112222").await;
    testing::member(&state, &admin, &other, "钱七", "13733334444").await;
    let found = |who: Staff, q: &'static str| {
        let state = state.clone();
        async move {
            let f = CompanyFilter {
                q: Some(q.into()),
                certification: None,
            };
            service::list_companies(&state, &who, &f, PageQuery::default())
                .await
                .unwrap()
                .items
                .into_iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        }
    };
    // Masked for cs: digits (even the visible ones) find nothing, the whole number does.
    assert!(found(cs.clone(), "1111").await.is_empty());
    assert!(found(cs.clone(), "6528").await.is_empty());
    assert!(found(cs.clone(), "137").await.is_empty());
    assert_eq!(found(cs.clone(), "137 1111 2222").await, vec![owned.id]);
    // The owner salesperson sees their company's phones in full.
    assert_eq!(found(sales.clone(), "1111").await, vec![owned.id]);
    assert_eq!(found(admin.clone(), "3333").await, vec![other.id]);
}

#[tokio::test]
async fn codes_are_generated_unique_and_members_phones_are_unique() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let a = testing::company(&state, &admin, "公司甲", None).await;
    assert!(a.code.starts_with("SD") && a.code.len() == 8);
    let dup = CompanyForCreate {
        name: "公司乙".into(),
        code: a.code.to_lowercase(),
        ..Default::default()
    };
    assert_eq!(
        service::create_company(&state, &admin, &dup)
            .await
            .unwrap_err(),
        AppError::conflict("code", ErrorKey::CustomerCodeTaken)
    );
    testing::member(&state, &admin, &a, "甲", "13800000001").await;
    let m = MemberForCreate {
        name: "乙".into(),
        phone: "13800000001".into(),
    };
    assert_eq!(
        service::add_member(&state, &admin, a.id, &m)
            .await
            .unwrap_err(),
        AppError::conflict("phone", ErrorKey::PhoneTaken)
    );
    let cs = testing::staff(&state, "cs_one", &["cs"]).await;
    let ownerless = CompanyForCreate {
        name: "公司丙".into(),
        owner_staff_id: Some(cs.id),
        ..Default::default()
    };
    assert_eq!(
        service::create_company(&state, &admin, &ownerless)
            .await
            .unwrap_err()
            .field(),
        Some("owner_staff_id")
    );
}

#[tokio::test]
async fn a_member_sees_their_own_company_with_full_phones() {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let c = testing::company(&state, &admin, "公司丁", None).await;
    let m = testing::member(&state, &admin, &c, "丁一", "13600000001").await;
    let d = service::my_company(&state, &m).await.unwrap();
    assert_eq!(
        (d.company.id, d.members[0].phone.as_str()),
        (c.id, "13600000001")
    );
}
