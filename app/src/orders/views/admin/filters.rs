//! The list's filters: status, the booking days from–to, the destination,
//! a number or channel, quick orders only. The typed text applies on 搜索;
//! dates are checked here as the server checks them, so a bad one shows on
//! its field before anything is asked.

use leptos::prelude::*;
use shipdesk::orders::{OrderFilter, OrderStatus};
use shipdesk::pricing::Date;
use shipdesk::{AppError, ErrorKey};

use crate::components::text as common;
use crate::components::{field_error, Field, Select};
use crate::i18n::t;
use crate::orders::admin_text as text;
use crate::orders::text::status_label;

/// What was typed into the text filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Typed {
    pub from: String,
    pub to: String,
    pub destination: String,
    pub q: String,
}

impl Typed {
    /// The filter to send; a date that is not one, or a range that ends
    /// before it starts, is an error on its field.
    pub fn filter(
        &self,
        status: Option<OrderStatus>,
        quick: bool,
    ) -> Result<OrderFilter, AppError> {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let day = |field: &str, s: &str| some(s).map(|s| Date::parse(field, &s)).transpose();
        if let (Some(a), Some(b)) = (day("from", &self.from)?, day("to", &self.to)?) {
            if b < a {
                return Err(AppError::validation("to", ErrorKey::DateRangeInvalid));
            }
        }
        Ok(OrderFilter {
            status,
            from: some(&self.from),
            to: some(&self.to),
            destination: some(&self.destination),
            q: some(&self.q),
            company_id: None,
            quick_only: quick,
        })
    }
}

#[component]
pub fn FilterBar(
    /// The status picked (a code, "" for all), shared with the count tabs.
    status: RwSignal<String>,
    quick: RwSignal<bool>,
    on_search: Callback<Typed>,
    /// The list is of quick orders only (快捷下单列表): no switch.
    #[prop(optional)]
    quick_fixed: bool,
) -> impl IntoView {
    let (from, to, destination, q) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let error = RwSignal::new(None::<AppError>);
    let err = move |f: &'static str| Signal::derive(move || field_error(error.get(), f));
    // Drawn again when a tab picks the status, so the right one is selected.
    let options = Signal::derive(move || {
        status.track();
        OrderStatus::ALL
            .into_iter()
            .map(|s| (s.as_str().to_owned(), status_label(s).to_owned()))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Typed {
            from: from.get_untracked(),
            to: to.get_untracked(),
            destination: destination.get_untracked(),
            q: q.get_untracked(),
        };
        match typed.filter(None, false) {
            Err(e) => error.set(Some(e)),
            Ok(_) => {
                error.set(None);
                on_search.run(typed);
            }
        }
    };
    view! {
        <form class="order-filters flex flex-wrap items-start gap-x-3 mt-4" on:submit=submit>
            <div class="w-32">
                <Select
                    label=text::STATUS
                    name="status"
                    value=status
                    options
                    none=text::ANY_STATUS
                />
            </div>
            <div class="w-40">
                <Field label=text::FROM name="from" kind="date" value=from error=err("from") />
            </div>
            <div class="w-40">
                <Field label=text::TO name="to" kind="date" value=to error=err("to") />
            </div>
            <div class="w-32">
                <Field
                    label=text::DESTINATION
                    name="destination"
                    value=destination
                    error=err("destination")
                    placeholder=text::DESTINATION_HINT
                />
            </div>
            <div class="flex-1 min-w-40">
                <Field
                    label=text::SEARCH
                    name="q"
                    kind="search"
                    value=q
                    error=err("q")
                    placeholder=text::SEARCH_HINT
                />
            </div>
            <div class="mt-6 mb-3 flex h-[42px] items-center gap-3 whitespace-nowrap">
                <label
                    class="flex items-center gap-1.5 text-sm text-slate-600"
                    class:hidden=quick_fixed
                >
                    <input
                        type="checkbox"
                        name="quick_only"
                        class="quick-only h-4 w-4"
                        bind:checked=quick
                    />
                    {move || t(text::QUICK_ONLY)}
                </label>
                <button
                    type="submit"
                    class="search rounded-lg border border-slate-300 bg-white px-4 py-2 hover:bg-slate-50"
                >
                    {move || t(common::SEARCH)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(from: &str, to: &str) -> Typed {
        Typed {
            from: from.into(),
            to: to.into(),
            ..Typed::default()
        }
    }

    #[test]
    fn blank_filters_send_nothing_and_text_is_trimmed() {
        let t = Typed {
            q: "  P2026 ".into(),
            ..Typed::default()
        };
        let f = t.filter(Some(OrderStatus::Booked), true).unwrap();
        assert_eq!(f.q.as_deref(), Some("P2026"));
        assert_eq!((f.from, f.destination), (None, None));
        assert_eq!(f.status, Some(OrderStatus::Booked));
        assert!(f.quick_only);
    }

    #[test]
    fn a_bad_date_or_a_range_ending_before_it_starts_is_an_error_on_its_field() {
        let field = |t: Typed| {
            t.filter(None, false)
                .unwrap_err()
                .field()
                .map(str::to_owned)
        };
        assert_eq!(field(typed("2026-13-01", "")), Some("from".into()));
        assert_eq!(field(typed("2026-12-02", "2026-12-01")), Some("to".into()));
        assert!(typed("2026-12-01", "2026-12-01")
            .filter(None, false)
            .is_ok());
    }
}
