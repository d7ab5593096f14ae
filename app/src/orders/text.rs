//! Text of the order pages, with the orders core's validation errors.
//!
//! Each entry is `NAME = "中文", "English";`.

use shipdesk::orders::OrderStatus;

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // chat's order cards
    ORDER_CARD = "订单", "Order";
    ORDER_CARD_LOADING = "订单加载中…", "Loading the order…";
    ORDER_CARD_UNAVAILABLE = "订单不可查看", "This order is not available";
    ORDER_CARD_VIEW = "查看订单", "View order";
    // errors
    STATUS_INVALID = "未知的订单状态", "Unknown order status";
    MOVE_ILLEGAL = "订单当前状态不能做这个操作", "The order cannot make this move from its status";
    REASON_REQUIRED = "请填写原因", "Give a reason";
    CHANGED = "订单已被他人更新，请刷新后再试", "Someone changed the order meanwhile: reload and try again";
    USE_RECEIVE = "入仓请登记实测箱规", "Receive it with the measured cartons";
    CLIENT_KEY_INVALID = "提交编号无效，请刷新页面", "Invalid booking key: reload the page";
    QUOTE_UNKNOWN = "找不到这份报价（须为本公司保存的报价）", "No such quote of your company";
    QUOTE_REPRICE_FAILED = "报价已过期，该渠道今天无法重新报价，请重新查价", "The quote expired and its channel gives no price today: search again";
    DESTINATION_MISMATCH = "收货地与报价的目的地不一致", "The consignee is not the quote's destination";
    SHIPMENT_ID_INVALID = "亚马逊货件编号应为 FBA 加 6–12 位字母数字", "An Amazon shipment ID is FBA and 6–12 letters or digits";
    CARTONS_EMPTY = "请至少填写一行箱规", "Add at least one carton line";
    GOODS_EMPTY = "请至少填写一行货物", "Add at least one line of goods";
    GOODS_TOO_MANY = "货物最多 50 行", "At most 50 lines of goods";
    HS_CODE_INVALID = "海关编码应为 6–10 位数字", "An HS code is 6–10 digits";
    VALUE_INVALID = "申报价值应大于 0", "The declared value must be above 0";
    QUANTITY_INVALID = "数量应在 1 到 100 万之间", "The quantity is 1 to 1,000,000";
    PARCEL_NUMBER_INVALID = "快递单号应为 6–40 位字母数字", "A tracking number is 6–40 letters or digits";
    PARCEL_NUMBER_TAKEN = "这个快递单号已登记在其他订单上", "This tracking number is on another order";
    PARCEL_CARRIER_UNKNOWN = "无法识别快递公司，请选择", "Could not tell the carrier: pick one";
    PARCELS_TOO_MANY = "每个订单最多 200 个快递单号", "At most 200 tracking numbers an order";
    TRANSFER_NUMBER_TAKEN = "转单号刚被其他订单占用，请重新预览", "A transfer number was just taken by another order: preview again";
    TRANSFER_ROWS_INVALID = "转单号表格有误，请先预览并改正出错的行", "The transfer rows have errors: preview and fix them first";
    PROVIDER_UNKNOWN = "请选择一个有效的服务商账号", "Pick an active provider account";
    PICKUP_VEHICLE_INVALID = "未知的车型", "Unknown vehicle";
    ACT_AS_MINUTES_INVALID = "有效时间应为 1–30 分钟", "A token lasts 1 to 30 minutes";
    ACT_AS_TOKEN_INVALID = "代客下单凭证无效或已过期，请重新生成", "The act-as token is invalid or expired: make a new one";
    PICKUP_STATUS_INVALID = "未知的揽收状态", "Unknown pickup status";
    PICKUP_SLOT_FULL = "这个时段已约满，请选择其他时段", "This window is full: pick another";
    PICKUP_SLOT_UNKNOWN = "这个时段当天不可预约", "This window is not open on that day";
    PICKUP_ORDER_NOT_READY = "订单当前状态不能安排揽收", "The order cannot be picked up in its status";
    PICKUP_EXISTS = "这个订单已有揽收计划", "This order has a pickup planned already";
    PICKUP_REASON_UNKNOWN = "请选择取消原因", "Pick a reason";
    ALERT_KIND_INVALID = "未知的预警类型", "Unknown alert kind";
    ALERT_STATUS_INVALID = "未知的预警状态", "Unknown alert status";
    ALERT_CLOSED = "这条预警已经关闭", "This alert is closed already";
    ALERT_HOURS_INVALID = "小时数应在 1 到 720 之间", "Hours are 1 to 720";
    ALERT_MODE_REPEATED = "同一运输方式只能填写一次", "Each mode once";

    // pages
    NAV_ORDERS = "我的订单", "My orders";
    BOOK_TITLE = "下单", "Book";
    ORDER_TITLE = "订单详情", "Order";
    BACK_TO_ORDERS = "返回订单列表", "Back to orders";
    ALL_ORDERS = "全部", "All";
    NO_ORDERS = "还没有订单。查价并保存报价后即可下单。", "No orders yet. Search, save a quote, then book it.";
    GO_QUOTE = "去查价", "Search a price";
    BOOKED_AT = "下单时间", "Booked";
    FROM_QUOTE = "来自报价", "From quote";
    SHIPPER = "发货人", "Shipper";
    CONSIGNEE = "收货人", "Consignee";
    NAME = "姓名", "Name";
    PHONE = "电话", "Phone";
    ADDRESS = "地址", "Address";
    CITY = "城市", "City";
    POSTCODE = "邮编", "Postcode";
    FBA_CODE = "FBA 仓库", "FBA warehouse";
    SHIPMENT_ID = "货件编号 Shipment ID", "Shipment ID";
    REFERENCE_ID = "参考编号 Reference ID（选填）", "Reference ID (optional)";
    CARTONS = "箱规", "Cartons";
    GOODS = "货物", "Goods";
    GOODS_NAME_ZH = "中文品名", "Name (Chinese)";
    GOODS_NAME_EN = "英文品名", "Name (English)";
    HS_CODE = "海关编码", "HS code";
    MATERIAL = "材质", "Material";
    DECLARED_USD = "申报总价 USD", "Declared value, USD";
    QUANTITY = "数量", "Quantity";
    BRAND = "品牌（选填）", "Brand (optional)";
    ADD_GOODS = "＋ 添加货物", "+ Add goods";
    REMOVE = "删除", "Remove";
    PICKUP = "需要上门揽收", "Pick the cartons up";
    SELF_DELIVERY = "自送仓库", "I deliver to the warehouse";
    REMARKS = "备注（选填）", "Remarks (optional)";
    SUBMIT_BOOKING = "提交订单", "Book it";
    BOOKING_PRICE = "订单价格以报价为准，入仓实测后如有差异会告知。", "The price is the quote's; if the warehouse measures differently you will be told.";
    QUOTE_EXPIRED_NOTE = "报价已过期，下单时将按今天的价格重新计算。", "The quote expired: booking prices it again today.";
    CANNOT_BOOK_STAFF = "员工不能直接下单：销售可为自己客户的报价快捷下单", "Staff do not book directly: sales book quick orders on their customers' quotes";
    QUICK_ORDER = "快捷下单", "Quick order";
    QUICK_TITLE = "快捷下单", "Quick order";
    QUICK_HINT = "以客户联系人的名义下单，订单会记录您和客户两人。", "Booked as the customer's contact: the order records you both.";
    QUICK_FOR = "为谁下单", "Book for";
    QUICK_PICK = "请选择客户联系人", "Pick the customer's contact";
    QUICK_NO_COMPANY = "这个报价没有关联客户公司，不能快捷下单。", "This quote is of no customer company: it cannot be booked for one.";
    REPRICED = "报价已过期，已按下单当天价格重新计算", "The quote had expired: priced again on the booking day";
    TOTAL = "订单金额", "Total";
    ACTUAL_TOTAL = "实测金额", "Measured total";
    TIMELINE = "订单轨迹", "Timeline";
    PRICE = "价格明细", "Price";
    ADJUSTMENT = "入仓实测调整", "Adjustment after measuring";
    QUOTED = "报价", "Quoted";
    ACTUAL = "实测", "Measured";
    DIFFERENCE = "差额", "Difference";
    CHARGEABLE = "计费量", "Chargeable";
    NOT_TAKEN = "渠道不接实测货物：", "The channel does not take the measured cartons:";
    PARCELS = "送仓快递单号", "Delivery tracking numbers";
    NO_PARCELS = "还没有快递单号。寄送到仓库的包裹请登记单号。", "No tracking numbers yet: add the numbers of parcels you send to the warehouse.";
    PARCEL_NUMBER = "快递单号", "Tracking number";
    CARRIER = "快递公司", "Carrier";
    DETECTED = "识别为", "Looks like";
    NOT_DETECTED = "未能识别快递公司，请手动选择", "Carrier not recognised: pick one";
    AUTO_CARRIER = "自动识别", "Detect";
    PARCEL_CARTONS = "箱号（选填）", "Cartons (optional)";
    ADD_PARCEL = "添加单号", "Add";
    CANCEL_ORDER = "取消订单", "Cancel the order";
    CANCEL_REASON = "取消原因", "Why cancel";
    CANCEL_CONFIRM = "确定取消这个预订单？", "Cancel this pre-order?";
    BOOKED_OK = "下单成功，等待客服确认。", "Booked: waiting for confirmation.";
    PICKUP_WANTED = "上门揽收", "Pickup";
    GOODS_TYPE = "货物类型", "Goods type";
    REMARKS_SHOWN = "备注", "Remarks";
    PENDING = "待处理", "Pending";
    PICKUP_TITLE = "上门揽收", "Pickup";
    PICKUP_PLAN = "预约揽收", "Book a pickup";
    PICKUP_WINDOW = "揽收时段", "Window";
    PICKUP_LEFT = "剩余", "left";
    PICKUP_NO_WINDOWS = "发货城市近两周没有可预约的揽收时段，请联系客服。", "No pickup windows in the next two weeks: ask customer service.";
    VEHICLE = "车型", "Vehicle";
    CONTACT = "联系人", "Contact";
    PIECES = "件数", "Pieces";
    WEIGHT_KG = "重量 kg", "Weight, kg";
    PICKUP_SCHEDULED = "已预约揽收", "Pickup booked";
    CANCEL_PICKUP = "取消揽收", "Cancel the pickup";
    CHOOSE_REASON = "请选择原因", "Pick a reason";
    EXPORT_CSV = "导出 CSV", "Export CSV";
    EXPORT_XLSX = "导出 Excel", "Export Excel";
    EXPORT_PREPARING = "正在准备导出…", "Preparing the export…";
    EXPORT_ZIPPING = "正在生成 Excel 文件…", "Writing the Excel file…";
    EXPORT_FAILED = "导出失败，文件不完整，请重试。", "The export failed and the file is incomplete: try again.";
    PROCESSED = "已处理", "Processed";
}

/// A count as shown: `12`, or `10000+` when counted only so far.
pub fn count(n: i64, capped: bool) -> String {
    match capped {
        true => format!("{n}+"),
        false => n.to_string(),
    }
}

/// An export under way: `正在导出：12,000 / 100,000 行`.
pub fn export_writing(done: i64, total: i64) -> String {
    let (d, t) = (thousands(done), thousands(total));
    match lang() {
        Lang::Zh => format!("正在导出：{d} / {t} 行"),
        Lang::En => format!("Exporting: {d} of {t} rows"),
    }
}

/// An export complete: `导出完成：100,000 行，文件已开始下载。`
pub fn export_done(total: i64) -> String {
    let t = thousands(total);
    match lang() {
        Lang::Zh => format!("导出完成：{t} 行，文件已开始下载。"),
        Lang::En => format!("Export complete: {t} rows; the file is downloading."),
    }
}

/// `100000` → `100,000`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match n < 0 {
        true => format!("-{out}"),
        false => out,
    }
}

/// A status's name in the current language.
pub fn status_label(s: OrderStatus) -> &'static str {
    s.label(lang())
}

/// A card's carton count: `5 箱` / `5 cartons`.
pub fn cartons(n: i64) -> String {
    match lang() {
        Lang::Zh => format!("{n} 箱"),
        Lang::En if n == 1 => "1 carton".to_owned(),
        Lang::En => format!("{n} cartons"),
    }
}
