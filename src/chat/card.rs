//! Cards: messages of kind `card` whose body is a JSON object. A quote
//! card names a saved quote by its number only,
//! `{"type":"quote","number":"Q20261202-0007"}`, never its price: whoever
//! shows it loads the quote (price, validity) as they may read it. Other
//! cards (no `type`, or another one) pass as plain JSON objects.

use serde::{Deserialize, Serialize};

use super::model::{Message, MessageKind};
use crate::error::{AppError, AppResult};
use crate::ErrorKey;

/// The `type` of a quote card.
pub const QUOTE_CARD: &str = "quote";

/// A card that names a saved quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteCard {
    /// `Q` + the day + a sequence: `Q20261202-0007`.
    pub number: String,
}

impl QuoteCard {
    /// The card of `number` (trimmed, upper case), checked:
    /// `Q` + eight digits + `-` + at least four digits, else an error on
    /// `quote`.
    pub fn parse(number: &str) -> AppResult<QuoteCard> {
        let number = number.trim().to_ascii_uppercase();
        let ok = number.len() <= 24
            && number.strip_prefix('Q').is_some_and(|rest| {
                rest.split_once('-').is_some_and(|(day, seq)| {
                    day.len() == 8
                        && seq.len() >= 4
                        && day.bytes().chain(seq.bytes()).all(|b| b.is_ascii_digit())
                })
            });
        if ok {
            Ok(QuoteCard { number })
        } else {
            Err(AppError::validation("quote", ErrorKey::MessageQuoteUnknown))
        }
    }

    /// The message body that carries this card.
    pub fn body(&self) -> String {
        serde_json::json!({ "type": QUOTE_CARD, "number": self.number }).to_string()
    }

    /// The quote card a card body is: None for another card (or not JSON);
    /// an error on `quote` for a quote card without a well-formed number.
    pub fn of_body(body: &str) -> AppResult<Option<QuoteCard>> {
        let v: serde_json::Value = match serde_json::from_str(body) {
            Ok(v) => v,
            Err(_) => return Ok(None),
        };
        if v["type"].as_str() != Some(QUOTE_CARD) {
            return Ok(None);
        }
        QuoteCard::parse(v["number"].as_str().unwrap_or("")).map(Some)
    }

    /// The quote card a stored message is, if it is one (recalled: none).
    pub fn of(msg: &Message) -> Option<QuoteCard> {
        if msg.kind != MessageKind::Card || msg.recalled {
            return None;
        }
        QuoteCard::of_body(&msg.body).ok().flatten()
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
            r#"{"type":"quote","number":"Q20261202-00a7"}"#,
            r#"{"type":"quote","number":7}"#,
        ] {
            let e = QuoteCard::of_body(bad).unwrap_err();
            assert_eq!(e.field(), Some("quote"), "{bad}");
        }
    }
}
