//! The order's state machine, pure: which moves are legal from a status
//! (and, in exception, from the status it left), and which need a reason.
//!
//! booked → confirmed → (picked_up →) received → departed → arrived →
//! customs_cleared → out_for_delivery → delivered; a booking may be
//! rejected; any status not final may be cancelled, and any from confirmed
//! on may be held in exception, which resumes to the status it left or one
//! step past it.

use super::model::OrderStatus::{self, *};

/// The timeline's order of the statuses an order passes through; the
/// others (exception, cancelled, rejected) are off it.
pub const TIMELINE: [OrderStatus; 9] = [
    Booked,
    Confirmed,
    PickedUp,
    Received,
    Departed,
    Arrived,
    CustomsCleared,
    OutForDelivery,
    Delivered,
];

/// The status's place on the timeline; None off it.
pub fn rank(s: OrderStatus) -> Option<usize> {
    TIMELINE.iter().position(|&t| t == s)
}

/// No move leaves these.
pub fn is_final(s: OrderStatus) -> bool {
    matches!(s, Delivered | Cancelled | Rejected)
}

/// The moves along the timeline from `s` (not counting cancel or exception).
fn forward(s: OrderStatus) -> &'static [OrderStatus] {
    match s {
        Booked => &[Confirmed, Rejected],
        Confirmed => &[PickedUp, Received],
        PickedUp => &[Received],
        Received => &[Departed],
        Departed => &[Arrived],
        Arrived => &[CustomsCleared],
        CustomsCleared => &[OutForDelivery],
        OutForDelivery => &[Delivered],
        _ => &[],
    }
}

/// Why a move is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a legal move from here.
    Illegal,
    /// Legal, but only with a reason.
    ReasonRequired,
}

/// Whether an order at `from` (held from `held` when in exception) may move
/// to `to` with `note`.
pub fn check(
    from: OrderStatus,
    held: Option<OrderStatus>,
    to: OrderStatus,
    note: &str,
) -> Result<(), Refusal> {
    if is_final(from) || from == to {
        return Err(Refusal::Illegal);
    }
    let legal = match (from, to) {
        (_, Cancelled) => true,
        (Booked, Exception) => false,
        (_, Exception) => true,
        (Exception, to) => match held {
            Some(h) => to == h || forward(h).contains(&to),
            None => false,
        },
        (from, to) => forward(from).contains(&to),
    };
    if !legal {
        return Err(Refusal::Illegal);
    }
    if needs_reason(to) && note.trim().is_empty() {
        return Err(Refusal::ReasonRequired);
    }
    Ok(())
}

/// Cancelling, rejecting and raising an exception say why.
pub fn needs_reason(to: OrderStatus) -> bool {
    matches!(to, Cancelled | Rejected | Exception)
}

/// The statuses `from` may move to, in timeline order then the others.
pub fn next_statuses(from: OrderStatus, held: Option<OrderStatus>) -> Vec<OrderStatus> {
    OrderStatus::ALL
        .into_iter()
        .filter(|&to| check(from, held, to, "why").is_ok())
        .collect()
}

/// The status held while in exception: the one it came from (an order
/// already in exception keeps what it held).
pub fn held_after(
    from: OrderStatus,
    held: Option<OrderStatus>,
    to: OrderStatus,
) -> Option<OrderStatus> {
    match to {
        Exception => Some(if from == Exception { held? } else { from }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_booking_is_confirmed_or_rejected_and_nothing_else_moves_it_forward() {
        assert_eq!(check(Booked, None, Confirmed, ""), Ok(()));
        assert_eq!(
            check(Booked, None, Rejected, ""),
            Err(Refusal::ReasonRequired)
        );
        assert_eq!(check(Booked, None, Rejected, "超重"), Ok(()));
        assert_eq!(check(Booked, None, Received, ""), Err(Refusal::Illegal));
        assert_eq!(check(Booked, None, Exception, "x"), Err(Refusal::Illegal));
    }

    #[test]
    fn the_timeline_moves_one_step_at_a_time_and_pickup_may_be_skipped() {
        assert_eq!(check(Confirmed, None, PickedUp, ""), Ok(()));
        assert_eq!(check(Confirmed, None, Received, ""), Ok(()));
        assert_eq!(check(Received, None, Arrived, ""), Err(Refusal::Illegal));
        assert_eq!(check(Departed, None, Received, ""), Err(Refusal::Illegal));
        assert_eq!(check(OutForDelivery, None, Delivered, ""), Ok(()));
    }

    #[test]
    fn final_statuses_never_move() {
        for from in [Delivered, Cancelled, Rejected] {
            assert!(next_statuses(from, None).is_empty(), "{from}");
        }
    }

    #[test]
    fn an_exception_resumes_where_it_left_or_one_step_past() {
        assert_eq!(held_after(Departed, None, Exception), Some(Departed));
        assert_eq!(check(Exception, Some(Departed), Departed, ""), Ok(()));
        assert_eq!(check(Exception, Some(Departed), Arrived, ""), Ok(()));
        assert_eq!(
            check(Exception, Some(Departed), CustomsCleared, ""),
            Err(Refusal::Illegal)
        );
        assert_eq!(check(Exception, Some(Departed), Cancelled, "退回"), Ok(()));
        assert_eq!(check(Exception, None, Departed, ""), Err(Refusal::Illegal));
    }

    #[test]
    fn cancelling_needs_a_reason_from_any_status_not_final() {
        for from in [Booked, Confirmed, Received, Exception] {
            assert_eq!(
                check(from, Some(Confirmed), Cancelled, " "),
                Err(Refusal::ReasonRequired)
            );
            assert_eq!(check(from, Some(Confirmed), Cancelled, "客户取消"), Ok(()));
        }
    }

    fn any_status() -> impl Strategy<Value = OrderStatus> {
        (0..OrderStatus::ALL.len()).prop_map(|i| OrderStatus::ALL[i])
    }

    proptest! {
        /// Random moves from a booking: the refused ones change nothing;
        /// the timeline never goes back; a final status stays; delivered
        /// comes only after received.
        #[test]
        fn random_moves_keep_the_timeline(moves in proptest::collection::vec((any_status(), any::<bool>()), 0..60)) {
            let (mut status, mut held) = (Booked, None);
            let mut furthest = 0usize;
            let mut seen_received = false;
            for (to, with_reason) in moves {
                let note = if with_reason { "理由" } else { "" };
                let before = (status, held);
                match check(status, held, to, note) {
                    Ok(()) => {
                        prop_assert!(!is_final(status));
                        held = held_after(status, held, to);
                        status = to;
                    }
                    Err(_) => prop_assert_eq!((status, held), before),
                }
                if let Some(r) = rank(status) {
                    prop_assert!(r >= furthest, "went back to {}", status);
                    furthest = r;
                }
                seen_received |= status == Received;
                if status == Delivered {
                    prop_assert!(seen_received);
                }
                if status == Exception {
                    prop_assert!(held.is_some_and(|h| !is_final(h) && h != Booked));
                }
            }
        }
    }
}
