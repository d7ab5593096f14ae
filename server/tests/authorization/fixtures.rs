//! Fresh targets for the cells: members, staff, companies, conversations
//! in each state, tokens, webhooks and canned replies, made through the core
//! services (never by the calls under test).

use shipdesk::auth::{Member, Principal, Staff};
use shipdesk::chat::{self, Conversation, MessageForSend, MessageKind};
use shipdesk::customer::Company;
use shipdesk::Id;

use crate::world::{Who, World};

const CHAT_STAFF: [shipdesk::auth::Role; 2] =
    [shipdesk::auth::Role::Cs, shipdesk::auth::Role::Admin];

impl World {
    /// A new member of `company` (named `Member <n>`).
    pub async fn fresh_member(&self, company: &Company) -> Member {
        let n = self.n();
        let phone = format!("137{n:08}");
        shipdesk::testing::member(
            self.state(),
            &self.admin,
            company,
            &format!("Member {n}"),
            &phone,
        )
        .await
    }

    /// A new staff member with `roles`.
    pub async fn fresh_staff(&self, roles: &[&str]) -> Staff {
        shipdesk::testing::staff(self.state(), &format!("fresh{}", self.n()), roles).await
    }

    /// A new company created by the admin, owned by `owner`.
    pub async fn fresh_company(&self, owner: Option<&Staff>) -> Company {
        let name = format!("Company {}", self.n());
        shipdesk::testing::company(self.state(), &self.admin, &name, owner).await
    }

    /// A new conversation of the first company assigned to `cs` (who
    /// started it), with one message of its member: the member caller's own
    /// when `who` is that member (their previous one resolved), a new
    /// member's otherwise.
    pub async fn conversation(&self, who: Who) -> Conversation {
        let member = if who == Who::Member {
            self.member.clone()
        } else {
            self.fresh_member(&self.company).await
        };
        let active = chat::repo::conversation::active(&self.state().db, member.id, self.desk.id)
            .await
            .unwrap();
        if let Some(c) = active {
            chat::service::agent::resolve(self.state(), &self.admin, c.id)
                .await
                .unwrap();
        }
        let conv = chat::service::handover::start_with_member(
            self.state(),
            &self.cs,
            member.id,
            self.desk.id,
        )
        .await
        .unwrap();
        self.say(&conv, &Principal::Member(member), "hello").await;
        chat::repo::conversation::by_id(&self.state().db, conv.id)
            .await
            .unwrap()
            .unwrap()
    }

    /// The member whose conversation `conv` is.
    pub async fn member_of(&self, conv: &Conversation) -> Member {
        shipdesk::auth::repo::member_by_id(&self.state().db, conv.member_id)
            .await
            .unwrap()
            .unwrap()
    }

    /// Resolves every unresolved conversation, so that agents' loads stay
    /// far from their caps whatever the cells before did.
    pub async fn tidy(&self) {
        let open: Vec<Id> =
            sqlx::query_scalar("SELECT id FROM conversations WHERE status <> 'resolved'")
                .fetch_all(&self.state().db)
                .await
                .unwrap();
        for id in open {
            chat::service::agent::resolve(self.state(), &self.admin, id)
                .await
                .unwrap();
        }
    }

    /// A new conversation of a new member assigned to the staff caller `who`
    /// (started by them in their desk); `conversation` for anyone else.
    pub async fn assigned_to(&self, who: Who) -> Conversation {
        let Some(staff) = self.staff(who).filter(|s| s.has_any(&CHAT_STAFF)) else {
            return self.conversation(who).await;
        };
        let member = self.fresh_member(&self.company).await;
        chat::service::handover::start_with_member(
            self.state(),
            staff,
            member.id,
            self.desk_of(who).id,
        )
        .await
        .unwrap()
    }

    /// A conversation of a new member waiting in the queue of `who`'s desk.
    pub async fn queued(&self, who: Who) -> Conversation {
        let member = self.fresh_member(&self.company).await;
        let now = shipdesk::Timestamp(self.state().now());
        let conv = Conversation {
            id: shipdesk::db::new_id(),
            company_id: member.company_id,
            member_id: member.id,
            desk_id: self.desk_of(who).id,
            status: chat::ConversationStatus::Queued,
            assignee_staff_id: None,
            assigned_at: None,
            last_seq: 0,
            last_message_at: now,
            awaiting_since: None,
            customer_read_seq: 0,
            staff_read_seq: 0,
            created_at: now,
            updated_at: now,
            resolved_at: None,
        };
        let mut conn = self.state().db.acquire().await.unwrap();
        chat::repo::conversation::insert(&mut *conn, &conv)
            .await
            .unwrap();
        conv
    }

    /// `who` writes `body` in `conv`; the stored message.
    pub async fn say(&self, conv: &Conversation, who: &Principal, body: &str) -> chat::Message {
        let input = MessageForSend {
            conversation_id: conv.id,
            client_id: format!("fixture-{}", self.n()),
            kind: MessageKind::Text,
            body: body.into(),
            reply_to_seq: None,
        };
        chat::service::send::send_message(self.state(), who, &input)
            .await
            .unwrap()
            .0
    }

    /// Who writes a message `who` may recall in `conv`: the caller when
    /// they may write there, the conversation's member otherwise.
    pub async fn writer(&self, who: Who, conv: &Conversation) -> Principal {
        match who {
            Who::Admin => Principal::Staff(self.admin.clone()),
            Who::Cs => Principal::Staff(self.cs.clone()),
            _ => Principal::Member(self.member_of(conv).await),
        }
    }

    /// A new API token of `staff`: its id.
    pub async fn token_of(&self, staff: &Staff) -> Id {
        shipdesk::auth::api_token::create(self.state(), staff, "fixture", None)
            .await
            .unwrap()
            .0
            .id
    }

    /// A new webhook: its id.
    pub async fn webhook(&self) -> Id {
        let input = shipdesk::webhook::WebhookForCreate {
            url: format!("https://hooks.example.com/hook/{}", self.n()),
            events: vec!["message.created".into()],
            ..Default::default()
        };
        shipdesk::webhook::service::create(self.state(), &self.admin, &input)
            .await
            .unwrap()
            .0
            .id
    }

    /// A new canned reply of `desk` (None: every desk): its id.
    pub async fn canned(&self, desk: Option<Id>) -> Id {
        let input = chat::CannedReplyForCreate {
            desk_id: desk,
            title: format!("Canned {}", self.n()),
            body: "您好".into(),
        };
        chat::service::admin::create_canned(self.state(), &self.admin, &input)
            .await
            .unwrap()
            .id
    }
}
