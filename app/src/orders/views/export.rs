//! 导出 CSV / 导出 Excel of an order list as filtered, with a progress bar:
//! the page gives each export an id of its own (`progress=` in the
//! download's URL), the browser downloads the file as usual, and the page
//! reads how far the server has got (`get_export_progress`) every
//! [`POLL_MS`] until the file is complete or has failed. While one export
//! runs the links wait. Rendered on the server, the links download without
//! progress until the page has hydrated.

use leptos::prelude::*;
use shipdesk::orders::{ExportProgress, OrderFilter};

use crate::i18n::t;
use crate::orders::text as orders;

/// How often a running export's progress is read.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const POLL_MS: u64 = 600;
/// A download the server never sees (refused, cancelled) stops being
/// followed after this many reads.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const MAX_POLLS: u32 = 1000;

/// `a b` → `a%20b`: a query value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// The filter as the export's query parameters.
pub fn export_query(f: &OrderFilter) -> Vec<(&'static str, String)> {
    let mut q = vec![];
    if let Some(s) = f.status {
        q.push(("status", s.as_str().to_owned()));
    }
    let texts = [
        ("from", &f.from),
        ("to", &f.to),
        ("destination", &f.destination),
        ("q", &f.q),
    ];
    for (k, v) in texts {
        if let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            q.push((k, v.to_owned()));
        }
    }
    if let Some(c) = f.company_id {
        q.push(("company_id", c.to_string()));
    }
    if f.quick_only {
        q.push(("quick_only", "true".to_owned()));
    }
    q
}

/// `/orders/export.csv?status=booked&progress=…`.
fn href(ext: &str, filter: &OrderFilter, progress: &str) -> String {
    let mut q = export_query(filter);
    if !progress.is_empty() {
        q.push(("progress", progress.to_owned()));
    }
    let q = q
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    match q.is_empty() {
        true => format!("/orders/export.{ext}"),
        false => format!("/orders/export.{ext}?{q}"),
    }
}

/// A fresh export id (in the browser; empty on the server).
fn new_id() -> String {
    #[cfg(feature = "hydrate")]
    {
        let r = (js_sys::Math::random() * 1e15) as u64;
        format!("x{:x}{:x}", js_sys::Date::now() as u64, r)
    }
    #[cfg(not(feature = "hydrate"))]
    String::new()
}

#[component]
pub fn ExportLinks(
    /// The list's filter as shown.
    #[prop(into)]
    filter: Signal<OrderFilter>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let id = RwSignal::new(String::new());
    // The id is made in the browser, so the server's links have none.
    Effect::new(move |_| id.set(new_id()));
    let running = RwSignal::new(false);
    let progress = RwSignal::new(None::<ExportProgress>);
    let start = move |_| {
        if running.get_untracked() || id.get_untracked().is_empty() {
            return;
        }
        running.set(true);
        progress.set(Some(ExportProgress::default()));
        follow(id.get_untracked(), running, progress, id);
    };
    let link = move |ext: &'static str, label, cls: &'static str| {
        view! {
            <a
                href=move || href(ext, &filter.get(), &id.get())
                class=move || {
                    let wait = if running.get() { "pointer-events-none opacity-50" } else { "" };
                    format!("{cls} text-slate-600 hover:text-sky-700 {wait}")
                }
                aria-disabled=move || running.get().to_string()
                download
                on:click=start
            >
                {move || t(label)}
            </a>
        }
    };
    view! {
        <div class=format!("export-links {class}")>
            <div class="flex items-center justify-center gap-4 text-sm">
                {link("csv", orders::EXPORT_CSV, "export-csv")}
                {link("xlsx", orders::EXPORT_XLSX, "export-xlsx")}
            </div>
            {move || progress.get().map(|p| view! { <Bar p /> })}
        </div>
    }
}

/// Reads the export's progress until it is complete, has failed or was
/// never seen; then the next export gets a new id.
#[allow(unused_variables)]
fn follow(
    export: String,
    running: RwSignal<bool>,
    progress: RwSignal<Option<ExportProgress>>,
    id: RwSignal<String>,
) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        use crate::orders::api::get_export_progress;
        for _ in 0..MAX_POLLS {
            gloo_sleep(POLL_MS).await;
            if let Ok(p) = get_export_progress(export.clone()).await {
                let over = p.finished || p.failed;
                progress.set(Some(p));
                if over {
                    break;
                }
            }
        }
        running.set(false);
        id.set(new_id());
    });
}

/// Waits `ms` in the browser.
#[cfg(feature = "hydrate")]
async fn gloo_sleep(ms: u64) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// The export's state as a line and a bar.
#[component]
fn Bar(p: ExportProgress) -> impl IntoView {
    let pct = match p.total {
        0 => 0,
        t => (p.done * 100 / t).clamp(0, 100),
    };
    let (line, tone): (Box<dyn Fn() -> String + Send + Sync>, &str) = match p {
        ExportProgress { failed: true, .. } => (
            Box::new(|| t(orders::EXPORT_FAILED).to_owned()),
            "text-red-600",
        ),
        ExportProgress {
            finished: true,
            total,
            ..
        } => (
            Box::new(move || orders::export_done(total)),
            "text-emerald-700",
        ),
        ExportProgress { started: false, .. } => (
            Box::new(|| t(orders::EXPORT_PREPARING).to_owned()),
            "text-slate-500",
        ),
        ExportProgress { done, total, .. } if done >= total => (
            Box::new(|| t(orders::EXPORT_ZIPPING).to_owned()),
            "text-slate-500",
        ),
        ExportProgress { done, total, .. } => (
            Box::new(move || orders::export_writing(done, total)),
            "text-slate-600",
        ),
    };
    let state = match (p.failed, p.finished) {
        (true, _) => "failed",
        (_, true) => "finished",
        _ => "running",
    };
    let width = if p.finished { 100 } else { pct };
    view! {
        <div class="export-progress mt-2 mx-auto max-w-xs" data-state=state role="status">
            <p class=format!("export-line text-xs text-center {tone}")>{line}</p>
            <div class="mt-1 h-1.5 rounded-full bg-slate-200 overflow-hidden">
                <div
                    class="h-full bg-sky-600 transition-all"
                    style=format!("width: {width}%")
                ></div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shipdesk::orders::OrderStatus;

    #[test]
    fn the_filter_travels_as_query_parameters_with_the_progress_id() {
        let f = OrderFilter {
            status: Some(OrderStatus::Departed),
            from: Some("2026-12-01".into()),
            q: Some(" 星辰 A&B ".into()),
            quick_only: true,
            ..Default::default()
        };
        assert_eq!(
            href("csv", &f, "x1a2b3c4d"),
            "/orders/export.csv?status=departed&from=2026-12-01\
             &q=%E6%98%9F%E8%BE%B0%20A%26B&quick_only=true&progress=x1a2b3c4d"
        );
        assert_eq!(
            href("xlsx", &OrderFilter::default(), ""),
            "/orders/export.xlsx"
        );
    }
}
