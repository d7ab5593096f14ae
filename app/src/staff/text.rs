//! Text of the admin console's staff pages and dashboard.
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // dashboard.*
    DASHBOARD_HINT = "从左侧菜单开始工作。", "Start from the menu on the left.";
    DASH_OPEN = "查看全部", "Open";
    DASH_MY_CONVERSATIONS = "我的会话", "My conversations";
    DASH_NO_CONVERSATIONS = "暂无进行中的会话", "No open conversations";
    DASH_QUEUES = "排队中", "Waiting in your desks' queues";
    DASH_NO_DESKS = "你还没有负责的咨询类型", "You serve no desk yet";
    DASH_MY_CUSTOMERS = "我的客户", "My customers";
    DASH_NO_CUSTOMERS = "还没有客户，去客户管理新建一个吧", "No customers yet: create one under Customers";
    DASH_DEVELOPER = "开发者", "Developers";

    // staff.*
    TITLE = "员工管理", "Staff";
    NEW = "新建员工", "New staff member";
    NAME = "姓名", "Name";
    ROLES = "角色", "Roles";
    STATUS = "状态", "Status";
    ACTIVE = "正常", "Active";
    DISABLED = "已停用", "Disabled";
    DISABLE = "停用", "Disable";
    ENABLE = "启用", "Enable";
    RESET_PASSWORD = "重置密码", "Reset password";
    NEW_PASSWORD = "新密码", "New password";
    EDIT_ROLES = "修改角色", "Edit roles";
    PASSWORD_RESET = "密码已重置", "Password reset";
    CONFIRM_DISABLE = "确定停用该员工？停用后立即无法登录。", "Disable this account? They are signed out at once.";
    CANNOT_DROP_OWN_ADMIN = "不能移除自己的管理员角色", "You cannot remove your own admin role";
    CANNOT_DISABLE_SELF = "不能停用自己的账号", "You cannot disable your own account";
    ALL_ROLES = "全部角色", "All roles";
    CREATED_AT = "创建时间", "Created";
}

/// The dashboard's greeting.
pub fn dashboard_welcome(name: &str) -> String {
    match lang() {
        Lang::Zh => format!("你好，{name}"),
        Lang::En => format!("Hello, {name}"),
    }
}

/// Before the list of the signed-in person's roles.
pub fn dashboard_roles() -> &'static str {
    match lang() {
        Lang::Zh => "你的角色：",
        Lang::En => "Your roles: ",
    }
}

/// How many open conversations the agent holds.
pub fn dash_open_count(n: usize) -> String {
    match lang() {
        Lang::Zh => format!("进行中 {n} 个"),
        Lang::En if n == 1 => "1 open".to_owned(),
        Lang::En => format!("{n} open"),
    }
}

/// A desk's queue length: `售前：3 人排队`.
pub fn dash_queue(desk: &str, n: usize) -> String {
    match lang() {
        Lang::Zh => format!("{desk}：{n} 人排队"),
        Lang::En => format!("{desk}: {n} waiting"),
    }
}

/// After a staff account was created.
pub fn created(name: &str) -> String {
    match lang() {
        Lang::Zh => format!("已创建员工「{name}」"),
        Lang::En => format!("Staff member “{name}” created"),
    }
}
