//! A generated catalogue for the quote benchmarks: `channels` channels to
//! the US, each with `zones` zones of `breaks` weight breaks (500 × 20 × 10
//! = 100,000 price rows), five FBA codes and a postcode range a zone, and
//! the surcharge rules a real channel has. Every channel serves ONT8 (zone
//! 0) and postcode 90210, so a search prices all of them: the worst case.

use shipdesk::pricing::*;

pub fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

const MODES: [Mode; 6] = [
    Mode::SeaExpress,
    Mode::Sea,
    Mode::AirExpress,
    Mode::Express,
    Mode::Rail,
    Mode::Truck,
];
const FBA: [&str; 12] = [
    "LGB8", "LAX9", "SBD1", "SNA4", "PHX7", "DFW6", "MDW2", "IND9", "ABE8", "JFK8", "CLT2", "ATL6",
];

fn zone(c: usize, z: usize, breaks: usize) -> Zone {
    let fba_codes = match z {
        0 => vec![
            "ONT8".into(),
            "ONT6".into(),
            "LGB8".into(),
            "LAX9".into(),
            "SBD1".into(),
        ],
        _ => (0..5)
            .map(|k| format!("{}{}", &FBA[(z + k) % FBA.len()][..3], z % 10))
            .collect(),
    };
    let lo = format!("{:03}", (z * 47) % 1000);
    let postcodes = match z {
        0 => vec![PostcodeRange {
            from: "900".into(),
            to: "961".into(),
        }],
        _ => vec![PostcodeRange {
            from: lo.clone(),
            to: lo,
        }],
    };
    let froms = [0, 21, 45, 71, 101, 301, 501, 1000, 2000, 5000];
    let rates = (0..breaks)
        .map(|b| Rate {
            from: Qty::units(froms[b % froms.len()] + (b / froms.len()) as i64 * 10_000),
            fen: 3_000 - (b as i64) * 150 + (c as i64 % 37) * 10 + z as i64 * 20,
        })
        .collect();
    Zone {
        code: format!("Z{z}"),
        name: format!("Zone {z}"),
        fba_codes,
        postcodes,
        rates,
    }
}

fn surcharges() -> Vec<Surcharge> {
    let rule = |name: &str, charge, when| Surcharge {
        name: name.into(),
        charge,
        when,
    };
    vec![
        rule(
            "带电附加费",
            Charge::Unit { fen: 200 },
            vec![Condition::Goods {
                types: vec![GoodsType::Battery],
            }],
        ),
        rule(
            "超长费",
            Charge::Carton { fen: 5_000 },
            vec![Condition::SideOver { cm: 120 }],
        ),
        rule(
            "超重费",
            Charge::Carton { fen: 3_000 },
            vec![Condition::CartonOver { kg: 30 }],
        ),
        rule(
            "偏远附加费",
            Charge::Shipment { fen: 30_000 },
            vec![Condition::RemotePostcode {
                ranges: vec![PostcodeRange {
                    from: "995".into(),
                    to: "999".into(),
                }],
            }],
        ),
        rule(
            "旺季附加费",
            Charge::Unit { fen: 50 },
            vec![Condition::Season {
                days: DateRange {
                    from: day(2026, 11, 1),
                    to: day(2026, 12, 31),
                },
            }],
        ),
        rule("燃油附加费", Charge::Percent { basis_points: 300 }, vec![]),
    ]
}

pub fn channel(c: usize, zones: usize, breaks: usize) -> Channel {
    let mode = MODES[c % MODES.len()];
    Channel {
        id: c as i64 + 1,
        name: format!("{} 专线 {c}", mode.as_str()),
        mode,
        carrier: format!("Carrier {}", c % 40),
        origins: vec!["深圳".into(), "义乌".into(), "宁波".into()],
        country: "US".into(),
        zones: (0..zones).map(|z| zone(c, z, breaks)).collect(),
        basis: if mode == Mode::Sea {
            Basis::Cbm { kg_per_cbm: 363 }
        } else {
            Basis::Kg { divisor: 6000 }
        },
        min_shipment: if mode == Mode::Sea {
            Qty::units(1)
        } else {
            Qty::units(21)
        },
        min_carton: Qty(0),
        rounding: Qty(500),
        limits: Limits {
            max_carton_kg: Some(60),
            max_side_cm: Some(200),
        },
        accepts: vec![GoodsType::General, GoodsType::Battery, GoodsType::Textile],
        surcharges: surcharges(),
        customs_fee_fen: 15_000,
        tax_included: c.is_multiple_of(2),
        transit_days: DayRange {
            min: 8 + (c % 20) as u16,
            max: 13 + (c % 20 + c % 7) as u16,
        },
        cutoff_weekdays: vec![Weekday::ALL[c % 7], Weekday::ALL[(c + 3) % 7]],
        validity: DateRange {
            from: day(2026, 1, 1),
            to: day(2026, 12, 31),
        },
        special: c.is_multiple_of(10).then(|| DateRange {
            from: day(2026, 1, 1),
            to: day(2026, 6, 30),
        }),
        tags: vec!["包税".into(), "带电".into()],
        enabled: true,
        table_version: 1,
    }
}

pub fn channels(n: usize, zones: usize, breaks: usize) -> Vec<Channel> {
    (0..n).map(|c| channel(c, zones, breaks)).collect()
}

/// 300 kg in two kinds of carton, battery goods, to ONT8 from 深圳.
pub fn query(fba: bool) -> QuoteQuery {
    let input = QuoteForSearch {
        country: "US".into(),
        fba_code: fba.then(|| "ONT8".into()),
        postcode: (!fba).then(|| "90210".into()),
        origin: Some("深圳".into()),
        cargo: CargoInput::Cartons {
            lines: vec![
                CartonInput {
                    count: 10,
                    length_cm: 60.0,
                    width_cm: 50.0,
                    height_cm: 40.0,
                    weight_kg: 22.0,
                },
                CartonInput {
                    count: 4,
                    length_cm: 125.0,
                    width_cm: 40.0,
                    height_cm: 30.0,
                    weight_kg: 20.0,
                },
            ],
        },
        goods_type: GoodsType::Battery,
        wanted_date: None,
        mode: None,
        tag: None,
        special_only: false,
    };
    QuoteQuery::parse(&input, today()).unwrap()
}

pub fn today() -> Date {
    day(2026, 3, 2)
}
