//! Attachments: authorised before the body is read, streamed and counted,
//! the daily quota under parallel uploads, nothing left by failed uploads,
//! and the sweep of attachments no message names.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

use super::*;
use crate::chat::service::attachment;
use crate::error::{AppError, AppResult};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-not-a-real-image";
const HOUR: i64 = 3600 * 1000;

/// The world, with its own upload folder, a 1 KB size limit and a daily
/// quota of `daily` bytes.
async fn uploads_world(daily: u64) -> World {
    let mut w = world(None).await;
    let mut config = (*w.state.config).clone();
    config.upload_dir = std::env::temp_dir().join(format!("sd-att-{}", crate::db::new_id()));
    config.upload_max_bytes = 1024;
    config.upload_daily_bytes = daily;
    w.state.config = Arc::new(config);
    w
}

async fn upload(
    w: &World,
    m: &Member,
    conv: Id,
    name: &str,
    bytes: &[u8],
) -> AppResult<Attachment> {
    let len = Some(bytes.len() as u64);
    attachment::upload(&w.state, &member(m), conv, name, len, bytes).await
}

async fn used(w: &World, m: &Member) -> i64 {
    let day = attachment::quota_day(w.state.now());
    repo::attachment::quota_used(&w.state.db, (SenderKind::Member, m.id), day)
        .await
        .unwrap()
}

/// Names of the files in the upload folder.
fn files(w: &World) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(&w.state.config.upload_dir) else {
        return vec![];
    };
    let mut names: Vec<String> = dir
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A body that must never be read.
struct Untouchable;

impl AsyncRead for Untouchable {
    fn poll_read(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        _: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        panic!("the body was read before the caller was authorised")
    }
}

/// A body that breaks off after some bytes, like a dropped connection.
struct CutOff(bool);

impl AsyncRead for CutOff {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.0 {
            return Poll::Ready(Err(std::io::ErrorKind::ConnectionReset.into()));
        }
        self.0 = true;
        buf.put_slice(PNG);
        Poll::Ready(Ok(()))
    }
}

#[tokio::test]
async fn strangers_are_refused_before_the_body_is_read() {
    let w = uploads_world(10_000).await;
    let conv = open(&w, &w.alice).await;
    let outsider = testing::staff(&w.state, "ops_a", &["ops"]).await;
    for who in [member(&w.bob), staff(&outsider)] {
        let e = attachment::upload(&w.state, &who, conv.id, "a.png", Some(5 << 20), Untouchable)
            .await
            .unwrap_err();
        assert!(
            matches!(e, AppError::NotFound { .. } | AppError::Forbidden),
            "{e:?}"
        );
    }
    // A declared length past the limit is refused unread too.
    let e = attachment::upload(
        &w.state,
        &member(&w.alice),
        conv.id,
        "a.png",
        Some(1025),
        Untouchable,
    )
    .await
    .unwrap_err();
    assert_eq!(e.key(), "attachment.too_large");
    assert_eq!(used(&w, &w.alice).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn uploads_stop_at_the_daily_quota_even_when_parallel() {
    let size = PNG.len() as i64;
    let w = Arc::new(uploads_world(3 * size as u64).await);
    let conv = open(&w, &w.alice).await;
    let tries = (0..8).map(|i| {
        let (w, conv) = (w.clone(), conv.id);
        tokio::spawn(async move { upload(&w, &w.alice, conv, &format!("{i}.png"), PNG).await })
    });
    let mut stored = 0;
    for t in tries {
        match t.await.unwrap() {
            Ok(_) => stored += 1,
            Err(AppError::RateLimited { retry_after_secs }) => {
                assert!(retry_after_secs > 0 && retry_after_secs <= 24 * 3600)
            }
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(stored, 3);
    assert_eq!(used(&w, &w.alice).await, 3 * size);
    assert_eq!(files(&w).len(), 3);
    // Another member has their own quota; the next day starts afresh.
    let other = open(&w, &w.bob).await;
    assert!(upload(&w, &w.bob, other.id, "b.png", PNG).await.is_ok());
    w.state.clock.advance(24 * HOUR);
    assert!(upload(&w, &w.alice, conv.id, "next.png", PNG).await.is_ok());
}

#[tokio::test]
async fn a_failed_upload_leaves_no_file_and_gives_its_quota_back() {
    let w = uploads_world(10_000).await;
    let conv = open(&w, &w.alice).await;
    let me = member(&w.alice);
    let refused = upload(&w, &w.alice, conv.id, "setup.exe", b"MZ\x90\x00rest").await;
    assert_eq!(refused.unwrap_err().key(), "attachment.type_refused");
    // Without a declared length the limit is found by counting.
    let big = [PNG, &[0u8; 2048]].concat();
    let e = attachment::upload(&w.state, &me, conv.id, "big.png", None, &big[..])
        .await
        .unwrap_err();
    assert_eq!(e.key(), "attachment.too_large");
    // More bytes than declared are too large as well.
    let e = attachment::upload(&w.state, &me, conv.id, "a.png", Some(10), PNG)
        .await
        .unwrap_err();
    assert_eq!(e.key(), "attachment.too_large");
    let e = attachment::upload(&w.state, &me, conv.id, "cut.png", None, CutOff(false))
        .await
        .unwrap_err();
    assert_eq!(e.key(), "attachment.incomplete");
    let empty = attachment::upload(&w.state, &me, conv.id, "e.png", None, &b""[..]).await;
    assert_eq!(empty.unwrap_err().key(), "attachment.empty");
    assert_eq!(used(&w, &w.alice).await, 0);
    assert_eq!(files(&w), Vec::<String>::new());

    // One of unknown length holds the limit while under way, then keeps its size.
    let att = attachment::upload(&w.state, &me, conv.id, "ok.png", None, PNG)
        .await
        .unwrap();
    assert_eq!(used(&w, &w.alice).await, PNG.len() as i64);
    assert_eq!(files(&w), vec![att.key]);
}

#[tokio::test]
async fn a_message_names_only_an_attachment_uploaded_within_half_a_day() {
    let w = uploads_world(10_000).await;
    let conv = open(&w, &w.alice).await;
    let att = upload(&w, &w.alice, conv.id, "bill.pdf", b"%PDF-1.4 x")
        .await
        .unwrap();
    w.state.clock.advance(13 * HOUR);
    let file = MessageForSend {
        kind: MessageKind::File,
        ..text(conv.id, "f-1", &att.key)
    };
    let e = send::send_message(&w.state, &member(&w.alice), &file)
        .await
        .unwrap_err();
    assert_eq!(e.key(), "attachment.unknown");
}

#[tokio::test]
async fn attachments_no_message_names_are_swept_a_day_after_their_upload() {
    let w = uploads_world(10_000).await;
    let conv = open(&w, &w.alice).await;
    let me = member(&w.alice);
    let sent = upload(&w, &w.alice, conv.id, "sent.png", PNG)
        .await
        .unwrap();
    let unsent = upload(&w, &w.alice, conv.id, "unsent.png", PNG)
        .await
        .unwrap();
    let recalled = upload(&w, &w.alice, conv.id, "recalled.pdf", b"%PDF-1.4 x")
        .await
        .unwrap();
    let image = MessageForSend {
        kind: MessageKind::Image,
        ..text(conv.id, "img-1", &sent.key)
    };
    send::send_message(&w.state, &me, &image).await.unwrap();
    let file = MessageForSend {
        kind: MessageKind::File,
        ..text(conv.id, "file-1", &recalled.key)
    };
    let (msg, _) = send::send_message(&w.state, &me, &file).await.unwrap();
    message::recall(&w.state, &me, conv.id, msg.seq)
        .await
        .unwrap();
    assert_eq!(
        attachment::sweep(&w.state).await.unwrap(),
        0,
        "all still young"
    );

    w.state.clock.advance(25 * HOUR);
    let fresh = upload(&w, &w.alice, conv.id, "fresh.png", PNG)
        .await
        .unwrap();
    assert_eq!(attachment::sweep(&w.state).await.unwrap(), 2);
    let exists = |key: String| {
        let db = w.state.db.clone();
        async move { repo::attachment::by_key(&db, &key).await.unwrap().is_some() }
    };
    assert!(exists(sent.key.clone()).await);
    assert!(exists(fresh.key.clone()).await);
    assert!(!exists(unsent.key.clone()).await);
    assert!(!exists(recalled.key.clone()).await);
    let mut kept = vec![sent.key, fresh.key];
    kept.sort();
    assert_eq!(files(&w), kept);
}
