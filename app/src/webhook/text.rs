//! Text of the webhook subscriptions page and the webhook core's errors.
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

crate::i18n::texts! {
    // webhooks.*
    TITLE = "回调地址与事件订阅", "Webhooks";
    HINT = "事件以 JSON POST 到回调地址，带 X-Shipdesk-Signature（HMAC-SHA256，密钥仅在添加或更换时显示一次）；失败按 10s、20s、40s… 重试。只能回调公网地址。", "Events are POSTed as JSON with X-Shipdesk-Signature (HMAC-SHA256; the secret is shown once, when added or rotated); failures retry after 10 s, 20 s, 40 s… Only public addresses are called.";
    ADD = "添加订阅", "Add webhook";
    ACTIVE = "启用中", "Active";
    PAUSED = "已暂停", "Paused";
    PAUSE = "暂停", "Pause";
    RESUME = "启用", "Resume";
    LOG = "投递记录", "Deliveries";
    SECRET = "签名密钥", "Signing secret";
    ROTATE = "更换密钥", "Rotate secret";
    COPY_NOW = "新的签名密钥，请立即复制，之后无法再次查看：", "new signing secret; copy it now, it will not be shown again:";
    NO_DELIVERIES = "还没有投递", "No deliveries yet";
    EVENT = "事件", "Event";
    EVENT_ID = "事件 ID", "Event id";
    ATTEMPTS = "次数", "Attempts";
    ANSWER = "响应", "Answer";
    AT = "时间", "At";
    DELIVERED = "已送达", "Delivered";
    PENDING = "待重试", "Pending";
    FAILED = "失败", "Failed";

    // webhook.*
    URL_INVALID = "请输入 http(s) 开头的回调地址", "Enter an http(s) callback URL";
    URL_FORBIDDEN = "回调地址须为公网地址（内网、本机地址不可用）", "The callback URL must be a public address (not internal or loopback)";
    EVENT_UNKNOWN = "未知事件", "Unknown event";
    EVENTS_EMPTY = "至少选择一个事件", "Choose at least one event";
    STATUS_INVALID = "状态无效", "Invalid status";
    ENVELOPE_INVALID = "未知的推送格式", "Unknown body format";
}
