//! Dictionary words in the text (cities, countries, modes, goods), longest
//! first, and English misspellings of them.

use super::dict::{self, Cat, STOPWORDS};
use super::fuzzy;
use super::text::{is_word, Scan, Span};

#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub cat: Cat,
    pub value: &'static str,
    pub confidence: f32,
    pub span: Span,
}

/// Every dictionary word standing free in the text, in text order; each
/// is taken from the scan.
pub(super) fn find(scan: &mut Scan) -> Vec<Hit> {
    let mut hits = vec![];
    for e in dict::entries() {
        let mut from = 0;
        while let Some(i) = scan.find(&e.alias, from) {
            let span = (i, i + e.alias.len());
            if !e.upper_only || scan.written_upper(span) {
                scan.take(span);
                hits.push(Hit {
                    cat: e.cat,
                    value: e.value,
                    confidence: e.confidence,
                    span,
                });
            }
            from = i + 1;
        }
    }
    hits.sort_by_key(|h| h.span.0);
    hits
}

/// Free English words of five letters or more one edit away from a known
/// word (`Shenzen`, `Amercia`, `textils`); each is taken from the scan.
pub(super) fn misspelt(scan: &mut Scan) -> Vec<Hit> {
    let known: Vec<_> = (dict::entries().iter())
        .filter(|e| {
            !e.upper_only && e.alias.len() >= 5 && e.alias.iter().all(|c| c.is_ascii_lowercase())
        })
        .collect();
    let mut hits = vec![];
    let mut i = 0;
    while i < scan.len() {
        let len = (i..)
            .take_while(|&k| scan.at(k).is_ascii_alphabetic())
            .count();
        let span = (i, i + len);
        let word = &scan.norm[i..i + len];
        let standalone = len >= 5 && !is_word(scan.before(i)) && !is_word(scan.at(i + len));
        let stop = STOPWORDS.iter().any(|s| s.chars().eq(word.iter().copied()));
        if standalone && !stop && scan.is_free(span) {
            if let Some(e) = known.iter().find(|e| fuzzy::near(word, &e.alias)) {
                scan.take(span);
                hits.push(Hit {
                    cat: e.cat,
                    value: e.value,
                    confidence: 0.7,
                    span,
                });
            }
        }
        i += len.max(1);
    }
    hits
}
