//! One staff row with its actions: edit roles, reset password, disable/enable.

use leptos::prelude::*;
use shipdesk::auth::{Role, Staff};

use super::role_text;
use crate::components::text as common;
use crate::components::{confirm, field_error, ErrorBanner};
use crate::i18n::{t, Text};
use crate::staff::api::{reset_staff_password, set_staff_disabled, set_staff_roles};
use crate::staff::text as staff_text;

#[derive(Clone, Copy, PartialEq)]
enum Editing {
    None,
    Roles,
    Password,
}

#[component]
pub fn StaffRow(staff: Staff, on_change: Callback<()>) -> impl IntoView {
    let id = staff.id;
    // Nobody disables themselves (the server refuses it too).
    let is_self = use_context::<crate::auth::CurrentStaff>().is_some_and(|c| c.0.id == id);
    let editing = RwSignal::new(Editing::None);
    let roles = RwSignal::new(
        staff
            .roles
            .iter()
            .map(|r| r.as_str().to_owned())
            .collect::<Vec<_>>(),
    );
    let password = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<Text>);
    let save_roles = Action::new(move |r: &Vec<String>| {
        let r = r.clone();
        async move { set_staff_roles(id, r).await.map(|_| ()) }
    });
    let reset = Action::new(move |p: &String| {
        let p = p.clone();
        async move { reset_staff_password(id, p).await }
    });
    let toggle = Action::new(move |d: &bool| {
        let d = *d;
        async move { set_staff_disabled(id, d).await.map(|_| ()) }
    });
    let error = Signal::derive(move || {
        save_roles
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| reset.value().get().and_then(|r| r.err()))
            .or_else(|| toggle.value().get().and_then(|r| r.err()))
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = save_roles.value().get() {
            editing.set(Editing::None);
            on_change.run(());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = reset.value().get() {
            editing.set(Editing::None);
            password.set(String::new());
            notice.set(Some(staff_text::PASSWORD_RESET));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = toggle.value().get() {
            on_change.run(());
        }
    });
    let disabled = staff.disabled;
    let on_toggle = move |_| {
        let go_ahead = !disabled && confirm(t(staff_text::CONFIRM_DISABLE)) || disabled;
        if go_ahead {
            toggle.dispatch(!disabled);
        }
    };
    let role_badges = staff.roles.iter().map(|r| { let k = role_text(*r); view! { <span class="inline-block mr-1 rounded bg-slate-100 px-2 py-0.5">{move || t(k)}</span> } }).collect_view();
    view! {
        <tr
            class="staff-row border-t border-slate-100 align-top"
            data-account=staff.account.clone()
        >
            <td class="px-4 py-2 font-mono">{staff.account.clone()}</td>
            <td class="px-4 py-2 whitespace-nowrap">{staff.name.clone()}</td>
            <td class="px-4 py-2 whitespace-nowrap">{role_badges}</td>
            <td class="px-4 py-2 whitespace-nowrap">
                {move || {
                    if disabled {
                        view! { <span class="text-red-600">{t(staff_text::DISABLED)}</span> }
                            .into_any()
                    } else {
                        view! { <span class="text-emerald-700">{t(staff_text::ACTIVE)}</span> }
                            .into_any()
                    }
                }}
            </td>
            <td class="px-4 py-2 text-slate-500 whitespace-nowrap">
                {staff.created_at.format_shanghai()}
            </td>
            <td class="px-4 py-2 whitespace-nowrap space-x-2">
                <button
                    type="button"
                    class="edit-roles text-sky-700 hover:underline"
                    on:click=move |_| editing.set(Editing::Roles)
                >
                    {move || t(staff_text::EDIT_ROLES)}
                </button>
                <button
                    type="button"
                    class="reset-password text-sky-700 hover:underline"
                    on:click=move |_| editing.set(Editing::Password)
                >
                    {move || t(staff_text::RESET_PASSWORD)}
                </button>
                <Show when=move || !is_self>
                    <button
                        type="button"
                        class="toggle-disabled text-sky-700 hover:underline"
                        on:click=on_toggle
                    >
                        {move || {
                            if disabled { t(staff_text::ENABLE) } else { t(staff_text::DISABLE) }
                        }}
                    </button>
                </Show>
            </td>
        </tr>
        <Show when=move || {
            editing.get() != Editing::None || error.get().is_some() || notice.get().is_some()
        }>
            <tr class="bg-slate-50">
                <td colspan="6" class="px-4 py-3">
                    <ErrorBanner error=error all=true />
                    {move || {
                        notice
                            .get()
                            .map(|k| {
                                view! { <p class="notice text-emerald-700 text-sm mb-2">{t(k)}</p> }
                            })
                    }}
                    <Show when=move || editing.get() == Editing::Roles>
                        <div class="flex flex-wrap items-center gap-3">
                            {Role::ALL
                                .iter()
                                .map(|r| {
                                    let code = r.as_str().to_owned();
                                    let c2 = code.clone();
                                    let k = role_text(*r);
                                    view! {
                                        <label class="inline-flex items-center gap-1 text-sm">
                                            <input
                                                type="checkbox"
                                                value=code.clone()
                                                prop:checked=move || roles.get().contains(&c2)
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let code = code.clone();
                                                    roles
                                                        .update(|v| {
                                                            v.retain(|x| *x != code);
                                                            if on {
                                                                v.push(code);
                                                            }
                                                        });
                                                }
                                            />
                                            {move || t(k)}
                                        </label>
                                    }
                                })
                                .collect_view()}
                            <button
                                type="button"
                                class="save-roles rounded bg-sky-600 text-white px-3 py-1"
                                on:click=move |_| {
                                    save_roles.dispatch(roles.get_untracked());
                                }
                            >
                                {move || t(common::SAVE)}
                            </button>
                            <button
                                type="button"
                                class="rounded border border-slate-300 px-3 py-1"
                                on:click=move |_| editing.set(Editing::None)
                            >
                                {move || t(common::CANCEL)}
                            </button>
                        </div>
                    </Show>
                    <Show when=move || editing.get() == Editing::Password>
                        <div class="flex flex-wrap items-center gap-2">
                            <input
                                type="password"
                                class="new-password rounded border border-slate-300 px-2 py-1"
                                autocomplete="new-password"
                                placeholder=move || t(staff_text::NEW_PASSWORD)
                                bind:value=password
                            />
                            <button
                                type="button"
                                class="save-password rounded bg-sky-600 text-white px-3 py-1"
                                on:click=move |_| {
                                    reset.dispatch(password.get_untracked());
                                }
                            >
                                {move || t(common::SAVE)}
                            </button>
                            <button
                                type="button"
                                class="rounded border border-slate-300 px-3 py-1"
                                on:click=move |_| editing.set(Editing::None)
                            >
                                {move || t(common::CANCEL)}
                            </button>
                            <span class="text-sm text-red-600">
                                {move || field_error(error.get(), "password")}
                            </span>
                        </div>
                    </Show>
                </td>
            </tr>
        </Show>
    }
}
