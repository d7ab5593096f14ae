//! Departure, arrival and validity in whole days.

use crate::pricing::model::*;

/// The first cut-off day on or after `today` (`today` itself when the
/// channel departs every day).
pub(super) fn departure(today: Date, cutoffs: u8) -> Date {
    if cutoffs == 0 {
        return today;
    }
    let first = today.weekday().index();
    let ahead = (0..7)
        .find(|k| cutoffs & (1 << ((first + k) % 7)) != 0)
        .unwrap_or(0);
    today.add_days(ahead as i32)
}

pub(super) fn eta(departure: Date, transit: DayRange) -> DateRange {
    DateRange {
        from: departure.add_days(transit.min as i32),
        to: departure.add_days(transit.max as i32),
    }
}

/// The last departure day the price holds for.
pub(super) fn valid_until(ch: &Channel) -> Date {
    match ch.special {
        Some(s) => s.to.min(ch.validity.to),
        None => ch.validity.to,
    }
}

/// Why the price does not hold for this departure, or the cargo would
/// arrive after the wanted day.
pub(super) fn reasons(
    ch: &Channel,
    departure: Date,
    eta: DateRange,
    wanted: Option<Date>,
    out: &mut Vec<NoMatch>,
) {
    if departure < ch.validity.from {
        out.push(NoMatch::NotYetValid {
            from: ch.validity.from,
        });
    } else if departure > ch.validity.to {
        out.push(NoMatch::Expired { to: ch.validity.to });
    }
    if let Some(days) = ch.special.filter(|s| !s.contains(departure)) {
        out.push(NoMatch::SpecialNotInForce { days });
    }
    if let Some(wanted) = wanted.filter(|&w| eta.to > w) {
        out.push(NoMatch::ArrivesTooLate {
            eta: eta.to,
            wanted,
        });
    }
}
