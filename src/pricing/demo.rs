//! The demo catalogue: about thirty channels across every mode to the US,
//! the UK, Germany, Japan and Canada, with real FBA warehouse codes,
//! breaks and surcharges of the kind forwarders publish, valid from a month
//! before `today` to half a year after, so a new user's first search finds
//! plausible plans. Pure: `seed-demo` stores it.

use super::model::*;
use crate::types::Id;

/// (code, name, FBA codes, postcode ranges, price factor in percent)
type ZoneSpec = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    i64,
);

const US: &[ZoneSpec] = &[
    (
        "US-W",
        "美西",
        &["ONT8", "LGB8", "LAX9", "SBD1", "SMF3", "PHX7", "GYR3"],
        &[("850", "961")],
        100,
    ),
    (
        "US-C",
        "美中",
        &["MDW2", "IND9", "DFW6", "FTW1", "MQJ1", "STL4"],
        &[("460", "799")],
        106,
    ),
    (
        "US-E",
        "美东",
        &[
            "JFK8", "ABE8", "AVP1", "BWI2", "CLT2", "RDU1", "TEB9", "MDT1",
        ],
        &[("010", "399")],
        110,
    ),
];
const UK: &[ZoneSpec] = &[(
    "UK",
    "英国",
    &["LTN4", "BHX4", "MAN1", "EDI4", "LBA4", "BRS1"],
    &[],
    100,
)];
const DE: &[ZoneSpec] = &[(
    "DE",
    "德国",
    &["DTM2", "FRA7", "MUC3", "LEJ1", "HAM2", "BER3"],
    &[],
    100,
)];
const JP: &[ZoneSpec] = &[("JP", "日本", &["NRT5", "NRT2", "KIX4", "FSZ1"], &[], 100)];
const CA: &[ZoneSpec] = &[
    ("CA-E", "加东", &["YYZ4", "YYZ7", "YOW1"], &[], 100),
    ("CA-W", "加西", &["YVR2", "YVR4", "YYC1"], &[], 104),
];

/// One line of the demo catalogue.
struct Spec {
    name: &'static str,
    carrier: &'static str,
    mode: Mode,
    country: &'static str,
    zones: &'static [ZoneSpec],
    /// Fen per kg (per CBM for sea) at the first break.
    base_fen: i64,
    transit: (u16, u16),
    cutoffs: &'static [Weekday],
    tax_included: bool,
    battery: bool,
    special: bool,
}

const fn spec(
    name: &'static str,
    carrier: &'static str,
    mode: Mode,
    country: &'static str,
    zones: &'static [ZoneSpec],
    base_fen: i64,
    transit: (u16, u16),
) -> Spec {
    Spec {
        name,
        carrier,
        mode,
        country,
        zones,
        base_fen,
        transit,
        cutoffs: &[],
        tax_included: true,
        battery: false,
        special: false,
    }
}

use Mode::*;
use Weekday::*;

fn specs() -> Vec<Spec> {
    let b = |mut s: Spec| {
        s.battery = true;
        s
    };
    let cut = |mut s: Spec, days: &'static [Weekday]| {
        s.cutoffs = days;
        s
    };
    let special = |mut s: Spec| {
        s.special = true;
        s
    };
    let untaxed = |mut s: Spec| {
        s.tax_included = false;
        s
    };
    vec![
        b(cut(
            spec(
                "美森正班快船",
                "美森 Matson + UPS 派送",
                SeaExpress,
                "US",
                US,
                1350,
                (18, 25),
            ),
            &[Mon, Thu],
        )),
        cut(
            spec(
                "美森加班船",
                "美森 Matson CLX+ + 卡派",
                SeaExpress,
                "US",
                US,
                1250,
                (22, 30),
            ),
            &[Wed],
        ),
        b(cut(
            spec(
                "以星快船 ZIM",
                "以星 ZIM ZEX + UPS",
                SeaExpress,
                "US",
                US,
                1080,
                (25, 35),
            ),
            &[Tue],
        )),
        special(cut(
            spec(
                "美森特价线",
                "美森 Matson + FedEx Ground",
                SeaExpress,
                "US",
                US,
                990,
                (20, 28),
            ),
            &[Fri],
        )),
        cut(
            spec(
                "普船海卡",
                "COSCO 普船 + 卡车派送",
                Sea,
                "US",
                US,
                145_000,
                (35, 45),
            ),
            &[Sat],
        ),
        untaxed(cut(
            spec(
                "海运整柜拼箱",
                "EMC 长荣 + 卡派（不包税）",
                Sea,
                "US",
                US,
                118_000,
                (38, 50),
            ),
            &[Thu],
        )),
        b(cut(
            spec(
                "美国空派专线",
                "国航直飞 + UPS 派送",
                AirExpress,
                "US",
                US,
                3900,
                (8, 12),
            ),
            &[Mon, Wed, Fri],
        )),
        cut(
            spec(
                "美国空派经济",
                "中转空运 + USPS",
                AirExpress,
                "US",
                US,
                3300,
                (10, 15),
            ),
            &[Tue, Sat],
        ),
        b(spec(
            "UPS 红单",
            "UPS Worldwide Saver",
            Express,
            "US",
            US,
            5600,
            (3, 6),
        )),
        spec("DHL 快递", "DHL Express", Express, "US", US, 6100, (3, 5)),
        b(cut(
            spec(
                "英国海派",
                "海运 + Royal Mail / DPD",
                SeaExpress,
                "GB",
                UK,
                1250,
                (28, 35),
            ),
            &[Wed],
        )),
        b(cut(
            spec(
                "英国空派",
                "空运直飞 + DPD",
                AirExpress,
                "GB",
                UK,
                3600,
                (8, 12),
            ),
            &[Mon, Thu],
        )),
        cut(
            spec(
                "中欧班列（英国）",
                "中欧班列 + DPD",
                Rail,
                "GB",
                UK,
                1650,
                (25, 32),
            ),
            &[Sat],
        ),
        cut(
            spec("英国卡航", "卡车 + DPD", Truck, "GB", UK, 1780, (20, 26)),
            &[Sun],
        ),
        spec("DHL 英国", "DHL Express", Express, "GB", UK, 5200, (3, 5)),
        b(cut(
            spec(
                "德国海派",
                "海运 + DHL Paket",
                SeaExpress,
                "DE",
                DE,
                1200,
                (28, 35),
            ),
            &[Tue],
        )),
        b(cut(
            spec(
                "德国空派",
                "空运 + DHL Paket",
                AirExpress,
                "DE",
                DE,
                3500,
                (8, 12),
            ),
            &[Mon, Thu],
        )),
        cut(
            spec(
                "中欧班列（德国）",
                "中欧班列 + DHL",
                Rail,
                "DE",
                DE,
                1550,
                (22, 28),
            ),
            &[Wed, Sat],
        ),
        cut(
            spec("德国卡航", "卡车 + DHL", Truck, "DE", DE, 1680, (18, 24)),
            &[Sun],
        ),
        special(cut(
            spec(
                "德国铁路特价",
                "中欧班列 + GLS",
                Rail,
                "DE",
                DE,
                1380,
                (24, 30),
            ),
            &[Fri],
        )),
        spec(
            "UPS 德国",
            "UPS Worldwide Saver",
            Express,
            "DE",
            DE,
            5000,
            (3, 6),
        ),
        b(cut(
            spec(
                "日本海派",
                "海运 + 佐川急便",
                SeaExpress,
                "JP",
                JP,
                900,
                (8, 12),
            ),
            &[Tue, Fri],
        )),
        b(cut(
            spec(
                "日本空派",
                "空运 + ヤマト運輸",
                AirExpress,
                "JP",
                JP,
                2200,
                (4, 7),
            ),
            &[Mon, Wed, Fri],
        )),
        spec("日本快递 OCS", "OCS 快递", Express, "JP", JP, 2800, (2, 4)),
        untaxed(cut(
            spec(
                "日本海运（不包税）",
                "海运 + 卡车",
                Sea,
                "JP",
                JP,
                95_000,
                (10, 15),
            ),
            &[Thu],
        )),
        b(cut(
            spec(
                "加拿大海派",
                "海运 + Canada Post",
                SeaExpress,
                "CA",
                CA,
                1450,
                (25, 32),
            ),
            &[Wed],
        )),
        b(cut(
            spec(
                "加拿大空派",
                "空运 + UPS",
                AirExpress,
                "CA",
                CA,
                4200,
                (9, 13),
            ),
            &[Tue, Fri],
        )),
        spec("DHL 加拿大", "DHL Express", Express, "CA", CA, 6300, (4, 6)),
        cut(
            spec(
                "加拿大海卡",
                "普船 + 卡派",
                Sea,
                "CA",
                CA,
                152_000,
                (38, 48),
            ),
            &[Sat],
        ),
        special(b(cut(
            spec(
                "美国空派特价",
                "空运包机 + UPS",
                AirExpress,
                "US",
                US,
                3100,
                (9, 13),
            ),
            &[Thu],
        ))),
    ]
}

/// Kg breaks and their price in percent of the first one.
const KG_BREAKS: &[(i64, i64)] = &[
    (0, 100),
    (21, 96),
    (45, 92),
    (71, 89),
    (101, 86),
    (301, 83),
    (501, 80),
    (1000, 77),
];
/// CBM breaks.
const CBM_BREAKS: &[(i64, i64)] = &[(0, 100), (2, 96), (5, 92), (10, 88), (20, 85)];

fn zone(z: &ZoneSpec, base: i64, breaks: &[(i64, i64)]) -> Zone {
    let (code, name, fba, postcodes, factor) = *z;
    Zone {
        code: code.into(),
        name: name.into(),
        fba_codes: fba.iter().map(|c| c.to_string()).collect(),
        postcodes: postcodes
            .iter()
            .map(|(from, to)| PostcodeRange {
                from: from.to_string(),
                to: to.to_string(),
            })
            .collect(),
        rates: breaks
            .iter()
            .map(|&(from, pct)| Rate {
                from: Qty::units(from),
                fen: base * factor / 100 * pct / 100,
            })
            .collect(),
    }
}

fn surcharges(s: &Spec, today: Date) -> Vec<Surcharge> {
    let mut out = vec![];
    let per_kg = s.mode != Sea;
    if s.battery {
        out.push(Surcharge {
            name: "带电附加费".into(),
            charge: if per_kg {
                Charge::Unit { fen: 200 }
            } else {
                Charge::Unit { fen: 15_000 }
            },
            when: vec![Condition::Goods {
                types: vec![GoodsType::Battery],
            }],
        });
    }
    if s.mode != Express {
        out.push(Surcharge {
            name: "超重费（单箱超 23 kg）".into(),
            charge: Charge::Carton { fen: 3000 },
            when: vec![Condition::CartonOver { kg: 23 }],
        });
    }
    out.push(Surcharge {
        name: "超长费（单边超 120 cm）".into(),
        charge: Charge::Carton { fen: 10_000 },
        when: vec![Condition::SideOver { cm: 120 }],
    });
    if s.country == "US" {
        out.push(Surcharge {
            name: "偏远地区附加费".into(),
            charge: Charge::Shipment { fen: 20_000 },
            when: vec![Condition::RemotePostcode {
                ranges: vec![
                    PostcodeRange {
                        from: "967".into(),
                        to: "968".into(),
                    },
                    PostcodeRange {
                        from: "995".into(),
                        to: "999".into(),
                    },
                ],
            }],
        });
    }
    let (y, _, _) = today.ymd();
    if let (Some(from), Some(to)) = (Date::from_ymd(y, 11, 1), Date::from_ymd(y, 12, 31)) {
        out.push(Surcharge {
            name: "旺季附加费".into(),
            charge: Charge::Percent { basis_points: 800 },
            when: vec![Condition::Season {
                days: DateRange { from, to },
            }],
        });
    }
    out
}

fn channel(id: Id, s: &Spec, today: Date) -> Channel {
    let sea = s.mode == Sea;
    let breaks = if sea { CBM_BREAKS } else { KG_BREAKS };
    let mut accepts = vec![GoodsType::General, GoodsType::Textile];
    if s.battery {
        accepts.push(GoodsType::Battery);
    }
    if s.mode == Sea || s.mode == Rail || s.mode == Truck {
        accepts.push(GoodsType::Magnetic);
    }
    let mut tags = vec![];
    if s.tax_included {
        tags.push("包税".to_owned());
    }
    if s.battery {
        tags.push("带电".to_owned());
    }
    tags.push("可走纺织品".to_owned());
    if s.transit.1 <= 12 {
        tags.push("限时达".to_owned());
    }
    if s.special {
        tags.push("特价".to_owned());
    }
    let days = |n: i32| Date::from_days(today.days() + n);
    Channel {
        id,
        name: s.name.into(),
        mode: s.mode,
        carrier: s.carrier.into(),
        origins: match s.mode {
            Express => vec!["深圳".into(), "广州".into(), "义乌".into(), "上海".into()],
            Rail | Truck => vec!["义乌".into(), "深圳".into()],
            _ => vec!["深圳".into(), "义乌".into(), "宁波".into(), "上海".into()],
        },
        country: s.country.into(),
        zones: s
            .zones
            .iter()
            .map(|z| zone(z, s.base_fen, breaks))
            .collect(),
        basis: match s.mode {
            Sea => Basis::Cbm { kg_per_cbm: 363 },
            Express => Basis::Kg { divisor: 5000 },
            _ => Basis::Kg { divisor: 6000 },
        },
        min_shipment: if sea {
            Qty::units(1)
        } else if s.mode == Express {
            Qty(500)
        } else {
            Qty::units(21)
        },
        // 单箱最低计费: 10 kg a carton, except by express and by CBM.
        min_carton: match s.mode {
            Sea => Qty(0),
            Express => Qty(500),
            _ => Qty::units(10),
        },
        rounding: if sea {
            Qty(10)
        } else if s.mode == Express {
            Qty(500)
        } else {
            Qty::units(1)
        },
        limits: Limits {
            max_carton_kg: Some(if s.mode == Express { 30 } else { 50 }),
            max_side_cm: Some(if s.mode == Express { 120 } else { 150 }),
        },
        accepts,
        surcharges: surcharges(s, today),
        customs_fee_fen: if s.tax_included { 0 } else { 25_000 },
        tax_included: s.tax_included,
        transit_days: DayRange {
            min: s.transit.0,
            max: s.transit.1,
        },
        cutoff_weekdays: s.cutoffs.to_vec(),
        validity: DateRange {
            from: days(-30),
            to: days(180),
        },
        special: s.special.then(|| DateRange {
            from: days(-3),
            to: days(30),
        }),
        tags,
        enabled: true,
        table_version: 1,
    }
}

/// The demo channels, ids from `first_id` on.
pub fn catalogue(first_id: Id, today: Date) -> Vec<Channel> {
    specs()
        .iter()
        .enumerate()
        .map(|(i, s)| channel(first_id + i as Id, s, today))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::{search, CargoInput, CartonInput, Catalogue, QuoteForSearch, QuoteQuery};

    #[test]
    fn the_demo_catalogue_passes_every_check_and_a_first_search_finds_plans() {
        let today = Date::from_ymd(2026, 12, 2).unwrap();
        let channels = catalogue(1, today);
        assert!(channels.len() >= 30);
        for c in ["US", "GB", "DE", "JP", "CA"] {
            assert!(channels.iter().any(|ch| ch.country == c), "{c}");
        }
        let cat = Catalogue::new(channels).unwrap();
        let input = QuoteForSearch {
            country: "US".into(),
            fba_code: Some("ONT8".into()),
            postcode: None,
            origin: Some("深圳".into()),
            cargo: CargoInput::Cartons {
                lines: vec![CartonInput {
                    count: 5,
                    length_cm: 50.0,
                    width_cm: 40.0,
                    height_cm: 30.0,
                    weight_kg: 22.0,
                }],
            },
            goods_type: GoodsType::Battery,
            wanted_date: None,
            mode: None,
            tag: None,
            special_only: false,
        };
        let q = QuoteQuery::parse(&input, today).unwrap();
        let plans = search(&cat, &q, today);
        assert!(plans.len() >= 5, "{}", plans.len());
        assert!(plans.iter().any(|p| p.cheapest) && plans.iter().any(|p| p.fastest));
        assert!(plans.iter().all(|p| p.total_fen > 0));
    }
}
