//! Text of the alerts (异常预警): ops' board `/admin/alerts`, the
//! thresholds' settings, and the banner on a customer's order. The kinds'
//! names are the core's (`AlertKind::label`).
//!
//! Each entry is `NAME = "中文", "English";`.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    NAV = "异常预警", "Alerts";
    TITLE = "异常预警", "Shipment alerts";
    SHOW_OPEN = "待处理", "Open";
    SHOW_CLOSED = "已关闭", "Closed";
    SHOW_ALL = "全部", "All";
    ANY_KIND = "全部类型", "Any kind";
    EMPTY = "没有预警", "No alerts";
    COL_ORDER = "订单号", "Order";
    COL_CUSTOMER = "客户", "Customer";
    COL_KIND = "类型", "Kind";
    COL_DETAIL = "说明", "Detail";
    COL_SINCE = "异常开始", "Since";
    COL_RAISED = "预警时间", "Raised";
    COL_ACTION = "处理", "Action";
    CLOSE = "关闭预警", "Close";
    CLOSE_CONFIRM = "确认关闭", "Close it";
    CLOSE_CANCEL = "取消", "Cancel";
    CLOSE_NOTE = "处理说明（选填）", "Note (optional)";
    CLOSED = "已关闭", "Closed";

    SETTINGS = "无轨迹预警阈值", "Silence thresholds";
    SETTINGS_HINT = "运输途中超过这么多小时没有新动态即发出预警（1–720 小时）。", "A shipment under way with no event for this many hours raises an alert (1–720 hours).";
    HOURS = "小时", "hours";
    SAVE = "保存", "Save";
    SAVED = "已保存", "Saved";

    BANNER_TITLE = "异常预警", "Alert";
    BANNER_HINT = "我们正在跟进，进展会在在线客服中告诉您。", "We are on it and will tell you in the chat.";
}

fn zh() -> bool {
    lang() == Lang::Zh
}

/// What a silent alert says: `已发运状态下 50 小时无新动态`.
pub fn silent_for(status: &str, hours: i64) -> String {
    match zh() {
        true => format!("{status}状态下 {hours} 小时无新动态"),
        false => format!("No event for {hours} h ({status})"),
    }
}

/// Who closed an alert and their note.
pub fn closed_by(by: &str, note: &str) -> String {
    match (zh(), note.is_empty()) {
        (true, true) => format!("{by} 已关闭"),
        (true, false) => format!("{by} 已关闭：{note}"),
        (false, true) => format!("Closed by {by}"),
        (false, false) => format!("Closed by {by}: {note}"),
    }
}
