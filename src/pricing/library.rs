//! Channel libraries (渠道库): named sets of channels chosen by tag rules
//! (required and excluded tags, modes, origins, countries) plus manual
//! includes and excludes, and the pre-check before a library is saved
//! (新建或更新渠道库标签配置-前置校验): which channels the change adds and
//! removes, and which manual entries conflict. Pure.
//!
//! Membership: (the channels the rules pick ∪ `include`) − `exclude`. An
//! empty rule list does not restrict (no modes listed: every mode).

use serde::{Deserialize, Serialize};

use super::model::{Channel, Mode};
use crate::error::{AppError, AppResult};
use crate::types::Id;
use crate::ErrorKey;

/// What picks a library's channels.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LibraryRules {
    /// A channel must carry every one of these tags…
    #[serde(default)]
    pub required_tags: Vec<String>,
    /// …and none of these.
    #[serde(default)]
    pub excluded_tags: Vec<String>,
    #[serde(default)]
    pub modes: Vec<Mode>,
    /// Origin cities; a channel leaving from any of them is picked.
    #[serde(default)]
    pub origins: Vec<String>,
    /// ISO 3166 alpha-2.
    #[serde(default)]
    pub countries: Vec<String>,
}

impl LibraryRules {
    /// Whether the rules pick `ch`.
    pub fn picks(&self, ch: &Channel) -> bool {
        let has = |t: &String| ch.tags.contains(t);
        self.required_tags.iter().all(has)
            && !self.excluded_tags.iter().any(has)
            && (self.modes.is_empty() || self.modes.contains(&ch.mode))
            && (self.origins.is_empty() || self.origins.iter().any(|o| ch.origins.contains(o)))
            && (self.countries.is_empty() || self.countries.contains(&ch.country))
    }
}

/// A library as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChannelLibrary {
    pub id: Id,
    pub name: String,
    pub rules: LibraryRules,
    pub include: Vec<Id>,
    pub exclude: Vec<Id>,
    /// How many channels it holds now (lists only).
    #[serde(default)]
    pub channels: u32,
}

/// A library to create (id 0), change, or pre-check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LibraryForSave {
    #[serde(default)]
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub rules: LibraryRules,
    #[serde(default)]
    pub include: Vec<Id>,
    #[serde(default)]
    pub exclude: Vec<Id>,
}

impl LibraryForSave {
    /// A name of 1–30 characters, tags and origins of 1–20, countries of
    /// two letters; at most 500 entries in any list.
    pub fn check(&self) -> AppResult<()> {
        let n = self.name.trim().chars().count();
        if !(1..=30).contains(&n) {
            return Err(AppError::validation("name", ErrorKey::LibraryNameInvalid));
        }
        let r = &self.rules;
        let words = [
            ("rules.required_tags", &r.required_tags),
            ("rules.excluded_tags", &r.excluded_tags),
            ("rules.origins", &r.origins),
        ];
        for (field, list) in words {
            if list.len() > 500 || list.iter().any(|w| !(1..=20).contains(&w.chars().count())) {
                return Err(AppError::validation(field, ErrorKey::TextTooLong));
            }
        }
        let bad_country = |c: &String| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase());
        if r.countries.iter().any(bad_country) {
            return Err(AppError::validation(
                "rules.countries",
                ErrorKey::CountryInvalid,
            ));
        }
        if self.include.len() > 500 || self.exclude.len() > 500 {
            return Err(AppError::validation("include", ErrorKey::TextTooLong));
        }
        Ok(())
    }

    /// The ids of `channels` the library would hold, in their order.
    pub fn members<'a>(&self, channels: impl Iterator<Item = &'a Channel>) -> Vec<Id> {
        channels
            .filter(|ch| self.rules.picks(ch) || self.include.contains(&ch.id))
            .filter(|ch| !self.exclude.contains(&ch.id))
            .map(|ch| ch.id)
            .collect()
    }
}

impl ChannelLibrary {
    pub fn as_input(&self) -> LibraryForSave {
        LibraryForSave {
            id: self.id,
            name: self.name.clone(),
            rules: self.rules.clone(),
            include: self.include.clone(),
            exclude: self.exclude.clone(),
        }
    }
}

/// A channel named in a pre-check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChannelRef {
    pub id: Id,
    pub name: String,
}

/// A manual entry that does not do what it seems to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum LibraryConflict {
    /// Included by hand although the rules pick it anyway.
    IncludedByRules { channel: ChannelRef },
    /// Excluded by hand although the rules do not pick it.
    ExcludedNotPicked { channel: ChannelRef },
    /// Both included and excluded: excluded wins.
    IncludedAndExcluded { channel: ChannelRef },
    /// No such channel.
    UnknownChannel { id: Id },
    /// The channel is disabled: in the library, but in no search.
    Disabled { channel: ChannelRef },
}

/// What saving a library would change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LibraryPrecheck {
    /// Channels the library would hold, how many.
    pub channels: u32,
    pub added: Vec<ChannelRef>,
    pub removed: Vec<ChannelRef>,
    pub conflicts: Vec<LibraryConflict>,
}

/// Compares the library as it would be (`next`) with how it is (`now`,
/// none for a new one) over `channels`.
pub fn precheck(
    now: Option<&LibraryForSave>,
    next: &LibraryForSave,
    channels: &[&Channel],
) -> LibraryPrecheck {
    let after = next.members(channels.iter().copied());
    let before = now.map_or(vec![], |n| n.members(channels.iter().copied()));
    let named = |id: Id| {
        channels.iter().find(|c| c.id == id).map(|c| ChannelRef {
            id,
            name: c.name.clone(),
        })
    };
    let diff = |a: &[Id], b: &[Id]| {
        a.iter()
            .filter(|id| !b.contains(id))
            .filter_map(|&id| named(id))
            .collect()
    };
    let mut conflicts = Vec::new();
    for &id in next.include.iter().chain(&next.exclude) {
        let Some(ch) = channels.iter().find(|c| c.id == id) else {
            if !conflicts.contains(&LibraryConflict::UnknownChannel { id }) {
                conflicts.push(LibraryConflict::UnknownChannel { id });
            }
            continue;
        };
        let channel = ChannelRef {
            id,
            name: ch.name.clone(),
        };
        let (inc, exc, picked) = (
            next.include.contains(&id),
            next.exclude.contains(&id),
            next.rules.picks(ch),
        );
        let c = match (inc, exc) {
            (true, true) => LibraryConflict::IncludedAndExcluded { channel },
            (true, false) if picked => LibraryConflict::IncludedByRules { channel },
            (false, true) if !picked => LibraryConflict::ExcludedNotPicked { channel },
            (true, false) if !ch.enabled => LibraryConflict::Disabled { channel },
            _ => continue,
        };
        if !conflicts.contains(&c) {
            conflicts.push(c);
        }
    }
    LibraryPrecheck {
        channels: after.len() as u32,
        added: diff(&after, &before),
        removed: diff(&before, &after),
        conflicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::quote::fixtures::base;

    fn ch(id: Id, mode: Mode, tags: &[&str], origins: &[&str]) -> Channel {
        Channel {
            id,
            name: format!("渠道{id}"),
            mode,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            origins: origins.iter().map(|t| t.to_string()).collect(),
            ..base()
        }
    }

    fn catalogue() -> Vec<Channel> {
        vec![
            ch(1, Mode::AirExpress, &["包税", "带电"], &["深圳"]),
            ch(2, Mode::AirExpress, &["包税"], &["义乌"]),
            ch(3, Mode::SeaExpress, &["包税", "带电"], &["深圳", "宁波"]),
            ch(4, Mode::Express, &["带电"], &["深圳"]),
        ]
    }

    fn lib(rules: LibraryRules, include: &[Id], exclude: &[Id]) -> LibraryForSave {
        LibraryForSave {
            id: 0,
            name: "包税带电".into(),
            rules,
            include: include.to_vec(),
            exclude: exclude.to_vec(),
        }
    }

    #[test]
    fn rules_pick_by_every_required_tag_no_excluded_tag_mode_and_origin() {
        let all = catalogue();
        let rules = LibraryRules {
            required_tags: vec!["包税".into()],
            excluded_tags: vec!["带电".into()],
            ..Default::default()
        };
        assert_eq!(lib(rules, &[], &[]).members(all.iter()), [2]);
        let rules = LibraryRules {
            required_tags: vec!["带电".into()],
            modes: vec![Mode::AirExpress, Mode::SeaExpress],
            origins: vec!["深圳".into()],
            ..Default::default()
        };
        assert_eq!(lib(rules.clone(), &[], &[]).members(all.iter()), [1, 3]);
        assert_eq!(
            lib(rules, &[4], &[1]).members(all.iter()),
            [3, 4],
            "by hand"
        );
        assert_eq!(
            lib(Default::default(), &[], &[]).members(all.iter()).len(),
            4
        );
    }

    #[test]
    fn the_precheck_shows_what_a_change_adds_removes_and_which_entries_conflict() {
        let mut all = catalogue();
        all[1].enabled = false;
        let refs: Vec<&Channel> = all.iter().collect();
        let tagged = |tag: &str| LibraryRules {
            required_tags: vec![tag.into()],
            ..Default::default()
        };
        let now = lib(tagged("包税"), &[], &[]);
        let next = lib(tagged("带电"), &[1, 2, 9], &[2, 3]);

        let p = precheck(Some(&now), &next, &refs);

        let ids = |v: &[ChannelRef]| v.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(&p.added), [4]);
        assert_eq!(ids(&p.removed), [2, 3]);
        assert_eq!(p.channels, 2);
        let codes: Vec<String> = (p.conflicts.iter())
            .map(|c| {
                serde_json::to_value(c).unwrap()["code"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(
            codes,
            [
                "included_by_rules",
                "included_and_excluded",
                "unknown_channel"
            ]
        );
    }

    #[test]
    fn a_new_library_adds_everything_it_picks_and_a_bad_name_or_country_is_named() {
        let all = catalogue();
        let refs: Vec<&Channel> = all.iter().collect();
        let p = precheck(None, &lib(Default::default(), &[], &[4]), &refs);
        assert_eq!(p.added.len(), 3);
        assert!(p.removed.is_empty());
        assert_eq!(
            p.conflicts.len(),
            0,
            "4 is picked, so excluding it is no conflict"
        );
        let mut bad = lib(Default::default(), &[], &[]);
        bad.name = "".into();
        assert_eq!(
            bad.check().unwrap_err(),
            AppError::validation("name", ErrorKey::LibraryNameInvalid)
        );
        bad.name = "ok".into();
        bad.rules.countries = vec!["usa".into()];
        assert_eq!(
            bad.check().unwrap_err(),
            AppError::validation("rules.countries", ErrorKey::CountryInvalid)
        );
    }
}
