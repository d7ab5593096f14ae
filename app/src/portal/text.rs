//! Text of the customers' portal shells: the H5 tab bar, home and orders
//! pages, and the desktop portal's navigation.

crate::i18n::texts! {
    TAB_HOME = "首页", "Home";
    TAB_QUOTE = "查价", "Quote";
    TAB_ORDERS = "订单", "Orders";
    TAB_MESSAGES = "消息", "Messages";
    TAB_ME = "我的", "Me";

    HOME_QUOTE = "查价", "Get a quote";
    HOME_QUOTE_DESC = "输入目的地和货物，秒出各渠道价格与时效", "Destination and cargo in, every channel's price and transit out";
    HOME_PASTE = "粘贴微信询价，自动识别", "Paste a WeChat inquiry, read for you";
    HOME_PASTE_GO = "识别并查价", "Read and quote";
    HOME_CHAT = "在线客服", "Customer service";
    HOME_CHAT_DESC = "有问题？直接问客服", "Questions? Ask us";

    ORDERS_TITLE = "订单", "Orders";

    ME_QUOTES = "我的报价", "My quotes";
}
