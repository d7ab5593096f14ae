//! The console's lists between two fetches: unread badges and order follow
//! the socket's messages and read marks, so a live message does not refetch
//! a list (lists refetch on `conversation` events, and on a tab, search or
//! page change).

use std::collections::{BTreeMap, HashMap};

use shipdesk::chat::{ConversationSummary, Message, MessageKind, SenderKind};
use shipdesk::Id;
#[cfg(test)]
use shipdesk::Timestamp;

/// How a list is ordered, as the server orders it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Order {
    /// Latest activity first (an agent's current conversations).
    Latest,
    /// Only conversations where the customer waits, in the order fetched.
    Awaiting,
    /// As fetched (queues, history pages).
    Fetched,
}

/// The newest message held of a conversation that is not a note.
fn newest(messages: &BTreeMap<i64, Message>) -> Option<&Message> {
    messages
        .values()
        .rev()
        .find(|m| m.kind != MessageKind::Note)
}

/// `items` as fetched, updated with what the socket brought since: each
/// badge is `last seq - staff read seq` (the server's count) over the newest
/// seq and read mark held; `Latest` re-sorts by the newest message's time;
/// `Awaiting` drops conversations an agent has answered since.
pub fn live(
    mut items: Vec<ConversationSummary>,
    order: Order,
    messages: &HashMap<Id, BTreeMap<i64, Message>>,
    reads: &HashMap<Id, (i64, i64)>,
) -> Vec<ConversationSummary> {
    for s in &mut items {
        let c = &mut s.conversation;
        let held = messages.get(&c.id);
        if let Some(last) = held.and_then(|m| m.values().next_back()) {
            if last.seq > c.last_seq {
                c.last_seq = last.seq;
                c.last_message_at = c.last_message_at.max(last.created_at);
            }
        }
        if let Some((_, staff_read)) = reads.get(&c.id) {
            c.staff_read_seq = c.staff_read_seq.max(*staff_read);
        }
        s.unread = (c.last_seq - c.staff_read_seq).max(0);
    }
    match order {
        Order::Latest => items.sort_by(|a, b| {
            (b.conversation.last_message_at, b.conversation.id)
                .cmp(&(a.conversation.last_message_at, a.conversation.id))
        }),
        Order::Awaiting => items.retain(|s| {
            messages
                .get(&s.conversation.id)
                .and_then(newest)
                .is_none_or(|m| m.sender_kind == SenderKind::Member)
        }),
        Order::Fetched => {}
    }
    items
}

/// The conversations whose newest message held is the customer's: when
/// this set changes, the unreplied list may have gained one and refetches.
pub fn awaiting(messages: &HashMap<Id, BTreeMap<i64, Message>>) -> Vec<Id> {
    let mut ids: Vec<Id> = messages
        .iter()
        .filter(|(_, m)| newest(m).is_some_and(|m| m.sender_kind == SenderKind::Member))
        .map(|(id, _)| *id)
        .collect();
    ids.sort_unstable();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use shipdesk::chat::{Conversation, ConversationStatus};

    fn summary(id: Id, last_seq: i64, at: i64, read: i64) -> ConversationSummary {
        ConversationSummary {
            conversation: Conversation {
                id,
                company_id: 1,
                member_id: id,
                desk_id: 1,
                status: ConversationStatus::Open,
                assignee_staff_id: Some(9),
                assigned_at: None,
                last_seq,
                last_message_at: Timestamp(at),
                awaiting_since: None,
                customer_read_seq: 0,
                staff_read_seq: read,
                created_at: Timestamp(0),
                updated_at: Timestamp(0),
                resolved_at: None,
            },
            member_name: String::new(),
            member_phone: String::new(),
            company_name: String::new(),
            desk_name_zh: String::new(),
            desk_name_en: String::new(),
            assignee_name: None,
            unread: (last_seq - read).max(0),
            last_message: None,
            queue_ahead: None,
        }
    }

    fn message(conv: Id, seq: i64, at: i64, from: SenderKind) -> Message {
        Message {
            id: seq,
            conversation_id: conv,
            seq,
            sender_kind: from,
            sender_id: 0,
            client_id: String::new(),
            kind: MessageKind::Text,
            body: String::new(),
            reply_to_seq: None,
            recalled: false,
            created_at: Timestamp(at),
        }
    }

    fn held(list: &[Message]) -> HashMap<Id, BTreeMap<i64, Message>> {
        let mut m: HashMap<Id, BTreeMap<i64, Message>> = HashMap::new();
        for msg in list {
            m.entry(msg.conversation_id)
                .or_default()
                .insert(msg.seq, msg.clone());
        }
        m
    }

    #[test]
    fn a_live_message_raises_the_badge_and_moves_its_conversation_first() {
        let items = vec![summary(1, 3, 300, 3), summary(2, 5, 200, 4)];
        let messages = held(&[message(2, 6, 400, SenderKind::Member)]);

        let shown = live(items, Order::Latest, &messages, &HashMap::new());

        assert_eq!(shown[0].conversation.id, 2);
        assert_eq!(shown[0].unread, 2);
        assert_eq!(shown[1].unread, 0);
    }

    #[test]
    fn a_read_mark_clears_the_badge() {
        let items = vec![summary(1, 3, 300, 1)];
        let reads = HashMap::from([(1, (0, 3))]);

        let shown = live(items, Order::Latest, &HashMap::new(), &reads);

        assert_eq!(shown[0].unread, 0);
    }

    #[test]
    fn an_answered_conversation_leaves_the_unreplied_list() {
        let items = vec![summary(1, 3, 300, 3), summary(2, 5, 200, 5)];
        let messages = held(&[
            message(1, 4, 400, SenderKind::Staff),
            message(2, 6, 410, SenderKind::Member),
        ]);

        let shown = live(items, Order::Awaiting, &messages, &HashMap::new());

        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].conversation.id, 2);
        assert_eq!(awaiting(&messages), vec![2]);
    }
}
