//! Text of the staff's order pages (`/admin/orders`, `/admin/orders/:id`):
//! the list, the detail and ops' actions. The statuses' names and the core's
//! errors are in [`super::text`].
//!
//! Each entry is `NAME = "中文", "English";`.

use shipdesk::orders::OrderStatus;

use super::text::status_label;
use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // menu and list
    NAV = "订单", "Orders";
    TITLE = "订单管理", "Orders";
    ALL_ORDERS = "全部", "All";
    STATUS = "状态", "Status";
    ANY_STATUS = "全部状态", "Any status";
    FROM = "下单日期从", "Booked from";
    TO = "下单日期至", "Booked to";
    DESTINATION = "目的地", "Destination";
    DESTINATION_HINT = "FBA 仓库代码或邮编", "FBA code or postcode";
    SEARCH = "单号或渠道", "Number or channel";
    SEARCH_HINT = "预订单号、订单号、报价单号或渠道", "Booking, order or quote number, or channel";
    QUICK_ONLY = "只看快捷订单", "Quick orders";
    QUICK_NAV = "快捷下单", "Quick orders";
    QUICK_TITLE = "快捷下单列表", "Quick orders";
    QUICK_HINT = "您为客户快捷下单的订单。为客户下新单：在「报价记录」里打开为客户保存的报价，点「快捷下单」。运营处理前，可在订单页取消。", "The orders you booked for your customers. To book another, open a customer's saved quote and click 快捷下单. Until ops process one, you can cancel it on its page.";
    QUICK_TO_QUOTES = "去报价记录", "Saved quotes";
    QUICK_EMPTY = "还没有快捷下单的订单", "No quick orders yet";
    QUICK_CANCEL_HINT = "这是您为客户快捷下单的订单，运营处理前您可以取消。", "You booked this order for your customer: you can cancel it until ops process it.";
    EMPTY = "没有符合条件的订单", "No orders match";
    COL_NUMBER = "预订单号", "Booking no.";
    COL_ORDER_NUMBER = "订单号", "Order no.";
    COL_COMPANY = "客户", "Customer";
    COL_CHANNEL = "渠道", "Channel";
    COL_DESTINATION = "目的地", "Destination";
    COL_STATUS = "状态", "Status";
    COL_TOTAL = "金额", "Total";
    COL_ACTUAL = "实测金额", "Actual total";
    COL_BOOKED_AT = "下单时间", "Booked at";
    QUICK = "快捷", "Quick";

    // detail: header and parties
    BACK = "返回订单列表", "Back to orders";
    BOOKED_BY = "下单人", "Booked by";
    QUOTE = "报价单", "Quote";
    CHANNEL = "渠道", "Channel";
    MODE = "运输方式", "Mode";
    BOOKED_AT = "下单时间", "Booked at";
    TOTAL = "订单金额", "Total";
    ACTUAL_TOTAL = "实测金额", "Actual total";
    SHIPPER = "发货人", "Shipper";
    CONSIGNEE = "收货人", "Consignee";
    NAME = "姓名", "Name";
    PHONE = "电话", "Phone";
    ADDRESS = "地址", "Address";
    CITY = "城市", "City";
    POSTCODE = "邮编", "Postcode";
    FBA_WAREHOUSE = "FBA 仓库", "FBA warehouse";
    SHIPMENT_ID = "货件编号", "Shipment ID";
    REFERENCE_ID = "参考编号", "Reference ID";
    HANDOVER = "交货方式", "Handover";
    PICKUP = "上门揽收", "Pickup";
    SELF_DELIVERY = "客户自送仓库", "Customer delivers to the warehouse";
    GOODS_TYPE = "货物类型", "Goods type";
    REMARKS = "备注", "Remarks";

    // cartons and goods
    CARTONS = "箱规（下单）", "Cartons (booked)";
    CARTON_COUNT = "箱数", "Cartons";
    SIZE = "尺寸 cm", "Size cm";
    KG_EACH = "单箱重 kg", "kg each";
    LINE_KG = "小计 kg", "Line kg";
    LINE_CBM = "小计 CBM", "Line CBM";
    GOODS = "货物明细", "Goods";
    GOODS_NAME = "品名", "Name";
    HS_CODE = "海关编码", "HS code";
    MATERIAL = "材质", "Material";
    VALUE_USD = "申报价值 USD", "Declared USD";
    QUANTITY = "数量", "Quantity";
    BRAND = "品牌", "Brand";

    // price and adjustment
    PRICE = "费用", "Price";
    SELL = "售价", "Sell";
    COST = "成本", "Cost";
    MARGIN = "毛利", "Margin";
    MEASURED = "入仓实测", "Measured at the warehouse";
    NOT_MEASURED = "尚未入仓，没有实测箱规。", "Not received yet: no measured cartons.";
    ADJUSTMENT = "费用调整", "Adjustment";
    LINE = "项目", "Line";
    QUOTED = "报价", "Quoted";
    ACTUAL = "实际", "Actual";
    DIFFERENCE = "差额", "Difference";
    CHARGEABLE = "计费量", "Chargeable";
    ADJ_TOTAL = "合计", "Total";
    SURCHARGE = "附加费", "Surcharge";
    REFUSED = "该渠道不接受实测箱规，无法重新计价：", "The channel does not take the measured cartons, so they could not be priced:";

    // tracking numbers
    PARCELS = "送仓单号", "Delivery tracking numbers";
    NO_PARCELS = "还没有快递单号。", "No tracking numbers yet.";
    PARCEL_NUMBER = "快递单号", "Tracking number";
    CARRIER = "快递公司", "Carrier";
    DETECT = "自动识别", "Detect";
    PARCEL_CARTONS = "箱号", "Cartons";
    PARCEL_CARTONS_HINT = "如 1-3", "e.g. 1-3";
    ADDED_BY = "添加人", "Added by";
    ADD = "添加", "Add";
    DELETE = "删除", "Delete";
    CONFIRM_DELETE = "确定删除这个快递单号？", "Delete this tracking number?";

    // timeline
    TIMELINE = "时间线", "Timeline";
    BOOKED = "下单", "Booked";

    // actions
    ACTIONS = "操作", "Actions";
    READ_ONLY = "只读：订单由运营处理。", "Read only: ops process orders.";
    FINISHED = "订单已结束，没有可做的操作。", "The order is finished: nothing left to do.";
    CONFIRM = "确认", "Confirm";
    REJECT = "拒绝", "Reject";
    CANCEL_ORDER = "取消订单", "Cancel the order";
    RECEIVE = "入仓", "Receive";
    EXCEPTION = "标记异常", "Raise an exception";
    REASON = "原因", "Reason";
    NOTE = "备注（选填）", "Note (optional)";
    SUBMIT_REJECT = "确认拒绝", "Reject it";
    SUBMIT_CANCEL = "确认取消", "Cancel it";
    SUBMIT_EXCEPTION = "确认异常", "Raise it";
    CLOSE = "收起", "Close";
    CONFIRM_REJECT = "拒绝后客户需要重新下单，确定拒绝这个预订单？", "The customer will have to book again. Reject this pre-order?";
    CONFIRM_CANCEL = "取消后订单不能恢复，确定取消？", "A cancelled order cannot be resumed. Cancel it?";
    CONFIRM_DELIVERED = "标记为已签收后订单结束，确定？", "Marking it delivered finishes the order. Go on?";
    RECEIVE_TITLE = "登记实测箱规", "Measured cartons";
    RECEIVE_HINT = "已按下单箱规预填，请改为仓库实测的箱数、尺寸和重量。", "Filled in from the booking: change them to what the warehouse measured.";
    RECEIVE_SUBMIT = "确认入仓", "Receive";
    ADD_LINE = "＋ 添加一行", "+ Add a line";
    REMOVE_LINE = "删除", "Remove";
    UPDATED = "订单已更新。", "The order was updated.";
    CHANGED_RELOADED = "订单已被他人更新，已刷新为最新状态，请确认后再操作。", "Someone else updated the order meanwhile: it was reloaded, check it and try again.";
    PICKUPS_NAV = "揽收叫车", "Pickups";
    PICKUPS_TITLE = "揽收计划", "Pickup plans";
    PICKUPS_HINT = "按揽收日期和状态查看客户预约的上门揽收；取消时请选择原因，时段名额会退回。", "Pickups the customers booked, by day and status; cancelling asks for a reason and gives the window's place back.";
    PICKUP_DAY = "揽收日期", "Day";
    PICKUP_ANY_STATUS = "全部状态", "Any status";
    PICKUP_STATUS_SCHEDULED = "已预约", "Booked";
    PICKUP_STATUS_CANCELLED = "已取消", "Cancelled";
    PICKUP_ALL_DAYS = "全部日期", "All days";
    NO_PICKUPS = "没有符合条件的揽收计划", "No pickups match";
    COL_PICKUP_WHEN = "时段", "Window";
    COL_PICKUP_ORDER = "订单", "Order";
    COL_PICKUP_WHERE = "地址", "Address";
    COL_PICKUP_CONTACT = "联系人", "Contact";
    COL_PICKUP_LOAD = "车型 · 件数 · 重量", "Vehicle · pieces · weight";
    COL_PICKUP_STATUS = "状态", "Status";
}

fn zh() -> bool {
    lang() == Lang::Zh
}

/// The button that moves an order to `to` along the timeline.
pub fn move_label(to: OrderStatus) -> String {
    use OrderStatus::*;
    let (zh_, en) = match to {
        PickedUp => ("揽收", "Picked up"),
        Departed => ("发运", "Departed"),
        Arrived => ("到港", "Arrived"),
        CustomsCleared => ("清关完成", "Customs cleared"),
        OutForDelivery => ("派送", "Out for delivery"),
        Delivered => ("签收", "Delivered"),
        other => return status_label(other).to_owned(),
    };
    if zh() { zh_ } else { en }.to_owned()
}

/// `恢复为已发运` / `Resume: departed`: back to the status an exception left.
pub fn resume_label(to: OrderStatus) -> String {
    match zh() {
        true => format!("恢复为{}", status_label(to)),
        false => format!("Resume: {}", status_label(to).to_lowercase()),
    }
}

/// The re-price notice: the quote had expired when the order was booked.
pub fn repriced(valid_until: &str, quoted: &str, total: &str) -> String {
    match zh() {
        true => format!(
            "报价已于 {valid_until} 过期，下单时已按当天价格重新计价：报价 {quoted}，现价 {total}。"
        ),
        false => format!(
            "The quote expired on {valid_until}: the order was priced again on its booking day, {quoted} quoted, {total} now."
        ),
    }
}

/// `张三 于 2026-12-02 10:30 登记` / `Recorded by 张三 at 2026-12-02 10:30`.
pub fn measured_by(by: &str, at: &str) -> String {
    match zh() {
        true => format!("{by} 于 {at} 登记"),
        false => format!("Recorded by {by} at {at}"),
    }
}

/// A quick order's step: `（代 华南贸易）` / `(for 华南贸易)`.
pub fn acting_for(name: &str) -> String {
    match zh() {
        true => format!("（代 {name}）"),
        false => format!(" (for {name})"),
    }
}

/// The quick orders' counts: `待处理 2 单 · 已处理 5 单`.
pub fn quick_summary(pending: i64, processed: i64) -> String {
    match zh() {
        true => format!("待处理 {pending} 单 · 已处理 {processed} 单"),
        false => format!("{pending} pending · {processed} processed"),
    }
}

/// A count tab: `待处理 3`.
pub fn tab(label: &str, n: i64, capped: bool) -> String {
    format!("{label} {}", crate::orders::text::count(n, capped))
}

/// The cartons' totals: `5 箱 · 110 kg · 0.3 CBM`.
pub fn carton_totals(n: i64, kg: &str, cbm: &str) -> String {
    match zh() {
        true => format!("合计 {n} 箱 · {kg} kg · {cbm} CBM"),
        false => format!("Total {n} cartons · {kg} kg · {cbm} CBM"),
    }
}
