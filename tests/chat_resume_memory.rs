//! A resume over a long history keeps the server's memory bounded: with
//! 500 cursors for one conversation of 3,000 messages (9 MB of text) the
//! socket session never holds more than about one page of it. The counting
//! allocator below sees every Rust allocation of this test process (one
//! test, so nothing else runs meanwhile).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use shipdesk::auth::Principal;
use shipdesk::chat::live::socket::{Out, SocketSession, MAX_CURSORS, RESUME_CAP};
use shipdesk::chat::wire::{ClientMsg, Cursor, ServerMsg};
use shipdesk::testing;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const MESSAGES: usize = 3_000;
const BODY_CHARS: usize = 1_000;

/// Works through a resume as the transport does, dropping each step's
/// frames once "sent"; the message frames seen per step and in all.
async fn run_resume(sock: &mut SocketSession, cursors: Vec<Cursor>) -> (usize, Vec<ServerMsg>) {
    let mut out = vec![];
    let frame = serde_json::to_string(&ClientMsg::Resume { cursors }).unwrap();
    sock.on_frame(&frame, &mut out).await;
    let mut messages = 0;
    let mut synced = vec![];
    while sock.resuming() {
        sock.resume_next(&mut out).await;
        for o in out.drain(..) {
            let Out::Own(m) = o else { continue };
            match m {
                ServerMsg::Message { .. } => messages += 1,
                other => synced.push(other),
            }
        }
    }
    (messages, synced)
}

#[tokio::test]
async fn a_resume_of_500_cursors_over_a_long_history_holds_about_one_page() {
    let state = testing::test_state().await;
    let admin = testing::staff(&state, "root", &["admin"]).await;
    let desk = testing::desk(&state, &admin, "presales", None).await;
    testing::agent(&state, &admin, "cs_a", &[desk.id], 5).await;
    let company = testing::company(&state, &admin, "海通跨境", None).await;
    let alice = testing::member(&state, &admin, &company, "张三", "13900000001").await;
    let conv = shipdesk::chat::service::send::open_conversation(&state, &alice, desk.id)
        .await
        .unwrap();
    let body = "长".repeat(BODY_CHARS);
    testing::chat_history(&state, &conv, &alice, MESSAGES, &body).await;
    let history_bytes = MESSAGES * body.len();

    let mut sock = SocketSession::new(state.clone(), Principal::Member(alice.clone())).unwrap();
    let cursor = Cursor {
        conversation_id: conv.id,
        after_seq: 0,
    };
    // Once to warm pools and statement caches, then measured.
    run_resume(&mut sock, vec![cursor]).await;
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let (messages, synced) = run_resume(&mut sock, vec![cursor; MAX_CURSORS]).await;
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);

    assert_eq!(
        messages as i64, RESUME_CAP,
        "one page of the one conversation"
    );
    assert!(
        matches!(synced.as_slice(), [ServerMsg::Synced { last_seq, more: true, .. }] if *last_seq == RESUME_CAP),
        "{synced:?}"
    );
    let page_bytes = RESUME_CAP as usize * body.len();
    eprintln!("peak growth {peak} B; a page is {page_bytes} B, the history {history_bytes} B");
    assert!(
        peak < history_bytes / 2,
        "a resume held {peak} B: more than half the history ({history_bytes} B)"
    );
}
