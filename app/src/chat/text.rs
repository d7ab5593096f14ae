//! Text of customer-service chat: the customer's window, the agent console,
//! service settings, and the chat core's errors.
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // chat.*
    ATTACH = "发送图片或文件", "Send an image or a file";
    UPLOADING = "上传中…", "Uploading…";
    SETTINGS = "客服设置", "Service settings";
    DESKS = "咨询类型", "Desks";
    NO_REASSIGN = "不自动转派", "No automatic reassignment";
    DESK_CODE = "代码，如 presales", "Code, e.g. presales";
    DESK_ZH = "中文名称", "Chinese name";
    DESK_EN = "英文名称", "English name";
    REASSIGN_MINUTES = "无人回复几分钟后转派（选填）", "Reassign after N minutes (optional)";
    ADD_DESK = "添加咨询类型", "Add desk";
    CANNED = "快捷回复", "Canned replies";
    CANNED_TITLE = "标题", "Title";
    CANNED_BODY = "回复内容", "Reply text";
    ALL_DESKS = "全部咨询类型", "All desks";
    ADD_CANNED = "添加快捷回复", "Add canned reply";
    DELETE = "删除", "Delete";
    AGENTS_BOARD = "客服与负载", "Agents and load";
    NO_CS_STAFF = "还没有客服角色的员工", "No staff with the customer-service role yet";
    LOAD = "接待中/上限", "Open / cap";
    CAP = "接待上限", "Cap";
    START_WITH = "发起会话", "Start a conversation";
    TITLE = "在线客服", "Customer service";
    START = "咨询客服", "Talk to us";
    START_STAFF = "发起会话", "Start a conversation";
    CONSOLE = "客服工作台", "Service console";
    CHOOSE_DESK = "选择咨询类型", "What is it about?";
    NO_DESKS = "暂未开通客服", "No service desks yet";
    MY_CONVERSATIONS = "我的会话", "My conversations";
    NONE_YET = "还没有会话", "No conversations yet";
    NO_MESSAGES = "还没有消息，说点什么吧", "No messages yet — say hello";
    NOTE = "内部备注（客户不可见）", "Internal note (hidden from the customer)";
    RECALLED = "消息已撤回", "Message recalled";
    READ = "已读", "Read";
    UNREAD = "未读", "Unread";
    QUOTE = "引用", "Quote";
    RECALL = "撤回", "Recall";
    SENDING = "发送中", "sending";
    TYPING = "对方正在输入…", "Typing…";
    RECONNECTING = "连接中断，正在重连…", "Connection lost, reconnecting…";
    READ_ONLY = "该会话不由你处理，只能查看", "Not your conversation: read only";
    ENDED = "会话已结束", "This conversation has ended";
    PREVIEW_IMAGE = "[图片]", "[Image]";
    PREVIEW_FILE = "[文件]", "[File]";
    PREVIEW_QUOTE = "[报价]", "[Quote]";
    TAB_CUSTOMER = "客户", "Customer";
    TAB_QUOTE = "查价", "Quote";
    QUOTE_SENT = "报价卡片已发送：", "Quote card sent:";
    PREVIEW_ORDER = "[订单]", "[Order]";
    TAB_ORDERS = "订单", "Orders";
    ORDER_SENT = "订单卡片已发送：", "Order card sent:";
    COMPANY_ORDERS = "该客户的订单", "This customer's orders";
    NO_COMPANY_ORDERS = "该客户还没有订单", "This customer has no orders yet";
    MY_ORDERS = "发送订单", "Send an order";
    NO_MY_ORDERS = "您还没有订单", "You have no orders yet";
    MORE_ORDERS = "更多", "More";
    CLOSE = "关闭", "Close";
    START_AGAIN = "重新咨询", "Start again";
    QUEUED_WAIT = "正在为您排队，请稍候…", "You are in the queue, please wait…";
    AS_NOTE = "备注", "Note";
    PLACEHOLDER = "输入消息，Enter 发送", "Type a message, Enter to send";
    PLACEHOLDER_PHONE = "输入消息", "Type a message";
    SEND = "发送", "Send";
    STATUS_QUEUED = "排队中", "Queued";
    STATUS_OPEN = "进行中", "Open";
    STATUS_RESOLVED = "已结束", "Resolved";
    TAB_CURRENT = "当前", "Current";
    TAB_UNREPLIED = "未回复", "Unreplied";
    TAB_QUEUE = "排队", "Queue";
    TAB_HISTORY = "历史", "History";
    MY_STATUS = "我的状态", "My status";
    AGENT_STATUS = "状态", "Status";
    AGENT_STATUS_ONLINE = "在线", "Online";
    AGENT_STATUS_BUSY = "忙碌", "Busy";
    AGENT_STATUS_OFFLINE = "离线", "Offline";
    SEARCH_CUSTOMER = "客户姓名或手机号", "Customer name or phone";
    LIST_EMPTY = "这里没有会话", "No conversations here";
    PICK_ONE = "从左侧选择一个会话", "Pick a conversation on the left";
    SIDE_EMPTY = "客户资料会显示在这里", "The customer's details show here";
    CUSTOMER = "客户", "Customer";
    COMPANY = "公司", "Company";
    DESK = "咨询类型", "Desk";
    ASSIGNEE = "接待客服", "Agent";
    CLAIM = "接入", "Claim";
    RESOLVE = "结束会话", "Resolve";
    REACTIVATE = "激活会话", "Re-activate";
    TAKE_OVER = "接管", "Take over";
    RELEASE = "结束接管", "Release";
    TRANSFER = "转接", "Transfer";
    PICK_TARGET = "转给客服或咨询类型", "To an agent or a desk";
    TO_AGENT = "客服", "Agents";
    TO_DESK = "咨询类型（排队）", "Desks (queue)";
    TRANSFER_NOTE = "转接备注（选填）", "Note for the colleague (optional)";
    TAB_INVALID = "列表类型无效", "Unknown list";

    // attachment.*
    ATTACHMENT_TYPE_REFUSED = "不支持的文件类型（支持图片、PDF、Excel、Word、ZIP、CSV、TXT）", "File type not allowed (images, PDF, Excel, Word, ZIP, CSV, TXT)";
    ATTACHMENT_TOO_LARGE = "文件不能超过 10 MB", "Files are limited to 10 MB";
    ATTACHMENT_EMPTY = "文件是空的", "The file is empty";
    ATTACHMENT_NAME_INVALID = "文件名无效", "Invalid file name";
    ATTACHMENT_UNKNOWN = "附件不存在", "No such attachment";
    ATTACHMENT_NOT_IMAGE = "该附件不是图片", "That attachment is not an image";
    ATTACHMENT_INCOMPLETE = "文件没有传完，请重试", "The upload was cut off, please retry";
    ATTACHMENT_DAILY_QUOTA = "今天的上传已达上限，请明天再试", "Today's upload allowance is used up, try again tomorrow";

    // ws.*
    WS_BAD_FRAME = "无法识别的消息格式", "Unreadable frame";
    WS_TOO_MANY_CURSORS = "一次同步的会话过多", "Too many conversations in one resume";

    // send.*
    SEND_RATE_LIMITED = "发送太快了，请稍候再发", "You are sending too fast; wait a moment";

    // transfer.*
    TRANSFER_NOTE_TOO_LONG = "转接备注最多 500 字", "The note is at most 500 characters";
    TRANSFER_SAME_AGENT = "已经是该客服在接待", "That agent already has it";
    TRANSFER_SAME_DESK = "已在该咨询类型中", "It is already in that desk";
    TRANSFER_AGENT_NOT_IN_DESK = "该客服不负责此咨询类型", "That agent does not serve this desk";

    // conversation.*
    CONVERSATION_CHANGED = "会话刚刚被他人更改，请刷新", "The conversation just changed; refresh";
    CONVERSATION_NOT_TAKEN_OVER = "你没有接管该会话", "You have not taken this conversation over";
    CONVERSATION_NOT_RESOLVED = "会话尚未结束", "The conversation is not resolved";
    CONVERSATION_ASSIGNED_ELSEWHERE = "该客户的会话正由其他客服接待", "Another agent has this customer's conversation";
    CONVERSATION_STATUS_INVALID = "会话状态无效", "Unknown conversation status";
    CONVERSATION_NOT_QUEUED = "该会话已被接入", "This conversation is no longer waiting";
    CONVERSATION_OTHER_ACTIVE = "该客服角色下已有进行中的会话", "Another conversation with this desk is open";
    CONVERSATION_RESOLVED = "会话已结束", "The conversation is resolved";

    // canned.*
    CANNED_TITLE_INVALID = "标题为 1–40 个字", "Title: 1–40 characters";

    // message.*
    MESSAGE_KIND_INVALID = "消息类型无效", "Unknown message type";
    MESSAGE_SENDER_INVALID = "发送方无效", "Unknown sender";
    MESSAGE_EMPTY = "请输入消息内容", "Write a message";
    MESSAGE_TOO_LONG = "消息最多 5000 个字", "At most 5,000 characters";
    MESSAGE_CARD_INVALID = "卡片内容格式不正确", "The card is malformed";
    MESSAGE_QUOTE_UNKNOWN = "报价不存在或无权查看", "No such quote, or you may not see it";
    MESSAGE_QUOTE_OTHER_COMPANY = "该报价不属于此会话的客户公司", "The quote is not for this customer's company";
    MESSAGE_ORDER_UNKNOWN = "订单不存在或无权查看", "No such order, or you may not see it";
    MESSAGE_ORDER_OTHER_COMPANY = "该订单不属于此会话的客户公司", "The order is not this customer's company's";
    MESSAGE_KIND_NOT_ALLOWED = "不能发送此类消息", "You cannot send this kind of message";
    MESSAGE_SEQ_INVALID = "引用的消息不存在", "The quoted message does not exist";
    MESSAGE_RECALL_EXPIRED = "只能撤回 2 分钟内的消息", "Messages can be recalled within 2 minutes";
    MESSAGE_CLIENT_ID_INVALID = "消息编号无效", "Invalid message id";
    MESSAGE_REPLY_MISSING = "引用的消息不存在", "The quoted message does not exist";

    // agent.*
    AGENT_STATUS_INVALID = "客服状态无效", "Unknown agent status";
    AGENT_OFFLINE = "客服不在线", "The agent is offline";
    AGENT_AT_CAPACITY = "已达到同时接待上限", "The agent is at their limit of conversations";
    AGENT_NOT_CS = "该员工不是客服", "This staff member is not an agent";
    AGENT_MAX_INVALID = "同时接待上限为 1–50", "The limit is 1–50";

    // cs_role.* (desks)
    DESK_CODE_INVALID = "代码为 2–32 位小写字母、数字、_ 或 -", "2–32 letters, digits, _ or -";
    DESK_CODE_TAKEN = "该代码已存在", "This desk code exists already";
    DESK_UNKNOWN = "客服角色不存在", "Unknown desk";
    DESK_REASSIGN_INVALID = "转派时间为 1–1440 分钟", "Reassign after 1–1440 minutes";
}

/// A desk's automatic reassignment: `无人回复 5 分钟后转派` / `Reassign after 5 minutes`.
pub fn reassign_after(minutes: i64) -> String {
    match lang() {
        Lang::Zh => format!("无人回复 {minutes} 分钟后转派"),
        Lang::En => format!("Reassign after {minutes} minutes"),
    }
}

/// Above the composer while replying to message `seq`.
pub fn quoting(seq: i64) -> String {
    match lang() {
        Lang::Zh => format!("引用消息 #{seq}"),
        Lang::En => format!("Quoting message #{seq}"),
    }
}

/// The system line a resolved conversation ends with: who ended it and when.
pub fn ended_by(name: &str, at: &str) -> String {
    match lang() {
        Lang::Zh if name.is_empty() => format!("会话已结束（{at}）"),
        Lang::Zh => format!("{name} 结束了会话（{at}）"),
        Lang::En if name.is_empty() => format!("The conversation ended ({at})"),
        Lang::En => format!("{name} ended the conversation ({at})"),
    }
}

/// The line over a queued conversation: the customer's place, when known.
pub fn queued_place(ahead: i64) -> String {
    match lang() {
        Lang::Zh if ahead == 0 => "正在为您排队，您是下一位".to_owned(),
        Lang::Zh => format!("正在为您排队，前面还有 {ahead} 位"),
        Lang::En if ahead == 0 => "You are in the queue: you are next".to_owned(),
        Lang::En => format!("You are in the queue: {ahead} ahead of you"),
    }
}

/// Who serves the customer once assigned: `客服小林为您服务`.
pub fn served_by(name: &str) -> String {
    match lang() {
        // Agents' names often carry the title already (客服小林).
        Lang::Zh if name.starts_with("客服") => format!("{name}为您服务"),
        Lang::Zh => format!("客服{name}为您服务"),
        Lang::En => format!("{name} is serving you"),
    }
}
