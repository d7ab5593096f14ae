//! Adding members to a company and disabling them.

use leptos::prelude::*;
use shipdesk::customer::{CompanyDetail, MemberForCreate, MemberView};
use shipdesk::{AppError, Id};

use crate::auth::text as auth;
use crate::components::{confirm, field_error, ErrorBanner, Field};
use crate::customer::api::{add_member, set_member_disabled};
use crate::customer::text as customer;
use crate::i18n::t;
use crate::staff::text as staff;

#[component]
pub fn EditableMembers(
    company_id: Id,
    members: Vec<MemberView>,
    on_change: Callback<Result<CompanyDetail, AppError>>,
    /// Where a success is said (the page's, which outlives this list).
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let add = Action::new(move |m: &MemberForCreate| {
        let m = m.clone();
        async move { add_member(company_id, m).await }
    });
    let toggle = Action::new(move |(mid, d): &(Id, bool)| {
        let (mid, d) = (*mid, *d);
        async move { set_member_disabled(company_id, mid, d).await }
    });
    let error = Signal::derive(move || {
        add.value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| toggle.value().get().and_then(|r| r.err()))
    });
    Effect::new(move |_| {
        if let Some(r @ Ok(_)) = add.value().get() {
            notice.set(Some(customer::member_added(&name.get_untracked())));
            name.set(String::new());
            phone.set(String::new());
            on_change.run(r);
        }
    });
    Effect::new(move |_| {
        if let Some(r @ Ok(_)) = toggle.value().get() {
            on_change.run(r);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        notice.set(None);
        add.dispatch(MemberForCreate {
            name: name.get_untracked(),
            phone: phone.get_untracked(),
        });
    };
    let empty = members.is_empty();
    view! {
        {empty
            .then(|| {
                view! {
                    <p class="members-empty text-sm text-slate-400 mb-4">
                        {move || t(customer::NO_MEMBERS)}
                    </p>
                }
            })}
        <ul class="member-list divide-y divide-slate-100 mb-4">
            {members
                .into_iter()
                .map(|m| {
                    let (mid, disabled) = (m.id, m.disabled);
                    view! {
                        <li class="member flex items-center gap-4 py-2 text-sm">
                            <span class="font-medium w-32">{m.name}</span>
                            <span class="member-phone font-mono text-slate-600 flex-1">
                                {m.phone}
                            </span>
                            <span class="text-slate-400">{m.created_at.format_shanghai()}</span>
                            <button
                                type="button"
                                class="toggle-member text-sky-700 hover:underline"
                                on:click=move |_| {
                                    if disabled || confirm(t(customer::CONFIRM_DISABLE_MEMBER)) {
                                        toggle.dispatch((mid, !disabled));
                                    }
                                }
                            >
                                {move || {
                                    if disabled { t(staff::ENABLE) } else { t(staff::DISABLE) }
                                }}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <form
            class="add-member grid grid-cols-1 md:grid-cols-[1fr_1fr_auto] gap-x-3 items-start"
            on:submit=submit
            novalidate
        >
            <div class="md:col-span-3">
                <ErrorBanner error=error />
            </div>
            <Field
                label=customer::MEMBER_NAME
                name="member_name"
                value=name
                error=Signal::derive(move || field_error(error.get(), "name"))
            />
            <Field
                label=auth::LOGIN_PHONE
                name="member_phone"
                kind="tel"
                value=phone
                error=Signal::derive(move || field_error(error.get(), "phone"))
            />
            <button
                type="submit"
                class="mt-6 rounded-lg bg-sky-600 text-white px-4 py-2 disabled:opacity-60"
                disabled=move || add.pending().get()
            >
                {move || t(customer::ADD_MEMBER)}
            </button>
        </form>
    }
}
