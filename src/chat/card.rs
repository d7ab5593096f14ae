//! Cards: messages of kind `card` whose body is a JSON object. A quote
//! card names a saved quote by its number only,
//! `{"type":"quote","number":"Q20261202-0007"}`, never its price; an order
//! card names an order by its booking number,
//! `{"type":"order","number":"P20261202-0001"}`, never its status: whoever
//! shows a card loads what it names (price and validity, status and total)
//! as they may read it now. Other cards (no `type`, or another one) pass as
//! plain JSON objects.
//!
//! Both kinds are [`NumberedCard`]s: the parsing, the body and the lookup
//! in a message are written once, over the card's type, prefix and field.

use serde::{Deserialize, Serialize};

use super::model::{Message, MessageKind};
use crate::error::{AppError, AppResult};
use crate::ErrorKey;

/// The `type` of a quote card.
pub const QUOTE_CARD: &str = "quote";
/// The `type` of an order card.
pub const ORDER_CARD: &str = "order";

/// A card that names one thing by its number: a letter, the day
/// (`YYYYMMDD`), `-` and a sequence of at least four digits.
pub trait NumberedCard: Sized {
    /// The body's `type`.
    const TYPE: &'static str;
    /// The input field a bad card is reported on.
    const FIELD: &'static str;
    /// The error when the number is malformed (or names nothing readable).
    const UNKNOWN: ErrorKey;
    /// The letters a number may start with.
    const PREFIXES: &'static [char];

    fn from_number(number: String) -> Self;
    fn number(&self) -> &str;

    /// The card of `number` (trimmed, upper case), checked: one of
    /// [`Self::PREFIXES`] + eight digits + `-` + at least four digits, else
    /// an error on [`Self::FIELD`].
    fn parse(number: &str) -> AppResult<Self> {
        let number = number.trim().to_ascii_uppercase();
        let ok = number.len() <= 24
            && number.strip_prefix(Self::PREFIXES).is_some_and(|rest| {
                rest.split_once('-').is_some_and(|(day, seq)| {
                    day.len() == 8
                        && seq.len() >= 4
                        && day.bytes().chain(seq.bytes()).all(|b| b.is_ascii_digit())
                })
            });
        if ok {
            Ok(Self::from_number(number))
        } else {
            Err(AppError::validation(Self::FIELD, Self::UNKNOWN))
        }
    }

    /// The message body that carries this card.
    fn body(&self) -> String {
        serde_json::json!({ "type": Self::TYPE, "number": self.number() }).to_string()
    }

    /// The card a card body is: None for another card (or not JSON); an
    /// error on [`Self::FIELD`] for a card of this type without a
    /// well-formed number.
    fn of_body(body: &str) -> AppResult<Option<Self>> {
        let v: serde_json::Value = match serde_json::from_str(body) {
            Ok(v) => v,
            Err(_) => return Ok(None),
        };
        if v["type"].as_str() != Some(Self::TYPE) {
            return Ok(None);
        }
        Self::parse(v["number"].as_str().unwrap_or("")).map(Some)
    }

    /// The card a stored message is, if it is one (recalled: none).
    fn of(msg: &Message) -> Option<Self> {
        if msg.kind != MessageKind::Card || msg.recalled {
            return None;
        }
        Self::of_body(&msg.body).ok().flatten()
    }
}

/// A card that names a saved quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteCard {
    /// `Q` + the day + a sequence: `Q20261202-0007`.
    pub number: String,
}

impl NumberedCard for QuoteCard {
    const TYPE: &'static str = QUOTE_CARD;
    const FIELD: &'static str = "quote";
    const UNKNOWN: ErrorKey = ErrorKey::MessageQuoteUnknown;
    const PREFIXES: &'static [char] = &['Q'];

    fn from_number(number: String) -> Self {
        QuoteCard { number }
    }
    fn number(&self) -> &str {
        &self.number
    }
}

/// A card that names an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderCard {
    /// The booking number `P20261202-0001`; a send also takes the order
    /// number (`O20261202-0001`) and stores the booking number.
    pub number: String,
}

impl NumberedCard for OrderCard {
    const TYPE: &'static str = ORDER_CARD;
    const FIELD: &'static str = "order";
    const UNKNOWN: ErrorKey = ErrorKey::MessageOrderUnknown;
    const PREFIXES: &'static [char] = &['P', 'O'];

    fn from_number(number: String) -> Self {
        OrderCard { number }
    }
    fn number(&self) -> &str {
        &self.number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_card_carries_the_number_only_in_upper_case() {
        let card = QuoteCard::parse(" q20261202-0007 ").unwrap();
        assert_eq!(card.number, "Q20261202-0007");
        assert_eq!(card.body(), r#"{"number":"Q20261202-0007","type":"quote"}"#);
        assert_eq!(QuoteCard::of_body(&card.body()).unwrap(), Some(card));
    }

    #[test]
    fn other_cards_are_not_quote_cards() {
        assert_eq!(QuoteCard::of_body(r#"{"order":"SD1"}"#).unwrap(), None);
        assert_eq!(QuoteCard::of_body(r#"{"type":"order"}"#).unwrap(), None);
        assert_eq!(QuoteCard::of_body("not json").unwrap(), None);
    }

    #[test]
    fn a_quote_card_with_a_bad_number_names_quote() {
        for bad in [
            r#"{"type":"quote"}"#,
            r#"{"type":"quote","number":""}"#,
            r#"{"type":"quote","number":"Q2026-0001"}"#,
            r#"{"type":"quote","number":"X20261202-0007"}"#,
            r#"{"type":"quote","number":"P20261202-0007"}"#,
            r#"{"type":"quote","number":"Q20261202-00a7"}"#,
            r#"{"type":"quote","number":7}"#,
        ] {
            let e = QuoteCard::of_body(bad).unwrap_err();
            assert_eq!(e.field(), Some("quote"), "{bad}");
        }
    }

    #[test]
    fn an_order_card_takes_a_booking_or_an_order_number() {
        let card = OrderCard::parse(" p20261202-0001").unwrap();
        assert_eq!(card.body(), r#"{"number":"P20261202-0001","type":"order"}"#);
        assert_eq!(OrderCard::of_body(&card.body()).unwrap(), Some(card));
        assert_eq!(
            OrderCard::parse("O20261202-0001").unwrap().number,
            "O20261202-0001"
        );
        assert_eq!(
            QuoteCard::of_body(r#"{"type":"order","number":"P20261202-0001"}"#).unwrap(),
            None
        );
    }

    #[test]
    fn an_order_card_with_a_bad_number_names_order() {
        for bad in [
            r#"{"type":"order"}"#,
            r#"{"type":"order","number":"Q20261202-0001"}"#,
            r#"{"type":"order","number":"P2026-0001"}"#,
            r#"{"type":"order","number":"SD1"}"#,
        ] {
            let e = OrderCard::of_body(bad).unwrap_err();
            assert_eq!(e.field(), Some("order"), "{bad}");
            assert_eq!(
                e,
                AppError::validation("order", ErrorKey::MessageOrderUnknown)
            );
        }
    }
}
