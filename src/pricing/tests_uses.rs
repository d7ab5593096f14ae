//! Deleting what something uses, on a real database (SQLite, or PostgreSQL
//! with `SHIPDESK_TEST_PG`): a library a price level uses and a tag a
//! channel carries stay, told apart from ones that are not there; the uses
//! follow every save, and the migration found the ones stored before it.

use super::repo::{channel as channels, level as levels, library as libraries};
use super::service;
use super::{LibraryForSave, LibraryRules, Mode, PriceLevel, PriceLevelForSave};
use crate::auth::Staff;
use crate::error::AppError;
use crate::state::{AppState, Config};
use crate::testing::{self, test_state};
use crate::ErrorKey;

async fn world() -> (AppState, Staff, Staff) {
    let state = test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let ops = testing::staff(&state, "ops", &["ops"]).await;
    assert!(service::seed_demo_channels(&state).await.unwrap() >= 30);
    (state, admin, ops)
}

fn air_only() -> LibraryForSave {
    LibraryForSave {
        name: "空派专线".into(),
        rules: LibraryRules {
            modes: vec![Mode::AirExpress],
            ..Default::default()
        },
        ..Default::default()
    }
}

fn level_with(libraries: Vec<crate::Id>) -> PriceLevelForSave {
    PriceLevelForSave {
        name: "空派客户".into(),
        libraries,
        ..Default::default()
    }
}

#[tokio::test]
async fn a_library_goes_only_once_no_level_uses_it_and_an_unknown_one_is_not_found() {
    let (state, admin, ops) = world().await;
    let lib = service::save_channel_library(&state, &ops, &air_only())
        .await
        .unwrap();
    let level = service::save_price_level(&state, &admin, &level_with(vec![lib.id]))
        .await
        .unwrap();

    let in_use = service::delete_channel_library(&state, &ops, lib.id).await;
    let mut freed = level_with(vec![]);
    freed.id = level.id;
    service::save_price_level(&state, &admin, &freed)
        .await
        .unwrap();
    let deleted = service::delete_channel_library(&state, &ops, lib.id).await;
    let again = service::delete_channel_library(&state, &ops, lib.id).await;
    let left = service::list_channel_libraries(&state, &ops).await.unwrap();

    assert_eq!(
        in_use.unwrap_err(),
        AppError::conflict("id", ErrorKey::LibraryInUse)
    );
    assert!(deleted.is_ok(), "{deleted:?}");
    assert_eq!(again.unwrap_err(), AppError::not_found("library"));
    assert!(left.is_empty());
}

#[tokio::test]
async fn a_level_naming_a_library_that_is_not_stored_is_refused_by_field_and_not_saved() {
    let (state, admin, ops) = world().await;
    let lib = service::save_channel_library(&state, &ops, &air_only())
        .await
        .unwrap();

    let refused =
        service::save_price_level(&state, &admin, &level_with(vec![lib.id, 424_242])).await;
    let levels = service::list_price_levels(&state, &admin).await.unwrap();

    assert_eq!(
        refused.unwrap_err(),
        AppError::validation("libraries[1]", ErrorKey::NotFound)
    );
    assert!(levels.is_empty(), "nothing saved half-way: {levels:?}");
}

#[tokio::test]
async fn a_deleted_level_takes_its_uses_with_it_and_frees_its_libraries() {
    let (state, admin, ops) = world().await;
    let lib = service::save_channel_library(&state, &ops, &air_only())
        .await
        .unwrap();
    let level = service::save_price_level(&state, &admin, &level_with(vec![lib.id, lib.id]))
        .await
        .unwrap();

    service::delete_price_level(&state, &admin, level.id)
        .await
        .unwrap();
    let deleted = service::delete_channel_library(&state, &ops, lib.id).await;

    assert!(deleted.is_ok(), "{deleted:?}");
}

#[tokio::test]
async fn a_tag_goes_once_its_last_channel_drops_it_and_the_demo_tags_are_in_use() {
    let (state, _, ops) = world().await;
    service::add_channel_tag(&state, &ops, "冷链专线")
        .await
        .unwrap();
    let row = &channels::all(&state.db).await.unwrap()[0];
    let mut ch = row.channel.clone();
    ch.tags.push("冷链专线".into());
    let tagged = service::save_channel(&state, &ops, &super::ChannelForSave { channel: ch })
        .await
        .unwrap();

    let in_use = service::delete_channel_tag(&state, &ops, "冷链专线").await;
    let demo_in_use = service::delete_channel_tag(&state, &ops, "包税").await;
    let mut untagged = tagged.clone();
    untagged.tags.retain(|t| t != "冷链专线");
    service::save_channel(&state, &ops, &super::ChannelForSave { channel: untagged })
        .await
        .unwrap();
    let deleted = service::delete_channel_tag(&state, &ops, "冷链专线").await;
    let again = service::delete_channel_tag(&state, &ops, "冷链专线").await;

    let in_use_err = AppError::conflict("name", ErrorKey::TagInUse);
    assert_eq!(in_use.unwrap_err(), in_use_err);
    assert_eq!(demo_in_use.unwrap_err(), in_use_err, "seeded with its uses");
    assert!(deleted.is_ok(), "{deleted:?}");
    assert_eq!(again.unwrap_err(), AppError::not_found("tag"));
}

#[tokio::test]
async fn a_channel_cannot_record_a_tag_the_list_no_longer_has() {
    let (state, _, _) = world().await;
    let mut ch = channels::all(&state.db).await.unwrap()[0].channel.clone();
    ch.tags = vec!["包税".into(), "刚删掉的".into()];

    let mut tx = state.db.begin().await.unwrap();
    let refused = channels::set_tag_uses(&mut tx, &ch, 1).await.unwrap();
    drop(tx);

    assert_eq!(refused, Some(1), "the key names the tag deleted meanwhile");
}

/// Stores a library, a level using it and a tagged channel on a database
/// migrated to just before the uses existed, then migrates the rest.
#[tokio::test]
async fn the_uses_stored_before_the_migration_are_read_from_the_json() {
    let url = testing::fresh_database_url().await;
    let db = crate::db::connect(&url).await.unwrap();
    let mut before = sqlx::migrate!("./migrations");
    before.migrations = before
        .migrations
        .iter()
        .filter(|m| m.version < 15)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    before.run(&db).await.unwrap();
    let mut ch = super::demo::catalogue(77, super::Date::from_ymd(2026, 12, 2).unwrap()).remove(0);
    ch.tags = vec!["包税".into(), "可走纺织品".into()];
    for tag in ["包税", "可走纺织品", "带电", "税"] {
        libraries::insert_tag(&db, tag, 1).await.unwrap();
    }
    channels::insert(&db, &ch, None, 1).await.unwrap();
    let lib = LibraryForSave {
        id: 12,
        ..air_only()
    };
    let other = LibraryForSave {
        id: 2,
        name: "另一个".into(),
        ..air_only()
    };
    libraries::save(&db, &lib, true, 1).await.unwrap();
    libraries::save(&db, &other, true, 1).await.unwrap();
    let level = PriceLevel {
        id: 5,
        name: "旧等级".into(),
        default_bp: 0,
        by_mode: vec![],
        libraries: vec![112, 12],
        is_default: false,
        companies: 0,
    };
    levels::insert(&db, &level, 1).await.unwrap();

    crate::db::migrate(&db).await.unwrap();
    let state = AppState::new(db, Config::default());
    let ops = testing::staff(&state, "ops", &["ops"]).await;
    let tags: Vec<_> = delete_tags(&state, &ops, &["包税", "可走纺织品", "带电", "税"]).await;
    let lib_used = service::delete_channel_library(&state, &ops, 12).await;
    let other_free = service::delete_channel_library(&state, &ops, 2).await;

    let in_use = Err(AppError::conflict("name", ErrorKey::TagInUse));
    assert_eq!(tags, [in_use.clone(), in_use, Ok(()), Ok(())]);
    assert_eq!(
        lib_used.unwrap_err(),
        AppError::conflict("id", ErrorKey::LibraryInUse)
    );
    assert!(other_free.is_ok(), "2 is not 12: {other_free:?}");
}

async fn delete_tags(state: &AppState, who: &Staff, tags: &[&str]) -> Vec<Result<(), AppError>> {
    let mut out = vec![];
    for t in tags {
        out.push(service::delete_channel_tag(state, who, t).await);
    }
    out
}
