//! Text of the order pages, with the orders core's validation errors.
//!
//! Each entry is `NAME = "中文", "English";`.

use shipdesk::orders::OrderStatus;

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // errors
    STATUS_INVALID = "未知的订单状态", "Unknown order status";
    MOVE_ILLEGAL = "订单当前状态不能做这个操作", "The order cannot make this move from its status";
    REASON_REQUIRED = "请填写原因", "Give a reason";
    CHANGED = "订单已被他人更新，请刷新后再试", "Someone changed the order meanwhile: reload and try again";
    USE_CONFIRM = "请用“确认”处理预订单", "Confirm the pre-order instead";
    USE_RECEIVE = "入仓请登记实测箱规", "Receive it with the measured cartons";
    CLIENT_KEY_INVALID = "提交编号无效，请刷新页面", "Invalid booking key: reload the page";
    QUOTE_UNKNOWN = "找不到这份报价（须为本公司保存的报价）", "No such quote of your company";
    QUOTE_NO_COMPANY = "这份报价不属于任何客户", "This quote is for no customer";
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
}

/// A status's name, as the timeline and the lists show it.
pub fn status_label(s: OrderStatus) -> &'static str {
    use OrderStatus::*;
    let (zh, en) = match s {
        Booked => ("待处理", "Pending"),
        Confirmed => ("已确认", "Confirmed"),
        PickedUp => ("已揽收", "Picked up"),
        Received => ("已入仓", "At the warehouse"),
        Departed => ("已发运", "Departed"),
        Arrived => ("已到港", "Arrived"),
        CustomsCleared => ("已清关", "Customs cleared"),
        OutForDelivery => ("派送中", "Out for delivery"),
        Delivered => ("已签收", "Delivered"),
        Exception => ("异常", "Exception"),
        Cancelled => ("已取消", "Cancelled"),
        Rejected => ("已拒绝", "Rejected"),
    };
    match lang() {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
