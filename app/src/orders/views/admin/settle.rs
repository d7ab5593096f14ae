//! What the detail page does after an action on the order: reloads it and
//! says it was updated; when someone else changed it first (a 409 on
//! `version`) reloads it too and says so; any other refusal stays with the
//! form that sent it, next to its field.

use leptos::prelude::*;
use shipdesk::orders::Order;
use shipdesk::AppError;

use crate::i18n::t;
use crate::orders::admin_text as text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    Updated,
    /// Someone else changed the order meanwhile.
    Changed,
}

/// The page's reload switch and what it says above the order (both outlive
/// the order's view, which is drawn again on every reload).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub reload: RwSignal<u32>,
    pub said: RwSignal<Option<Said>>,
}

/// Whether `e` says the order moved on since it was read.
pub fn is_stale(e: &AppError) -> bool {
    matches!(e, AppError::Conflict { field, .. } if field == "version")
}

impl Ctx {
    pub fn new() -> Self {
        Ctx {
            reload: RwSignal::new(0),
            said: RwSignal::new(None),
        }
    }

    /// Takes an action's answer: the error left for its form, if any.
    pub fn settle(self, r: Result<Order, AppError>) -> Option<AppError> {
        let said = match &r {
            Ok(_) => Said::Updated,
            Err(e) if is_stale(e) => Said::Changed,
            Err(e) => return Some(e.clone()),
        };
        self.said.set(Some(said));
        self.reload.update(|n| *n += 1);
        None
    }
}

/// The line above the order: updated (green) or changed by someone else
/// (amber).
#[component]
pub fn SaidBanner(said: RwSignal<Option<Said>>) -> impl IntoView {
    move || {
        said.get().map(|s| {
            let (class, role, msg) = match s {
                Said::Updated => (
                    "order-updated bg-emerald-50 border-emerald-200 text-emerald-700",
                    "status",
                    text::UPDATED,
                ),
                Said::Changed => (
                    "order-changed bg-amber-50 border-amber-300 text-amber-800",
                    "alert",
                    text::CHANGED_RELOADED,
                ),
            };
            view! {
                <div role=role class=format!("{class} rounded-lg border px-3 py-2 mb-3 text-sm")>
                    {move || t(msg)}
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shipdesk::ErrorKey;

    #[test]
    fn only_a_conflict_on_the_version_reads_as_someone_elses_change() {
        assert!(is_stale(&AppError::conflict(
            "version",
            ErrorKey::OrderChanged
        )));
        assert!(!is_stale(&AppError::conflict(
            "number",
            ErrorKey::ParcelNumberTaken
        )));
        assert!(!is_stale(&AppError::validation(
            "note",
            ErrorKey::OrderReasonRequired
        )));
    }
}
