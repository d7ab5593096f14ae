//! The words the parser knows: origin cities, countries, modes, goods
//! types, in Chinese and English, with a few common misspellings.

use std::sync::OnceLock;

use super::text::chars;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cat {
    Origin,
    Country,
    Mode,
    /// A carrier or a delivery word (UPS, 卡派): a mode only when no other is named.
    WeakMode,
    Goods,
}

pub(super) struct Entry {
    pub cat: Cat,
    pub value: &'static str,
    pub alias: Vec<char>,
    pub confidence: f32,
    /// Short codes (`US`, `SZ`) count only as written in capitals.
    pub upper_only: bool,
}

type Table = &'static [(&'static str, &'static [&'static str])];

#[rustfmt::skip]
const ORIGINS: Table = &[
    ("深圳", &["深圳", "shenzhen", "shen zhen"]), ("义乌", &["义乌", "yiwu", "yi wu"]), ("宁波", &["宁波", "ningbo", "ning bo"]),
    ("上海", &["上海", "shanghai", "shang hai"]), ("广州", &["广州", "guangzhou", "guang zhou", "canton"]),
    ("厦门", &["厦门", "xiamen", "xia men", "amoy"]), ("东莞", &["东莞", "dongguan", "dong guan"]),
    ("青岛", &["青岛", "qingdao", "qing dao", "tsingtao"]), ("杭州", &["杭州", "hangzhou"]), ("苏州", &["苏州", "suzhou"]),
    ("佛山", &["佛山", "foshan"]), ("中山", &["中山", "zhongshan"]), ("惠州", &["惠州", "huizhou"]), ("福州", &["福州", "fuzhou"]),
    ("泉州", &["泉州", "quanzhou"]), ("金华", &["金华", "jinhua"]), ("温州", &["温州", "wenzhou"]), ("天津", &["天津", "tianjin"]),
    ("北京", &["北京", "beijing"]), ("武汉", &["武汉", "wuhan"]), ("郑州", &["郑州", "zhengzhou"]), ("成都", &["成都", "chengdu"]),
    ("重庆", &["重庆", "chongqing"]), ("西安", &["西安", "xi'an", "xian"]), ("长沙", &["长沙", "changsha"]),
    ("南京", &["南京", "nanjing"]), ("大连", &["大连", "dalian"]), ("汕头", &["汕头", "shantou"]),
];

/// Written in capitals only, as forwarders abbreviate cities.
#[rustfmt::skip]
const ORIGIN_CODES: Table = &[
    ("深圳", &["SZ", "SZX"]), ("宁波", &["NB", "NGB"]), ("上海", &["SH", "SHA"]), ("广州", &["GZ", "CAN"]), ("义乌", &["YW"]),
    ("厦门", &["XM", "XMN"]), ("青岛", &["QD", "TAO"]), ("东莞", &["DG"]),
];

/// Homophones a Chinese input method gives by mistake.
#[rustfmt::skip]
const ORIGIN_TYPOS: Table = &[
    ("义乌", &["义务"]), ("广州", &["广洲"]), ("厦门", &["夏门"]),
];

#[rustfmt::skip]
const COUNTRIES: Table = &[
    ("US", &["美国", "美西", "美东", "美中", "美南", "usa", "united states", "america", "the states"]),
    ("GB", &["英国", "united kingdom", "britain", "great britain", "england"]),
    ("DE", &["德国", "germany", "deutschland"]), ("JP", &["日本", "japan"]), ("CA", &["加拿大", "canada"]),
    ("FR", &["法国", "france"]), ("IT", &["意大利", "italy"]), ("ES", &["西班牙", "spain"]),
    ("AU", &["澳洲", "澳大利亚", "australia"]), ("MX", &["墨西哥", "mexico"]), ("NL", &["荷兰", "netherlands", "holland"]),
    ("PL", &["波兰", "poland"]), ("SE", &["瑞典", "sweden"]), ("BE", &["比利时", "belgium"]),
    ("AE", &["阿联酋", "迪拜", "dubai"]), ("SA", &["沙特", "saudi arabia", "saudi"]), ("SG", &["新加坡", "singapore"]),
];

#[rustfmt::skip]
const COUNTRY_CODES: Table = &[
    ("US", &["US", "U.S.", "U.S.A."]), ("GB", &["UK", "GB", "U.K."]), ("DE", &["DE"]), ("JP", &["JP"]),
    ("CA", &["CA"]), ("FR", &["FR"]), ("IT", &["IT"]), ("ES", &["ES"]), ("AU", &["AU"]), ("MX", &["MX"]),
    ("NL", &["NL"]), ("PL", &["PL"]), ("AE", &["UAE", "AE"]),
];

#[rustfmt::skip]
const MODES: Table = &[
    ("sea_express", &[
        "海派", "快船", "美森", "以星", "海快", "美森快船", "普船海派", "海派快船", "sea express", "fast boat", "fast ship", "fast vessel",
        "matson", "zim",
    ]),
    ("sea", &["海运", "海卡", "普船", "拼箱", "整柜", "sea", "ocean", "by sea", "sea freight", "ocean freight", "lcl", "fcl"]),
    ("air_express", &["空派", "空运", "空加派", "航空", "air", "by air", "air express", "air freight", "airfreight"]),
    ("express", &["快递", "国际快递", "红单", "express", "courier"]),
    ("rail", &["铁路", "铁运", "班列", "中欧班列", "火车", "rail", "railway", "by rail", "train"]),
    ("truck", &["卡航", "卡车", "陆运", "中欧卡航", "truck", "trucking", "by truck", "road freight"]),
];

#[rustfmt::skip]
const MODE_TYPOS: Table = &[
    ("air_express", &["空配"]), ("sea_express", &["海配"]),
];

#[rustfmt::skip]
const WEAK_MODES: Table = &[
    ("express", &["dhl", "ups", "fedex", "联邦", "tnt"]), ("truck", &["卡派"]),
];

#[rustfmt::skip]
const GOODS: Table = &[
    ("battery", &[
        "带电", "内置电池", "内电", "配电池", "含电池", "带电池", "电池", "锂电池", "纯电池", "充电宝", "移动电源", "battery", "batteries",
        "lithium", "li-ion",
    ]),
    ("magnetic", &["带磁", "磁铁", "磁性", "含磁", "有磁", "magnet", "magnets", "magnetic"]),
    ("liquid", &["液体", "膏体", "含液体", "液态", "liquid", "liquids"]), ("powder", &["粉末", "粉剂", "粉状", "powder", "powders"]),
    ("textile", &[
        "纺织", "纺织品", "布料", "服装", "衣服", "衣物", "服饰", "textile", "textiles", "clothes", "clothing", "garment",
        "garments", "apparel", "fabric",
    ]),
    ("general", &[
        "普货", "普通货", "普通货物", "general cargo", "general goods", "normal goods", "不带电", "无电", "无电池", "不含电池", "不带电池",
        "不带磁", "无磁", "no battery", "non-battery", "non battery", "without battery",
    ]),
];

fn add(out: &mut Vec<Entry>, cat: Cat, table: Table, confidence: f32, upper_only: bool) {
    for (value, aliases) in table {
        for alias in *aliases {
            out.push(Entry {
                cat,
                value,
                alias: chars(alias),
                confidence,
                upper_only,
            });
        }
    }
}

/// Every entry, longest alias first.
pub(super) fn entries() -> &'static [Entry] {
    static ALL: OnceLock<Vec<Entry>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v = vec![];
        add(&mut v, Cat::Origin, ORIGINS, 0.95, false);
        add(&mut v, Cat::Origin, ORIGIN_CODES, 0.75, true);
        add(&mut v, Cat::Origin, ORIGIN_TYPOS, 0.7, false);
        add(&mut v, Cat::Country, COUNTRIES, 0.95, false);
        add(&mut v, Cat::Country, COUNTRY_CODES, 0.9, true);
        add(&mut v, Cat::Mode, MODES, 0.95, false);
        add(&mut v, Cat::Mode, MODE_TYPOS, 0.7, false);
        add(&mut v, Cat::WeakMode, WEAK_MODES, 0.7, false);
        add(&mut v, Cat::Goods, GOODS, 0.95, false);
        v.sort_by_key(|e| std::cmp::Reverse(e.alias.len()));
        v
    })
}

/// Words that carry no field of their own: grammar, courtesy, the words
/// around the fields ("到", "from", "每箱").
#[rustfmt::skip]
pub(super) const STOPWORDS: &[&str] = &[
    "你好", "您好", "老板", "请问", "麻烦", "帮忙", "帮我", "谢谢", "报个价", "报价", "询价", "查价", "查一下", "价格", "运费", "多少钱", "多少", "怎么收费",
    "一下", "大概", "大约", "左右", "一共", "总共", "共计", "合计", "毛重", "总重", "重量", "体积", "箱数", "件数", "箱规", "尺寸", "规格", "实重", "每箱",
    "每件", "单箱", "单件", "每个", "箱子", "发往", "寄到", "运到", "送到", "货物", "亚马逊", "仓库", "私人地址", "地址", "要求", "需要", "我们", "现在",
    "可以", "能否", "时效", "到达", "送达", "到仓", "之前", "以前", "左右", "的话", "走货", "一票", "这票", "渠道", "专线", "方式", "重", "到", "发",
    "寄", "至", "去", "从", "走", "出", "的", "货", "约", "共", "总", "仓", "港", "市", "是", "有", "个", "想", "要", "我", "和", "或", "都",
    "前", "吗", "呢", "啊", "呀", "哦", "了", "吧", "在", "要到", "求", "查", "能", "票", "每", "单", "fba", "amazon", "from", "to",
    "by", "via", "ship", "shipping", "shipment", "send", "need", "needs", "quote", "quotation", "price", "rate",
    "rates", "please", "pls", "hi", "hello", "hey", "dear", "the", "a", "an", "for", "of", "and", "or", "with",
    "each", "per", "total", "about", "approx", "around", "arrive", "arrival", "before", "deliver", "delivery",
    "warehouse", "china", "want", "we", "i", "is", "are", "have", "has", "goods", "cargo", "size", "how", "much", "what",
    "cost", "it", "my", "our", "thanks", "thank", "you", "can", "could", "would", "get", "me", "weight", "volume",
    "gw", "in", "on", "at", "port", "cartons", "boxes", "x", "eta", "asap",
];
