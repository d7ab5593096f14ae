//! The states of loaded data, once for every page: a loading line while a
//! resource loads, its error in a banner, an empty state for an empty list,
//! and paging under a page of items. Pages pass what to draw of the data.

use leptos::prelude::*;
use shipdesk::{AppError, Page};

use super::{ErrorBanner, Pager};
use crate::components::text as common;
use crate::i18n::{t, Text};

/// The loading line (and the fallback of every `Loaded`).
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading text-sm text-slate-400">{move || t(common::LOADING)}</p> }
}

/// An empty state: one quiet line saying there is nothing yet.
#[component]
pub fn Empty(text: Text) -> impl IntoView {
    view! { <p class="empty-state text-sm text-slate-400">{move || t(text)}</p> }
}

/// `children(value)` once `resource` has loaded; its error in a banner.
#[component]
pub fn Loaded<T, F, V>(
    resource: Resource<Result<T, AppError>>,
    children: F,
    /// No loading line (for a part of a page that may stay blank a moment).
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=move || {
            (!quiet).then(|| view! { <Loading /> })
        }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => children(value).into_any(),
                        Err(e) => {
                            view! {
                                <ErrorBanner
                                    error=Signal::derive(move || Some(e.clone()))
                                    all=true
                                />
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// A loaded list: `empty` when it has no items, else `children(items)`.
#[component]
pub fn LoadedList<T, F, V>(
    resource: Resource<Result<Vec<T>, AppError>>,
    empty: Text,
    children: F,
    #[prop(optional)] quiet: bool,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(Vec<T>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Loaded
            resource
            quiet
            children={move |items: Vec<T>| {
                if items.is_empty() {
                    view! { <Empty text=empty /> }.into_any()
                } else {
                    children(items).into_any()
                }
            }}
        />
    }
}

/// A loaded page of items with the pager under it (`page` moves on a click).
#[component]
pub fn PagedList<T, F, V>(
    resource: Resource<Result<Page<T>, AppError>>,
    page: RwSignal<u32>,
    empty: Text,
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(Vec<T>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Loaded
            resource
            children={move |p: Page<T>| {
                if p.items.is_empty() {
                    return view! { <Empty text=empty /> }.into_any();
                }
                let size = i64::from(p.size.max(1));
                let pages = ((p.total + size - 1) / size).max(1) as u32;
                let (total, capped) = (p.total, p.capped);
                view! {
                    {children(p.items)}
                    <Pager
                        page=page
                        pages=Signal::stored(pages)
                        total=Signal::stored(total)
                        capped
                        on_page=Callback::new(move |n| page.set(n))
                    />
                }
                    .into_any()
            }}
        />
    }
}
