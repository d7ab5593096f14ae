//! Files in conversations: a participant uploads bytes (within the size
//! limit and their daily quota, of an allowed type recognised by its first
//! bytes, not by what the client claims), gets a key, then sends a message
//! of kind image or file whose body names the key. Files are served only to
//! those who may read the conversation, under a name whose extension comes
//! from their type.
//!
//! Invariants:
//! - The caller is authorised, and their quota holds the upload's bytes,
//!   before a byte of the body is read; the body goes to a temporary file in
//!   the upload folder while it is counted, and is renamed into place only
//!   once it is complete, of an allowed type and within the limit.
//! - An upload that fails (refused, too large, cut off, dropped midway)
//!   leaves no file and gives its quota back; one that succeeds keeps only
//!   its real size.
//! - The quota (bytes per uploader per UTC day) is reserved by one
//!   conditional statement, so parallel uploads never pass it together.
//! - An attachment no message names is deleted a day after its upload
//!   ([`sweep`]); a message may name only attachments younger than half
//!   that, so the sweep never races a send.

use std::path::PathBuf;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};

use crate::auth::Principal;
use crate::chat::file_type::*;
use crate::chat::model::{Attachment, MessageKind, SenderKind};
use crate::chat::repo::attachment as repo;
use crate::chat::routing::Need;
use crate::chat::service;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

const DAY_MS: i64 = 24 * 3600 * 1000;
/// Attachments no message names are deleted this long after their upload.
pub const UNSENT_KEPT_MS: i64 = DAY_MS;
/// A message may name an attachment uploaded at most this long ago.
pub const SEND_WITHIN_MS: i64 = UNSENT_KEPT_MS / 2;

fn path_of(state: &AppState, key: &str) -> PathBuf {
    state.config.upload_dir.join(key)
}

fn internal(what: &'static str) -> impl Fn(std::io::Error) -> AppError {
    move |e| {
        tracing::error!(error = %e, "{what}");
        AppError::Internal
    }
}

/// The UTC day of an instant, as counted by the quota.
pub fn quota_day(now_ms: i64) -> i64 {
    now_ms.div_euclid(DAY_MS)
}

/// Stores an upload of `who` to a conversation they may write in. `len` is
/// the declared length of `body`, when known. Nothing is read from `body`
/// before `who` is authorised and the bytes are reserved in their quota.
pub async fn upload(
    state: &AppState,
    who: &Principal,
    conversation_id: Id,
    name: &str,
    len: Option<u64>,
    body: impl AsyncRead + Unpin,
) -> AppResult<Attachment> {
    let (conv, me) = service::authorize(state, who, conversation_id, Need::Act).await?;
    let name = clean_name(name)?;
    let max = state.config.upload_max_bytes as u64;
    let hold = match len {
        Some(0) => return Err(AppError::validation("file", ErrorKey::AttachmentEmpty)),
        Some(n) if n > max => {
            return Err(AppError::validation("file", ErrorKey::AttachmentTooLarge))
        }
        Some(n) => n,
        None => max,
    };
    let mut pending = Pending::reserve(state, (me.kind, me.id), hold as i64).await?;
    let key = format!(
        "{:016x}{:016x}",
        rand::random::<u64>(),
        rand::random::<u64>()
    );
    let (size, mime) = match pending.receive(&key, &name, body).await {
        Ok(got) => got,
        Err(e) => {
            pending.keep(0).await;
            return Err(e);
        }
    };
    let att = Attachment {
        key: key.clone(),
        conversation_id: conv.id,
        name: served_name(&name, mime),
        mime: mime.to_owned(),
        size,
        created_at: Timestamp(state.now()),
    };
    // Placing the file, writing its row and settling the quota run to the
    // end in their own task: a request dropped now cannot leave a file
    // without a row, or a stored attachment outside the quota.
    let (state, uploader) = (state.clone(), (me.kind, me.id));
    let finish = tokio::spawn(async move {
        let stored = async {
            pending.place(&att.key).await?;
            if let Err(e) = repo::insert(&state.db, &att, uploader.0, uploader.1).await {
                let _ = tokio::fs::remove_file(path_of(&state, &att.key)).await;
                return Err(e);
            }
            Ok(())
        }
        .await;
        pending
            .keep(if stored.is_ok() { att.size } else { 0 })
            .await;
        stored.map(|()| att)
    });
    finish.await.map_err(|e| {
        tracing::error!(error = %e, "storing an upload failed");
        AppError::Internal
    })?
}

/// An upload under way: its quota hold and its temporary file. Dropped
/// before [`Pending::keep`] (the request went away midway), it deletes the
/// file and gives the hold back from a spawned task.
struct Pending {
    state: AppState,
    uploader: (SenderKind, Id),
    day: i64,
    held: i64,
    part: Option<PathBuf>,
    kept: bool,
}

impl Pending {
    async fn reserve(state: &AppState, uploader: (SenderKind, Id), bytes: i64) -> AppResult<Self> {
        let now = state.now();
        let day = quota_day(now);
        let cap = state.config.upload_daily_bytes as i64;
        if !repo::reserve_quota(&state.db, uploader, day, bytes, cap, now).await? {
            let retry_after_secs = (((day + 1) * DAY_MS - now) / 1000 + 1) as u64;
            return Err(AppError::RateLimited { retry_after_secs });
        }
        Ok(Pending {
            state: state.clone(),
            uploader,
            day,
            held: bytes,
            part: None,
            kept: false,
        })
    }

    /// Writes `body` to `<key>.part`, at most the held bytes, and sniffs
    /// its type from the first bytes (refusing early). Its size and type.
    async fn receive(
        &mut self,
        key: &str,
        name: &str,
        mut body: impl AsyncRead + Unpin,
    ) -> AppResult<(i64, &'static str)> {
        let dir = &self.state.config.upload_dir;
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(internal("creating the upload folder failed"))?;
        let part = dir.join(format!("{key}.part"));
        let mut file = tokio::fs::File::create(&part)
            .await
            .map_err(internal("creating an upload file failed"))?;
        self.part = Some(part);
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        let mut mime = None;
        let mut size = 0_i64;
        let mut buf = vec![0_u8; 64 * 1024];
        loop {
            let n = body.read(&mut buf).await.map_err(|e| {
                tracing::info!(error = %e, "an upload was cut off");
                AppError::validation("file", ErrorKey::AttachmentIncomplete)
            })?;
            if n == 0 {
                break;
            }
            size += n as i64;
            if size > self.held {
                return Err(AppError::validation("file", ErrorKey::AttachmentTooLarge));
            }
            if mime.is_none() {
                let take = n.min(SNIFF_BYTES - head.len());
                head.extend_from_slice(&buf[..take]);
                if head.len() == SNIFF_BYTES {
                    mime = Some(sniff(name, &head)?);
                }
            }
            file.write_all(&buf[..n])
                .await
                .map_err(internal("writing an upload failed"))?;
        }
        if size == 0 {
            return Err(AppError::validation("file", ErrorKey::AttachmentEmpty));
        }
        let mime = match mime {
            Some(m) => m,
            None => sniff(name, &head)?,
        };
        file.flush()
            .await
            .map_err(internal("writing an upload failed"))?;
        Ok((size, mime))
    }

    /// Renames the complete file into place under its key.
    async fn place(&mut self, key: &str) -> AppResult<()> {
        let part = self.part.take().ok_or(AppError::Internal)?;
        let placed = tokio::fs::rename(&part, path_of(&self.state, key)).await;
        if let Err(e) = placed {
            self.part = Some(part);
            return Err(internal("placing an upload failed")(e));
        }
        Ok(())
    }

    /// Keeps `size` bytes of the hold (0 when the upload failed) and gives
    /// the rest back; deletes a temporary file still there.
    async fn keep(mut self, size: i64) {
        self.kept = true;
        if let Some(part) = self.part.take() {
            let _ = tokio::fs::remove_file(part).await;
        }
        let rest = self.held - size;
        if rest > 0 {
            let (state, uploader, day) = (&self.state, self.uploader, self.day);
            if let Err(e) = repo::release_quota(&state.db, uploader, day, rest, state.now()).await {
                tracing::warn!(error = %e, "giving back upload quota failed");
            }
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if self.kept {
            return;
        }
        if let Some(part) = self.part.take() {
            let _ = std::fs::remove_file(part);
        }
        let (state, uploader, day, held) = (self.state.clone(), self.uploader, self.day, self.held);
        let give_back = async move {
            if let Err(e) = repo::release_quota(&state.db, uploader, day, held, state.now()).await {
                tracing::warn!(error = %e, "giving back upload quota failed");
            }
        };
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            rt.spawn(give_back);
        }
    }
}

/// An attachment, its open file and its length, for someone who may read
/// its conversation.
pub async fn download(
    state: &AppState,
    who: &Principal,
    key: &str,
) -> AppResult<(Attachment, tokio::fs::File, u64)> {
    let att = repo::by_key(&state.db, key)
        .await?
        .ok_or_else(|| AppError::not_found("attachment"))?;
    // Someone who may not read the conversation learns nothing of the file.
    service::authorize(state, who, att.conversation_id, Need::Read)
        .await
        .map_err(|_| AppError::not_found("attachment"))?;
    let missing = |e: std::io::Error| {
        tracing::error!(error = %e, key, "attachment bytes missing");
        AppError::not_found("attachment")
    };
    let file = tokio::fs::File::open(path_of(state, &att.key))
        .await
        .map_err(missing)?;
    let len = file.metadata().await.map_err(missing)?.len();
    Ok((att, file, len))
}

/// The body of an image or file message: the attachment as JSON. `body`
/// must name (by key, or as that JSON) an attachment of the conversation
/// uploaded within [`SEND_WITHIN_MS`]. An image message must name an image.
pub async fn message_body(
    state: &AppState,
    conversation_id: Id,
    kind: MessageKind,
    body: &str,
) -> AppResult<String> {
    let key = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["key"].as_str().map(str::to_owned))
        .unwrap_or_else(|| body.trim().to_owned());
    let fresh_since = state.now() - SEND_WITHIN_MS;
    let att = repo::by_key(&state.db, &key)
        .await?
        .filter(|a| a.conversation_id == conversation_id && a.created_at.0 >= fresh_since)
        .ok_or_else(|| AppError::validation("body", ErrorKey::AttachmentUnknown))?;
    if kind == MessageKind::Image && !is_image(&att.mime) {
        return Err(AppError::validation("kind", ErrorKey::AttachmentNotImage));
    }
    // The sweep recognises a reference by this JSON starting with the key.
    Ok(serde_json::to_string(&att).unwrap_or_default())
}

/// Deletes attachments (row, then file) that no message names a day after
/// their upload, and quota rows of days before yesterday. How many
/// attachments went.
pub async fn sweep(state: &AppState) -> AppResult<usize> {
    const BATCH: i64 = 500;
    let now = state.now();
    let mut gone = 0;
    loop {
        let keys = repo::delete_unreferenced(&state.db, now - UNSENT_KEPT_MS, BATCH).await?;
        for key in &keys {
            match tokio::fs::remove_file(path_of(state, key)).await {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    tracing::warn!(error = %e, key, "deleting an unsent attachment failed");
                }
                _ => {}
            }
        }
        gone += keys.len();
        if (keys.len() as i64) < BATCH {
            break;
        }
    }
    repo::prune_quota(&state.db, quota_day(now) - 1).await?;
    Ok(gone)
}
