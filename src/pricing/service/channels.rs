//! Channels' maintenance: lists and pages for staff who work with
//! customers, changes for ops and admins. Every change of a definition is a
//! new table version, kept; the catalogue reloads on every instance.

use crate::auth::Staff;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::pricing::model::*;
use crate::pricing::policy;
use crate::pricing::quote::Catalogue;
use crate::pricing::repo::channel as repo;
use crate::state::AppState;
use crate::types::{Id, Page, PageQuery};
use crate::ErrorKey;

fn may_read(s: &Staff) -> AppResult<()> {
    if policy::may_read_channels(s) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn may_edit(s: &Staff) -> AppResult<()> {
    if policy::may_edit_channels(s) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Channels matching the filter, by country then name.
pub async fn list_channels(
    state: &AppState,
    who: &Staff,
    filter: &ChannelFilter,
    page: PageQuery,
) -> AppResult<Page<ChannelSummary>> {
    may_read(who)?;
    let q = filter.q.as_deref().unwrap_or("").trim().to_lowercase();
    let country = filter.country.as_deref().map(str::to_ascii_uppercase);
    let mut rows: Vec<_> = repo::all(&state.db)
        .await?
        .into_iter()
        .filter(|r| {
            let c = &r.channel;
            (q.is_empty()
                || c.name.to_lowercase().contains(&q)
                || c.carrier.to_lowercase().contains(&q))
                && country.as_ref().is_none_or(|k| &c.country == k)
                && filter.mode.is_none_or(|m| c.mode == m)
                && filter.enabled.is_none_or(|e| c.enabled == e)
        })
        .collect();
    rows.sort_by(|a, b| {
        (&a.channel.country, &a.channel.name).cmp(&(&b.channel.country, &b.channel.name))
    });
    let total = rows.len() as i64;
    let items = rows
        .into_iter()
        .skip(page.offset() as usize)
        .take(page.size as usize)
        .map(|r| summary(&r.channel, r.updated_at))
        .collect();
    Ok(Page::new(items, total, page))
}

fn summary(c: &Channel, updated_at: crate::types::Timestamp) -> ChannelSummary {
    ChannelSummary {
        id: c.id,
        name: c.name.clone(),
        mode: c.mode,
        carrier: c.carrier.clone(),
        country: c.country.clone(),
        origins: c.origins.clone(),
        zones: c.zones.len() as u32,
        tags: c.tags.clone(),
        special: c.special.is_some(),
        enabled: c.enabled,
        table_version: c.table_version,
        valid_until: c.special.map_or(c.validity.to, |s| s.to.min(c.validity.to)),
        updated_at,
    }
}

/// A channel with its versions, newest first.
pub async fn get_channel(state: &AppState, who: &Staff, id: Id) -> AppResult<ChannelDetail> {
    may_read(who)?;
    let row = repo::by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::not_found("channel"))?;
    Ok(ChannelDetail {
        channel: row.channel,
        versions: repo::versions(&state.db, id).await?,
    })
}

/// Creates a channel (id 0) at version 1, or replaces one read at
/// `table_version`, which becomes `table_version + 1`; a save over a newer
/// version is a conflict on `table_version`. The definition must pass
/// [`Channel::check`], with its errors naming the field.
pub async fn save_channel(
    state: &AppState,
    who: &Staff,
    input: &ChannelForSave,
) -> AppResult<Channel> {
    may_edit(who)?;
    let mut ch = normalized(input.channel.clone());
    ch.check()?;
    super::check_tags(state, &ch).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if ch.id == 0 {
        ch.id = new_id();
        ch.table_version = 1;
        repo::insert(&mut *tx, &ch, Some(who.id), now).await?;
    } else {
        ch.table_version += 1;
        if !repo::update(&mut *tx, &ch, who.id, now).await? {
            return match repo::by_id(&mut *tx, ch.id).await? {
                None => Err(AppError::not_found("channel")),
                Some(_) => Err(AppError::conflict(
                    "table_version",
                    ErrorKey::ChannelChanged,
                )),
            };
        }
    }
    if let Some(i) = repo::set_tag_uses(&mut tx, &ch, now).await? {
        return Err(unknown_tag(i));
    }
    repo::insert_version(&mut *tx, &ch, Some(who.id), now).await?;
    tx.commit().await?;
    state.pricing.changed(&state.db).await;
    Ok(ch)
}

/// A tag deleted from the list between the check and the save.
fn unknown_tag(i: usize) -> AppError {
    AppError::validation(&format!("tags[{i}]"), ErrorKey::TagUnknown)
}

/// Upper-case codes, trimmed names: what the engine and lists compare.
fn normalized(mut ch: Channel) -> Channel {
    ch.name = ch.name.trim().to_owned();
    ch.carrier = ch.carrier.trim().to_owned();
    ch.country = ch.country.trim().to_ascii_uppercase();
    let ranges = |rs: &mut Vec<PostcodeRange>| {
        for r in rs {
            r.from = normalize_postcode(&r.from);
            r.to = normalize_postcode(&r.to);
        }
    };
    for z in &mut ch.zones {
        z.code = z.code.trim().to_owned();
        z.name = z.name.trim().to_owned();
        for code in &mut z.fba_codes {
            *code = code.trim().to_ascii_uppercase();
        }
        ranges(&mut z.postcodes);
    }
    for s in &mut ch.surcharges {
        s.name = s.name.trim().to_owned();
        for c in &mut s.when {
            if let Condition::RemotePostcode { ranges: rs } = c {
                ranges(rs);
            }
        }
    }
    ch
}

/// Turns a channel on or off; the table version stays (prices are the same).
pub async fn set_channel_enabled(
    state: &AppState,
    who: &Staff,
    id: Id,
    enabled: bool,
) -> AppResult<()> {
    may_edit(who)?;
    if !repo::set_enabled(&state.db, id, enabled, who.id, state.now()).await? {
        return Err(AppError::not_found("channel"));
    }
    state.pricing.changed(&state.db).await;
    Ok(())
}

/// Stores `channels` as they are (ids and version 1 given), each with its
/// first version, and their tags in the tag list, in one transaction: the demo catalogue and benches.
/// Refused when any fails its checks.
pub async fn load_channels(state: &AppState, channels: &[Channel]) -> AppResult<usize> {
    let cat = Catalogue::new(channels.to_vec())?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    for tag in cat.channels().flat_map(|c| &c.tags) {
        crate::pricing::repo::library::insert_tag(&mut *tx, tag, now).await?;
    }
    for ch in cat.channels() {
        repo::insert(&mut *tx, ch, None, now).await?;
        repo::insert_version(&mut *tx, ch, None, now).await?;
        if let Some(i) = repo::set_tag_uses(&mut tx, ch, now).await? {
            return Err(unknown_tag(i));
        }
    }
    tx.commit().await?;
    state.pricing.changed(&state.db).await;
    Ok(channels.len())
}

/// Loads the demo catalogue unless some channel exists; how many it added.
pub async fn seed_demo_channels(state: &AppState) -> AppResult<usize> {
    if repo::count(&state.db).await? > 0 {
        return Ok(0);
    }
    let mut channels = crate::pricing::demo::catalogue(1, super::today(state));
    for ch in &mut channels {
        ch.id = new_id();
    }
    load_channels(state, &channels).await
}
