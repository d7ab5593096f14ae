//! The memory of the quote catalogue of 100,000 price rows (500 channels ×
//! 20 zones × 10 breaks), as a counting global allocator sees it: the
//! channels as loaded, then the catalogue built from them, then what one
//! search allocates. `cargo bench -p shipdesk --bench quote_memory`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use shipdesk::pricing::{search, Catalogue};

mod support;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn mib(bytes: usize) -> String {
    format!("{:.2} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    let start = live();
    let channels = support::channels(500, 20, 10);
    let loaded = live() - start;
    let cat = Catalogue::new(channels).unwrap();
    let built = live() - start;
    let q = support::query(true);
    PEAK.store(live(), Ordering::Relaxed);
    let before = live();
    let plans = search(&cat, &q, support::today());
    let search_peak = PEAK.load(Ordering::Relaxed) - before;
    let held = live() - before;
    println!(
        "channels as loaded (500 × 20 zones × 10 breaks): {}",
        mib(loaded)
    );
    println!(
        "catalogue with its indexes: {} ({} bytes a price row)",
        mib(built),
        built / 100_000
    );
    println!(
        "one search: {} plans held in {}, peak {} above the catalogue",
        plans.len(),
        mib(held),
        mib(search_peak)
    );
}
