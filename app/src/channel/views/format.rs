//! How channel values read on the page: modes, countries, weekdays, goods
//! types, quantities and money, surcharges in words.

use shipdesk::pricing::{
    Basis, Charge, Condition, Country, GoodsType, Mode, PostcodeRange, Qty, Unit, Weekday,
};

use crate::i18n::{lang, Lang};

pub fn mode(m: Mode) -> &'static str {
    m.label(lang())
}

pub fn country(code: &str) -> String {
    Country::of(code).name(lang()).to_owned()
}

pub fn goods(g: GoodsType) -> &'static str {
    g.label(lang())
}

pub fn weekday(d: Weekday) -> &'static str {
    let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = d.index() as usize;
    match lang() {
        Lang::Zh => zh[i],
        Lang::En => en[i],
    }
}

/// `kg` / `方` (`CBM`).
pub fn unit(u: Unit) -> &'static str {
    match (u, lang()) {
        (Unit::Kg, _) => "kg",
        (Unit::Cbm, Lang::Zh) => "方",
        (Unit::Cbm, Lang::En) => "CBM",
    }
}

/// `21 kg`.
pub fn qty(q: Qty, u: Unit) -> String {
    format!("{} {}", q.format(), unit(u))
}

/// `¥12.5`.
pub fn money(fen: i64) -> String {
    format!("¥{}", shipdesk::pricing::sheet::yuan(fen))
}

pub fn list(items: &[String]) -> String {
    let sep = match lang() {
        Lang::Zh => "、",
        Lang::En => ", ",
    };
    items.join(sep)
}

pub fn ranges(rs: &[PostcodeRange]) -> String {
    let parts: Vec<String> = rs.iter().map(|r| format!("{}–{}", r.from, r.to)).collect();
    list(&parts)
}

/// `¥2/kg`, `¥30/箱`, `¥200/票`, `8%`.
pub fn charge(c: Charge, basis: Basis) -> String {
    let zh = lang() == Lang::Zh;
    match c {
        Charge::Unit { fen } => format!("{}/{}", money(fen), unit(basis.unit())),
        Charge::Carton { fen } => format!("{}/{}", money(fen), if zh { "箱" } else { "carton" }),
        Charge::Shipment { fen } => {
            format!("{}/{}", money(fen), if zh { "票" } else { "shipment" })
        }
        Charge::Percent { basis_points } => {
            let pct = Qty(basis_points as i64 * 10).format();
            let of = if zh { "运费的" } else { " of freight" };
            if zh {
                format!("{of} {pct}%")
            } else {
                format!("{pct}%{of}")
            }
        }
    }
}

/// A condition in words: `货物为 带电`, `单箱超 23 kg`.
pub fn condition(c: &Condition) -> String {
    let zh = lang() == Lang::Zh;
    match c {
        Condition::Goods { types } => {
            let names: Vec<String> = types.iter().map(|g| goods(*g).to_owned()).collect();
            if zh {
                format!("货物为 {}", list(&names))
            } else {
                format!("goods are {}", list(&names))
            }
        }
        Condition::RemotePostcode { ranges: rs } => {
            if zh {
                format!("偏远邮编 {}", ranges(rs))
            } else {
                format!("remote postcodes {}", ranges(rs))
            }
        }
        Condition::SideOver { cm } if zh => format!("单边超 {cm} cm"),
        Condition::SideOver { cm } => format!("a side over {cm} cm"),
        Condition::CartonOver { kg } if zh => format!("单箱超 {kg} kg"),
        Condition::CartonOver { kg } => format!("a carton over {kg} kg"),
        Condition::Season { days } if zh => format!("{} 至 {} 出运", days.from, days.to),
        Condition::Season { days } => format!("departing {} to {}", days.from, days.to),
    }
}

/// `13.50`: a rate with its two decimals, as price tables print them.
pub fn yuan2(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, (fen % 100).abs())
}

/// A level's adjustment: `+8%`, `-5%`, `+8.5%`, `0%`.
pub fn percent(bp: i32) -> String {
    let sign = match bp {
        b if b > 0 => "+",
        b if b < 0 => "-",
        _ => "",
    };
    format!("{sign}{}%", percent_number(bp.unsigned_abs()))
}

/// An adjustment as typed in its input: `8`, `-5`, `8.5`.
pub fn percent_input(bp: i32) -> String {
    let sign = if bp < 0 { "-" } else { "" };
    format!("{sign}{}", percent_number(bp.unsigned_abs()))
}

fn percent_number(bp: u32) -> String {
    let (whole, frac) = (bp / 100, bp % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// Reads a percent as people type it (`8`, `+8`, `-5`, `8.5%`, `８％`) into
/// basis points; not a number is an error on `field`. The range is the
/// level's own check.
pub fn parse_percent(field: &str, text: &str) -> Result<i32, shipdesk::AppError> {
    let nan = || shipdesk::AppError::validation(field, shipdesk::ErrorKey::CargoNotANumber);
    let norm: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '＋' => '+',
            '－' | '—' => '-',
            '．' => '.',
            other => other,
        })
        .filter(|c| !matches!(c, '%' | '％' | ' '))
        .collect();
    let v: f64 = norm.trim_start_matches('+').parse().map_err(|_| nan())?;
    if !v.is_finite() || v.abs() > 1_000_000.0 {
        return Err(shipdesk::AppError::validation(
            field,
            shipdesk::ErrorKey::LevelBpInvalid,
        ));
    }
    Ok((v * 100.0).round() as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents_read_back_as_they_were_typed() {
        assert_eq!(percent(800), "+8%");
        assert_eq!(percent(-500), "-5%");
        assert_eq!(percent(850), "+8.5%");
        assert_eq!(percent(0), "0%");
        assert_eq!(percent_input(-1_025), "-10.25");
        for (text, bp) in [("8", 800), ("+8", 800), ("-5%", -500), ("８．５％", 850)] {
            assert_eq!(parse_percent("default_bp", text), Ok(bp), "{text}");
        }
        let e = parse_percent("by_mode[1].bp", "八").unwrap_err();
        assert_eq!(e.field(), Some("by_mode[1].bp"));
    }
}
