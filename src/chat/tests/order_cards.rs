//! Order cards: an order sent by its booking (or order) number into a
//! conversation of the order's company, by someone who may read it;
//! transcripts bring the orders their cards name as they are now.

use super::*;
use crate::auth::PartnerScope;
use crate::chat::service::transcript::transcript;
use crate::error::AppError;
use crate::orders::{self, Order, OrderMove, OrderStatus};
use crate::pricing::{self, QuoteForSave};
use crate::types::PageQuery;
use crate::ErrorKey;

/// An order booked by `who` (a member) from a quote they save.
async fn order(w: &World, who: &Principal, key: &str) -> Order {
    let search = testing::ont8_search(22.0);
    let plans = pricing::service::search_quotes(&w.state, who, &search, false, None)
        .await
        .unwrap()
        .plans;
    let input = QuoteForSave {
        search,
        channel_id: plans.first().expect("a plan").channel.id,
        company_id: None,
    };
    let quote = pricing::service::save_quote(&w.state, who, &input)
        .await
        .unwrap();
    orders::service::book_order(&w.state, who, &testing::booking(&quote.number, key))
        .await
        .unwrap()
}

fn card(conv: Id, client_id: &str, number: &str) -> MessageForSend {
    MessageForSend {
        kind: MessageKind::Card,
        body: OrderCard::parse(number).unwrap().body(),
        ..text(conv, client_id, "")
    }
}

struct Desk2 {
    w: World,
    cs: crate::auth::Staff,
    conv: Conversation,
    /// A member of another company.
    carol: crate::auth::Member,
}

/// The world with the demo catalogue, an agent, alice's conversation
/// (assigned to the agent) and a member of another company.
async fn desk2() -> Desk2 {
    let w = world(None).await;
    pricing::service::seed_demo_channels(&w.state)
        .await
        .unwrap();
    let cs = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    let conv = open(&w, &w.alice).await;
    assert_eq!(conv.assignee_staff_id, Some(cs.id));
    let rival = testing::company(&w.state, &w.admin, "广州优品", None).await;
    let carol = testing::member(&w.state, &w.admin, &rival, "刘洋", "13900000009").await;
    Desk2 { w, cs, conv, carol }
}

#[tokio::test]
async fn a_member_sends_a_card_of_their_own_order_by_its_booking_number() {
    let Desk2 { w, cs, conv, .. } = desk2().await;
    let o = order(&w, &member(&w.alice), "card-key-1").await;
    let input = card(conv.id, "o-1", &o.number.to_lowercase());

    let (msg, created) = send::send_from_client(&w.state, &member(&w.alice), &input)
        .await
        .unwrap();
    let (again, created_again) = send::send_from_client(&w.state, &member(&w.alice), &input)
        .await
        .unwrap();

    assert!(created);
    assert!(!created_again);
    assert_eq!(again, msg);
    let expected = format!(r#"{{"number":"{}","type":"order"}}"#, o.number);
    assert_eq!(msg.body, expected, "the booking number only");
    assert_eq!(msg.sender_kind, SenderKind::Member);
    // The agent reads it, and the order it names.
    let seen = message::messages_after(&w.state, &staff(&cs), conv.id, 0, 50)
        .await
        .unwrap();
    let number = OrderCard::of(&seen[0]).unwrap().number;
    let brief = orders::service::find_order_brief(&w.state, &staff(&cs), &number)
        .await
        .unwrap();
    assert_eq!((brief.id, brief.status), (o.id, OrderStatus::Booked));
    assert_eq!(brief.cartons, 5);
}

#[tokio::test]
async fn a_card_of_another_companys_order_is_refused_naming_order() {
    let Desk2 { w, cs, conv, carol } = desk2().await;
    let carols = order(&w, &member(&carol), "card-key-1").await;

    let stolen = send::send_message(
        &w.state,
        &member(&w.alice),
        &card(conv.id, "o-1", &carols.number),
    )
    .await;
    let misplaced =
        send::send_message(&w.state, &staff(&cs), &card(conv.id, "o-2", &carols.number)).await;
    let unknown = send::send_message(
        &w.state,
        &staff(&cs),
        &card(conv.id, "o-3", "P20991231-9999"),
    )
    .await;
    let malformed = MessageForSend {
        body: r#"{"type":"order","number":"P12"}"#.into(),
        ..card(conv.id, "o-4", &carols.number)
    };
    let malformed = send::send_message(&w.state, &staff(&cs), &malformed).await;

    let order_error = |key| AppError::validation("order", key);
    assert_eq!(
        stolen.unwrap_err(),
        order_error(ErrorKey::MessageOrderUnknown),
        "another company's order does not exist for her"
    );
    assert_eq!(
        misplaced.unwrap_err(),
        order_error(ErrorKey::MessageOrderOtherCompany)
    );
    assert_eq!(
        unknown.unwrap_err(),
        order_error(ErrorKey::MessageOrderUnknown)
    );
    assert_eq!(malformed.unwrap_err().status(), 422);
    assert_eq!(
        service::existing(&w.state, conv.id).await.unwrap().last_seq,
        0
    );
}

#[tokio::test]
async fn an_agent_sends_the_conversations_company_order_by_its_order_number() {
    let Desk2 { w, cs, conv, .. } = desk2().await;
    let ops = testing::staff(&w.state, "ops", &["ops"]).await;
    let o = order(&w, &member(&w.bob), "card-key-1").await;
    let o = orders::service::confirm_order(&w.state, &staff(&ops), o.id, o.version)
        .await
        .unwrap();
    let order_number = o.order_number.clone().expect("confirmed");

    let (msg, _) = send::send_message(&w.state, &staff(&cs), &card(conv.id, "o-1", &order_number))
        .await
        .unwrap();

    assert_eq!(
        OrderCard::of(&msg).unwrap().number,
        o.number,
        "stored as the booking number"
    );
    let other = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    let e = send::send_message(&w.state, &staff(&other), &card(conv.id, "o-2", &o.number)).await;
    assert_eq!(
        e.unwrap_err(),
        AppError::Forbidden,
        "not their conversation"
    );
}

#[tokio::test]
async fn a_transcript_brings_the_order_as_it_is_now() {
    let Desk2 { w, cs, conv, .. } = desk2().await;
    let ops = testing::staff(&w.state, "ops", &["ops"]).await;
    let o = order(&w, &member(&w.alice), "card-key-1").await;
    send::send_message(
        &w.state,
        &member(&w.alice),
        &card(conv.id, "o-1", &o.number),
    )
    .await
    .unwrap();
    let page = PageQuery::parse(None, Some(20)).unwrap();
    let all = MessageFilter::default();
    let read = || transcript(&w.state, &cs, conv.id, &all, page);

    let before = read().await.unwrap();
    let o = orders::service::confirm_order(&w.state, &staff(&ops), o.id, o.version)
        .await
        .unwrap();
    let m = OrderMove {
        id: o.id,
        to: OrderStatus::PickedUp,
        note: String::new(),
        version: o.version,
    };
    orders::service::move_order(&w.state, &staff(&ops), &m)
        .await
        .unwrap();
    let after = read().await.unwrap();

    let was = before.order(&o.number).expect("embedded");
    assert_eq!(was.status, OrderStatus::Booked);
    assert_eq!(was.total_fen, o.total_fen);
    assert_eq!(was.destination, "ONT8");
    let now = after.order(&o.number).expect("embedded");
    assert_eq!(now.status, OrderStatus::PickedUp);
    assert_eq!(now.order_number, o.order_number);
    assert_eq!(after.orders.len(), 1);
}

#[tokio::test]
async fn a_reader_who_may_not_read_the_order_sees_no_embedded_order() {
    let Desk2 { w, cs, conv, carol } = desk2().await;
    let mine = order(&w, &member(&w.alice), "card-key-1").await;
    let carols = order(&w, &member(&carol), "card-key-2").await;
    send::send_message(
        &w.state,
        &member(&w.alice),
        &card(conv.id, "o-1", &mine.number),
    )
    .await
    .unwrap();
    // A card of another company's order stored as it is (no send lets one in).
    stray_card(&w, &conv, &carol, &carols.number).await;
    // A partner system serving alice's company only.
    let mut partner = cs.clone();
    partner.partner = Some(PartnerScope {
        app_ref: 1,
        app_id: "erp".into(),
        companies: Some(vec![w.alice.company_id]),
    });
    let page = PageQuery::parse(None, Some(20)).unwrap();

    let t = transcript(&w.state, &partner, conv.id, &MessageFilter::default(), page)
        .await
        .unwrap();
    let agent = transcript(&w.state, &cs, conv.id, &MessageFilter::default(), page)
        .await
        .unwrap();

    assert_eq!(t.messages.len(), 2);
    assert!(t.order(&mine.number).is_some());
    assert!(
        t.order(&carols.number).is_none(),
        "not the partner's company"
    );
    assert!(
        agent.order(&carols.number).is_some(),
        "the agent reads every order"
    );
}

/// A card naming `number` stored in `conv` as `by`'s, past the send's checks.
async fn stray_card(w: &World, conv: &Conversation, by: &crate::auth::Member, number: &str) {
    let now = w.state.now();
    let mut tx = w.state.db.begin().await.unwrap();
    let seq = repo::conversation::next_seq(
        &mut *tx,
        conv.id,
        SenderKind::Member,
        MessageKind::Card,
        now,
    )
    .await
    .unwrap();
    let msg = Message {
        id: crate::db::new_id(),
        conversation_id: conv.id,
        seq,
        sender_kind: SenderKind::Member,
        sender_id: by.id,
        client_id: "stray".into(),
        kind: MessageKind::Card,
        body: OrderCard::parse(number).unwrap().body(),
        reply_to_seq: None,
        recalled: false,
        created_at: crate::types::Timestamp(now),
    };
    repo::message::insert(&mut *tx, &msg).await.unwrap();
    tx.commit().await.unwrap();
}
