//! Partner apps (admins): register, scope, pause, rotate the secret, read
//! each app's request log; and the token request partners sign.

pub mod api;
pub mod text;
pub mod views;
