//! Text of the inquiry hall's pages (询价大厅): posting from the quote
//! search, the customers' 我的询价 and the staff's hall with its settings.
//!
//! Each entry is `NAME = "中文", "English";`. Text with values in it is a
//! function below the list.

use shipdesk::pricing::inquiry_hall::InquiryStatus;

use crate::i18n::{lang, Lang, Text};

crate::i18n::texts! {
    // nav.*
    NAV_MINE = "我的询价", "My inquiries";
    NAV_HALL = "询价大厅", "Inquiry hall";

    // post.*
    POST = "提交到询价大厅", "Post to the inquiry hall";
    POSTING = "提交中…", "Posting…";
    POST_LOW = "识别结果不够确定，可以直接提交给销售人工报价。", "The reading is unsure: post it and a salesperson will quote by hand.";
    POST_NO_PLAN = "没有合适的方案？提交到询价大厅，销售会尽快为你报价。", "No plan fits? Post it to the inquiry hall and sales will quote for you.";
    POST_HINT = "找不到合适的方案，也可以让销售人工报价。", "Nothing fits? Sales can quote by hand.";
    POSTED = "已提交到询价大厅，询价编号", "Posted to the inquiry hall, number";
    POSTED_NEXT = "销售报价后会显示在我的询价中。", "The quote will show under My inquiries.";
    POST_NOTHING = "请先粘贴询价或填写表单。", "Paste an inquiry or fill in the form first.";

    // status.*
    STATUS_ALL = "全部", "All";
    STATUS_PENDING = "待报价", "Awaiting quote";
    STATUS_QUOTED = "已报价", "Quoted";
    STATUS_WON = "已成交", "Won";
    STATUS_CLOSED = "已关闭", "Closed";

    // mine.*
    MINE_EMPTY = "还没有询价。查价找不到合适的方案时，可以提交到询价大厅。", "No inquiries yet. When a search finds no plan that fits, post it to the inquiry hall.";
    MINE_QUOTE = "报价单", "Quote";
    MINE_DELETE = "删除", "Delete";
    MINE_CONFIRM_DELETE = "删除这条询价？", "Delete this inquiry?";
    MINE_CLEAR = "清空历史", "Clear history";
    MINE_CONFIRM_CLEAR = "清空全部询价历史？此操作不能撤销。", "Clear your whole inquiry history? This cannot be undone.";
    MINE_NEW = "去查价", "Get a quote";
    POSTED_AT = "提交于", "Posted";
    TEXT_LABEL = "原文", "As written";

    // hall.*
    HALL_TITLE = "询价大厅", "Inquiry hall";
    HALL_EMPTY = "没有符合条件的询价", "No inquiry matches";
    HALL_SEARCH = "编号、原文或目的地", "Number, text or destination";
    HALL_FROM = "开始日期", "From";
    HALL_TO = "结束日期", "To";
    HALL_ALL_COMPANIES = "全部客户", "All customers";
    HALL_NUMBER = "编号", "Number";
    HALL_COMPANY = "客户", "Customer";
    HALL_WHO = "提交人", "Posted by";
    HALL_WHAT = "询价内容", "Inquiry";
    HALL_STATUS = "状态", "Status";
    HALL_ACTIONS = "操作", "Actions";
    HALL_NO_COMPANY = "未关联客户", "No customer";
    HALL_OVERDUE = "超时", "Overdue";
    HALL_LOW = "需人工核对", "Check by hand";
    ANSWER = "报价", "Quote";
    ANSWER_NUMBER = "报价单号，如 Q20261202-0001", "Quote number, e.g. Q20261202-0001";
    ANSWER_SEND = "提交报价", "Answer";
    ANSWER_MAKE = "先去查价保存报价", "Make a quote first";
    WIN = "成交", "Won";
    CLOSE = "关闭", "Close";
    CONFIRM_CLOSE = "关闭这条询价？", "Close this inquiry?";
    CHANGED_RELOAD = "刷新", "Reload";
    ANSWERED_BY = "报价人", "Answered by";

    // settings.*
    SETTINGS = "询价大厅设置", "Hall settings";
    SLA = "响应时限（分钟）", "Answer within (minutes)";
    ROBOT_URL = "企业微信群机器人 Webhook 地址", "WeCom group robot webhook URL";
    ROBOT_URL_HINT = "留空则不推送新询价", "Leave empty to send nothing";
    SETTINGS_SAVED = "已保存", "Saved";
    ROBOT_TEST = "推送测试机器人", "Send a test message";
    ROBOT_TESTING = "推送中…", "Sending…";
    ROBOT_OK = "机器人已收到测试消息", "The robot took the test message";
    ROBOT_RECENT = "最近推送", "Recent messages";
    ROBOT_SENT = "已送达", "Sent";
    ROBOT_PENDING = "待发送", "Pending";
    ROBOT_FAILED = "失败", "Failed";
}

/// The label of a status.
pub fn status(s: InquiryStatus) -> Text {
    match s {
        InquiryStatus::Pending => STATUS_PENDING,
        InquiryStatus::Quoted => STATUS_QUOTED,
        InquiryStatus::Won => STATUS_WON,
        InquiryStatus::Closed => STATUS_CLOSED,
    }
}

/// `待报价 3` / `Awaiting quote 3`: a tab with its count.
pub fn tab(label: Text, n: i64) -> String {
    format!("{} {n}", label.get(lang()))
}

/// How long an inquiry has waited: `已等待 1 小时 5 分钟` / `waiting 1 h 5 min`.
pub fn waited(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (lang(), h) {
        (Lang::Zh, 0) => format!("已等待 {m} 分钟"),
        (Lang::Zh, _) => format!("已等待 {h} 小时 {m} 分钟"),
        (Lang::En, 0) => format!("waiting {m} min"),
        (Lang::En, _) => format!("waiting {h} h {m} min"),
    }
}

/// The robot's refusal: `errcode 93000：invalid webhook url`.
pub fn robot_refused(errcode: Option<i64>, errmsg: &str) -> String {
    let sep = if lang() == Lang::Zh { "：" } else { ": " };
    match errcode {
        Some(c) => format!("errcode {c}{sep}{errmsg}"),
        None => errmsg.to_owned(),
    }
}

/// `已清空 3 条` / `3 cleared`.
pub fn cleared(n: u64) -> String {
    match lang() {
        Lang::Zh => format!("已清空 {n} 条询价"),
        Lang::En => format!("{n} cleared"),
    }
}

/// After the number: `。销售报价后会显示在我的询价中。` / `. The quote will show…`.
pub fn posted_next() -> String {
    match lang() {
        Lang::Zh => format!("。{}", POSTED_NEXT.get(Lang::Zh)),
        Lang::En => format!(". {}", POSTED_NEXT.get(Lang::En)),
    }
}
