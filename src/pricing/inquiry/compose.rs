//! From measurements to the cargo's totals. Cartons, sizes and per-carton
//! weights group into lines (`5箱 每箱 50*40*30cm 22kg` is one line of five
//! cartons); totals come from the text's own totals when it has them, else
//! from the lines, and are left out when a line has no count.

use super::numbers::{Amount, Dims, Kind, Measure, Scope};
use super::text::{Scan, Span};

/// A total with how sure it is and where it was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Value {
    pub amount: i64,
    pub confidence: f32,
    pub span: Span,
}

/// Grams, cm³ and cartons, and the measurements that gave none of them.
#[derive(Debug, Default)]
pub(super) struct Totals {
    pub weight_g: Option<Value>,
    pub volume_cm3: Option<Value>,
    pub cartons: Option<Value>,
    pub unused: Vec<Span>,
}

#[derive(Debug, Default)]
struct Line {
    count: Option<Value>,
    dims: Option<Value>,
    each_weight: Option<Value>,
    each_volume: Option<Value>,
}

impl Line {
    fn has_content(&self) -> bool {
        self.dims.is_some() || self.each_weight.is_some() || self.each_volume.is_some()
    }
}

fn value(a: &Amount, amount: i64, confidence: f32) -> Value {
    Value {
        amount,
        confidence,
        span: a.span,
    }
}

/// The text's totals and its carton lines.
#[derive(Default)]
struct Reader {
    lines: Vec<Line>,
    cur: Line,
    told: Totals,
}

impl Reader {
    fn next_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.cur));
    }

    /// A total said twice keeps the first; the second is unused.
    fn tell(slot: &mut Option<Value>, v: Value, unused: &mut Vec<Span>) {
        match slot {
            Some(_) => unused.push(v.span),
            None => *slot = Some(v),
        }
    }

    fn amount(&mut self, a: &Amount, after_dims: bool) {
        let per = a.scope == Scope::Each || (a.scope == Scope::Plain && after_dims);
        let sure = if a.scope == Scope::Each || !per {
            a.confidence
        } else {
            a.confidence - 0.2
        };
        match a.kind {
            Kind::Cartons if a.milli <= 0 || a.milli % 1000 != 0 => self.told.unused.push(a.span),
            Kind::Cartons if a.scope == Scope::Total => {
                let v = value(a, a.milli / 1000, a.confidence);
                Self::tell(&mut self.told.cartons, v, &mut self.told.unused);
            }
            Kind::Cartons => {
                if self.cur.count.is_some() && self.cur.has_content() {
                    self.next_line();
                }
                self.cur
                    .count
                    .get_or_insert(value(a, a.milli / 1000, a.confidence));
            }
            Kind::Weight if per => {
                if self.cur.each_weight.is_some() {
                    self.next_line();
                }
                self.cur.each_weight = Some(value(a, a.milli, sure));
            }
            Kind::Volume if a.scope == Scope::Each => {
                self.cur.each_volume = Some(value(a, a.milli * 1000, a.confidence));
            }
            Kind::Weight => {
                let v = value(a, a.milli, a.confidence);
                Self::tell(&mut self.told.weight_g, v, &mut self.told.unused);
            }
            Kind::Volume => {
                let v = value(a, a.milli * 1000, a.confidence);
                Self::tell(&mut self.told.volume_cm3, v, &mut self.told.unused);
            }
        }
    }
}

/// Σ count × per-carton figure over the lines that have the figure, if
/// each of them has a count.
fn sum(lines: &[Line], figure: impl Fn(&Line) -> Option<Value>) -> Option<Value> {
    let mut out: Option<Value> = None;
    for l in lines {
        let Some(f) = figure(l) else { continue };
        let n = l.count?;
        let conf = f.confidence.min(n.confidence) - 0.1;
        out = Some(match out {
            None => Value {
                amount: f.amount * n.amount,
                confidence: conf,
                span: f.span,
            },
            Some(o) => Value {
                amount: o.amount + f.amount * n.amount,
                confidence: o.confidence.min(conf),
                ..o
            },
        });
    }
    out
}

impl Reader {
    fn dims(&mut self, d: &Dims) {
        if self.cur.dims.is_some() {
            self.next_line();
        }
        let at = |amount| Value {
            amount,
            confidence: 0.9,
            span: d.span,
        };
        self.cur.dims = Some(at(d.cm3));
        if let Some(n) = d.count {
            self.cur.count.get_or_insert(at(n));
        }
    }
}

/// The cargo's totals from its measurements in text order.
pub(super) fn totals(scan: &Scan, measures: &[Measure]) -> Totals {
    let mut r = Reader::default();
    let mut last_dims: Option<Span> = None;
    for m in measures {
        match m {
            Measure::Dims(d) => r.dims(d),
            Measure::Amount(a) => {
                // A plain weight right after a size, in its clause, is the carton's.
                let after_dims = last_dims.is_some_and(|d| scan.clause_start(a.span.0) <= d.0);
                r.amount(a, after_dims);
            }
        }
        last_dims = match m {
            Measure::Dims(d) => Some(d.span),
            _ => None,
        };
    }
    finish(r)
}

/// The totals the text said, else those its lines add up to.
fn finish(mut r: Reader) -> Totals {
    r.next_line();
    let mut lines: Vec<Line> = r
        .lines
        .into_iter()
        .filter(|l| l.count.is_some() || l.has_content())
        .collect();
    let told = r.told;
    if let ([only], Some(n)) = (lines.as_mut_slice(), told.cartons) {
        only.count.get_or_insert(n);
    }
    let counted = sum(&lines, |l| l.count.map(|c| Value { amount: 1, ..c }));
    let counted = counted.map(|c| Value {
        confidence: c.confidence + 0.1,
        ..c
    });
    let mut unused = told.unused;
    let weight_g = told.weight_g.or_else(|| sum(&lines, |l| l.each_weight));
    if weight_g.is_none() {
        unused.extend(lines.iter().filter_map(|l| Some(l.each_weight?.span)));
    }
    let volume_cm3 = told
        .volume_cm3
        .or_else(|| sum(&lines, |l| l.each_volume.or(l.dims)));
    if volume_cm3.is_none() {
        unused.extend(
            lines
                .iter()
                .flat_map(|l| [l.dims, l.each_volume])
                .flatten()
                .map(|v| v.span),
        );
    }
    unused.sort();
    Totals {
        weight_g,
        volume_cm3,
        cartons: told.cartons.or(counted),
        unused,
    }
}
