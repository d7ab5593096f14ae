//! Who may manage accounts and tokens: pure rules, checked by the services.

use super::model::Role;

/// Staff who manage staff accounts (create, roles, passwords, disabling).
pub const STAFF_MANAGERS: &[Role] = &[Role::Admin];

/// Staff who see and revoke every account's API tokens.
pub const TOKEN_AUDITORS: &[Role] = &[Role::Admin];
