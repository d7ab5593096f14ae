//! Checking an inquiry before it is posted, pure: a message of at most
//! 2,000 characters, or the form's fields, which may be partial (a country
//! is needed; a destination and cargo only if given, then well-formed).

use super::model::InquiryForPost;
use crate::error::{AppError, AppResult};
use crate::pricing::model::{
    parse_fba_code, parse_postcode, Cargo, CargoInput, Date, QuoteForSearch,
};
use crate::ErrorKey;

/// The longest message posted (as `parse_inquiry` reads).
pub const MAX_TEXT_CHARS: usize = 2000;

/// An inquiry that passed [`check`]: its trimmed text ('' when none) and
/// its form fields, normalised (country and FBA code upper case).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub text: String,
    pub search: Option<QuoteForSearch>,
}

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Checks `input` posted on `today`; errors name their field.
pub fn check(input: &InquiryForPost, today: Date) -> AppResult<Checked> {
    let text = given(&input.text).unwrap_or("").to_owned();
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(AppError::validation("text", ErrorKey::TextTooLong));
    }
    let search = input
        .search
        .as_ref()
        .map(|s| fields(s, today))
        .transpose()?;
    if text.is_empty() && search.is_none() {
        return Err(AppError::validation("text", ErrorKey::FieldRequired));
    }
    Ok(Checked { text, search })
}

fn fields(s: &QuoteForSearch, today: Date) -> AppResult<QuoteForSearch> {
    let country = s.country.trim().to_ascii_uppercase();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(AppError::validation("country", ErrorKey::CountryInvalid));
    }
    let fba_code = given(&s.fba_code).map(parse_fba_code).transpose()?;
    let postcode = given(&s.postcode).map(parse_postcode).transpose()?;
    let unknown_cargo = matches!(
        s.cargo,
        CargoInput::Totals {
            weight_kg: None,
            volume_cbm: None,
            pieces: None
        }
    );
    if !unknown_cargo {
        Cargo::parse(&s.cargo)?;
    }
    if let Some(d) = given(&s.wanted_date) {
        if Date::parse("wanted_date", d)? < today {
            return Err(AppError::validation(
                "wanted_date",
                ErrorKey::WantedDateInPast,
            ));
        }
    }
    for (field, v) in [("origin", &s.origin), ("tag", &s.tag)] {
        if given(v).is_some_and(|v| v.chars().count() > 40) {
            return Err(AppError::validation(field, ErrorKey::TextTooLong));
        }
    }
    Ok(QuoteForSearch {
        country,
        fba_code,
        postcode,
        ..s.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::model::GoodsType;

    const TODAY: Date = Date::from_days(20_789);

    fn partial(country: &str) -> QuoteForSearch {
        QuoteForSearch {
            country: country.into(),
            fba_code: None,
            postcode: None,
            origin: Some("深圳".into()),
            cargo: CargoInput::Totals {
                weight_kg: None,
                volume_cbm: None,
                pieces: None,
            },
            goods_type: GoodsType::General,
            wanted_date: None,
            mode: None,
            tag: None,
            special_only: false,
        }
    }

    fn post(search: Option<QuoteForSearch>, text: &str) -> AppResult<Checked> {
        let input = InquiryForPost {
            search,
            text: Some(text.into()),
            company_id: None,
        };
        check(&input, TODAY)
    }

    fn field_of(r: AppResult<Checked>) -> (String, ErrorKey) {
        match r.unwrap_err() {
            AppError::Validation { field, key } => (field, key),
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn a_message_or_partial_form_fields_are_enough() {
        let by_text = post(None, "  300kg 深圳到美国 ONT8  ").unwrap();
        assert_eq!(by_text.text, "300kg 深圳到美国 ONT8");
        let mut s = partial("us");
        s.fba_code = Some("ont8".into());
        let by_form = post(Some(s), "").unwrap();
        let s = by_form.search.unwrap();
        assert_eq!(
            (s.country.as_str(), s.fba_code.as_deref()),
            ("US", Some("ONT8"))
        );
        assert_eq!(by_form.text, "");
    }

    #[test]
    fn bad_input_is_named_by_field() {
        let req = (String::from("text"), ErrorKey::FieldRequired);
        assert_eq!(field_of(post(None, "   ")), req);
        let long = (String::from("text"), ErrorKey::TextTooLong);
        assert_eq!(field_of(post(None, &"货".repeat(2001))), long);
        assert_eq!(field_of(post(Some(partial("")), "x")).0, "country");
        let mut bad_code = partial("US");
        bad_code.fba_code = Some("1X".into());
        assert_eq!(field_of(post(Some(bad_code), "")).0, "fba_code");
        let mut past = partial("US");
        past.wanted_date = Some("2026-12-01".into());
        assert_eq!(
            field_of(post(Some(past), "")),
            ("wanted_date".into(), ErrorKey::WantedDateInPast)
        );
        let mut heavy = partial("US");
        heavy.cargo = CargoInput::Totals {
            weight_kg: Some(-5.0),
            volume_cbm: None,
            pieces: None,
        };
        assert!(post(Some(heavy), "").is_err());
    }
}
