//! Departure from the next cut-off, ETA windows, validity edges.

use super::fixtures::*;
use super::{explain, Catalogue};
use crate::pricing::model::*;

fn on(days: &[Weekday]) -> Channel {
    let mut ch = base();
    ch.cutoff_weekdays = days.to_vec();
    ch
}

fn reasons(ch: Channel, q: &QuoteQuery, day: Date) -> Vec<NoMatch> {
    let cat = Catalogue::new(vec![ch]).unwrap();
    let mut e = explain(&cat, q, day);
    e.pop()
        .map(|e| e.reasons.into_iter().map(|r| r.why).collect())
        .unwrap_or_default()
}

#[test]
fn a_channel_departs_on_its_next_cut_off_day() {
    let q = query(heavy(1, 50.0));
    // Monday 2 March: Friday's cut-off is 6 March; Monday's is today.
    assert_eq!(plan_of(on(&[Weekday::Fri]), &q).departure, d(2026, 3, 6));
    assert_eq!(
        plan_of(on(&[Weekday::Mon, Weekday::Thu]), &q).departure,
        today()
    );
    assert_eq!(
        plan_of(on(&[]), &q).departure,
        today(),
        "no cut-off days: every day"
    );
    let p = plan_of(on(&[Weekday::Wed, Weekday::Sat]), &q);
    assert_eq!(p.departure, d(2026, 3, 4));
    assert_eq!(
        p.eta,
        DateRange {
            from: d(2026, 3, 22),
            to: d(2026, 3, 29)
        }
    );
}

#[test]
fn a_search_on_a_weekend_departs_the_next_week() {
    let q = query(heavy(1, 50.0));
    let saturday = d(2026, 3, 7);
    let p = plan_on(on(&[Weekday::Tue]), &q, saturday).unwrap();
    assert_eq!(p.departure, d(2026, 3, 10));
    let sunday = d(2026, 3, 8);
    assert_eq!(
        plan_on(on(&[Weekday::Sun]), &q, sunday).unwrap().departure,
        sunday
    );
    assert_eq!(
        plan_on(on(&[Weekday::Mon]), &q, sunday).unwrap().departure,
        d(2026, 3, 9)
    );
}

#[test]
fn departure_and_eta_cross_the_year_end() {
    let mut ch = on(&[Weekday::Mon]);
    ch.validity.to = d(2027, 6, 30);
    let q = query(heavy(1, 50.0));
    // Wednesday 30 December 2026 → Monday 4 January 2027.
    let p = plan_on(ch, &q, d(2026, 12, 30)).unwrap();
    assert_eq!(p.departure, d(2027, 1, 4));
    assert_eq!(
        p.eta,
        DateRange {
            from: d(2027, 1, 22),
            to: d(2027, 1, 29)
        }
    );

    let mut late = on(&[]);
    late.transit_days = DayRange { min: 3, max: 5 };
    let p = plan_on(late, &q, d(2026, 12, 29)).unwrap();
    assert_eq!(
        p.eta,
        DateRange {
            from: d(2027, 1, 1),
            to: d(2027, 1, 3)
        }
    );
}

#[test]
fn the_price_holds_for_departures_from_its_first_to_its_last_day() {
    let q = query(heavy(1, 50.0));
    let mut ch = base();
    ch.validity = DateRange {
        from: today(),
        to: today(),
    };
    assert!(
        plan_on(ch.clone(), &q, today()).is_some(),
        "both edges are inclusive"
    );
    assert_eq!(
        reasons(ch.clone(), &q, today().add_days(1)),
        vec![NoMatch::Expired { to: today() }]
    );
    assert_eq!(
        reasons(ch, &q, today().add_days(-1)),
        vec![NoMatch::NotYetValid { from: today() }]
    );
}

#[test]
fn validity_is_judged_on_the_departure_day_not_the_search_day() {
    let q = query(heavy(1, 50.0));
    let mut ch = on(&[Weekday::Fri]);
    ch.validity.to = d(2026, 3, 5);
    // Searched on Monday the 2nd, within validity, but the next boat leaves on the 6th.
    assert_eq!(
        reasons(ch.clone(), &q, today()),
        vec![NoMatch::Expired { to: d(2026, 3, 5) }]
    );
    ch.validity.to = d(2026, 3, 6);
    assert_eq!(plan_of(ch, &q).channel.valid_until, d(2026, 3, 6));
}

#[test]
fn a_special_price_holds_only_within_its_own_days() {
    let q = query(heavy(1, 50.0));
    let mut ch = base();
    let days = DateRange {
        from: d(2026, 3, 1),
        to: d(2026, 3, 15),
    };
    ch.special = Some(days);
    let p = plan_of(ch.clone(), &q);
    assert!(p.channel.special);
    assert_eq!(p.channel.valid_until, d(2026, 3, 15));
    assert_eq!(
        reasons(ch, &q, d(2026, 3, 16)),
        vec![NoMatch::SpecialNotInForce { days }]
    );
}

#[test]
fn a_wanted_date_keeps_only_plans_arriving_by_then() {
    let mut q = query(heavy(1, 50.0));
    // Departs today, arrives 20 to 27 March.
    q.wanted_date = Some(d(2026, 3, 27));
    assert!(plan_on(base(), &q, today()).is_some());
    q.wanted_date = Some(d(2026, 3, 26));
    let why = reasons(base(), &q, today());
    assert_eq!(
        why,
        vec![NoMatch::ArrivesTooLate {
            eta: d(2026, 3, 27),
            wanted: d(2026, 3, 26)
        }]
    );
    assert_eq!(
        why[0].text(crate::auth::Lang::Zh),
        "预计最晚2026-03-27到达，晚于期望的2026-03-26"
    );
}
