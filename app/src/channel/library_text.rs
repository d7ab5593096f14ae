//! Text of the channel libraries' page: the list, the form with its
//! pre-check (前置校验), and the tag list (标签管理).
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    NAV = "渠道库", "Channel libraries";
    TITLE = "渠道库", "Channel libraries";
    NEW = "新建渠道库", "New library";
    NEW_TITLE = "新建渠道库", "New channel library";
    EDIT_TITLE = "编辑渠道库", "Edit the library";
    EMPTY = "还没有渠道库", "No channel library yet";
    NAME = "渠道库名称", "Name";
    RULES = "规则", "Rules";
    MANUAL = "手动添加 / 排除", "Added / excluded by hand";
    CHANNELS = "渠道数", "Channels";
    NO_RULES = "不限：全部渠道", "No rule: every channel";
    REQUIRED_TAGS = "必须带有的标签", "Required tags";
    EXCLUDED_TAGS = "排除的标签", "Excluded tags";
    MODES = "运输方式", "Modes";
    ORIGINS = "起运地", "Origins";
    COUNTRIES = "目的国", "Countries";
    ANY = "不选表示不限", "None chosen: any";
    INCLUDE = "手动添加的渠道", "Channels added by hand";
    EXCLUDE = "手动排除的渠道", "Channels excluded by hand";
    NONE_CHOSEN = "无", "None";
    FIND_CHANNEL = "搜索渠道名称", "Search channels by name";
    ADD = "添加", "Add";
    EXCLUDE_ONE = "排除", "Exclude";
    REMOVE = "移除", "Remove";
    NO_CHANNEL_FOUND = "没有找到渠道", "No channel found";
    PRECHECK = "前置校验", "Pre-check";
    CHECKING = "校验中…", "Checking…";
    PRECHECK_TITLE = "校验结果（尚未保存）", "Pre-check (nothing saved yet)";
    ADDED = "新增的渠道", "Channels added";
    REMOVED = "移除的渠道", "Channels removed";
    NO_CHANGE = "渠道没有变化", "No channel changes";
    CONFLICTS = "手动设置的冲突", "Conflicting manual entries";
    NO_CONFLICTS = "没有冲突", "No conflicts";
    STALE = "规则已修改，请重新校验。", "The rules changed: run the pre-check again.";
    CONFLICT_INCLUDED_BY_RULES = "已被规则选中，无需手动添加", "The rules pick it already: no need to add it";
    CONFLICT_EXCLUDED_NOT_PICKED = "规则未选中，无需排除", "The rules do not pick it: no need to exclude it";
    CONFLICT_BOTH = "同时添加和排除：以排除为准", "Both added and excluded: excluded wins";
    CONFLICT_UNKNOWN = "渠道不存在", "No such channel";
    CONFLICT_DISABLED = "渠道已停用", "The channel is disabled";
    EDIT = "编辑", "Edit";
    DELETE = "删除", "Delete";
    CONFIRM_DELETE = "确定删除该渠道库吗？", "Delete this library?";
    SAVED = "渠道库已保存", "The library was saved";
    DELETED = "渠道库已删除", "The library was deleted";

    // tags
    TAGS_TITLE = "标签管理", "Tags";
    TAGS_HINT = "渠道只能使用列表中的标签；有渠道在用的标签不能删除。", "Channels carry only tags of this list; a tag a channel carries cannot be deleted.";
    NEW_TAG = "新标签（1–20 个字）", "New tag (1–20 characters)";
    ADD_TAG = "添加标签", "Add the tag";
    TAGS_EMPTY = "还没有标签", "No tags yet";
    TAG_ADDED = "标签已添加", "The tag was added";
    TAG_DELETED = "标签已删除", "The tag was deleted";
}

/// `保存后共 12 个渠道` / `12 channels after saving`.
pub fn channels_after(n: u32) -> String {
    match lang() {
        Lang::Zh => format!("保存后共 {n} 个渠道"),
        Lang::En => format!("{n} channels after saving"),
    }
}

/// `添加 2 / 排除 1` / `2 added / 1 excluded`.
pub fn manual_counts(include: usize, exclude: usize) -> String {
    match lang() {
        Lang::Zh => format!("添加 {include} / 排除 {exclude}"),
        Lang::En => format!("{include} added / {exclude} excluded"),
    }
}

/// One rule in words: `带有标签：包税、带电`.
pub fn rule(label: &str, values: &str) -> String {
    match lang() {
        Lang::Zh => format!("{label}：{values}"),
        Lang::En => format!("{label}: {values}"),
    }
}

/// `确定删除标签「带电」吗？` / `Delete the tag "带电"?`.
pub fn confirm_delete_tag(tag: &str) -> String {
    match lang() {
        Lang::Zh => format!("确定删除标签「{tag}」吗？"),
        Lang::En => format!("Delete the tag \"{tag}\"?"),
    }
}
