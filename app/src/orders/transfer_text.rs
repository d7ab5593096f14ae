//! Text of the transfer numbers (转单号): the upload page `/admin/transfers`
//! (template, preview, errors by row, apply) and the panel on an order's
//! page (its provider and its numbers).
//!
//! Each entry is `NAME = "中文", "English";`.

use shipdesk::orders::transfer::TransferProblem;

use crate::i18n::{lang, Lang, Text};

crate::i18n::texts! {
    NAV = "上传转单号", "Transfer numbers";
    TITLE = "上传转单号", "Upload transfer numbers";
    HINT = "下载模板，每行填写订单号、箱号（如 3 或 1-5）、承运商（可留空，按单号识别）和转单号。上传后先预览：有任何一行出错都不会保存；确认导入后，表中每个订单的转单号以本次为准。", "Download the template and fill in a row per number: order number, cartons (3 or 1-5), carrier (leave it empty to detect it from the number) and the transfer number. Uploading previews it first: nothing is saved while any row is wrong; importing replaces the transfer numbers of every order the sheet names.";
    PROVIDER_HINT = "模板已列出分配给您的待发订单。", "The template lists the open orders assigned to you.";
    TEMPLATE = "下载模板", "Download the template";
    CHOOSE_FILE = "选择表格上传", "Choose a sheet";
    READING = "读取中…", "Reading…";
    ERRORS = "表格有以下错误，改正后重新上传：", "The sheet has these errors: fix them and upload it again:";
    PREVIEW = "预览", "Preview";
    CONFIRM = "确认导入", "Import";
    DISCARD = "放弃", "Discard";
    COL_ROW = "行", "Row";
    COL_ORDER = "订单号", "Order";
    COL_CARTONS = "箱号", "Cartons";
    COL_CARRIER = "承运商", "Carrier";
    COL_NUMBER = "转单号", "Number";
    FILE_UNREADABLE = "无法读取这个文件", "The file could not be read";

    PANEL = "转单号", "Transfer numbers";
    NONE = "还没有转单号。", "No transfer numbers yet.";
    CUSTOMER_PANEL = "尾程转单号", "Last-mile numbers";
    CUSTOMER_HINT = "货物到达目的地后，服务商上传的尾程派送单号。", "The last-mile numbers the provider uploads once the cartons reach the destination.";
    PROVIDER = "服务商", "Provider";
    NO_PROVIDER = "未分配", "Not assigned";
    ASSIGN = "分配", "Assign";
    UPLOAD_LINK = "上传转单号", "Upload numbers";

    P_BAD_HEADER = "表头应为：订单号 | 箱号 | 承运商 | 转单号", "The header must be: 订单号 | 箱号 | 承运商 | 转单号";
    P_NO_ROWS = "没有填写转单号的行", "No row has a number";
    P_TOO_MANY_ROWS = "一次最多 5000 行", "At most 5000 rows at once";
    P_UNKNOWN_ORDER = "没有这个订单号", "No order has this number";
    P_NOT_ASSIGNED = "这个订单没有分配给您", "This order is not assigned to you";
    P_ORDER_NOT_OPEN = "订单未确认或已取消、已拒绝", "The order is not confirmed, or was cancelled or rejected";
    P_CARTONS_INVALID = "箱号应为 3 或 1-5 这样的格式", "Cartons look like 3 or 1-5";
    P_CARTONS_OUT_OF_RANGE = "箱号超出订单的箱数", "Past the order's carton count";
    P_CARTONS_OVERLAP = "与同一订单的另一行箱号重叠", "Overlaps another row of this order";
    P_NUMBER_INVALID = "转单号应为 6–40 位字母数字", "A number is 6–40 letters or digits";
    P_NUMBER_DUPLICATE = "表中重复的转单号", "This number is twice in the sheet";
    P_NUMBER_TAKEN = "这个转单号已在其他订单上", "This number is on another order";
    P_CARRIER_UNKNOWN = "无法识别承运商，请填写承运商", "Could not tell the carrier: fill it in";
}

/// What a row's problem says.
pub fn problem_text(p: TransferProblem) -> Text {
    use TransferProblem::*;
    match p {
        BadHeader => P_BAD_HEADER,
        NoRows => P_NO_ROWS,
        TooManyRows => P_TOO_MANY_ROWS,
        UnknownOrder => P_UNKNOWN_ORDER,
        NotAssigned => P_NOT_ASSIGNED,
        OrderNotOpen => P_ORDER_NOT_OPEN,
        CartonsInvalid => P_CARTONS_INVALID,
        CartonsOutOfRange => P_CARTONS_OUT_OF_RANGE,
        CartonsOverlap => P_CARTONS_OVERLAP,
        NumberInvalid => P_NUMBER_INVALID,
        NumberDuplicate => P_NUMBER_DUPLICATE,
        NumberTaken => P_NUMBER_TAKEN,
        CarrierUnknown => P_CARRIER_UNKNOWN,
    }
}

/// Where an error is: `第 3 行 D 列`, `Row 3, column D` (the row alone
/// when the error is the whole row's).
pub fn at(row: u32, column: &str) -> String {
    match (lang(), column.is_empty()) {
        (Lang::Zh, true) => format!("第 {row} 行"),
        (Lang::Zh, false) => format!("第 {row} 行 {column} 列"),
        (Lang::En, true) => format!("Row {row}"),
        (Lang::En, false) => format!("Row {row}, column {column}"),
    }
}

/// What a preview found: `3 个订单，5 个转单号`.
pub fn summary(orders: u32, numbers: usize) -> String {
    match lang() {
        Lang::Zh => format!("{orders} 个订单，{numbers} 个转单号"),
        Lang::En => format!("{orders} orders, {numbers} numbers"),
    }
}

/// What an import did.
pub fn applied(orders: u32, numbers: u32) -> String {
    match lang() {
        Lang::Zh => format!("已导入：{orders} 个订单，{numbers} 个转单号"),
        Lang::En => format!("Imported: {orders} orders, {numbers} numbers"),
    }
}

/// A number's cartons: `箱 1–5`, `Cartons 1–5`.
pub fn cartons(from: u32, to: u32) -> String {
    let range = match from == to {
        true => from.to_string(),
        false => format!("{from}–{to}"),
    };
    match lang() {
        Lang::Zh => format!("箱 {range}"),
        Lang::En => format!("Cartons {range}"),
    }
}
