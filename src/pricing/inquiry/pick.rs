//! Choosing each field from what was read: the cued origin over another
//! city, an explicit country over the FBA code's, a named mode over a
//! carrier's; conflicts lower the confidence. And the unread rest.

use super::compose::{Totals, Value};
use super::dict::{Cat, STOPWORDS};
use super::text::{chars, Scan, Span};
use super::words::Hit;
use super::{cbm, fba, kg, postcode, when, Field, FieldName};

pub(super) struct Picked {
    fields: Vec<Option<Field>>,
}

fn distinct(hits: &[&Hit]) -> usize {
    let mut v: Vec<&str> = hits.iter().map(|h| h.value).collect();
    v.sort();
    v.dedup();
    v.len()
}

/// The first hit, less sure when others name something else.
fn first(hits: &[&Hit], doubt: f32) -> Option<(&'static str, f32, Span)> {
    let h = hits.first()?;
    let conf = if distinct(hits) > 1 {
        h.confidence.min(doubt)
    } else {
        h.confidence
    };
    Some((h.value, conf, h.span))
}

/// A city followed by 发/出 or after 从/from reads as the origin.
fn cued(scan: &Scan, (s, e): Span) -> bool {
    let next = scan.at(scan.skip_spaces(e));
    let before = |w: &str| {
        let w = chars(w);
        (s.saturating_sub(w.len() + 1)..s).any(|k| k + w.len() <= s && scan.reads(k, &w))
    };
    "发出起提装".contains(next) || ["从", "由", "from", "ex"].iter().any(|w| before(w))
}

impl Picked {
    pub fn new(scan: &Scan, hits: &[Hit], codes: &[fba::Found]) -> Picked {
        let mut p = Picked {
            fields: vec![None; FieldName::ALL.len()],
        };
        let of = |cat: Cat| hits.iter().filter(|h| h.cat == cat).collect::<Vec<_>>();
        let origins = of(Cat::Origin);
        let origin = match origins.iter().find(|h| cued(scan, h.span)) {
            Some(h) => Some((h.value, h.confidence, h.span)),
            None => first(&origins, 0.6),
        };
        p.set(FieldName::Origin, origin);
        let modes = of(Cat::Mode);
        let mode = first(&modes, 0.5).or_else(|| first(&of(Cat::WeakMode), 0.5));
        p.set(FieldName::Mode, mode);
        let goods = of(Cat::Goods);
        let special: Vec<&Hit> = goods
            .iter()
            .copied()
            .filter(|h| h.value != "general")
            .collect();
        p.set(
            FieldName::GoodsType,
            first(&special, 0.6).or_else(|| first(&goods, 0.6)),
        );
        p.destination(&of(Cat::Country), codes);
        p
    }

    fn destination(&mut self, countries: &[&Hit], codes: &[fba::Found]) {
        let code = codes.first();
        let mut code_conf = code.map_or(0.0, |c| {
            if codes.iter().any(|o| o.code != c.code) {
                0.6
            } else {
                c.confidence
            }
        });
        let said = first(countries, 0.5);
        let by_code = code.and_then(|c| Some((c.country?, code_conf.min(0.85), c.span)));
        let country = match (said, by_code) {
            (Some((s, conf, span)), Some((k, _, _))) if s != k => {
                code_conf = code_conf.min(0.5);
                Some((s, conf.min(0.5), span))
            }
            (Some(s), _) => Some(s),
            (None, k) => k,
        };
        self.set(FieldName::Country, country);
        if let Some(c) = code {
            self.put(FieldName::FbaCode, c.code.clone(), code_conf, c.span);
        }
    }

    fn set(&mut self, name: FieldName, v: Option<(&'static str, f32, Span)>) {
        if let Some((value, conf, span)) = v {
            self.put(name, value.to_owned(), conf, span);
        }
    }

    fn put(&mut self, name: FieldName, value: String, confidence: f32, (s, e): Span) {
        let slot = &mut self.fields[name as usize];
        if slot.is_none() {
            let confidence = (confidence * 100.0).round() / 100.0;
            *slot = Some(Field {
                name,
                value,
                confidence: confidence.clamp(0.0, 1.0),
                span: [s, e],
            });
        }
    }

    pub fn country(&self) -> Option<&str> {
        self.fields[FieldName::Country as usize]
            .as_ref()
            .map(|f| f.value.as_str())
    }

    pub fn postcode(&mut self, found: Option<postcode::Found>) {
        let Some(p) = found else { return };
        if let Some(c) = p.country {
            self.set(FieldName::Country, Some((c, 0.7, p.span)));
        }
        self.put(FieldName::Postcode, p.value, p.confidence, p.span);
    }

    pub fn cargo(&mut self, t: Totals) {
        let mut put = |name, v: Option<Value>, show: fn(i64) -> String| {
            if let Some(v) = v.filter(|v| v.amount > 0) {
                self.put(name, show(v.amount), v.confidence, v.span);
            }
        };
        put(FieldName::WeightKg, t.weight_g, kg);
        put(FieldName::VolumeCbm, t.volume_cm3, cbm);
        put(FieldName::Cartons, t.cartons, |n| n.to_string());
    }

    pub fn date(&mut self, d: when::Found) {
        self.put(
            FieldName::WantedDate,
            d.date.to_string(),
            d.confidence,
            d.span,
        );
    }

    pub fn into_fields(self) -> Vec<Field> {
        self.fields.into_iter().flatten().collect()
    }
}

/// The free pieces of text that are not stopwords, as written: English
/// word by word, other runs whole once stopwords are taken out.
pub(super) fn unread(scan: &Scan) -> Vec<String> {
    let mut out = vec![];
    for (s, e) in scan.leftovers() {
        let norm: String = scan.norm[s..e].iter().collect();
        if norm.is_ascii() {
            let words = norm
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty());
            let mut at = s;
            for w in words {
                let k = (at..e).find(|&k| scan.reads(k, &chars(w))).unwrap_or(at);
                at = k + w.len();
                if !STOPWORDS.contains(&w) {
                    out.push(scan.written((k, at)));
                }
            }
            continue;
        }
        let mut rest = norm;
        let mut stops: Vec<&&str> = STOPWORDS.iter().collect();
        stops.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        for w in stops {
            rest = rest.replace(*w, "");
        }
        if !rest.trim().is_empty() {
            out.push(scan.written((s, e)));
        }
    }
    out
}
