//! Text of tracking: the tracking core's errors, and a tracking number's
//! state and events on an order's page.
//!
//! Each entry is `NAME = "中文", "English";`.

crate::i18n::texts! {
    CARRIER_INVALID = "不支持的快递公司", "Unknown carrier";
    TRACKING_NUMBER_INVALID = "快递单号只能包含字母和数字", "A tracking number has only letters and digits";
    TRACKING_NOT_CONFIGURED = "未配置物流轨迹查询服务", "No tracking provider is configured";
    TRACKING_NUMBER_UNKNOWN = "快递公司查不到这个单号，请核对单号和快递公司", "The carrier does not know this number: check it and the carrier";
    TRACKING_PHONE_REQUIRED = "该快递公司查询轨迹需要寄件人或收件人手机号", "This carrier wants the sender's or receiver's phone number";

    SHOW = "查看轨迹", "Track";
    HIDE = "收起轨迹", "Hide";
    NOT_TRACKED = "暂无轨迹", "No events yet";
    NO_EVENTS = "还没有物流动态。", "No tracking events yet.";
    NOT_LIVE = "未接入实时查询：只显示已收到的推送。", "Live look-up is off: showing the events received.";
}
