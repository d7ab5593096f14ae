//! Who may set webhooks up: checked by the service.

use crate::auth::Role;

/// Staff who register, pause, rotate and inspect webhooks.
pub const WEBHOOK_ADMINS: &[Role] = &[Role::Admin];
