//! Text of the quote pages (search, plans, saved quotes) in the three
//! portals, with the pricing core's validation errors.
//!
//! Each entry is `NAME = "中文", "English";`. Text with values in it is a
//! function below the list.

use shipdesk::pricing::{Chargeable, ChargedBy, Qty, Unit};

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // nav.*
    NAV_QUOTE = "查价", "Quote";
    NAV_QUOTES = "我的报价", "My quotes";
    NAV_STAFF_QUOTES = "报价记录", "Saved quotes";

    // inquiry.*
    INQUIRY = "粘贴询价", "Paste an inquiry";
    INQUIRY_PLACEHOLDER = "把微信里的询价粘贴到这里，如：300kg 2方 深圳到美国FBA ONT8 海派 带电", "Paste a message as written, e.g. 300kg 2cbm Shenzhen to US FBA ONT8 sea express, battery";
    INQUIRY_READ = "识别", "Read it";
    INQUIRY_READING = "识别中…", "Reading…";
    INQUIRY_UNREAD = "未能识别：", "Could not read:";
    INQUIRY_NOTHING = "没有识别出任何字段，请直接填写下方表单。", "Nothing could be read: fill in the form below.";
    INQUIRY_FILLED = "已按原文填写，请核对标记的字段。", "Filled in from the text: check the marked fields.";
    MARK_LOW = "请核对", "Check";
    MARK_FROM_TEXT = "识别", "Read";

    // form.*
    COUNTRY = "目的国家", "Destination country";
    DEST_FBA = "FBA 仓库", "FBA warehouse";
    DEST_POSTCODE = "邮编（非 FBA 地址）", "Postcode (non-FBA)";
    FBA_CODE = "FBA 仓库代码", "FBA warehouse code";
    FBA_PLACEHOLDER = "如 ONT8", "e.g. ONT8";
    POSTCODE = "邮编", "Postcode";
    ORIGIN = "起运地", "Origin";
    ANY_ORIGIN = "不限起运地", "Any origin";
    CARGO = "货物", "Cargo";
    BY_CARTONS = "按箱规", "By cartons";
    BY_TOTALS = "按总量", "By totals";
    CARTON_COUNT = "箱数", "Cartons";
    LENGTH = "长 cm", "L cm";
    WIDTH = "宽 cm", "W cm";
    HEIGHT = "高 cm", "H cm";
    CARTON_KG = "单箱 kg", "kg each";
    ADD_LINE = "＋ 添加箱规", "+ Add a carton line";
    REMOVE_LINE = "删除", "Remove";
    TOTAL_KG = "总重量 kg", "Total weight kg";
    TOTAL_CBM = "总体积 CBM", "Total volume CBM";
    PIECES = "总箱数", "Pieces";
    GOODS_TYPE = "货物类型", "Goods type";
    MODE = "运输方式", "Mode";
    ANY_MODE = "全部方式", "Any mode";
    WANTED_DATE = "期望到达日期", "Wanted arrival";
    SEARCH = "查价", "Get quotes";
    SEARCHING = "查询中…", "Searching…";

    // plans.*
    PLANS = "可选方案", "Plans";
    PLANS_HINT = "提交左侧表单查看可选方案，按价格从低到高排列。", "Submit the form to see the plans, cheapest first.";
    NO_PLANS = "没有渠道能走这票货。可以放宽条件（运输方式、期望日期），或看看下面的原因。", "No channel takes this shipment. Loosen the filters (mode, wanted date), or see the reasons below.";
    CHEAPEST = "最便宜", "Cheapest";
    FASTEST = "最快", "Fastest";
    SPECIAL = "特价", "Special";
    TAX_INCLUDED = "包税", "Tax included";
    DEPARTS = "开船/起飞", "Departs";
    ETA = "预计到达", "ETA";
    DETAILS = "明细", "Details";
    CHARGEABLE = "计费", "Chargeable";
    PRICE_LINES = "费用明细", "Price lines";
    TOTAL = "合计", "Total";
    PER_SHIPMENT = "每票", "per shipment";
    FREIGHT = "运费", "Freight";
    CUSTOMS = "报关费", "Customs fee";
    WHY_OTHERS = "为什么没有其他渠道？", "Why not other channels?";
    HIDE_WHY = "收起原因", "Hide the reasons";
    NO_MISSES = "该国家的其他渠道都已在上面列出。", "Every other channel to this country is listed above.";
    LOADING_WHY = "正在查询原因…", "Looking up the reasons…";

    // save.*
    SELECTED = "已选方案", "Selected plan";
    NONE_SELECTED = "点选一个方案", "Pick a plan";
    SAVE = "保存报价", "Save quote";
    SAVING = "保存中…", "Saving…";
    SAVED = "报价已保存，编号", "Quote saved, number";
    BOOK_NOW = "立即下单", "Book now";
    VIEW = "查看", "View";
    FOR_COMPANY = "报价给客户", "For customer";
    NO_COMPANY = "不指定客户", "No customer";

    // quotes.*
    QUOTES_SEARCH = "搜索编号、渠道或目的地", "Search number, channel or destination";
    NO_QUOTES = "还没有保存的报价，查价后点「保存报价」。", "No saved quotes yet: search, then Save quote.";
    EXPIRED = "已过期", "Expired";
    VALID = "有效", "Valid";
    LATEST = "最近报价", "Latest quotes";
    SEE_ALL = "全部", "See all";
    QUOTE_DETAIL = "报价详情", "Quote";
    CREATED_BY = "报价人", "Quoted by";
    CREATED_AT = "报价时间", "Quoted at";
    COMPANY = "客户", "Customer";
    SEARCHED = "查询条件", "Search";
    ORDER = "下单", "Book";
    BACK_TO_QUOTES = "返回报价列表", "Back to quotes";
    NEW_SEARCH = "重新查价", "New search";
    // A quote card in chat.
    QUOTE_CARD = "报价", "Quote";
    QUOTE_UNAVAILABLE = "报价不可查看", "This quote is not available";
    QUOTE_LOADING = "报价加载中…", "Loading the quote…";
    SAVE_AND_SEND = "保存并发送", "Save and send";
    COMPANY_QUOTES = "该客户的报价", "This customer's quotes";
    NO_COMPANY_QUOTES = "该客户还没有保存的报价。", "This customer has no saved quotes yet.";

    // The pricing core's validation errors.
    CARGO_CARTON_TOO_HEAVY = "单箱重量不能超过 1000 kg", "A carton cannot weigh more than 1,000 kg";
    CARGO_COUNT_INVALID = "箱数须为 1 到 100000 之间的整数", "Counts are whole numbers from 1 to 100,000";
    CARGO_EMPTY = "请填写货物：箱规，或总重量、总体积", "Enter the cargo: cartons, or a total weight or volume";
    CARGO_NOT_A_NUMBER = "请输入数字", "Enter a number";
    CARGO_NOT_POSITIVE = "须大于 0", "Must be more than 0";
    CARGO_TOO_LARGE = "数值过大，请检查单位", "Too large: check the unit";
    CHANNEL_CHANGED = "该渠道已被他人修改，请刷新后再改", "Someone changed this channel since you opened it: reload and edit again";
    CHANNEL_NO_PLAN = "这个渠道不接这票货，请重新查价", "This channel gives no plan for this cargo: search again";
    PICKUP_CAPACITY_INVALID = "每天可揽收单数须为 1 到 1000", "Pickups a day are 1 to 1,000";
    PICKUP_DAYS_INVALID = "天数须为 1 到 31", "Days are 1 to 31";
    PICKUP_TIME_INVALID = "请填写正确的时间（24 小时制，时和分各两位）", "Times are written HH:MM, such as 09:00";
    PICKUP_WINDOW_INVALID = "结束时间须晚于开始时间", "The end must be after the start";
    INQUIRY_CHANGED = "该询价的状态刚被他人修改，请刷新后再试", "Someone changed this inquiry's status meanwhile: reload and try again";
    INQUIRY_NOT_PENDING = "该询价已有人报价，不能再报价", "This inquiry has been answered already";
    INQUIRY_QUOTE_OTHER_COMPANY = "报价单不属于该询价的客户", "This quote is not of the inquiry's customer";
    INQUIRY_QUOTE_UNKNOWN = "没有这个报价单号", "No saved quote has this number";
    INQUIRY_SLA_INVALID = "响应时限须为 1 到 10080 分钟", "The answer time limit is 1 to 10,080 minutes";
    INQUIRY_STATUS_INVALID = "未知的询价状态", "Unknown inquiry status";
    INQUIRY_STATUS_MOVE = "询价不能改为这个状态：待报价只能报价或关闭，已报价只能成交或关闭", "Not a possible move: a pending inquiry is answered or closed, a quoted one won or closed";
    ROBOT_NOT_CONFIGURED = "尚未设置企业微信机器人地址", "No WeCom robot URL is set";
    ROBOT_URL_INVALID = "请填写企业微信群机器人的 Webhook 地址，须带 key 参数", "Enter the WeCom robot's webhook URL (…/cgi-bin/webhook/send?key=…)";
    LIBRARY_IN_USE = "有价格等级在使用该渠道库，不能删除", "A price level uses this library: it cannot be deleted";
    LIBRARY_NAME_INVALID = "渠道库名称须为 1 到 30 个字", "A library's name is 1 to 30 characters";
    TAG_IN_USE = "还有渠道带着这个标签，不能删除", "Channels still carry this tag: it cannot be deleted";
    TAG_INVALID = "标签须为 1 到 20 个字", "A tag is 1 to 20 characters";
    TAG_UNKNOWN = "标签不在标签列表中，请先添加", "This tag is not in the tag list: add it first";
    LEVEL_BP_INVALID = "加价须在 -50% 到 +200% 之间", "An adjustment is from -50 % to +200 %";
    LEVEL_NAME_INVALID = "等级名称须为 1 到 30 个字", "A level's name is 1 to 30 characters";
    LEVEL_IN_USE = "还有客户使用该等级，或它是默认等级，不能删除", "Companies still have this level, or it is the default: it cannot be deleted";
    COST = "成本", "Cost";
    CHANNEL_AMOUNT_INVALID = "金额须在 0 到 1000000 元之间", "Amounts are from ¥0 to ¥1,000,000";
    CHANNEL_RATES_INVALID = "价格表至少要有一档，重量段须从小到大", "A price table needs at least one break, in ascending order";
    CHANNEL_STEP_INVALID = "进位、最低计费和计泡系数不能为负，进位和计泡系数须大于 0", "Minimums cannot be negative; rounding and the divisor must be positive";
    CHANNEL_TRANSIT_INVALID = "最短时效不能大于最长时效", "The shortest transit cannot exceed the longest";
    CHANNEL_ZONES_REQUIRED = "至少需要一个分区", "Add at least one zone";
    SURCHARGE_THRESHOLD_INVALID = "界限须为 1 到 1000 之间的整数", "The limit is a whole number from 1 to 1,000";
    COUNTRY_INVALID = "请填写两位国家代码，如 US", "Enter a two-letter country code such as US";
    DATE_INVALID = "日期格式应为 YYYY-MM-DD", "Dates are written YYYY-MM-DD";
    DATE_RANGE_INVALID = "开始日期不能晚于结束日期", "The start date cannot be after the end date";
    DESTINATION_REQUIRED = "请填写 FBA 仓库代码或邮编", "Enter an FBA warehouse code or a postcode";
    FBA_CODE_INVALID = "FBA 仓库代码格式不正确，如 ONT8", "Not an FBA warehouse code (such as ONT8)";
    FBA_CODE_UNKNOWN = "没有渠道派送到这个 FBA 仓库", "No channel delivers to this FBA warehouse";
    GOODS_TYPE_INVALID = "未知的货物类型", "Unknown goods type";
    MODE_INVALID = "未知的运输方式", "Unknown transport mode";
    POSTCODE_INVALID = "邮编格式不正确", "Not a valid postcode";
    WANTED_DATE_IN_PAST = "期望到达日期不能早于今天", "The wanted arrival date cannot be in the past";
    WEEKDAY_INVALID = "未知的星期", "Unknown weekday";
}

fn zh() -> bool {
    lang() == Lang::Zh
}

fn unit(u: Unit) -> &'static str {
    match u {
        Unit::Kg => "kg",
        Unit::Cbm => "CBM",
    }
}

/// `12.5 kg` / `2 CBM`.
pub fn qty(q: Qty, u: Unit) -> String {
    format!("{} {}", q.format(), unit(u))
}

/// `时效 12–15 天` / `12–15 days`.
pub fn transit(min: u16, max: u16) -> String {
    let days = if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    };
    if zh() {
        format!("时效 {days} 天")
    } else {
        format!("{days} days")
    }
}

/// A field read from the text with its confidence: `识别 92%`.
pub fn confidence(c: f32) -> String {
    format!("{} {:.0}%", MARK_FROM_TEXT.get(lang()), c * 100.0)
}

/// How the chargeable figure came about, in one sentence.
pub fn chargeable(c: &Chargeable) -> String {
    let u = c.unit;
    let by = match (c.by, zh()) {
        (ChargedBy::Weight, true) => "按实重",
        (ChargedBy::Volume, true) => "按体积",
        (ChargedBy::Mixed, true) => "部分箱按实重、部分按体积",
        (ChargedBy::Minimum, true) => "按最低计费",
        (ChargedBy::Weight, false) => "by actual weight",
        (ChargedBy::Volume, false) => "by volume",
        (ChargedBy::Mixed, false) => "by weight for some cartons, by volume for others",
        (ChargedBy::Minimum, false) => "at the minimum",
    };
    let (w, v, step, rounded) = (
        c.by_weight.format(),
        c.by_volume.format(),
        qty(c.step, u),
        qty(c.rounded, u),
    );
    let mut s = match (u, zh()) {
        (Unit::Kg, true) => format!(
            "实重 {w} kg，体积重 {v} kg（长×宽×高 cm ÷ {}），每箱取大值，按 {step} 进位，合计 {rounded}",
            c.divisor
        ),
        (Unit::Kg, false) => format!(
            "Actual {w} kg, volumetric {v} kg (L×W×H cm ÷ {}); the larger per carton, rounded up to {step}, summed: {rounded}",
            c.divisor
        ),
        (Unit::Cbm, true) => format!(
            "体积 {v} CBM，重量折合 {w} CBM（每方 {} kg），每箱取大值，按 {step} 进位，合计 {rounded}",
            c.divisor
        ),
        (Unit::Cbm, false) => format!(
            "Volume {v} CBM, weight as {w} CBM ({} kg a CBM); the larger per carton, rounded up to {step}, summed: {rounded}",
            c.divisor
        ),
    };
    if let Some(m) = c.minimum {
        s += &match zh() {
            true => format!("；最低计费 {}", qty(m, u)),
            false => format!("; shipment minimum {}", qty(m, u)),
        };
    }
    let total = qty(c.chargeable, u);
    match zh() {
        true => format!("计费 {total}，{by}。{s}。"),
        false => format!("Chargeable {total}, {by}. {s}."),
    }
}

/// A freight line's reason: `320 kg × ¥12.00/kg，100 kg 以上档`.
pub fn freight_why(q: &str, rate: &str, u: Unit, from: Option<String>) -> String {
    let u = unit(u);
    match (from, zh()) {
        (Some(f), true) => format!("{q} × {rate}/{u}，{f} {u} 以上档"),
        (Some(f), false) => format!("{q} × {rate}/{u}, the {f}+ {u} break"),
        (None, _) => format!("{q} × {rate}/{u}"),
    }
}

/// `5 箱 × ¥8.00` / `5 cartons × ¥8.00`.
pub fn per_carton(n: u32, rate: &str) -> String {
    match zh() {
        true => format!("{n} 箱 × {rate}"),
        false => format!("{n} cartons × {rate}"),
    }
}

/// `运费的 3%` / `3% of the freight`.
pub fn percent(bp: u32) -> String {
    let p = format!("{}%", bp as f64 / 100.0);
    match zh() {
        true => format!("运费的 {p}"),
        false => format!("{p} of the freight"),
    }
}

/// `价格有效至 2026-12-31` / `Price valid until 2026-12-31`.
pub fn valid_until(d: &str) -> String {
    match zh() {
        true => format!("价格有效至 {d}"),
        false => format!("Price valid until {d}"),
    }
}

/// `价格表 v3`, for staff.
pub fn table_version(v: u32) -> String {
    match zh() {
        true => format!("价格表 v{v}"),
        false => format!("Table v{v}"),
    }
}

/// `分区：美西` / `Zone: US West`.
pub fn zone(name: &str) -> String {
    match zh() {
        true => format!("分区：{name}"),
        false => format!("Zone: {name}"),
    }
}

/// `5 箱 · 110 kg · 0.3 CBM`, a cargo in one line.
pub fn cargo_line(pieces: Option<u32>, kg: Option<String>, cbm: Option<String>) -> String {
    let mut parts = vec![];
    if let Some(n) = pieces {
        parts.push(match zh() {
            true => format!("{n} 箱"),
            false => format!("{n} cartons"),
        });
    }
    parts.extend(kg.map(|k| format!("{k} kg")));
    parts.extend(cbm.map(|c| format!("{c} CBM")));
    parts.join(" · ")
}
