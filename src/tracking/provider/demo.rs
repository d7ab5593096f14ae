//! The DEMO provider: made-up but plausible events, on only when configured
//! (`SHIPDESK_TRACKING_DEMO=1`, never in production). Every event's text
//! starts with 【演示】 so nobody takes it for a courier's word, and events
//! are stored with source `demo`.
//!
//! A number's journey is a pure function of the number (the seed) and a
//! start: ordered, picked up a few hours later, through two sorting hubs,
//! out for delivery and delivered about a day and a half after it set off;
//! one number in eight meets a failed delivery first, one in thirteen is
//! refused and returned. Only the events up to the clock's now are known.

use super::{BoxFuture, ProviderError, TrackReport, TrackRequest, TrackingProvider};
use crate::db::Clock;
use crate::tracking::model::{Carrier, TrackEvent, TrackStatus, TrackingNumber};
use crate::types::Timestamp;

const CITIES: &[(&str, &str)] = &[
    ("广东省,深圳市", "深圳转运中心"),
    ("广东省,广州市", "广州转运中心"),
    ("广东省,东莞市", "东莞分拨中心"),
    ("浙江省,金华市", "义乌转运中心"),
    ("上海市", "上海转运中心"),
    ("浙江省,宁波市", "宁波转运中心"),
    ("福建省,厦门市", "厦门转运中心"),
    ("江苏省,苏州市", "苏州转运中心"),
];
const COURIERS: &[&str] = &["王师傅", "李师傅", "张师傅", "陈师傅", "刘师傅"];

const HOUR: i64 = 3600 * 1000;
const MINUTE: i64 = 60 * 1000;

/// The demo provider: journeys that set off from `start` (each number a
/// few hours after it), known up to `clock`'s now.
pub struct DemoProvider {
    start: Timestamp,
    clock: Clock,
}

impl DemoProvider {
    pub fn new(start: Timestamp, clock: Clock) -> DemoProvider {
        DemoProvider { start, clock }
    }
}

/// FNV-1a: the same seed for the same number on every machine.
fn seed(carrier: Carrier, number: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in carrier.as_str().bytes().chain([b':']).chain(number.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The whole journey of a number, oldest event first, whatever the time.
pub fn journey(carrier: Carrier, number: &TrackingNumber, start: Timestamp) -> Vec<TrackEvent> {
    let s = seed(carrier, number.as_str());
    let pick = |shift: u32, n: usize| ((s >> shift) as usize) % n;
    let jitter = |shift: u32, max_min: i64| ((s >> shift) as i64 & 0xffff) % max_min * MINUTE;
    let (from_place, from_hub) = CITIES[pick(0, CITIES.len())];
    let to = (pick(0, CITIES.len()) + 1 + pick(8, CITIES.len() - 1)) % CITIES.len();
    let (to_place, to_hub) = CITIES[to];
    let courier = COURIERS[pick(16, COURIERS.len())];
    let name = carrier.name();
    let t0 = start.0 + jitter(20, 6 * 60);

    use TrackStatus::*;
    let mut steps: Vec<(i64, TrackStatus, &str, String, &str)> = vec![
        (
            0,
            InfoReceived,
            "101 已下单",
            "商家已下单，等待快递员揽收".into(),
            from_place,
        ),
        (
            2 * HOUR + jitter(24, 180),
            InTransit,
            "103 已揽收",
            format!("{name}快递员已揽收"),
            from_place,
        ),
        (
            6 * HOUR + jitter(28, 120),
            InTransit,
            "1002 干线",
            format!("快件已到达【{from_hub}】"),
            from_place,
        ),
        (
            9 * HOUR + jitter(32, 120),
            InTransit,
            "1002 干线",
            format!("快件已从【{from_hub}】发出，下一站【{to_hub}】"),
            from_place,
        ),
        (
            22 * HOUR + jitter(36, 240),
            InTransit,
            "1001 到达派件城市",
            format!("快件已到达【{to_hub}】"),
            to_place,
        ),
        (
            28 * HOUR + jitter(40, 120),
            OutForDelivery,
            "5 派件",
            format!("快件正在派送中，派件员：{courier}"),
            to_place,
        ),
    ];
    let end = 31 * HOUR + jitter(44, 120);
    if s % 13 == 0 {
        steps.push((
            end,
            Exception,
            "14 拒签",
            "收件人拒收，快件将退回".into(),
            to_place,
        ));
        steps.push((
            end + 4 * HOUR,
            Returned,
            "6 退回",
            format!("快件已从【{to_hub}】退回寄件人"),
            to_place,
        ));
    } else if s % 8 == 0 {
        steps.push((
            end,
            Exception,
            "204 派件异常",
            "收件地址无人，快件暂存网点，明日再派".into(),
            to_place,
        ));
        steps.push((
            end + 20 * HOUR,
            OutForDelivery,
            "5 派件",
            format!("快件再次派送，派件员：{courier}"),
            to_place,
        ));
        steps.push((
            end + 23 * HOUR,
            Delivered,
            "301 本人签收",
            "快件已签收，签收人：仓库收货组".into(),
            to_place,
        ));
    } else {
        steps.push((
            end,
            Delivered,
            "301 本人签收",
            "快件已签收，签收人：仓库收货组".into(),
            to_place,
        ));
    }
    steps
        .into_iter()
        .map(|(at, status, raw, text, place)| {
            let time = Timestamp(t0 + at);
            TrackEvent {
                status,
                raw_status: raw.into(),
                context: format!("【演示】{text}"),
                place: Some(place.into()),
                time,
                raw_time: time.format_shanghai(),
            }
        })
        .collect()
}

/// What the demo knows of a number at `now`: the events up to then, newest
/// first, and the state of the newest.
pub fn report_at(
    carrier: Carrier,
    number: &TrackingNumber,
    start: Timestamp,
    now: Timestamp,
) -> TrackReport {
    let mut events: Vec<TrackEvent> = journey(carrier, number, start)
        .into_iter()
        .filter(|e| e.time <= now)
        .collect();
    events.reverse();
    let state = events.first().map(|e| (e.status, e.raw_status.clone()));
    TrackReport { state, events }
}

impl TrackingProvider for DemoProvider {
    fn name(&self) -> &'static str {
        "demo"
    }

    fn query<'a>(
        &'a self,
        req: TrackRequest<'a>,
    ) -> BoxFuture<'a, Result<TrackReport, ProviderError>> {
        let now = Timestamp(self.clock.now_ms());
        let report = report_at(req.carrier, req.number, self.start, now);
        Box::pin(async move {
            if report.events.is_empty() {
                Err(ProviderError::NoResult)
            } else {
                Ok(report)
            }
        })
    }

    /// The demo pushes nothing: its events come by query.
    fn subscribe<'a>(&'a self, _req: TrackRequest<'a>) -> BoxFuture<'a, Result<(), ProviderError>> {
        Box::pin(async { Ok(()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(n: &str) -> TrackingNumber {
        TrackingNumber::parse(n).unwrap()
    }

    #[test]
    fn a_journey_is_the_same_for_the_same_number_and_start() {
        let start = Timestamp(1_796_083_200_000);
        let a = journey(Carrier::Sf, &number("SF1411620938917"), start);
        assert_eq!(a, journey(Carrier::Sf, &number("SF1411620938917"), start));
        assert_ne!(a, journey(Carrier::Sf, &number("SF1411620938918"), start));
        let later = journey(
            Carrier::Sf,
            &number("SF1411620938917"),
            Timestamp(start.0 + HOUR),
        );
        assert_eq!(later[0].time.0, a[0].time.0 + HOUR, "relative to the start");
    }

    #[test]
    fn journeys_are_ordered_labelled_and_end_delivered_or_returned() {
        let start = Timestamp(1_796_083_200_000);
        let (mut delivered, mut returned, mut retried) = (0, 0, 0);
        for i in 0..400 {
            let n = number(&format!("YT{:013}", 7_412_345_678_901u64 + i));
            let j = journey(Carrier::Yto, &n, start);
            assert_eq!(j[0].status, TrackStatus::InfoReceived);
            assert!(j.windows(2).all(|w| w[0].time < w[1].time), "ordered");
            assert!(j.iter().all(|e| e.context.starts_with("【演示】")));
            assert!(j
                .iter()
                .all(|e| Timestamp::parse_shanghai(&e.raw_time) == Some(e.time)));
            match j.last().unwrap().status {
                TrackStatus::Delivered => delivered += 1,
                TrackStatus::Returned => returned += 1,
                s => panic!("ends {s}"),
            }
            retried += j
                .iter()
                .filter(|e| e.status == TrackStatus::Exception)
                .count();
        }
        assert!(
            delivered > 300 && returned > 10 && retried > 40,
            "{delivered} {returned} {retried}"
        );
    }

    #[test]
    fn only_the_events_up_to_now_are_known_newest_first() {
        let start = Timestamp(1_796_083_200_000);
        let n = number("JT5012345678901");
        let all = journey(Carrier::Jtexpress, &n, start);
        assert!(report_at(Carrier::Jtexpress, &n, start, start).events.len() <= 1);
        let mid = Timestamp(all[3].time.0);
        let r = report_at(Carrier::Jtexpress, &n, start, mid);
        assert_eq!(r.events.len(), 4);
        assert_eq!(r.events[0], all[3]);
        assert_eq!(r.state.unwrap().0, all[3].status);
    }
}
