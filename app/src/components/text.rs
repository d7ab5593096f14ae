//! Text shared by every portal: the shell (home, navigation, language), common
//! buttons and list words, and the core's generic errors.
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // app.*
    APP_TITLE = "Shipdesk 跨境物流平台", "Shipdesk logistics platform";
    APP_NAME = "Shipdesk", "Shipdesk";

    // home.*
    HOME_TAGLINE = "FBA 头程物流一站式平台", "One platform for FBA freight forwarding";
    HOME_ADMIN = "管理端", "Admin console";
    HOME_ADMIN_DESC = "员工登录：客户、员工与业务管理", "Staff: customers, staff and operations";
    HOME_H5 = "移动端 H5", "Mobile (H5)";
    HOME_H5_DESC = "客户与销售的手机端", "For customers and sales on the phone";
    HOME_PORTAL = "直客端", "Customer portal";
    HOME_PORTAL_DESC = "客户工作台：报价、订单、账单", "Customer workbench: quotes, orders, bills";

    // lang.*
    LANG_SWITCH = "English", "中文";

    // nav.*
    NAV_DASHBOARD = "工作台", "Dashboard";
    NAV_STAFF = "员工管理", "Staff";
    NAV_CUSTOMERS = "客户管理", "Customers";
    NAV_CHAT = "在线客服", "Customer service";
    NAV_WEBHOOKS = "回调订阅", "Webhooks";
    NAV_PARTNERS = "合作方应用", "Partner apps";
    NAV_LOGOUT = "退出登录", "Sign out";

    // common.*
    SEARCH = "搜索", "Search";
    SAVE = "保存", "Save";
    SAVING = "保存中…", "Saving…";
    CANCEL = "取消", "Cancel";
    CREATE = "创建", "Create";
    ACTIONS = "操作", "Actions";
    LOADING = "加载中…", "Loading…";
    EMPTY = "暂无数据", "Nothing here yet";
    NO_MATCH = "没有符合条件的结果", "No results match";
    PREV = "上一页", "Previous";
    NEXT = "下一页", "Next";
    TOTAL = "共", "Total";

    // portal.*
    PORTAL_WORKBENCH = "工作台", "Workbench";
    PORTAL_PROFILE = "公司资料", "Company profile";

    // notfound.*
    NOTFOUND_TITLE = "页面不存在", "Page not found";
    NOTFOUND_BODY = "你访问的页面不存在或已被移除。", "The page you asked for does not exist.";
    NOTFOUND_HOME = "返回首页", "Go home";

    // error.*
    ERROR_UNAUTHORIZED = "请先登录", "Please sign in";
    ERROR_FORBIDDEN = "没有权限执行此操作", "You are not allowed to do this";
    ERROR_NOT_FOUND = "记录不存在", "Not found";
    ERROR_RATE_LIMITED = "尝试次数过多，请稍后再试", "Too many attempts, try again later";
    ERROR_INTERNAL = "服务器开小差了，请稍后再试", "Something went wrong, please try again";
    ERROR_BAD_REQUEST = "请求格式不正确", "The request is malformed";
    ERROR_REQUIRED = "必填", "Required";
    ERROR_DUPLICATE = "已存在", "Already exists";

    // text.*
    TEXT_TOO_LONG = "内容过长", "Too long";

    // page.*
    PAGE_INVALID = "页码无效", "Invalid page";
    PAGE_SIZE_INVALID = "每页条数为 1–100", "Page size is 1–100";

    // field.*
    FIELD_REQUIRED = "必填", "Required";
}

/// A list's total: `共 12 条` / `Total 12 items`; counted only up to `n`:
/// `10000 条以上` / `Over 10000 items`.
pub fn total(n: i64, capped: bool) -> String {
    match (lang(), capped) {
        (Lang::Zh, false) => format!("共 {n} 条"),
        (Lang::Zh, true) => format!("{n} 条以上"),
        (Lang::En, false) => format!("Total {n} items"),
        (Lang::En, true) => format!("Over {n} items"),
    }
}

/// "Too many attempts" with the wait: `尝试次数过多，请稍后再试 (30s)`.
pub fn rate_limited(retry_after_secs: u64) -> String {
    format!("{} ({retry_after_secs}s)", ERROR_RATE_LIMITED.get(lang()))
}
