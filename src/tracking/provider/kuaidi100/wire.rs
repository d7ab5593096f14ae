//! Kuaidi100's words: its company codes, its state codes and the JSON of
//! its answers and pushes, read into normalised events. Pure.

use serde_json::Value;

use super::super::{ProviderError, TrackReport};
use crate::tracking::model::{Carrier, TrackEvent, TrackStatus};
use crate::types::Timestamp;

/// Kuaidi100's company code of each carrier.
pub fn company_code(c: Carrier) -> &'static str {
    match c {
        Carrier::Sf => "shunfeng",
        Carrier::Jd => "jd",
        Carrier::Yto => "yuantong",
        Carrier::Zto => "zhongtong",
        Carrier::Sto => "shentong",
        Carrier::Yunda => "yunda",
        Carrier::Ems => "ems",
        Carrier::Deppon => "debangwuliu",
        Carrier::Jtexpress => "jtexpress",
        // 百世快递 keeps the code of its first name, 汇通.
        Carrier::Best => "huitongkuaidi",
        Carrier::Ups => "ups",
        Carrier::Fedex => "fedex",
        Carrier::Dhl => "dhl",
        Carrier::Usps => "usps",
        // "amazon-国际订单" in Kuaidi100's list.
        Carrier::Amazon => "amusorder",
        Carrier::Royalmail => "royalmail",
        Carrier::Canadapost => "canpost",
    }
}

/// The carrier of a Kuaidi100 company code (its other names for the same
/// carrier included).
pub fn carrier_of(code: &str) -> Option<Carrier> {
    let alias = match code {
        "debangkuaidi" => Some(Carrier::Deppon),
        "dhlen" => Some(Carrier::Dhl),
        "upsen" => Some(Carrier::Ups),
        "youzhengguonei" | "youzhengbk" | "emsguoji" => Some(Carrier::Ems),
        "canadapost" => Some(Carrier::Canadapost),
        _ => None,
    };
    alias.or_else(|| Carrier::ALL.into_iter().find(|&c| company_code(c) == code))
}

/// The standard status of a Kuaidi100 state: its code (`0`…`14`, or with
/// `resultv2` a sub-state such as `1002` or `204`) when known, else its
/// word (`在途`, `签收`…).
pub fn status_of(code: Option<&str>, word: Option<&str>) -> TrackStatus {
    code.and_then(status_of_code)
        .or_else(|| word.map(status_of_word))
        .unwrap_or(TrackStatus::InTransit)
}

fn status_of_code(code: &str) -> Option<TrackStatus> {
    use TrackStatus::*;
    let s = match code {
        // 揽收: 101 已下单 and 102 待揽收 come before the parcel does.
        "101" | "102" => InfoReceived,
        // 在途 (1001 到达派件城市, 1002 干线, 1003 转递), 揽收 (103), 转投, 清关.
        "0" | "1" | "7" | "8" | "10" | "11" | "12" => InTransit,
        // 派件 (501 投柜或驿站).
        "5" => OutForDelivery,
        // 签收 (301 本人, 302 派件异常后, 303 代签, 304 投柜或站).
        "3" => Delivered,
        // 疑难 (201–210: 超时, 拒收, 派件异常, 无法联系…), 清关异常, 拒签.
        "2" | "13" | "14" => Exception,
        // 退签 (401 已销单), 退回.
        "4" | "6" => Returned,
        c if c.len() == 4 && c.starts_with("10") => InTransit,
        c if c.len() == 3 => match c.as_bytes()[0] {
            b'1' => InTransit,
            b'2' => Exception,
            b'3' => Delivered,
            b'4' | b'6' => Returned,
            b'5' => OutForDelivery,
            _ => return None,
        },
        _ => return None,
    };
    Some(s)
}

fn status_of_word(w: &str) -> TrackStatus {
    use TrackStatus::*;
    let has = |words: &[&str]| words.iter().any(|x| w.contains(x));
    if has(&["拒签", "疑难", "异常", "拒收"]) {
        Exception
    } else if has(&["退签", "退回", "退件"]) {
        Returned
    } else if has(&["签收"]) {
        Delivered
    } else if has(&["派件", "派送"]) {
        OutForDelivery
    } else if has(&["下单", "待揽"]) {
        InfoReceived
    } else {
        InTransit
    }
}

/// A string field, or a number written as one (`"200"` or `200`).
pub fn text<'a>(v: &'a Value, key: &str) -> Option<std::borrow::Cow<'a, str>> {
    match v.get(key)? {
        Value::String(s) => Some(s.as_str().into()),
        Value::Number(n) => Some(n.to_string().into()),
        _ => None,
    }
}

/// Most events one answer may hold, and the longest text of one.
const MAX_EVENTS: usize = 1000;
const MAX_TEXT: usize = 4000;

/// The `data` list of an answer or a push as events; an event without its
/// time or text, with a time that is none, or with a NUL or an over-long
/// text makes the whole list malformed.
pub fn read_events(data: Option<&Value>) -> Result<Vec<TrackEvent>, &'static str> {
    let Some(data) = data else { return Ok(vec![]) };
    let items = data.as_array().ok_or("data is not a list")?;
    if items.len() > MAX_EVENTS {
        return Err("too many events");
    }
    items.iter().map(read_event).collect()
}

fn read_event(e: &Value) -> Result<TrackEvent, &'static str> {
    let raw_time = text(e, "ftime")
        .or_else(|| text(e, "time"))
        .ok_or("an event has no time")?
        .into_owned();
    let time = Timestamp::parse_shanghai(&raw_time).ok_or("an event's time is not a time")?;
    let context = text(e, "context")
        .ok_or("an event has no text")?
        .into_owned();
    let word = text(e, "status");
    let code = text(e, "statusCode");
    let status = status_of(code.as_deref(), word.as_deref());
    let raw_status = [code.as_deref(), word.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let place = text(e, "areaName")
        .or_else(|| text(e, "location"))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty());
    let texts = [
        Some(&raw_time),
        Some(&context),
        Some(&raw_status),
        place.as_ref(),
    ];
    let bad = texts
        .into_iter()
        .flatten()
        .any(|t| t.contains('\0') || t.chars().count() > MAX_TEXT);
    if bad {
        return Err("an event's text is not storable");
    }
    Ok(TrackEvent {
        status,
        raw_status,
        context,
        place,
        time,
        raw_time,
    })
}

/// The report of a query answer or of a push's `lastResult`: its state
/// (`state`, with `resultv2` a sub-state code) and its events.
pub fn read_result(v: &Value) -> Result<TrackReport, &'static str> {
    let events = read_events(v.get("data"))?;
    let state = text(v, "state").map(|code| {
        let code = code.into_owned();
        (status_of(Some(&code), None), code)
    });
    Ok(TrackReport { state, events })
}

/// A real-time query's answer (`POST /poll/query.do`).
pub fn read_query_answer(body: &[u8]) -> Result<TrackReport, ProviderError> {
    let v: Value = serde_json::from_slice(body)
        .map_err(|_| ProviderError::Unavailable("an answer that is not JSON".into()))?;
    let message = text(&v, "message").unwrap_or_default().into_owned();
    if text(&v, "status").as_deref() == Some("200") {
        return read_result(&v).map_err(|e| ProviderError::Unavailable(e.into()));
    }
    let code = text(&v, "returnCode").unwrap_or_default();
    Err(match code.as_ref() {
        "400" => ProviderError::NumberRefused(message),
        "408" => ProviderError::PhoneRequired,
        "500" => ProviderError::NoResult,
        "503" | "601" => ProviderError::Account(format!("{code} {message}")),
        _ => ProviderError::Unavailable(format!("{code} {message}")),
    })
}

/// A subscription's answer (`POST /poll`): 200, or 501 (已订阅, the number
/// is followed already), is a success.
pub fn read_subscribe_answer(body: &[u8]) -> Result<(), ProviderError> {
    let v: Value = serde_json::from_slice(body)
        .map_err(|_| ProviderError::Unavailable("an answer that is not JSON".into()))?;
    let message = text(&v, "message").unwrap_or_default().into_owned();
    let code = text(&v, "returnCode").unwrap_or_default();
    match code.as_ref() {
        "200" | "501" => Ok(()),
        "600" | "601" => Err(ProviderError::Account(format!("{code} {message}"))),
        "700" | "702" => Err(ProviderError::NumberRefused(message)),
        "701" => Err(ProviderError::CarrierUnsupported),
        _ => Err(ProviderError::Unavailable(format!("{code} {message}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_carrier_has_a_company_code_that_reads_back() {
        for c in Carrier::ALL {
            assert_eq!(carrier_of(company_code(c)), Some(c), "{c}");
        }
        assert_eq!(carrier_of("debangkuaidi"), Some(Carrier::Deppon));
        assert_eq!(carrier_of("tiantian"), None);
    }

    #[test]
    fn state_codes_and_sub_states_normalise() {
        use TrackStatus::*;
        let cases = [
            ("0", InTransit),
            ("1", InTransit),
            ("101", InfoReceived),
            ("102", InfoReceived),
            ("103", InTransit),
            ("1001", InTransit),
            ("1002", InTransit),
            ("2", Exception),
            ("204", Exception),
            ("3", Delivered),
            ("304", Delivered),
            ("4", Returned),
            ("401", Returned),
            ("5", OutForDelivery),
            ("501", OutForDelivery),
            ("6", Returned),
            ("7", InTransit),
            ("8", InTransit),
            ("13", Exception),
            ("14", Exception),
        ];
        for (code, want) in cases {
            assert_eq!(status_of(Some(code), None), want, "{code}");
        }
        assert_eq!(status_of(Some("99"), Some("签收")), Delivered);
        assert_eq!(status_of(None, Some("拒签")), Exception);
        assert_eq!(status_of(None, Some("退签")), Returned);
        assert_eq!(status_of(None, Some("派件")), OutForDelivery);
        assert_eq!(status_of(None, None), InTransit);
    }

    #[test]
    fn an_answer_reads_into_events_with_the_raw_words_kept() {
        let body = json!({"message": "ok", "status": "200", "state": "5", "com": "shunfeng",
            "nu": "SF1411620938917", "data": [
            {"time": "2026-12-01 18:02:11", "ftime": "2026-12-01 18:02:11",
             "context": "快件交给王师傅，正在派送途中", "status": "派件", "statusCode": "5",
             "areaName": "广东,深圳市"},
            {"time": "2026-12-01 08:00:00", "context": "顺丰速运 已收取快件", "status": "揽收"}]});
        let r = read_query_answer(body.to_string().as_bytes()).unwrap();
        assert_eq!(r.state, Some((TrackStatus::OutForDelivery, "5".into())));
        assert_eq!(r.events.len(), 2);
        let e = &r.events[0];
        assert_eq!(e.status, TrackStatus::OutForDelivery);
        assert_eq!(e.raw_status, "5 派件");
        assert_eq!(e.place.as_deref(), Some("广东,深圳市"));
        assert_eq!(e.raw_time, "2026-12-01 18:02:11");
        assert_eq!(r.events[1].time, Timestamp(1_796_083_200_000));
        assert_eq!(r.events[1].raw_status, "揽收");
    }

    #[test]
    fn error_codes_map_to_what_the_caller_can_do() {
        let answer =
            |code: &str| json!({"result": false, "returnCode": code, "message": "x"}).to_string();
        assert_eq!(
            read_query_answer(answer("500").as_bytes()),
            Err(ProviderError::NoResult)
        );
        assert_eq!(
            read_query_answer(answer("408").as_bytes()),
            Err(ProviderError::PhoneRequired)
        );
        assert!(matches!(
            read_query_answer(answer("400").as_bytes()),
            Err(ProviderError::NumberRefused(_))
        ));
        assert!(matches!(
            read_query_answer(answer("503").as_bytes()),
            Err(ProviderError::Account(_))
        ));
        assert!(matches!(
            read_query_answer(b"<html>"),
            Err(ProviderError::Unavailable(_))
        ));
        assert_eq!(read_subscribe_answer(answer("200").as_bytes()), Ok(()));
        assert_eq!(
            read_subscribe_answer(answer("501").as_bytes()),
            Ok(()),
            "followed already"
        );
        assert_eq!(
            read_subscribe_answer(answer("701").as_bytes()),
            Err(ProviderError::CarrierUnsupported)
        );
        assert!(matches!(
            read_subscribe_answer(answer("600").as_bytes()),
            Err(ProviderError::Account(_))
        ));
    }

    #[test]
    fn an_event_without_a_real_time_or_with_a_nul_is_malformed() {
        for bad in [
            json!([{"context": "x"}]),
            json!([{"time": "yesterday", "context": "x"}]),
            json!([{"time": "2026-12-01 08:00:00", "context": "a\u{0}b"}]),
            json!([{"time": "2026-12-01 08:00:00"}]),
            json!({"time": "2026-12-01 08:00:00"}),
        ] {
            assert!(read_events(Some(&bad)).is_err(), "{bad}");
        }
    }
}
