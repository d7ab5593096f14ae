//! Which staff roles chat admits; the finer rules (who may read or act on
//! one conversation) are `routing::check_access`. Every service checks these
//! itself, so a server function, the socket and a job see the same rules.

use crate::auth::Role;

/// Staff who work conversations at all: agents and supervisors.
pub const CHAT_STAFF: &[Role] = &[Role::Cs, Role::Admin];

/// Agents: staff with a status, a cap and desks to serve.
pub const AGENTS: &[Role] = &[Role::Cs];

/// Supervisors: take over, release, set up desks, agents and canned replies.
pub const SUPERVISORS: &[Role] = &[Role::Admin];
