//! The selected plan's total and 保存报价: a sticky bar (on a phone, above
//! the tab bar), the saved quote's number and link once saved; staff pick
//! the customer company first. A customer books the saved quote from there
//! (自定制下单: search, pick the plan, save, 立即下单).

use leptos::prelude::*;
use shipdesk::pricing::{Plan, SavedQuote};
use shipdesk::{AppError, Money};

use super::company_pick::CompanyPick;
use super::Portal;
use crate::components::ErrorBanner;
use crate::i18n::t;
use crate::pricing::text as pricing;

#[component]
pub fn SaveBar(
    portal: Portal,
    #[prop(into)] plan: Signal<Option<Plan>>,
    #[prop(into)] saved: Signal<Option<SavedQuote>>,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(into)] pending: Signal<bool>,
    company: RwSignal<String>,
    on_save: Callback<()>,
) -> impl IntoView {
    let place = match portal {
        Portal::H5 => "fixed inset-x-0 z-20 border-t shadow-[0_-2px_8px_rgba(0,0,0,0.06)]",
        _ => "sticky top-2 z-10 border rounded-xl shadow-md",
    };
    // On a phone the bar sits on the tab bar (4rem and the safe area).
    let style = (portal == Portal::H5)
        .then_some("bottom: calc(3.4rem + 1px + env(safe-area-inset-bottom))");
    let base = portal.quotes();
    view! {
        <div class=format!("save-bar bg-white border-slate-200 {place}") style=style>
            <div class="max-w-md md:max-w-none mx-auto px-3 py-2">
                <ErrorBanner error all=true />
                {move || {
                    saved
                        .get()
                        .map(|q| {
                            view! {
                                <div
                                    class="saved notice mb-2 rounded-lg bg-emerald-50 border border-emerald-200 text-emerald-700 px-3 py-1.5 text-sm"
                                    role="status"
                                >
                                    {move || t(pricing::SAVED)}
                                    " "
                                    <a
                                        class="saved-number font-mono font-semibold underline"
                                        href=format!("{base}/{}", q.number)
                                    >
                                        {q.number.clone()}
                                    </a>
                                    {(portal != Portal::Admin)
                                        .then(|| {
                                            view! {
                                                " · "
                                                <a
                                                    class="book-saved font-semibold underline"
                                                    href=format!("{base}/{}/book", q.number)
                                                >
                                                    {move || t(pricing::BOOK_NOW)}
                                                </a>
                                            }
                                        })}
                                </div>
                            }
                        })
                }}
                {(portal == Portal::Admin)
                    .then(|| {
                        view! {
                            <div class="mb-2">
                                <CompanyPick value=company />
                            </div>
                        }
                    })}
                <div class="flex items-center justify-between gap-3">
                    <div class="min-w-0">
                        <div class="text-xs text-slate-500 truncate">
                            {move || match plan.get() {
                                Some(p) => format!("{} · {}", t(pricing::SELECTED), p.channel.name),
                                None => t(pricing::NONE_SELECTED).to_owned(),
                            }}
                        </div>
                        <div class="selected-total text-xl font-bold text-sky-700 tabular-nums">
                            {move || {
                                plan.get()
                                    .map(|p| Money::from_fen(p.total_fen).format_yuan())
                                    .unwrap_or_else(|| "—".into())
                            }}
                        </div>
                    </div>
                    <button
                        type="button"
                        class="save-quote shrink-0 rounded-lg bg-sky-600 text-white px-5 py-2.5 font-medium disabled:opacity-50"
                        disabled=move || pending.get() || plan.with(|p| p.is_none())
                        on:click=move |_| on_save.run(())
                    >
                        {move || if pending.get() { t(pricing::SAVING) } else { t(pricing::SAVE) }}
                    </button>
                </div>
            </div>
        </div>
    }
}
