//! The form that creates a staff account, with field errors from the server.

use leptos::prelude::*;
use shipdesk::auth::{Role, StaffForCreate};

use super::role_text;
use crate::auth::text as auth;
use crate::components::text as common;
use crate::components::{action_error, field_error, ErrorBanner, Field};
use crate::i18n::t;
use crate::staff::api::create_staff;
use crate::staff::text as staff;

#[component]
pub fn StaffForm(on_done: Callback<Option<String>>) -> impl IntoView {
    let account = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<String>::new());
    let create = Action::new(|input: &StaffForCreate| {
        let input = input.clone();
        async move { create_staff(input).await }
    });
    let error = action_error(create);
    Effect::new(move |_| {
        if let Some(Ok(created)) = create.value().get() {
            on_done.run(Some(created.name));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(StaffForCreate {
            account: account.get_untracked(),
            name: name.get_untracked(),
            password: password.get_untracked(),
            roles: roles.get_untracked(),
        });
    };
    view! {
        <form
            class="staff-form bg-white rounded-xl border border-slate-200 p-4 mb-4 grid grid-cols-1 md:grid-cols-2 gap-x-4"
            on:submit=submit
            novalidate
        >
            <div class="md:col-span-2">
                <ErrorBanner error=error />
            </div>
            <Field
                label=auth::LOGIN_ACCOUNT
                name="account"
                value=account
                error=Signal::derive(move || field_error(error.get(), "account"))
            />
            <Field
                label=staff::NAME
                name="name"
                value=name
                error=Signal::derive(move || field_error(error.get(), "name"))
            />
            <Field
                label=auth::LOGIN_PASSWORD
                name="password"
                kind="password"
                value=password
                autocomplete="new-password"
                error=Signal::derive(move || field_error(error.get(), "password"))
            />
            <fieldset class="mb-3">
                <legend class="text-sm font-medium text-slate-600 mb-1">
                    {move || t(staff::ROLES)}
                </legend>
                <div class="flex flex-wrap gap-3">
                    {Role::ALL
                        .iter()
                        .map(|r| {
                            let code = r.as_str().to_owned();
                            let k = role_text(*r);
                            let c2 = code.clone();
                            view! {
                                <label class="inline-flex items-center gap-1 text-sm">
                                    <input
                                        type="checkbox"
                                        name="roles"
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
                </div>
                <Show when=move || field_error(error.get(), "roles").is_some()>
                    <span class="field-error block text-sm text-red-600 mt-1" data-field="roles">
                        {move || field_error(error.get(), "roles")}
                    </span>
                </Show>
            </fieldset>
            <div class="md:col-span-2 flex gap-2">
                <button
                    type="submit"
                    class="rounded-lg bg-sky-600 text-white px-4 py-2 disabled:opacity-60"
                    disabled=move || create.pending().get()
                >
                    {move || {
                        if create.pending().get() { t(common::SAVING) } else { t(common::CREATE) }
                    }}
                </button>
                <button
                    type="button"
                    class="rounded-lg border border-slate-300 px-4 py-2"
                    on:click=move |_| on_done.run(None)
                >
                    {move || t(common::CANCEL)}
                </button>
            </div>
        </form>
    }
}
