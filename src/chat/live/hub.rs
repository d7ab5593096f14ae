//! The hub: the live sockets of this instance and the fan-out of chat events
//! to them. An event names its conversation's member, desk and staff, and
//! who may see it; the hub hands it to exactly the sockets entitled to it:
//!
//! - the member's sockets, unless the event is staff-only (notes);
//! - the sockets of the staff it names (assignee, previous assignee);
//! - the agents of the desk, for queue events (`to_desk`);
//! - every admin socket (supervisors watch all conversations).
//!
//! One instance (SQLite) delivers in-process. Several instances (PostgreSQL)
//! also hand every event to the others (`pg`: LISTEN/NOTIFY).
//!
//! Each socket has a bounded queue; a socket that falls too far behind is
//! dropped (its client reconnects and resumes) rather than slowing others.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

use super::pg::Outbound;
use crate::chat::model::{Conversation, SenderKind};
use crate::chat::wire::ServerMsg;
use crate::types::Id;

/// Frames a socket may have queued before it is dropped.
pub const SOCKET_QUEUE: usize = 4096;

/// Who an event reaches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Target {
    Conversation {
        member_id: Id,
        #[serde(alias = "role_id")]
        desk_id: Id,
        /// Staff named by the event (assignee, previous assignee).
        staff_ids: Vec<Id>,
        /// False for staff-only events (notes).
        to_member: bool,
        /// True for queue events: every agent of the desk.
        #[serde(alias = "to_role")]
        to_desk: bool,
    },
    /// Every staff socket (presence).
    AllStaff,
    /// Every socket of one person (their account changed).
    Person { kind: SenderKind, id: Id },
}

impl Target {
    /// Everyone with a part in `conv`: its member, assignee, admins.
    pub fn conversation(conv: &Conversation) -> Target {
        Target::Conversation {
            member_id: conv.member_id,
            desk_id: conv.desk_id,
            staff_ids: conv.assignee_staff_id.into_iter().collect(),
            to_member: true,
            to_desk: false,
        }
    }

    pub fn staff_only(mut self) -> Target {
        if let Target::Conversation { to_member, .. } = &mut self {
            *to_member = false;
        }
        self
    }

    /// Also the agents of the desk (the queue changed) and `also` (a
    /// previous assignee).
    pub fn with_desk(mut self, also: Option<Id>) -> Target {
        if let Target::Conversation {
            to_desk, staff_ids, ..
        } = &mut self
        {
            *to_desk = true;
            staff_ids.extend(also);
        }
        self
    }

    /// May a member's socket receive it at all?
    fn member_allowed(&self) -> bool {
        matches!(
            self,
            Target::Conversation {
                to_member: true,
                ..
            } | Target::Person {
                kind: SenderKind::Member,
                ..
            }
        )
    }
}

/// An event and its one serialized form.
#[derive(Debug)]
pub struct Delivery {
    pub msg: ServerMsg,
    pub text: String,
}

/// Who listens on a socket.
#[derive(Debug, Clone)]
pub enum Listener {
    Member(Id),
    Staff {
        id: Id,
        admin: bool,
        /// desks the agent serves.
        desks: Vec<Id>,
    },
}

struct Entry {
    tx: mpsc::Sender<Arc<Delivery>>,
    who: Listener,
    /// The socket's side: a member's socket gets only member-visible events.
    side: SenderKind,
}

#[derive(Default)]
struct Registry {
    conns: HashMap<u64, Entry>,
    members: HashMap<Id, Vec<u64>>,
    staff: HashMap<Id, Vec<u64>>,
    admins: Vec<u64>,
    desk_agents: HashMap<Id, Vec<u64>>,
}

fn remove_from(map: &mut HashMap<Id, Vec<u64>>, key: Id, conn: u64) -> usize {
    let left = match map.get_mut(&key) {
        Some(v) => {
            v.retain(|c| *c != conn);
            v.len()
        }
        None => 0,
    };
    if left == 0 {
        map.remove(&key);
    }
    left
}

impl Registry {
    fn remove(&mut self, conn: u64) -> Option<(Listener, usize)> {
        let entry = self.conns.remove(&conn)?;
        let left = match &entry.who {
            Listener::Member(id) => remove_from(&mut self.members, *id, conn),
            Listener::Staff { id, desks, .. } => {
                self.admins.retain(|c| *c != conn);
                for r in desks {
                    remove_from(&mut self.desk_agents, *r, conn);
                }
                remove_from(&mut self.staff, *id, conn)
            }
        };
        Some((entry.who, left))
    }

    /// The sockets `target` reaches, each once.
    fn recipients(&self, target: &Target, skip_side: Option<SenderKind>) -> Vec<u64> {
        let mut out: Vec<u64> = vec![];
        match target {
            Target::Conversation {
                member_id,
                desk_id,
                staff_ids,
                to_member,
                to_desk,
            } => {
                if *to_member && skip_side != Some(SenderKind::Member) {
                    out.extend(self.members.get(member_id).into_iter().flatten());
                }
                if skip_side != Some(SenderKind::Staff) {
                    for s in staff_ids {
                        out.extend(self.staff.get(s).into_iter().flatten());
                    }
                    if *to_desk {
                        out.extend(self.desk_agents.get(desk_id).into_iter().flatten());
                    }
                    out.extend(&self.admins);
                }
            }
            Target::AllStaff => {
                out.extend(self.staff.values().flatten());
            }
            Target::Person { kind, id } => {
                let by = match kind {
                    SenderKind::Member => &self.members,
                    _ => &self.staff,
                };
                out.extend(by.get(id).into_iter().flatten());
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

struct Inner {
    instance: u64,
    next_conn: AtomicU64,
    reg: RwLock<Registry>,
    /// Set on PostgreSQL: events for the other instances.
    outbound: OnceLock<Outbound>,
}

/// A socket's end of the hub: its id and its queue of deliveries. Give it
/// back with [`Hub::unregister`].
pub struct Subscription {
    pub id: u64,
    pub rx: mpsc::Receiver<Arc<Delivery>>,
}

#[derive(Clone)]
pub struct Hub {
    inner: Arc<Inner>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            inner: Arc::new(Inner {
                instance: crate::db::new_id() as u64,
                next_conn: AtomicU64::new(1),
                reg: RwLock::new(Registry::default()),
                outbound: OnceLock::new(),
            }),
        }
    }
}

impl Hub {
    /// A socket joins; events reach it from now on.
    pub fn register(&self, who: Listener) -> Subscription {
        let id = self.inner.next_conn.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = mpsc::channel(SOCKET_QUEUE);
        let mut reg = self.inner.reg.write().unwrap_or_else(|e| e.into_inner());
        let side = match &who {
            Listener::Member(m) => {
                reg.members.entry(*m).or_default().push(id);
                SenderKind::Member
            }
            Listener::Staff {
                id: s,
                admin,
                desks,
            } => {
                reg.staff.entry(*s).or_default().push(id);
                if *admin {
                    reg.admins.push(id);
                }
                for r in desks {
                    reg.desk_agents.entry(*r).or_default().push(id);
                }
                SenderKind::Staff
            }
        };
        reg.conns.insert(id, Entry { tx, who, side });
        Subscription { id, rx }
    }

    /// A socket leaves. Returns who it served and how many sockets that
    /// person still has on this instance.
    pub fn unregister(&self, conn: u64) -> Option<(Listener, usize)> {
        let mut reg = self.inner.reg.write().unwrap_or_else(|e| e.into_inner());
        reg.remove(conn)
    }

    /// This instance's id (presence rows name it).
    pub fn instance_id(&self) -> i64 {
        self.inner.instance as i64
    }

    /// How many sockets this instance holds.
    pub fn socket_count(&self) -> usize {
        let reg = self.inner.reg.read().unwrap_or_else(|e| e.into_inner());
        reg.conns.len()
    }

    /// How many sockets a staff member has on this instance.
    pub fn staff_sockets(&self, staff_id: Id) -> usize {
        let reg = self.inner.reg.read().unwrap_or_else(|e| e.into_inner());
        reg.staff.get(&staff_id).map_or(0, Vec::len)
    }

    /// Sends `msg` to the sockets `target` reaches here and on every other
    /// instance. Call it after the change it reports is committed.
    pub fn publish(&self, target: Target, msg: ServerMsg) {
        self.publish_from(target, None, msg);
    }

    /// As `publish`, but not to sockets of `skip_side` (typing is not echoed).
    pub fn publish_from(&self, target: Target, skip_side: Option<SenderKind>, msg: ServerMsg) {
        if let Some(out) = self.inner.outbound.get() {
            out.send(self.inner.instance, &target, skip_side, &msg);
        }
        self.deliver(&target, skip_side, msg);
    }

    /// Starts handing events to other instances through `out`; false if
    /// that was done already.
    pub(super) fn set_outbound(&self, out: Outbound) -> bool {
        self.inner.outbound.set(out).is_ok()
    }

    /// Did this instance publish an event that came back from elsewhere?
    pub(super) fn is_own(&self, origin: u64) -> bool {
        origin == self.inner.instance
    }

    /// Hands `msg` to this instance's sockets that `target` reaches.
    pub(super) fn deliver(&self, target: &Target, skip_side: Option<SenderKind>, msg: ServerMsg) {
        let text = match serde_json::to_string(&msg) {
            Ok(t) => t,
            Err(e) => {
                tracing::error!(error = %e, "chat event not serializable");
                return;
            }
        };
        let delivery = Arc::new(Delivery { msg, text });
        let mut dropped = vec![];
        {
            let reg = self.inner.reg.read().unwrap_or_else(|e| e.into_inner());
            for conn in reg.recipients(target, skip_side) {
                let Some(entry) = reg.conns.get(&conn) else {
                    continue;
                };
                if !target.member_allowed() && entry.side == SenderKind::Member {
                    continue;
                }
                if entry.tx.try_send(delivery.clone()).is_err() {
                    dropped.push(conn);
                }
            }
        }
        if !dropped.is_empty() {
            let mut reg = self.inner.reg.write().unwrap_or_else(|e| e.into_inner());
            for conn in dropped {
                tracing::warn!(conn, "socket too far behind: dropped");
                reg.remove(conn);
            }
        }
    }

    /// Tells every socket here to resume (events may have been missed).
    pub(super) fn resync_all(&self) {
        let delivery = Arc::new(Delivery {
            text: serde_json::to_string(&ServerMsg::Resync).unwrap_or_default(),
            msg: ServerMsg::Resync,
        });
        let reg = self.inner.reg.read().unwrap_or_else(|e| e.into_inner());
        for entry in reg.conns.values() {
            let _ = entry.tx.try_send(delivery.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(member: Id, staff: &[Id]) -> Target {
        Target::Conversation {
            member_id: member,
            desk_id: 1,
            staff_ids: staff.to_vec(),
            to_member: true,
            to_desk: false,
        }
    }

    fn got(s: &mut Subscription) -> Vec<String> {
        let mut out = vec![];
        while let Ok(d) = s.rx.try_recv() {
            out.push(d.text.clone());
        }
        out
    }

    #[tokio::test]
    async fn events_reach_exactly_the_entitled_sockets() {
        let hub = Hub::default();
        let mut m1 = hub.register(Listener::Member(1));
        let mut m2 = hub.register(Listener::Member(2));
        let mut agent = hub.register(Listener::Staff {
            id: 10,
            admin: false,
            desks: vec![1],
        });
        let mut other_agent = hub.register(Listener::Staff {
            id: 11,
            admin: false,
            desks: vec![1],
        });
        let mut boss = hub.register(Listener::Staff {
            id: 12,
            admin: true,
            desks: vec![],
        });
        hub.publish(target(1, &[10]), ServerMsg::Pong);
        assert_eq!(got(&mut m1).len(), 1);
        assert!(got(&mut m2).is_empty());
        assert_eq!(got(&mut agent).len(), 1);
        assert!(got(&mut other_agent).is_empty());
        assert_eq!(got(&mut boss).len(), 1);

        // A note: staff only.
        hub.publish(target(1, &[10]).staff_only(), ServerMsg::Pong);
        assert!(got(&mut m1).is_empty());
        assert_eq!(got(&mut agent).len(), 1);

        // A queue event reaches the desk's agents, once each.
        hub.publish(target(1, &[10]).with_desk(None), ServerMsg::Pong);
        assert_eq!(got(&mut agent).len(), 1);
        assert_eq!(got(&mut other_agent).len(), 1);
        assert_eq!(got(&mut m1).len(), 1);
        assert_eq!(got(&mut boss).len(), 2, "the note and the queue event");

        // Typing from the member: staff only.
        hub.publish_from(target(1, &[10]), Some(SenderKind::Member), ServerMsg::Pong);
        assert!(got(&mut m1).is_empty());
        assert_eq!(got(&mut agent).len(), 1);
        assert_eq!(got(&mut boss).len(), 1);

        hub.publish(Target::AllStaff, ServerMsg::Pong);
        assert!(got(&mut m1).is_empty());
        assert_eq!(got(&mut other_agent).len(), 1);

        got(&mut agent);
        let (who, left) = hub.unregister(agent.id).unwrap();
        assert!(matches!(who, Listener::Staff { id: 10, .. }));
        assert_eq!(left, 0);
        assert_eq!(hub.socket_count(), 4);
        hub.publish(target(1, &[10]), ServerMsg::Pong);
        assert!(got(&mut agent).is_empty());
    }

    #[tokio::test]
    async fn a_person_target_reaches_only_that_persons_sockets() {
        let hub = Hub::default();
        let mut member = hub.register(Listener::Member(1));
        let mut same_id_staff = hub.register(Listener::Staff {
            id: 1,
            admin: true,
            desks: vec![1],
        });
        let mut other = hub.register(Listener::Member(2));
        let member_1 = Target::Person {
            kind: SenderKind::Member,
            id: 1,
        };
        hub.publish(member_1, ServerMsg::AccountChanged);
        assert_eq!(got(&mut member).len(), 1);
        assert!(got(&mut same_id_staff).is_empty(), "not staff, not admins");
        assert!(got(&mut other).is_empty());
        let staff_1 = Target::Person {
            kind: SenderKind::Staff,
            id: 1,
        };
        hub.publish(staff_1, ServerMsg::AccountChanged);
        assert_eq!(got(&mut same_id_staff).len(), 1);
        assert!(got(&mut member).is_empty());
    }

    #[tokio::test]
    async fn a_socket_that_falls_behind_is_dropped() {
        let hub = Hub::default();
        let mut slow = hub.register(Listener::Member(1));
        for _ in 0..SOCKET_QUEUE + 1 {
            hub.publish(target(1, &[]), ServerMsg::Pong);
        }
        assert_eq!(hub.socket_count(), 0);
        // It still drains what was queued, then sees the end.
        let mut n = 0;
        while slow.rx.recv().await.is_some() {
            n += 1;
        }
        assert_eq!(n, SOCKET_QUEUE);
    }
}
