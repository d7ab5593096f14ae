//! Pure rules of chat: which agent gets a conversation, and who may read or
//! act on one. No I/O, so they are tested without a database.

use super::model::{AgentLoad, AgentStatus, Conversation, SenderKind};
use crate::auth::{Principal, Role};
use crate::error::{AppError, AppResult};
use crate::types::Id;

/// The agent a new conversation goes to: online, under their cap, least
/// loaded first, and on a tie the smallest staff id (stable and fair enough).
pub fn pick_agent(candidates: &[AgentLoad]) -> Option<Id> {
    candidates
        .iter()
        .filter(|a| a.status == AgentStatus::Online && a.open_count < a.max_concurrent)
        .min_by_key(|a| (a.open_count, a.staff_id))
        .map(|a| a.staff_id)
}

/// What a caller wants to do with a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// See its messages.
    Read,
    /// Write to it, mark it read, resolve it, recall in it.
    Act,
}

/// Who speaks in a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sender {
    pub kind: SenderKind,
    pub id: Id,
}

/// May `who` read or act on `conv`? A member only on their own (others'
/// conversations do not exist for them); staff need the cs or admin role;
/// admins may do anything; an agent acts only on conversations assigned to
/// them and reads those of the desks they serve (`serves_desk`).
pub fn check_access(
    who: &Principal,
    conv: &Conversation,
    need: Need,
    serves_desk: bool,
) -> AppResult<Sender> {
    match who {
        Principal::Member(m) if m.id == conv.member_id => Ok(Sender {
            kind: SenderKind::Member,
            id: m.id,
        }),
        Principal::Member(_) => Err(AppError::not_found("conversation")),
        // A partner app's conversations are those of its companies.
        Principal::Staff(s) if !s.sees_company(conv.company_id) => {
            Err(AppError::not_found("conversation"))
        }
        Principal::Staff(s) => {
            let assigned = conv.assignee_staff_id == Some(s.id);
            let ok = s.has(Role::Admin)
                || (s.has(Role::Cs) && (assigned || (need == Need::Read && serves_desk)));
            if ok {
                Ok(Sender {
                    kind: SenderKind::Staff,
                    id: s.id,
                })
            } else {
                Err(AppError::Forbidden)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{Lang, Member, Staff};
    use crate::chat::model::ConversationStatus;
    use crate::types::Timestamp;

    fn agent(staff_id: Id, status: AgentStatus, max: i64, open: i64) -> AgentLoad {
        AgentLoad {
            staff_id,
            name: String::new(),
            status,
            max_concurrent: max,
            open_count: open,
        }
    }

    #[test]
    fn the_least_loaded_online_agent_under_the_cap_is_picked() {
        let agents = [
            agent(1, AgentStatus::Online, 5, 3),
            agent(2, AgentStatus::Online, 5, 1),
            agent(3, AgentStatus::Online, 2, 2),
        ];
        assert_eq!(pick_agent(&agents), Some(2));
    }

    #[test]
    fn busy_offline_and_full_agents_are_skipped() {
        let agents = [
            agent(1, AgentStatus::Busy, 5, 0),
            agent(2, AgentStatus::Offline, 5, 0),
            agent(3, AgentStatus::Online, 3, 3),
            agent(4, AgentStatus::Online, 3, 2),
        ];
        assert_eq!(pick_agent(&agents), Some(4));
        assert_eq!(pick_agent(&agents[..3]), None);
    }

    #[test]
    fn a_tie_goes_to_the_smallest_staff_id_and_nobody_means_none() {
        let agents = [
            agent(9, AgentStatus::Online, 5, 1),
            agent(4, AgentStatus::Online, 5, 1),
        ];
        assert_eq!(pick_agent(&agents), Some(4));
        assert_eq!(pick_agent(&[]), None);
    }

    fn conv(member_id: Id, assignee: Option<Id>) -> Conversation {
        Conversation {
            id: 1,
            company_id: 1,
            member_id,
            desk_id: 1,
            status: ConversationStatus::Open,
            assignee_staff_id: assignee,
            assigned_at: None,
            last_seq: 0,
            last_message_at: Timestamp(0),
            awaiting_since: None,
            customer_read_seq: 0,
            staff_read_seq: 0,
            created_at: Timestamp(0),
            updated_at: Timestamp(0),
            resolved_at: None,
        }
    }

    fn staff(id: Id, roles: &[Role]) -> Principal {
        Principal::Staff(Staff::sample(id, roles))
    }

    fn member(id: Id) -> Principal {
        Principal::Member(Member {
            id,
            company_id: 1,
            phone: "13800000000".into(),
            name: "m".into(),
            disabled: false,
            lang: Lang::Zh,
            created_at: Timestamp(0),
        })
    }

    #[test]
    fn members_reach_only_their_own_conversations() {
        let c = conv(7, None);
        assert_eq!(
            check_access(&member(7), &c, Need::Act, false).unwrap().kind,
            SenderKind::Member
        );
        assert_eq!(
            check_access(&member(8), &c, Need::Read, false).unwrap_err(),
            AppError::not_found("conversation")
        );
    }

    #[test]
    fn agents_act_on_their_own_conversations_and_read_their_desks() {
        let c = conv(7, Some(1));
        let owner = staff(1, &[Role::Cs]);
        let colleague = staff(2, &[Role::Cs]);
        assert!(check_access(&owner, &c, Need::Act, false).is_ok());
        assert!(check_access(&colleague, &c, Need::Read, true).is_ok());
        assert_eq!(
            check_access(&colleague, &c, Need::Act, true).unwrap_err(),
            AppError::Forbidden
        );
        assert!(check_access(&colleague, &c, Need::Read, false).is_err());
        assert!(check_access(&staff(3, &[Role::Admin]), &c, Need::Act, false).is_ok());
        assert!(check_access(&staff(1, &[Role::Sales]), &c, Need::Read, true).is_err());
    }
}
