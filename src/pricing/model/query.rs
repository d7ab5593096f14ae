//! The quote search's input as it arrives ([`QuoteForSearch`]) and as the
//! engine takes it once validated ([`QuoteQuery`]).

use serde::{Deserialize, Serialize};

use super::{normalize_postcode, Cargo, CargoInput, Date, GoodsType, Mode};
use crate::error::{AppError, AppResult};
use crate::ErrorKey;

/// A quote search as the form or the API sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteForSearch {
    /// ISO 3166 alpha-2.
    pub country: String,
    /// An Amazon warehouse code; this or `postcode`.
    #[serde(default)]
    pub fba_code: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    /// The origin city's Chinese name; none means any.
    #[serde(default)]
    pub origin: Option<String>,
    pub cargo: CargoInput,
    #[serde(default)]
    pub goods_type: GoodsType,
    /// `YYYY-MM-DD`: only plans arriving by then.
    #[serde(default)]
    pub wanted_date: Option<String>,
    #[serde(default)]
    pub mode: Option<Mode>,
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub special_only: bool,
}

/// A validated quote search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteQuery {
    pub country: String,
    pub fba_code: Option<String>,
    /// Normalised (see [`normalize_postcode`]).
    pub postcode: Option<String>,
    pub origin: Option<String>,
    pub cargo: Cargo,
    pub goods_type: GoodsType,
    pub wanted_date: Option<Date>,
    pub mode: Option<Mode>,
    pub tag: Option<String>,
    pub special_only: bool,
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl QuoteQuery {
    /// Validates a search made on `today`: a country, an FBA code or a
    /// postcode, sane cargo, a wanted date not in the past.
    pub fn parse(input: &QuoteForSearch, today: Date) -> AppResult<QuoteQuery> {
        let country = input.country.trim().to_ascii_uppercase();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(AppError::validation("country", ErrorKey::CountryInvalid));
        }
        let fba_code = non_empty(&input.fba_code).map(parse_fba_code).transpose()?;
        let postcode = non_empty(&input.postcode).map(parse_postcode).transpose()?;
        if fba_code.is_none() && postcode.is_none() {
            return Err(AppError::validation(
                "fba_code",
                ErrorKey::DestinationRequired,
            ));
        }
        let wanted_date = non_empty(&input.wanted_date)
            .map(|s| Date::parse("wanted_date", s))
            .transpose()?;
        if wanted_date.is_some_and(|d| d < today) {
            return Err(AppError::validation(
                "wanted_date",
                ErrorKey::WantedDateInPast,
            ));
        }
        let short = |field: &str, s: Option<&str>| match s {
            Some(s) if s.chars().count() > 40 => {
                Err(AppError::validation(field, ErrorKey::TextTooLong))
            }
            s => Ok(s.map(str::to_owned)),
        };
        Ok(QuoteQuery {
            country,
            fba_code,
            postcode,
            origin: short("origin", non_empty(&input.origin))?,
            cargo: Cargo::parse(&input.cargo)?,
            goods_type: input.goods_type,
            wanted_date,
            mode: input.mode,
            tag: short("tag", non_empty(&input.tag))?,
            special_only: input.special_only,
        })
    }
}

/// An Amazon warehouse code: a letter then 2–5 letters or digits (`ONT8`).
pub fn parse_fba_code(s: &str) -> AppResult<String> {
    let s = s.trim().to_ascii_uppercase();
    let b = s.as_bytes();
    let ok = (3..=6).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if ok {
        Ok(s)
    } else {
        Err(AppError::validation("fba_code", ErrorKey::FbaCodeInvalid))
    }
}

/// A postcode: 3–10 letters or digits once spaces and hyphens are gone.
pub fn parse_postcode(s: &str) -> AppResult<String> {
    let p = normalize_postcode(s);
    if (3..=10).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(p)
    } else {
        Err(AppError::validation("postcode", ErrorKey::PostcodeInvalid))
    }
}
