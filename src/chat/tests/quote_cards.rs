//! Quote cards: a saved quote sent by its number into a conversation of
//! the quote's company, by someone who may read it; resends add nothing;
//! transcripts bring the quotes their cards name.

use super::*;
use crate::chat::service::transcript::transcript;
use crate::error::AppError;
use crate::pricing::{self, QuoteForSave, QuoteForSearch};
use crate::types::PageQuery;
use crate::ErrorKey;

fn ont8() -> QuoteForSearch {
    crate::testing::ont8_search(22.0)
}

/// A quote saved by `who` for `company` (staff: None is for nobody).
async fn quote(w: &World, who: &Principal, company: Option<Id>) -> pricing::SavedQuote {
    let plans = pricing::service::search_quotes(&w.state, who, &ont8(), false, company)
        .await
        .unwrap()
        .plans;
    let input = QuoteForSave {
        search: ont8(),
        channel_id: plans.first().expect("a plan").channel.id,
        company_id: company,
    };
    pricing::service::save_quote(&w.state, who, &input)
        .await
        .unwrap()
}

fn card(conv: Id, client_id: &str, number: &str) -> MessageForSend {
    MessageForSend {
        kind: MessageKind::Card,
        body: QuoteCard::parse(number).unwrap().body(),
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
async fn an_agent_sends_a_quote_card_of_the_conversations_company_once() {
    let Desk2 { w, cs, conv, .. } = desk2().await;
    let q = quote(&w, &staff(&cs), Some(w.alice.company_id)).await;
    let input = card(conv.id, "q-1", &q.number.to_lowercase());

    let (msg, created) = send::send_from_client(&w.state, &staff(&cs), &input)
        .await
        .unwrap();
    let (again, created_again) = send::send_from_client(&w.state, &staff(&cs), &input)
        .await
        .unwrap();

    assert!(created);
    assert!(!created_again);
    assert_eq!(again, msg);
    assert_eq!(msg.kind, MessageKind::Card);
    let expected = format!(r#"{{"number":"{}","type":"quote"}}"#, q.number);
    assert_eq!(msg.body, expected, "the number only, in upper case");
    assert_eq!(QuoteCard::of(&msg).unwrap().number, q.number);
    assert_eq!(
        service::existing(&w.state, conv.id).await.unwrap().last_seq,
        1
    );
    // The customer reads the message and, live, the quote it names.
    let seen = message::messages_after(&w.state, &member(&w.alice), conv.id, 0, 50)
        .await
        .unwrap();
    let number = QuoteCard::of(&seen[0]).unwrap().number;
    let live = pricing::service::get_quote(&w.state, &member(&w.alice), &number)
        .await
        .unwrap();
    assert_eq!(live.total_fen, q.total_fen);
    assert_eq!(live.plan.cost_total_fen, None, "no cost for the customer");
}

#[tokio::test]
async fn a_quote_of_another_company_or_of_none_is_refused_naming_quote() {
    let Desk2 { w, cs, conv, carol } = desk2().await;
    let theirs = quote(&w, &staff(&cs), Some(carol.company_id)).await;
    let nobodys = quote(&w, &staff(&cs), None).await;

    let other =
        send::send_message(&w.state, &staff(&cs), &card(conv.id, "q-1", &theirs.number)).await;
    let none = send::send_message(
        &w.state,
        &staff(&cs),
        &card(conv.id, "q-2", &nobodys.number),
    )
    .await;
    let unknown = send::send_message(
        &w.state,
        &staff(&cs),
        &card(conv.id, "q-3", "Q20991231-9999"),
    )
    .await;
    let malformed = MessageForSend {
        body: r#"{"type":"quote","number":"Q12"}"#.into(),
        ..card(conv.id, "q-4", &theirs.number)
    };
    let malformed = send::send_message(&w.state, &staff(&cs), &malformed).await;

    let quote_error = |key| AppError::validation("quote", key);
    assert_eq!(
        other.unwrap_err(),
        quote_error(ErrorKey::MessageQuoteOtherCompany)
    );
    assert_eq!(
        none.unwrap_err(),
        quote_error(ErrorKey::MessageQuoteOtherCompany)
    );
    assert_eq!(
        unknown.unwrap_err(),
        quote_error(ErrorKey::MessageQuoteUnknown)
    );
    assert_eq!(malformed.unwrap_err().field(), Some("quote"));
    assert_eq!(
        service::existing(&w.state, conv.id).await.unwrap().last_seq,
        0
    );
}

#[tokio::test]
async fn a_member_sends_their_companys_quotes_but_never_another_companys() {
    let Desk2 { w, cs, conv, carol } = desk2().await;
    let carols = quote(&w, &member(&carol), None).await;
    let bobs = quote(&w, &member(&w.bob), None).await;

    let stolen = send::send_message(
        &w.state,
        &member(&w.alice),
        &card(conv.id, "q-1", &carols.number),
    )
    .await;
    let colleague = send::send_message(
        &w.state,
        &member(&w.alice),
        &card(conv.id, "q-2", &bobs.number),
    )
    .await;

    assert_eq!(
        stolen.unwrap_err(),
        AppError::validation("quote", ErrorKey::MessageQuoteUnknown),
        "another company's quote does not exist for her"
    );
    let (msg, _) = colleague.unwrap();
    assert_eq!(QuoteCard::of(&msg).unwrap().number, bobs.number);
    assert_eq!(msg.sender_kind, SenderKind::Member);
    // The agent sees the member's card as any message of the conversation.
    let seen = message::messages_after(&w.state, &staff(&cs), conv.id, 0, 50)
        .await
        .unwrap();
    assert_eq!(seen.len(), 1);
}

#[tokio::test]
async fn an_agent_not_on_the_conversation_is_refused_before_the_quote_is_looked_at() {
    let Desk2 { w, cs, conv, carol } = desk2().await;
    let other = testing::agent(&w.state, &w.admin, "cs_b", &[w.desk.id], 5).await;
    let q = quote(&w, &staff(&cs), Some(carol.company_id)).await;

    let e = send::send_message(&w.state, &staff(&other), &card(conv.id, "q-1", &q.number)).await;

    assert_eq!(e.unwrap_err(), AppError::Forbidden);
}

#[tokio::test]
async fn a_transcript_brings_the_quotes_its_cards_name() {
    let Desk2 { w, cs, conv, .. } = desk2().await;
    let q = quote(&w, &staff(&cs), Some(w.alice.company_id)).await;
    send::send_message(&w.state, &staff(&cs), &card(conv.id, "q-1", &q.number))
        .await
        .unwrap();
    let page = PageQuery::parse(None, Some(20)).unwrap();

    let t = transcript(&w.state, &cs, conv.id, &MessageFilter::default(), page)
        .await
        .unwrap();

    assert_eq!(t.quote(&q.number).map(|q| q.total_fen), Some(q.total_fen));
}
