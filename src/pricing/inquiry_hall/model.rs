//! The inquiry hall's types: an inquiry as posted and as listed, its
//! statuses, the lists' filters and counts, and the hall's settings.

use serde::{Deserialize, Serialize};

use crate::pricing::inquiry::Field;
use crate::pricing::model::QuoteForSearch;
use crate::types::{Id, Timestamp};

crate::string_enum! {
    /// Where an inquiry stands (询价状态).
    pub enum InquiryStatus("status", InquiryStatusInvalid) {
        /// 待报价: nobody has answered yet.
        Pending = "pending",
        /// 已报价: answered with a saved quote.
        Quoted = "quoted",
        /// 已成交: the customer took the quote.
        Won = "won",
        /// 已关闭.
        Closed = "closed",
    }
}

impl InquiryStatus {
    pub fn label_zh(self) -> &'static str {
        match self {
            InquiryStatus::Pending => "待报价",
            InquiryStatus::Quoted => "已报价",
            InquiryStatus::Won => "已成交",
            InquiryStatus::Closed => "已关闭",
        }
    }
}

/// An inquiry to post (创建询价需求): the quote form's fields, or a message
/// as written (read with `parse_inquiry`), or both.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InquiryForPost {
    /// The quote form's search; its country, destination and cargo are
    /// checked as a search's are (a wanted date may not be in the past).
    #[serde(default)]
    pub search: Option<QuoteForSearch>,
    /// The message as written, at most 2,000 characters.
    #[serde(default)]
    pub text: Option<String>,
    /// Staff only: the customer company it is for (a member posts for
    /// their own).
    #[serde(default)]
    pub company_id: Option<Id>,
}

/// An inquiry as the hall lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct HallInquiry {
    pub id: Id,
    /// `I` + the day + a sequence: `I20261202-0007`.
    pub number: String,
    pub company_id: Option<Id>,
    pub company_name: Option<String>,
    /// Who posted it: the member's or the staff member's name.
    pub posted_by: String,
    pub search: Option<QuoteForSearch>,
    /// The message as written ('' when it came from the form).
    pub text: String,
    /// What was read from the message.
    pub fields: Vec<Field>,
    /// The reading missed the destination or the cargo, or doubted a field.
    pub low_confidence: bool,
    pub status: InquiryStatus,
    /// The saved quote that answered it.
    pub quote_number: Option<String>,
    /// The staff member who answered, by name.
    pub answered_by: Option<String>,
    pub answered_at: Option<Timestamp>,
    /// The customer deleted it (staff still see it; customers never do).
    pub deleted_by_customer: bool,
    /// Pending for longer than the hall's SLA.
    pub overdue: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A customer's own list (获取询价大厅列表).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MyInquiryFilter {
    #[serde(default)]
    pub status: Option<InquiryStatus>,
}

/// The staff list's filters (查询询价大厅列表); the counts take all but `status`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InquiryFilter {
    #[serde(default)]
    pub status: Option<InquiryStatus>,
    /// Posted on or after this day (`YYYY-MM-DD`, China time).
    #[serde(default)]
    pub from: Option<String>,
    /// Posted on or before this day.
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub company_id: Option<Id>,
    /// Part of the number, the message or the destination.
    #[serde(default)]
    pub q: Option<String>,
}

/// How many inquiries of the filter are in each status (查询询价大厅列表统计数量).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InquiryCounts {
    pub pending: i64,
    pub quoted: i64,
    pub won: i64,
    pub closed: i64,
    pub total: i64,
    /// Pending past the SLA.
    pub overdue: i64,
}

/// The hall's settings (admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InquirySettings {
    /// Minutes an inquiry may wait for an answer before it is overdue.
    pub sla_minutes: i64,
    /// The WeCom group robot's webhook URL; none: nobody is told.
    pub robot_url: Option<String>,
    /// The latest robot messages, newest first.
    pub recent_messages: Vec<RobotMessage>,
}

/// Settings to save.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InquirySettingsForSave {
    /// 1 to 10,080 (a week).
    pub sla_minutes: i64,
    /// `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`; empty or
    /// none turns the robot off.
    #[serde(default)]
    pub robot_url: Option<String>,
}

crate::string_enum! {
    /// Where a robot message stands.
    pub enum RobotMessageStatus("status", BadRequest) {
        Pending = "pending",
        Sent = "sent",
        Failed = "failed",
    }
}

/// A robot message and how its sending went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RobotMessage {
    pub id: Id,
    pub inquiry_id: Option<Id>,
    pub status: RobotMessageStatus,
    pub attempts: i64,
    /// The robot's last refusal (`errcode 93000: …`) or why it was not reached.
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
}

/// What the robot answered a test message (推送测试机器人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RobotTestAnswer {
    /// The robot took it (errcode 0).
    pub ok: bool,
    /// The robot's errcode, when it answered in its format.
    pub errcode: Option<i64>,
    /// The robot's errmsg, or why it could not be reached.
    pub errmsg: String,
}
