//! Channel libraries with their pre-check, and the tag list: read by staff
//! who work with customers, kept by ops and admins. A price level's
//! libraries decide which channels its customers' searches see.

use std::collections::HashSet;

use crate::auth::Staff;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::pricing::library::{precheck, ChannelLibrary, LibraryForSave, LibraryPrecheck};
use crate::pricing::model::Channel;
use crate::pricing::policy;
use crate::pricing::repo::{channel as channels, library as repo};
use crate::state::AppState;
use crate::types::Id;
use crate::ErrorKey;

fn read(s: &Staff) -> AppResult<()> {
    policy::may_read_channels(s)
        .then_some(())
        .ok_or(AppError::Forbidden)
}

fn edit(s: &Staff) -> AppResult<()> {
    policy::may_edit_channels(s)
        .then_some(())
        .ok_or(AppError::Forbidden)
}

async fn all_channels(state: &AppState) -> AppResult<Vec<Channel>> {
    Ok(channels::all(&state.db)
        .await?
        .into_iter()
        .map(|r| r.channel)
        .collect())
}

/// Every library, by name, with how many channels it holds now (渠道库下拉).
pub async fn list_channel_libraries(
    state: &AppState,
    who: &Staff,
) -> AppResult<Vec<ChannelLibrary>> {
    read(who)?;
    let chs = all_channels(state).await?;
    let mut libs = repo::all(&state.db).await?;
    for l in &mut libs {
        l.channels = l.as_input().members(chs.iter()).len() as u32;
    }
    Ok(libs)
}

/// What saving `input` would change: channels added and removed, and the
/// manual entries that conflict (前置校验). Nothing is saved.
pub async fn precheck_channel_library(
    state: &AppState,
    who: &Staff,
    input: &LibraryForSave,
) -> AppResult<LibraryPrecheck> {
    edit(who)?;
    input.check()?;
    let chs = all_channels(state).await?;
    let refs: Vec<&Channel> = chs.iter().collect();
    let now = stored(state, input.id).await?;
    Ok(precheck(now.as_ref(), input, &refs))
}

async fn stored(state: &AppState, id: Id) -> AppResult<Option<LibraryForSave>> {
    if id == 0 {
        return Ok(None);
    }
    let found = repo::all(&state.db).await?.into_iter().find(|l| l.id == id);
    found
        .map(|l| Some(l.as_input()))
        .ok_or_else(|| AppError::not_found("library"))
}

/// Creates (id 0) or changes a library; the catalogue's searches follow.
pub async fn save_channel_library(
    state: &AppState,
    who: &Staff,
    input: &LibraryForSave,
) -> AppResult<ChannelLibrary> {
    edit(who)?;
    input.check()?;
    let mut lib = input.clone();
    lib.name = lib.name.trim().to_owned();
    let created = lib.id == 0;
    if created {
        lib.id = new_id();
    }
    if !repo::save(&state.db, &lib, created, state.now()).await? {
        return Err(AppError::not_found("library"));
    }
    let chs = all_channels(state).await?;
    Ok(ChannelLibrary {
        id: lib.id,
        channels: lib.members(chs.iter()).len() as u32,
        name: lib.name,
        rules: lib.rules,
        include: lib.include,
        exclude: lib.exclude,
    })
}

/// Deletes a library no price level uses: one conditional DELETE, then,
/// only when it deleted nothing, whether the library is there at all.
pub async fn delete_channel_library(state: &AppState, who: &Staff, id: Id) -> AppResult<()> {
    edit(who)?;
    if repo::delete_unused(&state.db, id).await? {
        return Ok(());
    }
    match repo::exists(&state.db, id).await? {
        true => Err(AppError::conflict("id", ErrorKey::LibraryInUse)),
        false => Err(AppError::not_found("library")),
    }
}

/// The channels `libraries` hold together, or None (every channel) when
/// the list is empty.
pub async fn allowed_channels(
    state: &AppState,
    libraries: &[Id],
    catalogue: &crate::pricing::Catalogue,
) -> AppResult<Option<HashSet<Id>>> {
    if libraries.is_empty() {
        return Ok(None);
    }
    let libs = repo::all(&state.db).await?;
    let mut ids = HashSet::new();
    for l in libs.iter().filter(|l| libraries.contains(&l.id)) {
        ids.extend(l.as_input().members(catalogue.channels()));
    }
    Ok(Some(ids))
}

/// The tag list, by name (查询线路标签下拉).
pub async fn list_channel_tags(state: &AppState, who: &Staff) -> AppResult<Vec<String>> {
    read(who)?;
    repo::tags(&state.db).await
}

/// Adds a tag (1–20 characters); one already there is a conflict on `name`.
pub async fn add_channel_tag(state: &AppState, who: &Staff, name: &str) -> AppResult<()> {
    edit(who)?;
    let name = name.trim();
    if !(1..=20).contains(&name.chars().count()) {
        return Err(AppError::validation("name", ErrorKey::TagInvalid));
    }
    match repo::insert_tag(&state.db, name, state.now()).await? {
        true => Ok(()),
        false => Err(AppError::conflict("name", ErrorKey::Duplicate)),
    }
}

/// Deletes a tag no channel carries: one conditional DELETE, then, only
/// when it deleted nothing, whether the tag is there at all.
pub async fn delete_channel_tag(state: &AppState, who: &Staff, name: &str) -> AppResult<()> {
    edit(who)?;
    if repo::delete_unused_tag(&state.db, name).await? {
        return Ok(());
    }
    match repo::tag_exists(&state.db, name).await? {
        true => Err(AppError::conflict("name", ErrorKey::TagInUse)),
        false => Err(AppError::not_found("tag")),
    }
}

/// Each of a channel's tags must be in the list.
pub(super) async fn check_tags(state: &AppState, ch: &Channel) -> AppResult<()> {
    let known = repo::tags(&state.db).await?;
    match ch.tags.iter().position(|t| !known.contains(t)) {
        Some(i) => Err(AppError::validation(
            &format!("tags[{i}]"),
            ErrorKey::TagUnknown,
        )),
        None => Ok(()),
    }
}
