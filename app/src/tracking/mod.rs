//! Tracking in the portals: courier detection (`api`) and the tracking
//! core's error texts.

pub mod api;
pub mod text;
