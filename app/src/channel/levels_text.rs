//! Text of the price levels' page and of a company's level on its page.
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    NAV = "价格等级", "Price levels";
    TITLE = "价格等级", "Price levels";
    NEW = "新建等级", "New level";
    NEW_TITLE = "新建价格等级", "New price level";
    EDIT_TITLE = "编辑价格等级", "Edit the price level";
    EMPTY = "还没有价格等级：客户按渠道价格表查价。", "No price levels yet: customers search at the tables' prices.";
    NAME = "等级名称", "Name";
    DEFAULT_ADJ = "默认加价", "Default adjustment";
    BY_MODE = "按运输方式加价", "By mode";
    LIBRARIES = "可查渠道库", "Libraries searched";
    ALL_CHANNELS = "全部渠道", "Every channel";
    COMPANIES = "客户数", "Companies";
    DEFAULT_BADGE = "默认", "Default";
    PERCENT = "加价（%）", "Adjustment (%)";
    PERCENT_HINT = "填百分比：8 表示加价 8%，-5 表示优惠 5%。", "In percent: 8 is +8 %, -5 is 5 % off.";
    SAME_AS_DEFAULT = "其他运输方式按默认加价", "Other modes take the default";
    ADD_MODE = "添加运输方式", "Add a mode";
    REMOVE = "移除", "Remove";
    LIBRARIES_HINT = "不选表示可查全部渠道", "None chosen: every channel";
    NO_LIBRARIES = "还没有渠道库", "No channel library yet";
    MAKE_DEFAULT = "设为默认等级（未设置等级的客户使用）", "The default level (for companies without one)";
    EDIT = "编辑", "Edit";
    DELETE = "删除", "Delete";
    CONFIRM_DELETE = "确定删除该价格等级吗？", "Delete this price level?";
    SAVED = "价格等级已保存", "The price level was saved";
    DELETED = "价格等级已删除", "The price level was deleted";

    // the company page's block
    COMPANY_LEVEL = "价格等级", "Price level";
    CURRENT = "当前等级", "Current level";
    TABLE_PRICES = "未设置等级：按渠道价格表", "No level: the tables' prices";
    CHANGE = "更改等级", "Change the level";
    USE_DEFAULT = "使用默认等级", "Use the default level";
    CHANGED = "价格等级已更新", "The price level was changed";
}

/// The select's first option: `使用默认等级（标准）`.
pub fn use_default(name: Option<&str>) -> String {
    match (lang(), name) {
        (_, None) => USE_DEFAULT.get(lang()).to_owned(),
        (Lang::Zh, Some(n)) => format!("使用默认等级（{n}）"),
        (Lang::En, Some(n)) => format!("Use the default level ({n})"),
    }
}

/// The default level's name on a company that follows it: `标准（默认）`.
pub fn by_default(name: &str) -> String {
    match lang() {
        Lang::Zh => format!("{name}（默认）"),
        Lang::En => format!("{name} (default)"),
    }
}
