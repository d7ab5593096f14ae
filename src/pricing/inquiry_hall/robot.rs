//! The WeCom group robot's protocol (企业微信群机器人), pure: the messages
//! the sales group gets, the URL a robot has, and what its answer means.
//!
//! A robot takes `POST <url>` with `{"msgtype": "markdown", "markdown":
//! {"content": "…"}}` (content at most 4,096 bytes) and answers
//! `{"errcode": 0, "errmsg": "ok"}`; any other errcode (93000: invalid
//! webhook URL, 45009: too many messages a minute…) is a refusal.

use serde_json::{json, Value};

use super::model::{HallInquiry, RobotTestAnswer};
use crate::error::{AppError, AppResult};
use crate::pricing::inquiry::FieldName;
use crate::ErrorKey;

/// WeCom refuses markdown content longer than this (bytes).
pub const MAX_CONTENT_BYTES: usize = 4096;
/// The message's quote of the customer's text (chars).
const QUOTED_CHARS: usize = 500;

/// The path every robot URL has; its `key` query parameter names the robot.
pub const ROBOT_PATH: &str = "/cgi-bin/webhook/send";

/// Checks the shape of a robot URL (path and `key`); where it may point is
/// checked as a webhook's is (`webhook::target`), by the caller.
pub fn check_robot_url(url: &str) -> AppResult<()> {
    let invalid = || AppError::validation("robot_url", ErrorKey::RobotUrlInvalid);
    let parsed = url::Url::parse(url.trim()).map_err(|_| invalid())?;
    let has_key = parsed
        .query_pairs()
        .any(|(k, v)| k == "key" && !v.trim().is_empty());
    if parsed.path() != ROBOT_PATH || !has_key {
        return Err(invalid());
    }
    Ok(())
}

/// A markdown message body, its content cut to what WeCom takes.
pub fn markdown(content: &str) -> Value {
    let mut end = content.len().min(MAX_CONTENT_BYTES);
    while !content.is_char_boundary(end) {
        end -= 1;
    }
    json!({"msgtype": "markdown", "markdown": {"content": &content[..end]}})
}

/// The message telling the sales group of a new inquiry.
pub fn new_inquiry(i: &HallInquiry, sla_minutes: i64) -> Value {
    let mut lines = vec![format!("### 新询价 {}", i.number)];
    let company = i.company_name.as_deref().unwrap_or("未指定客户");
    lines.push(format!("> 客户：{company}（{}）", i.posted_by));
    if let Some(s) = &i.search {
        let dest = s
            .fba_code
            .as_deref()
            .or(s.postcode.as_deref())
            .unwrap_or("");
        let origin = s.origin.as_deref().unwrap_or("任意");
        lines.push(format!(
            "> 查价：{origin} → {} {dest}",
            s.country.to_uppercase()
        ));
    }
    if !i.text.is_empty() {
        let quoted: String = i.text.chars().take(QUOTED_CHARS).collect();
        let more = if i.text.chars().count() > QUOTED_CHARS {
            "…"
        } else {
            ""
        };
        lines.push(format!("> 原文：{}{more}", quoted.replace('\n', " ")));
    }
    let read: Vec<String> = i
        .fields
        .iter()
        .filter(|f| f.name != FieldName::WantedDate)
        .map(|f| f.value.clone())
        .collect();
    if !read.is_empty() {
        lines.push(format!("> 识别：{}", read.join(" ")));
    }
    if i.low_confidence {
        lines.push("<font color=\"warning\">识别不完整，请人工确认</font>".into());
    }
    lines.push(format!("请在 {sla_minutes} 分钟内报价。"));
    markdown(&lines.join("\n"))
}

/// The test message of 推送测试机器人.
pub fn test_message(by: &str) -> Value {
    markdown(&format!(
        "### Shipdesk 测试消息\n> 询价大厅的机器人已连通（{by} 发送）。"
    ))
}

/// What an HTTP answer of the robot means: `Ok` for errcode 0, else the
/// refusal as logged (`HTTP 502`, `errcode 93000: invalid webhook url`).
pub fn read_answer(status: u16, body: &str) -> RobotTestAnswer {
    let parsed: Option<Value> = serde_json::from_str(body).ok();
    let errcode = parsed.as_ref().and_then(|v| v["errcode"].as_i64());
    let errmsg = parsed
        .as_ref()
        .and_then(|v| v["errmsg"].as_str())
        .unwrap_or("")
        .to_owned();
    match errcode {
        Some(0) if (200..300).contains(&status) => RobotTestAnswer {
            ok: true,
            errcode,
            errmsg,
        },
        Some(code) => RobotTestAnswer {
            ok: false,
            errcode: Some(code),
            errmsg: format!("errcode {code}: {errmsg}"),
        },
        None => RobotTestAnswer {
            ok: false,
            errcode: None,
            errmsg: format!("HTTP {status}: not a robot's answer"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_robot_url_needs_the_send_path_and_a_key() {
        let ok = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx";
        assert!(check_robot_url(ok).is_ok());
        for bad in [
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send",
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=",
            "https://qyapi.weixin.qq.com/other?key=1",
            "not a url",
        ] {
            let e = check_robot_url(bad).unwrap_err();
            assert_eq!(e.field(), Some("robot_url"), "{bad}");
        }
    }

    #[test]
    fn the_robots_answer_is_ok_only_with_errcode_zero() {
        let ok = read_answer(200, r#"{"errcode":0,"errmsg":"ok"}"#);
        assert!(ok.ok);
        let refused = read_answer(200, r#"{"errcode":93000,"errmsg":"invalid webhook url"}"#);
        assert!(!refused.ok);
        assert_eq!(refused.errcode, Some(93000));
        assert_eq!(refused.errmsg, "errcode 93000: invalid webhook url");
        let html = read_answer(502, "<html>bad gateway</html>");
        assert_eq!((html.ok, html.errcode), (false, None));
        assert!(html.errmsg.starts_with("HTTP 502"));
    }

    #[test]
    fn a_long_message_is_cut_to_what_wecom_takes_on_a_char_boundary() {
        let body = markdown(&"询".repeat(3000));
        let content = body["markdown"]["content"].as_str().unwrap();
        assert!(content.len() <= MAX_CONTENT_BYTES);
        assert!(content.len() > MAX_CONTENT_BYTES - 3);
        assert_eq!(body["msgtype"], "markdown");
    }
}
