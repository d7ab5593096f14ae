//! Kuaidi100's push (订阅推送回调): a form POST of `param` (JSON) and
//! `sign` = upper-case hex MD5(param + salt), answered with
//! `{"result", "returnCode", "message"}`. Verified before it is read:
//! a push whose sign does not match is refused unread. Pure.

use serde_json::{json, Value};

use super::sign::md5_upper;
use super::wire::{carrier_of, read_result, text};
use crate::tracking::model::{Carrier, TrackingNumber};
use crate::tracking::provider::TrackReport;

/// A verified push.
#[derive(Debug, Clone, PartialEq)]
pub struct Push {
    pub carrier: Carrier,
    pub number: TrackingNumber,
    /// Kuaidi100's word on the subscription: `polling` (followed),
    /// `shutdown` (ended: delivered or returned), `abort` (given up, see
    /// `message`), `updateall` (everything pushed again).
    pub status: String,
    pub message: String,
    pub report: TrackReport,
}

/// Why a push is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PushError {
    /// No `sign`, or one that is not MD5(param + salt).
    #[error("the sign does not match")]
    Forged,
    /// Not a form with a `param` of Kuaidi100's JSON.
    #[error("malformed push: {0}")]
    Malformed(&'static str),
    /// A company code with no carrier here.
    #[error("unknown company {0}")]
    UnknownCompany(String),
}

/// The longest `param` read.
pub const MAX_PARAM_BYTES: usize = 1024 * 1024;

/// The push in a form body (`application/x-www-form-urlencoded`), verified
/// with `salt` and read.
pub fn read_push_form(body: &[u8], salt: &str) -> Result<Push, PushError> {
    let (mut param, mut sign) = (None, None);
    for (k, v) in url::form_urlencoded::parse(body) {
        match k.as_ref() {
            "param" => param = Some(v),
            "sign" => sign = Some(v),
            _ => {}
        }
    }
    let param = param.ok_or(PushError::Malformed("no param"))?;
    verify(&param, sign.as_deref().unwrap_or(""), salt)?;
    read_push(&param)
}

/// Checks `sign` against MD5(param + salt), in time independent of where
/// they differ.
pub fn verify(param: &str, sign: &str, salt: &str) -> Result<(), PushError> {
    let want = md5_upper(&[param, salt]);
    let got = sign.trim().to_ascii_uppercase();
    let same = want.len() == got.len()
        && want
            .bytes()
            .zip(got.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if same && !salt.is_empty() {
        Ok(())
    } else {
        Err(PushError::Forged)
    }
}

/// A verified `param`: its company (the one subscribed, `comOld`, when
/// Kuaidi100 re-identified it) and number, and the events so far.
pub fn read_push(param: &str) -> Result<Push, PushError> {
    if param.len() > MAX_PARAM_BYTES {
        return Err(PushError::Malformed("param too large"));
    }
    let v: Value =
        serde_json::from_str(param).map_err(|_| PushError::Malformed("param is not JSON"))?;
    let last = v
        .get("lastResult")
        .filter(|l| l.is_object())
        .ok_or(PushError::Malformed("no lastResult"))?;
    let old = text(&v, "comOld").filter(|c| !c.is_empty());
    let company = old
        .or_else(|| text(last, "com"))
        .ok_or(PushError::Malformed("no company"))?;
    let carrier = carrier_of(&company)
        .ok_or_else(|| PushError::UnknownCompany(company.chars().take(40).collect()))?;
    let nu = text(last, "nu").ok_or(PushError::Malformed("no number"))?;
    let number =
        TrackingNumber::parse(&nu).map_err(|_| PushError::Malformed("not a tracking number"))?;
    let report = read_result(last).map_err(PushError::Malformed)?;
    let status = text(&v, "status").unwrap_or_default();
    let message = text(&v, "message").unwrap_or_default();
    let short = |s: &str| -> Result<String, PushError> {
        if s.contains('\0') || s.chars().count() > 200 {
            Err(PushError::Malformed("status or message not storable"))
        } else {
            Ok(s.to_owned())
        }
    };
    Ok(Push {
        carrier,
        number,
        status: short(&status)?,
        message: short(&message)?,
        report,
    })
}

/// Kuaidi100's answer to a push: a success stops its retries.
pub fn answer(ok: bool, message: &str) -> Value {
    json!({
        "result": ok,
        "returnCode": if ok { "200" } else { "500" },
        "message": message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracking::model::TrackStatus;

    fn param() -> String {
        json!({"status": "polling", "billstatus": "got", "message": "", "autoCheck": "0",
            "comOld": "", "comNew": "", "lastResult": {"message": "ok", "state": "0",
            "status": "200", "condition": "F00", "ischeck": "0", "com": "yuantong",
            "nu": "YT7412345678901", "data": [{"context": "上海分拨中心/装件入车扫描",
            "time": "2026-12-01 16:33:19", "ftime": "2026-12-01 16:33:19",
            "status": "在途", "statusCode": "1002", "areaName": "上海市"}]}})
        .to_string()
    }

    fn form(param: &str, sign: &str) -> Vec<u8> {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("param", param)
            .append_pair("sign", sign)
            .finish()
            .into_bytes()
    }

    #[test]
    fn a_signed_push_reads_into_its_number_and_events() {
        let p = param();
        let sign = md5_upper(&[&p, "salt-1"]);
        let push = read_push_form(&form(&p, &sign), "salt-1").unwrap();
        assert_eq!(push.carrier, Carrier::Yto);
        assert_eq!(push.number.as_str(), "YT7412345678901");
        assert_eq!(push.status, "polling");
        assert_eq!(push.report.events[0].status, TrackStatus::InTransit);
        assert_eq!(push.report.events[0].raw_status, "1002 在途");
        // Lower-case hex is the same sign.
        assert!(read_push_form(&form(&p, &sign.to_lowercase()), "salt-1").is_ok());
    }

    #[test]
    fn a_push_with_another_sign_or_none_is_forged() {
        let p = param();
        let other = md5_upper(&[&p, "salt-2"]);
        assert_eq!(
            read_push_form(&form(&p, &other), "salt-1"),
            Err(PushError::Forged)
        );
        assert_eq!(
            read_push_form(&form(&p, ""), "salt-1"),
            Err(PushError::Forged)
        );
        let tampered = p.replace("YT7412345678901", "YT7412345678902");
        let sign = md5_upper(&[&p, "salt-1"]);
        assert_eq!(
            read_push_form(&form(&tampered, &sign), "salt-1"),
            Err(PushError::Forged)
        );
        // With no salt configured nothing verifies.
        assert_eq!(
            verify(&p, &md5_upper(&[&p, ""]), ""),
            Err(PushError::Forged)
        );
    }

    #[test]
    fn a_signed_but_malformed_param_is_named() {
        for bad in [
            "not json",
            "{}",
            r#"{"lastResult": {"com": "yuantong"}}"#,
            r#"{"lastResult": {"com": "yuantong", "nu": "顺丰"}}"#,
        ] {
            let sign = md5_upper(&[bad, "s"]);
            let e = read_push_form(&form(bad, &sign), "s").unwrap_err();
            assert!(matches!(e, PushError::Malformed(_)), "{bad}: {e:?}");
        }
        let unknown = param().replace("yuantong", "tiantian");
        let sign = md5_upper(&[&unknown, "s"]);
        assert_eq!(
            read_push_form(&form(&unknown, &sign), "s"),
            Err(PushError::UnknownCompany("tiantian".into()))
        );
        assert_eq!(
            read_push_form(b"sign=abc", "s"),
            Err(PushError::Malformed("no param"))
        );
    }

    #[test]
    fn the_answer_is_in_kuaidi100s_format() {
        assert_eq!(
            answer(true, "成功"),
            json!({"result": true, "returnCode": "200", "message": "成功"})
        );
        assert_eq!(answer(false, "x")["returnCode"], "500");
    }
}
