//! A channel's zones as typed: code, name, FBA codes and postcode ranges,
//! one row each, added and removed (the price grid gets a row with each).
//! Read back into the zones on save; the rates are the grid's.

use leptos::prelude::*;
use shipdesk::pricing::{normalize_postcode, Channel, PostcodeRange, Zone};
use shipdesk::{AppError, ErrorKey};

use super::grid_draft::GridDraft;

/// One zone as typed; `key` keeps the row (and its grid row) while others
/// come and go.
#[derive(Clone, Copy)]
pub struct ZoneRow {
    pub key: u32,
    pub code: RwSignal<String>,
    pub name: RwSignal<String>,
    pub fba: RwSignal<String>,
    pub postcodes: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct ZonesDraft {
    pub rows: RwSignal<Vec<ZoneRow>>,
    next_key: RwSignal<u32>,
}

fn row(key: u32, z: &Zone) -> ZoneRow {
    ZoneRow {
        key,
        code: RwSignal::new(z.code.clone()),
        name: RwSignal::new(z.name.clone()),
        fba: RwSignal::new(z.fba_codes.join(" ")),
        postcodes: RwSignal::new(ranges_text(&z.postcodes)),
    }
}

impl ZonesDraft {
    /// The zones of `c`, keyed by their place (as [`GridDraft::of`] keys them).
    pub fn of(c: &Channel) -> ZonesDraft {
        let rows: Vec<ZoneRow> = (c.zones.iter().enumerate())
            .map(|(i, z)| row(i as u32, z))
            .collect();
        ZonesDraft {
            next_key: RwSignal::new(rows.len() as u32),
            rows: RwSignal::new(rows),
        }
    }

    /// A new empty zone at the end, `Z<n>` until renamed, and its grid row.
    pub fn add(&self, grid: GridDraft) {
        let key = self.next_key.get_untracked();
        self.next_key.set(key + 1);
        let n = self.rows.with_untracked(Vec::len) + 1;
        let blank = Zone {
            code: format!("Z{n}"),
            name: String::new(),
            fba_codes: vec![],
            postcodes: vec![],
            rates: vec![],
        };
        self.rows.update(|r| r.push(row(key, &blank)));
        grid.add_row(key);
    }

    pub fn remove(&self, key: u32, grid: GridDraft) {
        self.rows.update(|r| r.retain(|z| z.key != key));
        grid.remove_row(key);
    }

    /// The row's place, which names its fields (`zones[1].fba_codes`).
    pub fn index_of(&self, key: u32) -> Option<usize> {
        self.rows.with(|r| r.iter().position(|z| z.key == key))
    }

    /// The keys in order, for the grid.
    pub fn keys(&self) -> Vec<u32> {
        self.rows
            .with_untracked(|r| r.iter().map(|z| z.key).collect())
    }

    /// `c` with the zones as typed, rates left empty for the grid to fill;
    /// the first field that does not read.
    pub fn apply(&self, mut c: Channel) -> Result<Channel, AppError> {
        let g = |v: RwSignal<String>| v.get_untracked();
        let mut zones = vec![];
        for (i, z) in self.rows.get_untracked().iter().enumerate() {
            zones.push(Zone {
                code: g(z.code).trim().to_owned(),
                name: g(z.name).trim().to_owned(),
                fba_codes: codes(&g(z.fba)),
                postcodes: parse_ranges(&format!("zones[{i}].postcodes"), &g(z.postcodes))?,
                rates: vec![],
            });
        }
        c.zones = zones;
        Ok(c)
    }
}

/// Codes as people list them (`ONT8, lgb8 、SBD1`), upper case.
pub fn codes(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || ",，、;；".contains(c))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_uppercase)
        .collect()
}

/// `900-961, 967`: ranges as typed back.
pub fn ranges_text(rs: &[PostcodeRange]) -> String {
    let parts: Vec<String> = rs
        .iter()
        .map(|r| match r.from == r.to {
            true => r.from.clone(),
            false => format!("{}-{}", r.from, r.to),
        })
        .collect();
    parts.join(", ")
}

/// Reads `900-961, 967～968 995 至 999` into ranges (a lone postcode is a
/// range of one); a range with an end missing is an error on `field`.
pub fn parse_ranges(field: &str, text: &str) -> Result<Vec<PostcodeRange>, AppError> {
    let mut s: String = text
        .chars()
        .map(|c| {
            if "~～–—至到".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    loop {
        let next = s.replace(" -", "-").replace("- ", "-");
        if next == s {
            break;
        }
        s = next;
    }
    let bad = || AppError::validation(field, ErrorKey::PostcodeInvalid);
    s.split(|c: char| c.is_whitespace() || ",，、;；".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let (from, to) = w.split_once('-').unwrap_or((w, w));
            if to.contains('-') {
                return Err(bad());
            }
            let (from, to) = (normalize_postcode(from), normalize_postcode(to));
            match from.is_empty() || to.is_empty() {
                true => Err(bad()),
                false => Ok(PostcodeRange { from, to }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(from: &str, to: &str) -> PostcodeRange {
        PostcodeRange {
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn postcode_ranges_read_as_people_write_them_and_read_back() {
        let got = parse_ranges("p", "900-961, 967 ～ 968、lu1 至 lu9 99501").unwrap();
        assert_eq!(
            got,
            [
                r("900", "961"),
                r("967", "968"),
                r("LU1", "LU9"),
                r("99501", "99501")
            ]
        );
        assert_eq!(ranges_text(&got), "900-961, 967-968, LU1-LU9, 99501");
        assert_eq!(parse_ranges("p", "  ").unwrap(), []);
        let e = parse_ranges("zones[1].postcodes", "900-").unwrap_err();
        assert_eq!(e.field(), Some("zones[1].postcodes"));
        assert!(parse_ranges("p", "1-2-3").is_err());
    }

    #[test]
    fn fba_codes_are_split_and_upper_cased() {
        assert_eq!(
            codes("ont8, lgb8、SBD1\nLAX9"),
            ["ONT8", "LGB8", "SBD1", "LAX9"]
        );
    }
}
