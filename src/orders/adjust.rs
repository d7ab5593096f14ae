//! The adjustment of a received order, pure: the quoted plan against the
//! plan of the measured cartons, line by line.

use super::model::{Adjustment, AdjustmentLine};
use crate::pricing::Plan;

/// Quoted against actual. Lines are matched by kind and label, in the
/// quoted plan's order, then the actual plan's new lines; a line only on
/// one side counts zero on the other. The lines' differences sum to the
/// totals' difference.
pub fn adjustment(quoted: &Plan, actual: &Plan) -> Adjustment {
    let key = |l: &crate::pricing::PriceLine| (l.kind, l.label.as_deref().map(str::to_owned));
    let mut lines: Vec<AdjustmentLine> = Vec::new();
    let mut add = |kind, label: Option<String>, q: i64, a: i64| match lines
        .iter_mut()
        .find(|l| l.kind == kind && l.label == label)
    {
        Some(l) => {
            l.quoted_fen += q;
            l.actual_fen += a;
            l.difference_fen = l.actual_fen - l.quoted_fen;
        }
        None => lines.push(AdjustmentLine {
            kind,
            label,
            quoted_fen: q,
            actual_fen: a,
            difference_fen: a - q,
        }),
    };
    for l in &quoted.lines {
        let (k, label) = key(l);
        add(k, label, l.amount_fen, 0);
    }
    for l in &actual.lines {
        let (k, label) = key(l);
        add(k, label, 0, l.amount_fen);
    }
    Adjustment {
        quoted: quoted.chargeable,
        actual: actual.chargeable,
        lines,
        quoted_total_fen: quoted.total_fen,
        actual_total_fen: actual.total_fen,
        difference_fen: actual.total_fen - quoted.total_fen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::quote::fixtures::{base, cartons, plan_of, query};
    use crate::pricing::{Cargo, LineKind};

    fn plan(count: u32, kg: f64) -> Plan {
        plan_of(
            base(),
            &query(Cargo::Cartons(vec![cartons(count, [50, 40, 30], kg)])),
        )
    }

    #[test]
    fn a_heavier_measurement_shows_the_freight_difference_and_sums_to_the_totals() {
        let quoted = plan(5, 20.0);
        let actual = plan(5, 26.0);
        let a = adjustment(&quoted, &actual);
        assert!(a.actual.chargeable > a.quoted.chargeable);
        assert!(a.difference_fen > 0);
        let freight = a
            .lines
            .iter()
            .find(|l| l.kind == LineKind::Freight)
            .unwrap();
        assert!(freight.difference_fen > 0);
        let sum: i64 = a.lines.iter().map(|l| l.difference_fen).sum();
        assert_eq!(sum, a.difference_fen);
        assert_eq!(a.difference_fen, actual.total_fen - quoted.total_fen);
    }

    #[test]
    fn the_same_cartons_give_no_difference() {
        let a = adjustment(&plan(3, 21.0), &plan(3, 21.0));
        assert_eq!(a.difference_fen, 0);
        assert!(a.lines.iter().all(|l| l.difference_fen == 0));
    }

    #[test]
    fn a_line_only_on_one_side_counts_zero_on_the_other() {
        let quoted = plan(2, 20.0);
        let mut actual = quoted.clone();
        let mut extra = actual.lines[0].clone();
        extra.kind = LineKind::Surcharge;
        extra.label = Some("超重附加费".into());
        extra.amount_fen = 5_000;
        actual.lines.push(extra);
        actual.total_fen += 5_000;
        let a = adjustment(&quoted, &actual);
        let line = a
            .lines
            .iter()
            .find(|l| l.label.as_deref() == Some("超重附加费"))
            .unwrap();
        assert_eq!(
            (line.quoted_fen, line.actual_fen, line.difference_fen),
            (0, 5_000, 5_000)
        );
        assert_eq!(a.difference_fen, 5_000);
    }
}
