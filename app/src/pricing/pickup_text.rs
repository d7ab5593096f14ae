//! Text of the pickup windows (上门揽收): the admin page that keeps them and
//! the line under the search form's origin.
//!
//! Each entry is `NAME = "中文", "English";`. Text with values in it is a
//! function below the list.

use shipdesk::pricing::{Date, Weekday};

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    NAV = "揽收时段", "Pickup slots";
    TITLE = "上门揽收时段", "Pickup slots";
    INTRO = "各起运城市的上门揽收时间窗口和每天可约次数；客户查价时按起运地显示最近可约的时段。", "Each origin city's pickup windows and how many pickups each takes a day; searches show the next ones for the origin chosen.";
    NEW = "新建时段", "New slot";
    NEW_TITLE = "新建揽收时段", "New pickup slot";
    EDIT_TITLE = "编辑揽收时段", "Edit the pickup slot";
    EMPTY = "还没有揽收时段：新建一个，客户查价时就能看到上门揽收时间。", "No pickup slots yet: add one and searches show pickup times.";
    CITY = "城市", "City";
    CITY_HINT = "起运城市中文名，如 深圳", "The origin city's Chinese name, e.g. 深圳";
    WEEKDAYS = "星期", "Weekdays";
    EVERY_DAY_HINT = "不选表示每天", "None ticked: every day";
    EVERY_DAY = "每天", "Every day";
    WINDOW = "时段", "Window";
    START = "开始时间", "From";
    END = "结束时间", "To";
    CAPACITY = "每天可约次数", "Pickups a day";
    STATUS = "状态", "Status";
    ENABLED = "启用", "Enabled";
    DISABLED = "停用", "Disabled";
    EDIT = "编辑", "Edit";
    DELETE = "删除", "Delete";
    CONFIRM_DELETE = "确定删除这个揽收时段？", "Delete this pickup slot?";
    SAVED = "已保存", "Saved";
    DELETED = "已删除", "Deleted";
    NOT_A_NUMBER = "请输入整数", "Enter a whole number";

    // the search form's line
    PICKUP = "上门揽收：", "Pickup: ";
    PICKUP_NONE = "上门揽收：近 7 天没有可约时段", "Pickup: no window in the next 7 days";
    TODAY = "今天", "Today";
    TOMORROW = "明天", "Tomorrow";
}

/// `周一` / `Mon`.
pub fn weekday(d: Weekday) -> &'static str {
    let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = d.index() as usize;
    match lang() {
        Lang::Zh => zh[i],
        Lang::En => en[i],
    }
}

/// A day in the pickup line: `今天`, `明天`, else `12月5日周六` / `Sat 5 Dec`.
pub fn pickup_day(d: Date, today: Date) -> String {
    if d == today {
        return crate::i18n::t(TODAY).to_owned();
    }
    if d == today.add_days(1) {
        return crate::i18n::t(TOMORROW).to_owned();
    }
    let (_, m, day) = d.ymd();
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang() {
        Lang::Zh => format!("{m}月{day}日{}", weekday(d.weekday())),
        Lang::En => format!("{} {day} {}", weekday(d.weekday()), months[m as usize - 1]),
    }
}

/// The list's weekdays: `每天`, or `周一、周三` / `Mon, Wed`, a run of
/// three or more as `周一至周五` / `Mon–Fri`.
pub fn weekdays(days: &[Weekday]) -> String {
    if days.is_empty() || days.len() == 7 {
        return crate::i18n::t(EVERY_DAY).to_owned();
    }
    let run = days.len() >= 3 && days.windows(2).all(|w| w[1].index() == w[0].index() + 1);
    let (to, sep) = match lang() {
        Lang::Zh => ("至", "、"),
        Lang::En => ("–", ", "),
    };
    if run {
        return format!("{}{to}{}", weekday(days[0]), weekday(days[days.len() - 1]));
    }
    days.iter()
        .map(|d| weekday(*d))
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shipdesk::pricing::Weekday::*;

    #[test]
    fn weekdays_read_as_a_run_a_list_or_every_day() {
        assert_eq!(weekdays(&[Mon, Tue, Wed, Thu, Fri]), "周一至周五");
        assert_eq!(weekdays(&[Mon, Wed]), "周一、周三");
        assert_eq!(weekdays(&[Sat, Sun]), "周六、周日");
        assert_eq!(weekdays(&[]), "每天");
    }

    #[test]
    fn pickup_days_say_today_and_tomorrow_then_the_date() {
        let today = Date::from_ymd(2026, 12, 31).unwrap();
        assert_eq!(pickup_day(today, today), "今天");
        assert_eq!(pickup_day(today.add_days(1), today), "明天");
        assert_eq!(pickup_day(today.add_days(2), today), "1月2日周六");
    }
}
