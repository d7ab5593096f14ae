//! Tracking types: carriers, tracking numbers, what detection answers, and
//! the context that re-ranks it.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::types::Timestamp;
use crate::ErrorKey;

crate::string_enum! {
    /// A courier company, by the code the API uses (more may follow).
    pub enum Carrier("carrier", CarrierInvalid) {
        Sf = "sf",
        Jd = "jd",
        Yto = "yto",
        Zto = "zto",
        Sto = "sto",
        Yunda = "yunda",
        Ems = "ems",
        Deppon = "deppon",
        Jtexpress = "jtexpress",
        Best = "best",
        Ups = "ups",
        Fedex = "fedex",
        Dhl = "dhl",
        Usps = "usps",
        Amazon = "amazon",
        Royalmail = "royalmail",
        Canadapost = "canadapost",
    }
}

/// Where a carrier delivers: one country's domestic network, or worldwide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Mostly within this country (ISO 3166 alpha-2).
    Domestic(&'static str),
    Worldwide,
}

impl Carrier {
    /// The name customers know the carrier by.
    pub fn name(self) -> &'static str {
        match self {
            Carrier::Sf => "顺丰速运",
            Carrier::Jd => "京东快递",
            Carrier::Yto => "圆通速递",
            Carrier::Zto => "中通快递",
            Carrier::Sto => "申通快递",
            Carrier::Yunda => "韵达快递",
            Carrier::Ems => "EMS/中国邮政",
            Carrier::Deppon => "德邦快递",
            Carrier::Jtexpress => "极兔速递",
            Carrier::Best => "百世快递",
            Carrier::Ups => "UPS",
            Carrier::Fedex => "FedEx",
            Carrier::Dhl => "DHL",
            Carrier::Usps => "USPS",
            Carrier::Amazon => "Amazon Logistics",
            Carrier::Royalmail => "Royal Mail",
            Carrier::Canadapost => "Canada Post",
        }
    }

    /// Where the carrier delivers, for re-ranking by the parcel's origin.
    pub fn reach(self) -> Reach {
        match self {
            Carrier::Sf
            | Carrier::Jd
            | Carrier::Yto
            | Carrier::Zto
            | Carrier::Sto
            | Carrier::Yunda
            | Carrier::Ems
            | Carrier::Deppon
            | Carrier::Jtexpress
            | Carrier::Best => Reach::Domestic("CN"),
            Carrier::Usps | Carrier::Amazon => Reach::Domestic("US"),
            Carrier::Royalmail => Reach::Domestic("GB"),
            Carrier::Canadapost => Reach::Domestic("CA"),
            Carrier::Ups | Carrier::Fedex | Carrier::Dhl => Reach::Worldwide,
        }
    }
}

/// The longest tracking number accepted (once spaces and dashes are gone).
pub const MAX_NUMBER_CHARS: usize = 40;

/// A courier's tracking number as stored: normalised (no spaces or dashes,
/// half-width, upper case), 1–40 ASCII letters and digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct TrackingNumber(String);

impl TrackingNumber {
    /// Normalises `raw` (see [`crate::tracking::courier::normalise`]) and
    /// checks it; errors name the field `number`.
    pub fn parse(raw: &str) -> AppResult<TrackingNumber> {
        let n = checked_number(raw)?;
        if !n.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(AppError::validation(
                "number",
                ErrorKey::TrackingNumberInvalid,
            ));
        }
        Ok(TrackingNumber(n))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TrackingNumber {
    type Error = AppError;
    fn try_from(s: String) -> AppResult<TrackingNumber> {
        TrackingNumber::parse(&s)
    }
}

impl std::fmt::Display for TrackingNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `raw` normalised, if it is neither empty nor longer than
/// [`MAX_NUMBER_CHARS`] (and the raw text at most four times that).
pub(crate) fn checked_number(raw: &str) -> AppResult<String> {
    if raw.chars().count() > 4 * MAX_NUMBER_CHARS {
        return Err(AppError::validation("number", ErrorKey::TextTooLong));
    }
    let n = super::courier::normalise(raw);
    if n.is_empty() {
        return Err(AppError::validation("number", ErrorKey::FieldRequired));
    }
    if n.chars().count() > MAX_NUMBER_CHARS {
        return Err(AppError::validation("number", ErrorKey::TextTooLong));
    }
    Ok(n)
}

/// One carrier that may have issued a number, with how sure detection is
/// (0–1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CourierCandidate {
    pub carrier: Carrier,
    /// The carrier's name as customers know it (顺丰速运, UPS…).
    pub name: String,
    /// 0–1; candidates come best first.
    pub confidence: f64,
}

/// What `detect_courier` answers: the candidates, best first; none when the
/// number is no known carrier's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CourierCandidates {
    pub candidates: Vec<CourierCandidate>,
}

/// The most usual carriers a context may list.
pub const MAX_USUAL_CARRIERS: usize = 20;

/// What is known about the parcel besides its number; it re-ranks the
/// candidates, never adds one the number's shape does not allow.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CourierContext {
    /// Where the parcel starts: an ISO 3166 two-letter code (`CN`, `US`).
    #[serde(default)]
    pub origin_country: Option<String>,
    /// The city it starts from (`深圳`); a city written in Chinese characters
    /// means China when no country is given.
    #[serde(default)]
    pub origin_city: Option<String>,
    /// Carrier codes this customer usually uses, most used first (at most
    /// 20); codes not known here are ignored.
    #[serde(default)]
    pub usual_carriers: Vec<String>,
}

impl CourierContext {
    /// The checked context: the origin as an upper-case country code (from
    /// the city when no country is given) and the known usual carriers.
    pub fn check(&self) -> AppResult<CheckedContext> {
        let mut origin = match self.origin_country.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) => {
                Some(c.to_ascii_uppercase())
            }
            Some(_) => {
                return Err(AppError::validation(
                    "context.origin_country",
                    ErrorKey::CountryInvalid,
                ))
            }
        };
        if let Some(city) = self.origin_city.as_deref() {
            if city.chars().count() > MAX_NUMBER_CHARS {
                return Err(AppError::validation(
                    "context.origin_city",
                    ErrorKey::TextTooLong,
                ));
            }
            if origin.is_none() && city.chars().any(is_han) {
                origin = Some("CN".into());
            }
        }
        if self.usual_carriers.len() > MAX_USUAL_CARRIERS {
            return Err(AppError::validation(
                "context.usual_carriers",
                ErrorKey::TextTooLong,
            ));
        }
        let usual = self
            .usual_carriers
            .iter()
            .filter_map(|c| Carrier::parse(c.trim()).ok())
            .collect();
        Ok(CheckedContext { origin, usual })
    }
}

/// A context that passed [`CourierContext::check`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckedContext {
    pub origin: Option<String>,
    pub usual: Vec<Carrier>,
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

crate::string_enum! {
    /// Where a parcel stands, the same words for every provider.
    pub enum TrackStatus("status", BadRequest) {
        /// The carrier has the shipment's data, not the parcel yet.
        InfoReceived = "info_received",
        InTransit = "in_transit",
        OutForDelivery = "out_for_delivery",
        Delivered = "delivered",
        /// Held, refused, damaged, undeliverable… (the raw text says which).
        Exception = "exception",
        /// On its way back, or back with the sender.
        Returned = "returned",
    }
}

impl TrackStatus {
    /// The state's name, as a parcel's badge and timeline show it.
    pub fn label(self, lang: crate::auth::Lang) -> &'static str {
        use TrackStatus::*;
        let (zh, en) = match self {
            InfoReceived => ("待揽收", "Info received"),
            InTransit => ("运输中", "In transit"),
            OutForDelivery => ("派送中", "Out for delivery"),
            Delivered => ("已签收", "Delivered"),
            Exception => ("异常", "Exception"),
            Returned => ("退回", "Returned"),
        };
        match lang {
            crate::auth::Lang::Zh => zh,
            crate::auth::Lang::En => en,
        }
    }

    /// A problem the customer should hear of.
    pub fn is_trouble(self) -> bool {
        matches!(self, TrackStatus::Exception | TrackStatus::Returned)
    }
}

/// One event a carrier reported, normalised, with what the provider said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TrackEvent {
    pub status: TrackStatus,
    /// The provider's own status (Kuaidi100: its code and word, `1002 干线`).
    pub raw_status: String,
    /// What happened, as the carrier wrote it.
    pub context: String,
    /// Where, when the provider says (`广东省,深圳市`).
    pub place: Option<String>,
    pub time: Timestamp,
    /// The time as the provider wrote it (`2026-12-01 09:30:00`, Beijing time).
    pub raw_time: String,
}

/// What is known of a (carrier, number): its last state and how it is
/// followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TrackSummary {
    pub carrier: Carrier,
    pub number: TrackingNumber,
    /// The last known state; none before any event.
    pub status: Option<TrackStatus>,
    /// The provider's own word for it.
    pub raw_state: Option<String>,
    /// When the newest event happened.
    pub last_event_at: Option<Timestamp>,
    /// When a push subscription was accepted.
    pub subscribed_at: Option<Timestamp>,
    /// The provider's last word on the subscription (Kuaidi100: `polling`,
    /// `shutdown`, `abort`, `updateall`).
    pub push_status: Option<String>,
    pub updated_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_carrier_has_a_name_and_round_trips_through_its_code() {
        for c in Carrier::ALL {
            assert!(!c.name().is_empty());
            assert_eq!(Carrier::parse(c.as_str()).unwrap(), c);
        }
        assert_eq!(Carrier::ALL.len(), 17);
        assert_eq!(Carrier::parse("zjs").unwrap_err().field(), Some("carrier"));
    }

    #[test]
    fn a_tracking_number_is_stored_normalised_and_refuses_what_no_carrier_prints() {
        let n = TrackingNumber::parse(" sf 1234-5678-9012 3 ").unwrap();
        assert_eq!(n.as_str(), "SF1234567890123");
        let cases = [
            ("", ErrorKey::FieldRequired),
            (" - - ", ErrorKey::FieldRequired),
            (&"1".repeat(41), ErrorKey::TextTooLong),
            ("顺丰123456", ErrorKey::TrackingNumberInvalid),
            ("SF12#45", ErrorKey::TrackingNumberInvalid),
        ];
        for (raw, key) in cases {
            assert_eq!(
                TrackingNumber::parse(raw).unwrap_err(),
                AppError::validation("number", key),
                "{raw}"
            );
        }
        assert!(TrackingNumber::parse(&"1".repeat(40)).is_ok());
    }

    #[test]
    fn a_context_names_its_bad_field_and_reads_a_chinese_city_as_china() {
        let ctx = CourierContext {
            origin_city: Some("深圳".into()),
            usual_carriers: vec!["sf".into(), "zjs".into(), " zto ".into()],
            ..Default::default()
        };
        let checked = ctx.check().unwrap();
        assert_eq!(checked.origin.as_deref(), Some("CN"));
        assert_eq!(checked.usual, vec![Carrier::Sf, Carrier::Zto]);
        let us = CourierContext {
            origin_country: Some("us".into()),
            origin_city: Some("深圳".into()),
            ..Default::default()
        };
        assert_eq!(us.check().unwrap().origin.as_deref(), Some("US"));
        let bad = CourierContext {
            origin_country: Some("China".into()),
            ..Default::default()
        };
        assert_eq!(
            bad.check().unwrap_err().field(),
            Some("context.origin_country")
        );
        let many = CourierContext {
            usual_carriers: vec!["sf".into(); 21],
            ..Default::default()
        };
        assert_eq!(
            many.check().unwrap_err().field(),
            Some("context.usual_carriers")
        );
    }
}
