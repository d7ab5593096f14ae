//! A small catalogue for the engine's tests: one US sea-express channel
//! with two zones, no surcharges until a test adds them.

use super::{search, Catalogue};
use crate::pricing::model::*;

pub fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

/// A Monday.
pub fn today() -> Date {
    d(2026, 3, 2)
}

pub fn kg(n: f64) -> Qty {
    Qty((n * 1000.0).round() as i64)
}

fn rates(fen: &[(i64, i64)]) -> Vec<Rate> {
    fen.iter()
        .map(|&(from, fen)| Rate {
            from: Qty::units(from),
            fen,
        })
        .collect()
}

pub fn range(from: &str, to: &str) -> PostcodeRange {
    PostcodeRange {
        from: from.into(),
        to: to.into(),
    }
}

/// US-W (ONT8, LGB8, LAX9; 900–961) and US-E (JFK8, ABE8; 070–089, 100–149).
fn zones() -> Vec<Zone> {
    let west = [
        (0, 1400),
        (21, 1300),
        (45, 1200),
        (100, 1100),
        (300, 1050),
        (500, 1000),
        (1000, 950),
    ];
    let east: Vec<(i64, i64)> = west.iter().map(|&(f, p)| (f, p + 100)).collect();
    vec![
        Zone {
            code: "US-W".into(),
            name: "美西".into(),
            fba_codes: vec!["ONT8".into(), "LGB8".into(), "LAX9".into()],
            postcodes: vec![range("900", "961")],
            rates: rates(&west),
        },
        Zone {
            code: "US-E".into(),
            name: "美东".into(),
            fba_codes: vec!["JFK8".into(), "ABE8".into()],
            postcodes: vec![range("070", "089"), range("100", "149")],
            rates: rates(&east),
        },
    ]
}

/// Breaks 0 / 21 / 45 / 100 / 300 / 500 / 1000 kg at ¥14 … ¥9.50 (West)
/// and ¥1 more (East); minimum 21 kg; 0.5 kg steps; departs every day.
pub fn base() -> Channel {
    Channel {
        id: 1,
        name: "美森快船".into(),
        mode: Mode::SeaExpress,
        carrier: "美森 Matson + UPS".into(),
        origins: vec!["深圳".into(), "义乌".into()],
        country: "US".into(),
        zones: zones(),
        basis: Basis::Kg { divisor: 6000 },
        min_shipment: Qty::units(21),
        min_carton: Qty(0),
        rounding: Qty(500),
        limits: Limits::default(),
        accepts: vec![GoodsType::General, GoodsType::Textile, GoodsType::Battery],
        surcharges: vec![],
        customs_fee_fen: 0,
        tax_included: true,
        transit_days: DayRange { min: 18, max: 25 },
        cutoff_weekdays: vec![],
        validity: DateRange {
            from: d(2026, 1, 1),
            to: d(2026, 12, 31),
        },
        special: None,
        tags: vec!["包税".into()],
        enabled: true,
        table_version: 3,
    }
}

/// `count` cartons of `sides` cm weighing `weight` kg each.
pub fn cartons(count: u32, sides: [i64; 3], weight: f64) -> CartonLine {
    CartonLine {
        count,
        sides_mm: sides.map(|s| s * 10),
        weight_g: kg(weight).0,
    }
}

/// Small cartons (20×20×20 cm, 1.33 kg volumetric) of `weight` kg.
pub fn heavy(count: u32, weight: f64) -> Cargo {
    Cargo::Cartons(vec![cartons(count, [20, 20, 20], weight)])
}

pub fn query(cargo: Cargo) -> QuoteQuery {
    QuoteQuery {
        country: "US".into(),
        fba_code: Some("ONT8".into()),
        postcode: None,
        origin: Some("深圳".into()),
        cargo,
        goods_type: GoodsType::General,
        wanted_date: None,
        mode: None,
        tag: None,
        special_only: false,
    }
}

/// The one plan of `ch` for `q` today; panics when there is none.
pub fn plan_of(ch: Channel, q: &QuoteQuery) -> Plan {
    plan_on(ch, q, today()).expect("a plan")
}

pub fn plan_on(ch: Channel, q: &QuoteQuery, day: Date) -> Option<Plan> {
    let cat = Catalogue::new(vec![ch]).unwrap();
    search(&cat, q, day).into_iter().next()
}

/// The line labelled `label` (`运费` and `报关费` by kind), if the plan has one.
pub fn line<'a>(p: &'a Plan, label: &str) -> Option<&'a PriceLine> {
    p.lines.iter().find(|l| match l.kind {
        LineKind::Freight => label == "运费",
        LineKind::Customs => label == "报关费",
        LineKind::Surcharge => l.label.as_deref() == Some(label),
    })
}
