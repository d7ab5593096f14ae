//! Text of tracking: the tracking core's errors.
//!
//! Each entry is `NAME = "中文", "English";`.

crate::i18n::texts! {
    CARRIER_INVALID = "不支持的快递公司", "Unknown carrier";
    TRACKING_NUMBER_INVALID = "快递单号只能包含字母和数字", "A tracking number has only letters and digits";
}
