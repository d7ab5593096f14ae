//! Text of the channels' admin pages.
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // nav.*
    NAV = "渠道管理", "Channels";

    // list.*
    TITLE = "渠道管理", "Channels";
    NEW = "新建渠道", "New channel";
    SEARCH = "搜索渠道名称或承运商", "Search by name or carrier";
    ALL_COUNTRIES = "全部国家", "All countries";
    ALL_MODES = "全部运输方式", "All modes";
    ALL_STATES = "全部状态", "Enabled or not";
    ONLY_ENABLED = "已启用", "Enabled";
    ONLY_DISABLED = "已停用", "Disabled";
    EMPTY = "没有符合条件的渠道", "No channel matches";
    NAME = "渠道名称", "Name";
    MODE = "运输方式", "Mode";
    CARRIER = "承运商", "Carrier";
    COUNTRY = "目的国", "Country";
    ORIGINS = "起运地", "Origins";
    ZONES = "分区", "Zones";
    TAGS = "标签", "Tags";
    SPECIAL = "特价", "Special";
    VALID_UNTIL = "有效期至", "Valid until";
    VERSION = "版本", "Version";
    ENABLED = "启用", "Enabled";
    CONFIRM_DISABLE = "确定停用该渠道？停用后客户查价将看不到它。", "Turn this channel off? Searches stop showing it.";

    // detail.*
    BACK = "返回渠道列表", "Back to channels";
    BASICS = "基本信息", "Basics";
    BASIS = "计费方式", "Charged by";
    DIVISOR = "计泡系数", "Volumetric divisor";
    KG_PER_CBM = "每方折重（kg）", "kg per CBM";
    PER_KG = "按公斤", "Per kg";
    PER_CBM = "按立方", "Per CBM";
    MIN_SHIPMENT = "单票最低计费", "Minimum per shipment";
    MIN_CARTON = "单箱最低计费", "Minimum per carton";
    ROUNDING = "进位", "Rounding";
    MAX_CARTON_KG = "单箱重量上限（kg）", "Heaviest carton (kg)";
    MAX_SIDE_CM = "单边长度上限（cm）", "Longest side (cm)";
    NO_LIMIT = "不限", "No limit";
    ACCEPTS = "可接货物", "Goods accepted";
    CUSTOMS_FEE = "报关费（元/票）", "Customs fee (¥ a shipment)";
    TAX_INCLUDED = "包税", "Duties included";
    YES = "是", "Yes";
    NO = "否", "No";
    TRANSIT = "时效（天）", "Transit (days)";
    CUTOFFS = "截单日", "Cut-off days";
    EVERY_DAY = "每天", "Every day";
    VALIDITY = "有效期", "Valid";
    SPECIAL_DATES = "特价期", "Special price";
    NOT_SPECIAL = "非特价", "Not special";
    ZONES_TITLE = "分区与仓库", "Zones and warehouses";
    ZONE_CODE = "分区代码", "Zone code";
    ZONE_NAME = "分区名称", "Zone name";
    FBA_CODES = "FBA 仓库", "FBA warehouses";
    POSTCODES = "邮编范围", "Postcodes";
    TABLE_TITLE = "价格表", "Price table";
    SURCHARGES = "附加费", "Surcharges";
    NO_SURCHARGES = "没有附加费", "No surcharges";
    SURCHARGE_NAME = "名称", "Name";
    CHARGE = "收费", "Charge";
    CONDITIONS = "条件", "When";
    ALWAYS = "始终收取", "Always";
    VERSIONS = "版本记录", "Versions";
    CHANGED_BY = "修改人", "By";
    CHANGED_AT = "时间", "When";
    SYSTEM = "系统", "System";
    RELOAD = "刷新", "Reload";

    // edit.*
    EDIT = "编辑", "Edit";
    EDIT_TABLE = "编辑价格表", "Edit the table";
    ADD_BREAK = "添加重量段", "Add a break";
    REMOVE = "删除", "Remove";
    NEW_BREAK = "新重量段起点", "New break from";
    SAVED = "已保存", "Saved";
    ORIGINS_HINT = "多个用逗号分隔", "Separate with commas";
    VALID_FROM = "生效日期", "Valid from";
    VALID_TO = "失效日期", "Valid to";
    SPECIAL_FROM = "特价开始", "Special from";
    SPECIAL_TO = "特价结束", "Special to";
    TRANSIT_MIN = "最短时效（天）", "Shortest transit (days)";
    TRANSIT_MAX = "最长时效（天）", "Longest transit (days)";
    TEMPLATE = "以此渠道为模板", "Use as template";
    COPY_OF = "（副本）", " (copy)";
    NEW_TITLE = "新建渠道", "New channel";
    NOT_A_NUMBER = "请输入数字", "Enter a number";
    CELL_EMPTY_OK = "留空表示该分区没有这一档", "Leave empty when a zone has no such break";

    // sheet.*
    EXPORT = "导出价格表", "Export the table";
    IMPORT = "导入价格表", "Import a table";
    IMPORT_HINT = "选择 .xlsx 文件：第一行为 分区代码 | 分区名称 | 各重量段，每个分区一行，单价为元。", "Choose an .xlsx file: a header row Zone code | Zone name | one column per break, one row per zone, rates in yuan.";
    PREVIEW = "导入预览", "Preview";
    PREVIEW_HINT = "黄色为有变化的单元格，确认后才会保存。", "Changed cells are yellow; nothing is saved until you confirm.";
    CONFIRM_IMPORT = "确认导入", "Import";
    IMPORT_ERRORS = "文件有错误，未导入任何数据：", "The file has errors; nothing was imported:";
    IMPORTED = "价格表已导入", "The table was imported";
    READING = "读取中…", "Reading…";
    CHOOSE_FILE = "选择文件", "Choose a file";
    NO_CHANGE = "与当前价格表相同", "Same as the current table";

    // cell problems
    CELL_EMPTY = "不能为空", "is empty";
    CELL_NOT_A_NUMBER = "不是数字", "is not a number";
    CELL_NEGATIVE = "不能为负数", "is negative";
    CELL_TOO_LARGE = "金额超过 1000000 元", "is over ¥1,000,000";
    CELL_TOO_PRECISE = "最多两位小数", "has more than two decimals";
    CELL_UNKNOWN_ZONE = "该渠道没有这个分区代码", "is not a zone of this channel";
    CELL_DUPLICATE_ZONE = "分区重复", "repeats a zone";
    CELL_NOT_ASCENDING = "重量段须从小到大", "breaks must ascend";
    CELL_BAD_HEADER = "表头应为 分区代码 | 分区名称 | 各重量段", "the header is Zone code | Zone name | breaks";
    CELL_NO_ROWS = "没有分区行", "has no zone rows";
    CELL_NO_BREAKS = "没有重量段列", "has no break columns";

    // errors
    TABLE_FILE_INVALID = "不是有效的 .xlsx 文件", "Not a readable .xlsx file";
    TABLE_FILE_TOO_LARGE = "文件过大：最多 1 MB、5000 行、500 列", "Too large: at most 1 MB, 5,000 rows and 500 columns";
}

/// `第 3 行 D 列：不是数字` / `Row 3, column D: is not a number`.
pub fn at_cell(row: u32, column: &str, problem: &str) -> String {
    match lang() {
        Lang::Zh => format!("第 {row} 行 {column} 列：{problem}"),
        Lang::En => format!("Row {row}, column {column}: {problem}"),
    }
}

/// A version in the list: `v3`.
pub fn version(v: u32) -> String {
    format!("v{v}")
}

/// After a save: `已保存为 v4` / `Saved as v4`.
pub fn saved_as(v: u32) -> String {
    match lang() {
        Lang::Zh => format!("已保存为 v{v}"),
        Lang::En => format!("Saved as v{v}"),
    }
}

/// Above a price grid: `单价：元/kg` / `Rates: ¥ per kg`.
pub fn rate_unit(unit: &str) -> String {
    match lang() {
        Lang::Zh => format!("单价：元/{unit}"),
        Lang::En => format!("Rates: ¥ per {unit}"),
    }
}
