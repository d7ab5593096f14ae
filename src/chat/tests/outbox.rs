//! What chat writes to the outbox, in the transaction of each change: one
//! event per committed message or status change, none for notes, none for
//! a send that failed or was a resend.

use super::*;
use crate::events::repo as outbox;

async fn topics(w: &World) -> Vec<String> {
    let claimed = crate::events::service::claim(&w.state, 100).await.unwrap();
    claimed.events.into_iter().map(|e| e.topic).collect()
}

#[tokio::test]
async fn each_committed_chat_change_writes_one_outbox_event_and_nothing_else_does() {
    let w = world(None).await;
    let conv = send::open_conversation(&w.state, &w.alice, w.desk.id)
        .await
        .unwrap();
    let agent = testing::agent(&w.state, &w.admin, "cs_a", &[w.desk.id], 5).await;
    send(&w, &member(&w.alice), conv.id, "m1").await;
    send(&w, &member(&w.alice), conv.id, "m1").await; // a resend
    let note = MessageForSend {
        kind: MessageKind::Note,
        ..text(conv.id, "n1", "内部")
    };
    send::send_message(&w.state, &staff(&agent), &note)
        .await
        .unwrap();
    // Refused (bob is not in the conversation): nothing written.
    assert!(
        send::send_message(&w.state, &member(&w.bob), &text(conv.id, "x", "?"))
            .await
            .is_err()
    );
    message::recall(&w.state, &member(&w.alice), conv.id, 1)
        .await
        .unwrap();
    agent::resolve(&w.state, &agent, conv.id).await.unwrap();
    send(&w, &member(&w.alice), conv.id, "m2").await; // re-opens it

    assert_eq!(outbox::pending_count(&w.state.db).await.unwrap(), 9);
    assert_eq!(
        topics(&w).await,
        [
            "conversation.queued",
            "conversation.assigned",
            "message.created",
            "message.recalled",
            "message.created", // the system line: who resolved it
            "conversation.resolved",
            "conversation.queued",
            "message.created",
            "conversation.assigned",
        ]
    );
}
