//! Who is signed in, for the pages: `StaffGuard` renders its page for a
//! signed-in staff member (and provides `CurrentStaff` to everything inside
//! it), `MemberGuard` for a signed-in customer; anyone else is sent to sign
//! in with `?next=` back to where they were going.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use shipdesk::auth::{Member, Principal, Staff};

use crate::auth::api::current_user;
use crate::components::Loading;

/// The signed-in staff member, for the pages inside a `StaffGuard`.
#[derive(Clone)]
pub struct CurrentStaff(pub Staff);

/// Renders `page` for a signed-in staff member; redirects others to `login`.
#[component]
pub fn StaffGuard<F, V>(login: &'static str, page: F) -> impl IntoView
where
    F: Fn(Staff) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let user = Resource::new(|| (), |_| current_user());
    let location = use_location();
    view! {
        <Suspense fallback=|| {
            view! {
                <div class="p-6">
                    <Loading />
                </div>
            }
        }>
            {move || {
                let page = page.clone();
                Suspend::new(async move {
                    match user.await {
                        Ok(Some(Principal::Staff(staff))) => {
                            provide_context(CurrentStaff(staff.clone()));
                            page(staff).into_any()
                        }
                        _ => {
                            let here = location.pathname.get_untracked();
                            view! { <Redirect path=format!("{login}?next={here}") /> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// Renders `page` for a signed-in member; redirects others to `login`.
#[component]
pub fn MemberGuard<F, V>(login: &'static str, page: F) -> impl IntoView
where
    F: Fn(Member) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let user = Resource::new(|| (), |_| current_user());
    let location = use_location();
    view! {
        <Suspense fallback=|| {
            view! {
                <div class="p-6">
                    <Loading />
                </div>
            }
        }>
            {move || {
                let page = page.clone();
                Suspend::new(async move {
                    match user.await {
                        Ok(Some(Principal::Member(m))) => page(m).into_any(),
                        _ => {
                            let here = location.pathname.get_untracked();
                            view! { <Redirect path=format!("{login}?next={here}") /> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}
