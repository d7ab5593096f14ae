//! A booking's input checked field by field, pure: every error names its
//! field (`shipper.phone`, `cartons[1].weight_kg`, `goods[0].hs_code`).

use super::model::{Consignee, GoodsLine, OrderForBook, Shipper};
use crate::error::{AppError, AppResult};
use crate::pricing::model::{parse_fba_code, parse_postcode};
use crate::pricing::{Cargo, CargoInput, CartonInput};
use crate::ErrorKey;

pub const MAX_GOODS_LINES: usize = 50;
pub const MAX_REMARKS: usize = 500;
/// A line's declared value above this (USD) is a typing mistake.
pub const MAX_DECLARED_USD: f64 = 10_000_000.0;

fn text(field: &str, s: &str, max: usize) -> AppResult<String> {
    let s = s.trim();
    if s.is_empty() {
        Err(AppError::validation(field, ErrorKey::FieldRequired))
    } else if s.chars().count() > max {
        Err(AppError::validation(field, ErrorKey::TextTooLong))
    } else {
        Ok(s.to_owned())
    }
}

fn optional(field: &str, s: &Option<String>, max: usize) -> AppResult<Option<String>> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => text(field, s, max).map(Some),
        None => Ok(None),
    }
}

/// A phone as people write it: 5–20 digits, with `+`, `-` and spaces.
fn phone(field: &str, s: &str) -> AppResult<String> {
    let s = text(field, s, 24)?;
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let ok = (5..=20).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' '));
    if ok {
        Ok(s)
    } else {
        Err(AppError::validation(field, ErrorKey::PhoneInvalid))
    }
}

/// The client's key: 8–64 letters, digits, `-` or `_`.
pub fn client_key(s: &str) -> AppResult<String> {
    let s = s.trim();
    let ok = (8..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(s.to_owned())
    } else {
        Err(AppError::validation(
            "client_key",
            ErrorKey::OrderClientKeyInvalid,
        ))
    }
}

pub fn shipper(s: &Shipper) -> AppResult<Shipper> {
    Ok(Shipper {
        name: text("shipper.name", &s.name, 40)?,
        phone: phone("shipper.phone", &s.phone)?,
        address: text("shipper.address", &s.address, 200)?,
    })
}

/// Amazon's shipment ID: `FBA` and 6–12 letters or digits.
fn shipment_id(s: &str) -> AppResult<String> {
    let s = s.trim().to_ascii_uppercase();
    let ok = s.strip_prefix("FBA").is_some_and(|rest| {
        (6..=12).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    if ok {
        Ok(s)
    } else {
        Err(AppError::validation(
            "consignee.shipment_id",
            ErrorKey::OrderShipmentIdInvalid,
        ))
    }
}

/// The consignee, checked against the quote's destination: the same FBA
/// warehouse, or an address at the quoted postcode.
pub fn consignee(
    c: &Consignee,
    quoted_fba: Option<&str>,
    quoted_postcode: Option<&str>,
) -> AppResult<Consignee> {
    let mismatch = |field: &str| AppError::validation(field, ErrorKey::OrderDestinationMismatch);
    match c {
        Consignee::Fba {
            fba_code,
            shipment_id: sid,
            reference_id,
        } => {
            let code = parse_fba_code(fba_code).map_err(|_| {
                AppError::validation("consignee.fba_code", ErrorKey::FbaCodeInvalid)
            })?;
            if quoted_fba != Some(code.as_str()) {
                return Err(mismatch("consignee.fba_code"));
            }
            Ok(Consignee::Fba {
                fba_code: code,
                shipment_id: shipment_id(sid)?,
                reference_id: optional("consignee.reference_id", reference_id, 32)?,
            })
        }
        Consignee::Address {
            name,
            phone: p,
            postcode,
            city,
            address,
        } => {
            let code = parse_postcode(postcode).map_err(|_| {
                AppError::validation("consignee.postcode", ErrorKey::PostcodeInvalid)
            })?;
            match quoted_postcode {
                Some(q) if q == code => {}
                _ => return Err(mismatch("consignee.postcode")),
            }
            Ok(Consignee::Address {
                name: text("consignee.name", name, 60)?,
                phone: phone("consignee.phone", p)?,
                postcode: code,
                city: text("consignee.city", city, 60)?,
                address: text("consignee.address", address, 200)?,
            })
        }
    }
}

/// The cartons: at least one line, each plausible; errors on `cartons[i].…`.
pub fn cartons(lines: &[CartonInput]) -> AppResult<Cargo> {
    if lines.is_empty() {
        return Err(AppError::validation("cartons", ErrorKey::OrderCartonsEmpty));
    }
    let input = CargoInput::Cartons {
        lines: lines.to_vec(),
    };
    Cargo::parse(&input).map_err(|e| match e {
        AppError::Validation { field, key } => AppError::Validation {
            field: field.replacen("cargo.lines", "cartons", 1),
            key,
        },
        other => other,
    })
}

pub fn goods(lines: &[GoodsLine]) -> AppResult<Vec<GoodsLine>> {
    if lines.is_empty() {
        return Err(AppError::validation("goods", ErrorKey::OrderGoodsEmpty));
    }
    if lines.len() > MAX_GOODS_LINES {
        return Err(AppError::validation("goods", ErrorKey::OrderGoodsTooMany));
    }
    lines
        .iter()
        .enumerate()
        .map(|(i, g)| goods_line(i, g))
        .collect()
}

fn goods_line(i: usize, g: &GoodsLine) -> AppResult<GoodsLine> {
    let f = |name: &str| format!("goods[{i}].{name}");
    let hs: String = g
        .hs_code
        .chars()
        .filter(|c| !matches!(c, ' ' | '.'))
        .collect();
    if !(6..=10).contains(&hs.len()) || !hs.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::validation(
            &f("hs_code"),
            ErrorKey::OrderHsCodeInvalid,
        ));
    }
    let v = g.declared_value_usd;
    if !v.is_finite() || v <= 0.0 || v > MAX_DECLARED_USD {
        return Err(AppError::validation(
            &f("declared_value_usd"),
            ErrorKey::OrderValueInvalid,
        ));
    }
    if !(1..=1_000_000).contains(&g.quantity) {
        return Err(AppError::validation(
            &f("quantity"),
            ErrorKey::OrderQuantityInvalid,
        ));
    }
    Ok(GoodsLine {
        name_zh: text(&f("name_zh"), &g.name_zh, 60)?,
        name_en: text(&f("name_en"), &g.name_en, 100)?,
        hs_code: hs,
        material: text(&f("material"), &g.material, 40)?,
        declared_value_usd: (v * 100.0).round() / 100.0,
        quantity: g.quantity,
        brand: optional(&f("brand"), &g.brand, 40)?,
    })
}

pub fn remarks(s: &Option<String>) -> AppResult<String> {
    Ok(optional("remarks", s, MAX_REMARKS)?.unwrap_or_default())
}

/// Everything of a booking but the quote, checked.
pub struct Checked {
    pub client_key: String,
    pub shipper: Shipper,
    pub consignee: Consignee,
    pub cartons: Vec<CartonInput>,
    pub goods: Vec<GoodsLine>,
    pub remarks: String,
}

pub fn booking(
    b: &OrderForBook,
    quoted_fba: Option<&str>,
    quoted_postcode: Option<&str>,
) -> AppResult<Checked> {
    let key = client_key(&b.client_key)?;
    let shipper = shipper(&b.shipper)?;
    let consignee = consignee(&b.consignee, quoted_fba, quoted_postcode)?;
    cartons(&b.cartons)?;
    Ok(Checked {
        client_key: key,
        shipper,
        consignee,
        cartons: b.cartons.clone(),
        goods: goods(&b.goods)?,
        remarks: remarks(&b.remarks)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> GoodsLine {
        GoodsLine {
            name_zh: "蓝牙耳机".into(),
            name_en: "Bluetooth earphones".into(),
            hs_code: "8518.3000".into(),
            material: "塑料".into(),
            declared_value_usd: 1200.0,
            quantity: 300,
            brand: None,
        }
    }

    fn field(e: AppError) -> String {
        match e {
            AppError::Validation { field, .. } => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn goods_errors_name_the_line_and_field() {
        assert_eq!(goods(&[line()]).unwrap()[0].hs_code, "85183000");
        let bad = GoodsLine {
            hs_code: "85A1".into(),
            ..line()
        };
        assert_eq!(
            field(goods(&[line(), bad]).unwrap_err()),
            "goods[1].hs_code"
        );
        let free = GoodsLine {
            declared_value_usd: f64::NAN,
            ..line()
        };
        assert_eq!(
            field(goods(&[free]).unwrap_err()),
            "goods[0].declared_value_usd"
        );
        assert_eq!(field(goods(&[]).unwrap_err()), "goods");
    }

    #[test]
    fn carton_errors_name_the_cartons_field() {
        let c = CartonInput {
            count: 2,
            length_cm: 50.0,
            width_cm: 40.0,
            height_cm: 0.0,
            weight_kg: 10.0,
        };
        assert_eq!(field(cartons(&[c]).unwrap_err()), "cartons[0].height_cm");
        let heavy = CartonInput {
            count: 1,
            length_cm: 50.0,
            width_cm: 40.0,
            height_cm: 30.0,
            weight_kg: 5000.0,
        };
        assert_eq!(
            field(cartons(&[heavy]).unwrap_err()),
            "cartons[0].weight_kg"
        );
        assert_eq!(field(cartons(&[]).unwrap_err()), "cartons");
    }

    #[test]
    fn the_consignee_must_be_the_quoted_destination() {
        let fba = |code: &str| Consignee::Fba {
            fba_code: code.into(),
            shipment_id: "FBA17ABCD123".into(),
            reference_id: None,
        };
        assert!(consignee(&fba("ont8"), Some("ONT8"), None).is_ok());
        assert_eq!(
            field(consignee(&fba("LAX9"), Some("ONT8"), None).unwrap_err()),
            "consignee.fba_code"
        );
        assert_eq!(
            field(consignee(&fba("??"), Some("ONT8"), None).unwrap_err()),
            "consignee.fba_code"
        );
        let bad_id = Consignee::Fba {
            fba_code: "ONT8".into(),
            shipment_id: "12".into(),
            reference_id: None,
        };
        assert_eq!(
            field(consignee(&bad_id, Some("ONT8"), None).unwrap_err()),
            "consignee.shipment_id"
        );
    }

    #[test]
    fn keys_and_phones_are_checked() {
        assert!(client_key("abc").is_err());
        assert!(client_key("web-20261202-0001").is_ok());
        assert!(phone("p", "0755-8888 1234").is_ok());
        assert!(phone("p", "call me").is_err());
    }
}
