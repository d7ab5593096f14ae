//! Posting, scopes, deletes, counts, answers, moves and the SLA.

use super::*;
use crate::error::AppError;
use crate::pricing::inquiry::FieldName;
use crate::ErrorKey;

#[tokio::test]
async fn a_member_posts_a_message_or_the_form_and_each_gets_the_next_number() {
    let w = world().await;

    let by_text = w.post(&w.alice, "300kg 2方 深圳到美国FBA ONT8 海派").await;
    let vague = w.post(&w.alice, "帮忙报个价，货在深圳").await;
    let form = InquiryForPost {
        search: Some(ont8()),
        ..Default::default()
    };
    let by_form = service::post_inquiry(&w.state, &w.alice, &form)
        .await
        .unwrap();

    assert_eq!(by_text.number, "I20261202-0001");
    assert_eq!(vague.number, "I20261202-0002");
    assert_eq!(by_form.number, "I20261202-0003");
    assert_eq!(by_text.status, InquiryStatus::Pending);
    assert_eq!(by_text.company_name.as_deref(), Some("深圳星辰"));
    assert_eq!(by_text.posted_by, "张伟");
    let country = by_text.fields.iter().find(|f| f.name == FieldName::Country);
    assert_eq!(country.map(|f| f.value.as_str()), Some("US"));
    assert!(!by_text.low_confidence);
    assert!(vague.low_confidence, "no destination, no cargo");
    assert!(!by_form.low_confidence);
    assert_eq!(
        by_form.search.as_ref().unwrap().fba_code.as_deref(),
        Some("ONT8")
    );
    let listed = w.mine(&w.alice).await;
    let numbers: Vec<&str> = listed.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["I20261202-0003", "I20261202-0002", "I20261202-0001"]
    );
}

#[tokio::test]
async fn bad_posts_are_named_by_field_and_finance_and_providers_may_not_post() {
    let w = world().await;
    let finance = testing::staff(&w.state, "fin", &["finance"]).await;
    let provider = testing::staff(&w.state, "prov", &["provider"]).await;
    let mut no_country = ont8();
    no_country.country = "".into();
    let form = InquiryForPost {
        search: Some(no_country),
        ..Default::default()
    };

    let long = service::post_inquiry(&w.state, &w.alice, &text(&"货".repeat(2001))).await;
    let empty = service::post_inquiry(&w.state, &w.alice, &text("  ")).await;
    let country = service::post_inquiry(&w.state, &w.alice, &form).await;
    let by_finance = service::post_inquiry(&w.state, &staff(&finance), &text("300kg")).await;
    let by_provider = service::post_inquiry(&w.state, &staff(&provider), &text("300kg")).await;

    assert_eq!(
        long.unwrap_err(),
        AppError::validation("text", ErrorKey::TextTooLong)
    );
    assert_eq!(
        empty.unwrap_err(),
        AppError::validation("text", ErrorKey::FieldRequired)
    );
    assert_eq!(
        country.unwrap_err(),
        AppError::validation("country", ErrorKey::CountryInvalid)
    );
    assert_eq!(by_finance.unwrap_err(), AppError::Forbidden);
    assert_eq!(by_provider.unwrap_err(), AppError::Forbidden);
    assert_eq!(w.all(&w.admin).await.total, 0, "nothing posted half-way");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_posts_get_one_number_each() {
    let w = world().await;
    let mut posts = tokio::task::JoinSet::new();
    for i in 0..10 {
        let (state, who) = (w.state.clone(), w.alice.clone());
        posts.spawn(async move {
            service::post_inquiry(&state, &who, &text(&format!("{i}00kg 到美国 ONT8"))).await
        });
    }
    let mut numbers = vec![];
    while let Some(r) = posts.join_next().await {
        numbers.push(r.unwrap().unwrap().number);
    }
    numbers.sort();
    let expected: Vec<String> = (1..=10).map(|i| format!("I20261202-{i:04}")).collect();
    assert_eq!(numbers, expected);
}

#[tokio::test]
async fn a_customer_never_sees_or_deletes_another_companys_or_a_colleagues_inquiry() {
    let w = world().await;
    let alices = w.post(&w.alice, "2方 深圳到英国 LTN4").await;

    let bob_deletes = service::delete_my_inquiry(&w.state, &w.bob, alices.id).await;
    let carol_deletes = service::delete_my_inquiry(&w.state, &w.carol, alices.id).await;
    let bob_clears = service::clear_my_inquiries(&w.state, &w.bob).await.unwrap();

    assert!(matches!(bob_deletes, Err(AppError::NotFound { .. })));
    assert!(matches!(carol_deletes, Err(AppError::NotFound { .. })));
    assert_eq!(bob_clears, 0);
    assert_eq!(w.mine(&w.bob).await.total, 0);
    assert_eq!(w.mine(&w.carol).await.total, 0);
    assert_eq!(w.mine(&w.alice).await.total, 1, "still hers");
    let staff_mine = service::list_my_inquiries(
        &w.state,
        &staff(&w.sales),
        &Default::default(),
        Default::default(),
    )
    .await;
    assert_eq!(staff_mine.unwrap_err(), AppError::Forbidden);
}

#[tokio::test]
async fn a_delete_or_a_cleared_history_hides_inquiries_from_the_customer_only() {
    let w = world().await;
    let first = w.post(&w.alice, "100kg 到美国 ONT8").await;
    w.post(&w.alice, "200kg 到美国 LAX9").await;
    w.post(&w.alice, "300kg 到美国 SBD1").await;

    service::delete_my_inquiry(&w.state, &w.alice, first.id)
        .await
        .unwrap();
    let after_delete = w.mine(&w.alice).await;
    let again = service::delete_my_inquiry(&w.state, &w.alice, first.id).await;
    let cleared = service::clear_my_inquiries(&w.state, &w.alice)
        .await
        .unwrap();
    let after_clear = w.mine(&w.alice).await;
    let staff_view = w.all(&w.sales).await;

    assert_eq!(after_delete.total, 2);
    assert!(after_delete.items.iter().all(|i| i.id != first.id));
    assert!(matches!(again, Err(AppError::NotFound { .. })));
    assert_eq!(cleared, 2);
    assert_eq!(after_clear.total, 0);
    assert_eq!(staff_view.total, 3, "staff keep seeing them");
    assert!(staff_view.items.iter().all(|i| i.deleted_by_customer));
}

#[tokio::test]
async fn sales_see_their_companies_and_unassigned_inquiries_and_others_see_all() {
    let w = world().await;
    let alices = w.post(&w.alice, "100kg 到美国 ONT8").await;
    let bobs = w.post(&w.bob, "200kg 到美国 ONT8").await;
    let loose = w.post(&staff(&w.ops), "300kg 到德国 DTM2").await;
    let cs = testing::staff(&w.state, "cs1", &["cs"]).await;
    let finance = testing::staff(&w.state, "fin", &["finance"]).await;

    let ids = |p: crate::Page<HallInquiry>| {
        let mut v: Vec<_> = p.items.iter().map(|i| i.id).collect();
        v.sort();
        v
    };
    let sorted = |mut v: Vec<i64>| {
        v.sort();
        v
    };
    let by_sales = ids(w.all(&w.sales).await);
    let by_other = ids(w.all(&w.other_sales).await);
    let by_cs = ids(w.all(&cs).await);
    let by_finance =
        service::list_inquiries(&w.state, &finance, &Default::default(), Default::default()).await;
    let steal =
        service::set_inquiry_status(&w.state, &w.sales, bobs.id, InquiryStatus::Closed).await;
    let for_rival = InquiryForPost {
        company_id: Some(w.rival.id),
        ..text("100kg 到美国 ONT8")
    };
    let post_for_rival = service::post_inquiry(&w.state, &staff(&w.sales), &for_rival).await;
    let by_finance_move =
        service::set_inquiry_status(&w.state, &finance, alices.id, InquiryStatus::Closed).await;

    assert_eq!(by_sales, sorted(vec![alices.id, loose.id]));
    assert_eq!(by_other, sorted(vec![bobs.id, loose.id]));
    assert_eq!(by_cs, sorted(vec![alices.id, bobs.id, loose.id]));
    assert_eq!(by_finance.unwrap_err(), AppError::Forbidden);
    assert!(matches!(steal, Err(AppError::NotFound { .. })));
    assert!(matches!(post_for_rival, Err(AppError::NotFound { .. })));
    assert_eq!(by_finance_move.unwrap_err(), AppError::Forbidden);
    assert_eq!(loose.company_id, None);
    assert_eq!(loose.posted_by, "ops name");
}

#[tokio::test]
async fn counts_per_status_come_from_one_query_over_the_filter() {
    let w = world().await;
    let quote = w.quote(&w.alice).await;
    let a = w.post(&w.alice, "100kg 到美国 ONT8").await;
    let b = w.post(&w.alice, "200kg 到美国 ONT8").await;
    let c = w.post(&w.alice, "300kg 到美国 ONT8").await;
    w.post(&w.alice, "400kg 到英国 LTN4").await;
    w.post(&w.bob, "500kg 到美国 ONT8").await;
    service::answer_inquiry(&w.state, &w.sales, a.id, &quote)
        .await
        .unwrap();
    service::set_inquiry_status(&w.state, &w.sales, a.id, InquiryStatus::Won)
        .await
        .unwrap();
    service::answer_inquiry(&w.state, &w.sales, b.id, &quote)
        .await
        .unwrap();
    service::set_inquiry_status(&w.state, &w.sales, c.id, InquiryStatus::Closed)
        .await
        .unwrap();

    let counts = service::count_inquiries(&w.state, &w.sales, &Default::default())
        .await
        .unwrap();
    let by_text = InquiryFilter {
        q: Some("ONT8".into()),
        status: Some(InquiryStatus::Closed),
        ..Default::default()
    };
    let ont8 = service::count_inquiries(&w.state, &w.admin, &by_text)
        .await
        .unwrap();
    let closed = service::list_inquiries(&w.state, &w.admin, &by_text, Default::default())
        .await
        .unwrap();

    let want = InquiryCounts {
        pending: 1,
        quoted: 1,
        won: 1,
        closed: 1,
        total: 4,
        overdue: 0,
    };
    assert_eq!(counts, want, "sales: their company's four");
    let want = InquiryCounts {
        pending: 1,
        quoted: 1,
        won: 1,
        closed: 1,
        total: 4,
        overdue: 0,
    };
    assert_eq!(
        ont8, want,
        "admin: the four to ONT8, whatever the status filter"
    );
    assert_eq!(closed.total, 1);
    assert_eq!(closed.items[0].id, c.id);
}

#[tokio::test]
async fn an_unanswered_inquiry_is_overdue_only_past_the_sla() {
    let w = world().await;
    let quote = w.quote(&w.alice).await;
    let waiting = w.post(&w.alice, "100kg 到美国 ONT8").await;
    let answered = w.post(&w.alice, "200kg 到美国 ONT8").await;
    service::answer_inquiry(&w.state, &w.sales, answered.id, &quote)
        .await
        .unwrap();
    let overdue = |w: &World| {
        let (state, sales) = (w.state.clone(), w.sales.clone());
        async move {
            let p =
                service::list_inquiries(&state, &sales, &Default::default(), Default::default())
                    .await
                    .unwrap();
            let n = service::count_inquiries(&state, &sales, &Default::default())
                .await
                .unwrap();
            let flags: Vec<bool> = p.items.iter().map(|i| i.overdue).collect();
            (flags, n.overdue)
        }
    };

    w.state.clock.advance(30 * 60_000);
    let at_edge = overdue(&w).await;
    w.state.clock.advance(1);
    let past = overdue(&w).await;
    let longer = InquirySettingsForSave {
        sla_minutes: 60,
        robot_url: None,
    };
    service::save_inquiry_settings(&w.state, &w.admin, &longer)
        .await
        .unwrap();
    let with_longer_sla = overdue(&w).await;
    let customers = w.mine(&w.alice).await;

    // Newest first: the answered one, then the waiting one.
    assert_eq!(at_edge, (vec![false, false], 0));
    assert_eq!(past, (vec![false, true], 1));
    assert_eq!(with_longer_sla, (vec![false, false], 0));
    assert_eq!(customers.items[1].id, waiting.id);
    assert!(!customers.items[1].overdue);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_two_salespeople_answering_at_once_one_wins_and_the_other_is_told() {
    let w = world().await;
    let quote = w.quote(&w.alice).await;
    let i = w.post(&w.alice, "300kg 到美国 ONT8").await;

    let (a, b) = tokio::join!(
        service::answer_inquiry(&w.state, &w.sales, i.id, &quote),
        service::answer_inquiry(&w.state, &w.admin, i.id, &quote),
    );

    let conflict = AppError::conflict("status", ErrorKey::InquiryNotPending);
    let oks = [a.is_ok(), b.is_ok()];
    assert_eq!(oks.iter().filter(|ok| **ok).count(), 1, "{oks:?}");
    let (won, lost) = if a.is_ok() { (a, b) } else { (b, a) };
    assert_eq!(lost.unwrap_err(), conflict);
    let won = won.unwrap();
    assert_eq!(won.status, InquiryStatus::Quoted);
    assert_eq!(won.quote_number.as_deref(), Some(quote.as_str()));
    assert!(won.answered_by.is_some());
    assert_eq!(won.answered_at.map(|t| t.0), Some(NOW));
}

#[tokio::test]
async fn an_answer_is_a_saved_quote_of_the_inquirys_company() {
    let w = world().await;
    let bobs_quote = w.quote(&w.bob).await;
    let i = w.post(&w.alice, "300kg 到美国 ONT8").await;

    let unknown = service::answer_inquiry(&w.state, &w.ops, i.id, "Q20991231-0001").await;
    let other = service::answer_inquiry(&w.state, &w.ops, i.id, &bobs_quote).await;

    assert_eq!(
        unknown.unwrap_err(),
        AppError::validation("quote_number", ErrorKey::InquiryQuoteUnknown)
    );
    assert_eq!(
        other.unwrap_err(),
        AppError::validation("quote_number", ErrorKey::InquiryQuoteOtherCompany)
    );
    assert_eq!(
        w.mine(&w.alice).await.items[0].status,
        InquiryStatus::Pending
    );
}

#[tokio::test]
async fn statuses_move_only_along_the_allowed_moves() {
    let w = world().await;
    let quote = w.quote(&w.alice).await;
    let i = w.post(&w.alice, "300kg 到美国 ONT8").await;
    let set = |to| service::set_inquiry_status(&w.state, &w.sales, i.id, to);

    let pending_to_won = set(InquiryStatus::Won).await;
    let pending_to_quoted = set(InquiryStatus::Quoted).await;
    service::answer_inquiry(&w.state, &w.sales, i.id, &quote)
        .await
        .unwrap();
    let quoted_to_won = set(InquiryStatus::Won).await;
    let won_to_closed = set(InquiryStatus::Closed).await;
    let answer_again = service::answer_inquiry(&w.state, &w.sales, i.id, &quote).await;

    let bad_move = AppError::validation("status", ErrorKey::InquiryStatusMove);
    assert_eq!(pending_to_won.unwrap_err(), bad_move);
    assert_eq!(
        pending_to_quoted.unwrap_err(),
        AppError::validation("quote_number", ErrorKey::FieldRequired)
    );
    assert_eq!(quoted_to_won.unwrap().status, InquiryStatus::Won);
    assert_eq!(won_to_closed.unwrap_err(), bad_move);
    assert_eq!(
        answer_again.unwrap_err(),
        AppError::conflict("status", ErrorKey::InquiryNotPending)
    );
    assert_eq!(
        w.mine(&w.alice).await.items[0].status,
        InquiryStatus::Won,
        "the customer sees it"
    );
}

#[tokio::test]
async fn lists_filter_by_day_company_and_text() {
    let w = world().await;
    let first = w.post(&w.alice, "100kg 到美国 ONT8").await;
    w.state.clock.advance(86_400_000);
    let second = w.post(&w.alice, "200kg 到英国 LTN4").await;
    let bobs = w.post(&w.bob, "300kg 到英国 LTN4").await;
    let list = |f: InquiryFilter| {
        let state = w.state.clone();
        let admin = w.admin.clone();
        async move {
            let p = service::list_inquiries(&state, &admin, &f, Default::default()).await;
            p.map(|p| p.items.into_iter().map(|i| i.id).collect::<Vec<_>>())
        }
    };

    let on_day_one = list(InquiryFilter {
        from: Some("2026-12-02".into()),
        to: Some("2026-12-02".into()),
        ..Default::default()
    })
    .await;
    let to_ltn4_of_company = list(InquiryFilter {
        q: Some("ltn4".into()),
        company_id: Some(w.company.id),
        ..Default::default()
    })
    .await;
    let by_company_name = list(InquiryFilter {
        q: Some("广州".into()),
        ..Default::default()
    })
    .await;
    let backwards = list(InquiryFilter {
        from: Some("2026-12-03".into()),
        to: Some("2026-12-02".into()),
        ..Default::default()
    })
    .await;

    assert_eq!(on_day_one.unwrap(), [first.id]);
    assert_eq!(to_ltn4_of_company.unwrap(), [second.id]);
    assert_eq!(by_company_name.unwrap(), [bobs.id]);
    assert_eq!(
        backwards.unwrap_err(),
        AppError::validation("to", ErrorKey::DateRangeInvalid)
    );
    assert_eq!(second.number, "I20261203-0001", "a new day, a new counter");
}
