//! Files in conversations: a participant uploads bytes (within the size
//! limit, of an allowed type recognised by its first bytes, not by what the
//! client claims), gets a key, then sends a message of kind image or file
//! whose body names the key. Files are served only to those who may read
//! the conversation, under a name whose extension comes from their type.

mod file_type;

use serde::{Deserialize, Serialize};

pub use self::file_type::*;
use super::routing::Need;
use super::service;
use crate::auth::Principal;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Timestamp};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub key: String,
    pub conversation_id: Id,
    pub name: String,
    pub mime: String,
    pub size: i64,
    pub created_at: Timestamp,
}

fn path_of(state: &AppState, key: &str) -> std::path::PathBuf {
    state.config.upload_dir.join(key)
}

/// Stores an upload of `who` to a conversation they may write in.
pub async fn upload(
    state: &AppState,
    who: &Principal,
    conversation_id: Id,
    name: &str,
    bytes: &[u8],
) -> AppResult<Attachment> {
    let (conv, me) = service::authorize(state, who, conversation_id, Need::Act).await?;
    if bytes.is_empty() {
        return Err(AppError::validation("file", "attachment.empty"));
    }
    if bytes.len() > state.config.upload_max_bytes {
        return Err(AppError::validation("file", "attachment.too_large"));
    }
    let name = clean_name(name)?;
    let mime = sniff(&name, bytes)?;
    let key = format!(
        "{:016x}{:016x}",
        rand::random::<u64>(),
        rand::random::<u64>()
    );
    let att = Attachment {
        key: key.clone(),
        conversation_id: conv.id,
        name: served_name(&name, mime),
        mime: mime.to_owned(),
        size: bytes.len() as i64,
        created_at: Timestamp(state.now()),
    };
    let dir = &state.config.upload_dir;
    let write = async {
        tokio::fs::create_dir_all(dir).await?;
        let tmp = dir.join(format!("{key}.part"));
        tokio::fs::write(&tmp, bytes).await?;
        tokio::fs::rename(&tmp, path_of(state, &key)).await
    };
    if let Err(e) = write.await {
        tracing::error!(error = %e, "storing an attachment failed");
        return Err(AppError::Internal);
    }
    if let Err(e) = super::attachment_repo::insert(&state.db, &att, me.kind, me.id).await {
        let _ = tokio::fs::remove_file(path_of(state, &key)).await;
        return Err(e);
    }
    Ok(att)
}

/// An attachment and its bytes, for someone who may read its conversation.
pub async fn download(
    state: &AppState,
    who: &Principal,
    key: &str,
) -> AppResult<(Attachment, Vec<u8>)> {
    let att = super::attachment_repo::by_key(&state.db, key)
        .await?
        .ok_or_else(|| AppError::not_found("attachment"))?;
    // Someone who may not read the conversation learns nothing of the file.
    service::authorize(state, who, att.conversation_id, Need::Read)
        .await
        .map_err(|_| AppError::not_found("attachment"))?;
    let bytes = tokio::fs::read(path_of(state, &att.key))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, key, "attachment bytes missing");
            AppError::not_found("attachment")
        })?;
    Ok((att, bytes))
}

/// The body of an image or file message: the attachment as JSON. `body`
/// must name (by key, or as that JSON) an attachment of the conversation.
/// An image message must name an image.
pub async fn message_body(
    state: &AppState,
    conversation_id: Id,
    kind: super::model::MessageKind,
    body: &str,
) -> AppResult<String> {
    let key = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["key"].as_str().map(str::to_owned))
        .unwrap_or_else(|| body.trim().to_owned());
    let att = super::attachment_repo::by_key(&state.db, &key)
        .await?
        .filter(|a| a.conversation_id == conversation_id)
        .ok_or_else(|| AppError::validation("body", "attachment.unknown"))?;
    if kind == super::model::MessageKind::Image && !is_image(&att.mime) {
        return Err(AppError::validation("kind", "attachment.not_image"));
    }
    Ok(serde_json::to_string(&att).unwrap_or_default())
}
