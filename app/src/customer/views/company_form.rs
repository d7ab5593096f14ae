//! Forms for creating and editing a company.

use leptos::prelude::*;
use shipdesk::customer::{Certification, CompanyDetail, CompanyForCreate, CompanyForUpdate};
use shipdesk::AppError;

use super::cert_text;
use crate::auth::CurrentStaff;
use crate::components::text as common;
use crate::components::{action_error, field_error, ClientOnly, ErrorBanner, Field};
use crate::customer::api::{create_company, list_salespeople, update_company};
use crate::customer::text as customer;
use crate::i18n::t;

#[component]
pub fn NewCompanyForm(on_done: Callback<Option<String>>) -> impl IntoView {
    let is_admin =
        use_context::<CurrentStaff>().is_some_and(|c| c.0.has(shipdesk::auth::Role::Admin));
    let name = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let contact_name = RwSignal::new(String::new());
    let contact_phone = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let sales = Resource::new(|| (), |_| list_salespeople());
    let create = Action::new(|i: &CompanyForCreate| {
        let i = i.clone();
        async move { create_company(i).await }
    });
    let error = action_error(create);
    Effect::new(move |_| {
        if let Some(Ok(created)) = create.value().get() {
            on_done.run(Some(created.name));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CompanyForCreate {
            name: name.get_untracked(),
            code: code.get_untracked(),
            owner_staff_id: owner.get_untracked().parse().ok(),
            contact_name: contact_name.get_untracked(),
            contact_phone: contact_phone.get_untracked(),
            address: address.get_untracked(),
        });
    };
    view! {
        <form
            class="company-form bg-white rounded-xl border border-slate-200 p-4 mb-4 grid grid-cols-1 md:grid-cols-2 gap-x-4"
            on:submit=submit
            novalidate
        >
            <div class="md:col-span-2">
                <ErrorBanner error=error />
            </div>
            <Field
                label=customer::NAME
                name="name"
                value=name
                error=Signal::derive(move || field_error(error.get(), "name"))
            />
            <Field
                label=customer::CODE
                name="code"
                value=code
                placeholder=customer::CODE_HINT
                error=Signal::derive(move || field_error(error.get(), "code"))
            />
            <Field
                label=customer::CONTACT_NAME
                name="contact_name"
                value=contact_name
                error=Signal::derive(move || field_error(error.get(), "contact_name"))
            />
            <Field
                label=customer::CONTACT_PHONE
                name="contact_phone"
                kind="tel"
                value=contact_phone
                error=Signal::derive(move || field_error(error.get(), "contact_phone"))
            />
            <Field
                label=customer::ADDRESS
                name="address"
                value=address
                error=Signal::derive(move || field_error(error.get(), "address"))
            />
            <Show when=move || is_admin>
                <label class="block mb-3">
                    <span class="block text-sm font-medium text-slate-600 mb-1">
                        {move || t(customer::OWNER)}
                    </span>
                    // Client-only, options with their select (no markers inside a <select>).
                    <ClientOnly>
                        <Suspense>
                            {move || Suspend::new(async move {
                                let options = sales
                                    .await
                                    .unwrap_or_default()
                                    .into_iter()
                                    .map(|(id, n)| {
                                        view! { <option value=id.to_string()>{n}</option> }
                                    })
                                    .collect_view();
                                view! {
                                    <select
                                        class="owner w-full rounded-lg border border-slate-300 px-3 py-2"
                                        on:change=move |ev| owner.set(event_target_value(&ev))
                                    >
                                        <option value="">{t(customer::NO_OWNER)}</option>
                                        {options}
                                    </select>
                                }
                            })}
                        </Suspense>
                    </ClientOnly>
                    <span class="text-sm text-red-600">
                        {move || field_error(error.get(), "owner_staff_id")}
                    </span>
                </label>
            </Show>
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

#[component]
pub fn EditCompanyForm(
    detail: CompanyDetail,
    on_saved: Callback<Result<CompanyDetail, AppError>>,
) -> impl IntoView {
    let c = detail.company;
    let id = c.id;
    let name = RwSignal::new(c.name);
    let contact_name = RwSignal::new(c.contact_name);
    let contact_phone = RwSignal::new(c.contact_phone);
    let address = RwSignal::new(c.address);
    let cert = RwSignal::new(c.certification.as_str().to_owned());
    let save = Action::new(move |u: &CompanyForUpdate| {
        let u = u.clone();
        async move { update_company(id, u).await }
    });
    let error = action_error(save);
    Effect::new(move |_| {
        if let Some(r) = save.value().get() {
            if r.is_ok() {
                on_saved.run(r);
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(CompanyForUpdate {
            name: name.get_untracked(),
            contact_name: contact_name.get_untracked(),
            contact_phone: contact_phone.get_untracked(),
            address: address.get_untracked(),
            certification: cert.get_untracked(),
        });
    };
    view! {
        <form
            class="edit-company bg-white rounded-xl border border-slate-200 p-4 grid grid-cols-1 md:grid-cols-2 gap-x-4"
            on:submit=submit
            novalidate
        >
            <div class="md:col-span-2">
                <ErrorBanner error=error />
            </div>
            <Field
                label=customer::NAME
                name="name"
                value=name
                error=Signal::derive(move || field_error(error.get(), "name"))
            />
            <Field
                label=customer::CONTACT_NAME
                name="contact_name"
                value=contact_name
                error=Signal::derive(move || field_error(error.get(), "contact_name"))
            />
            <Field
                label=customer::CONTACT_PHONE
                name="contact_phone"
                kind="tel"
                value=contact_phone
                error=Signal::derive(move || field_error(error.get(), "contact_phone"))
            />
            <Field
                label=customer::ADDRESS
                name="address"
                value=address
                error=Signal::derive(move || field_error(error.get(), "address"))
            />
            <label class="block mb-3">
                <span class="block text-sm font-medium text-slate-600 mb-1">
                    {move || t(customer::CERTIFICATION)}
                </span>
                <select
                    class="certification w-full rounded-lg border border-slate-300 px-3 py-2"
                    on:change=move |ev| cert.set(event_target_value(&ev))
                >
                    {Certification::ALL
                        .iter()
                        .map(|c| {
                            let k = cert_text(*c);
                            let v = c.as_str();
                            view! {
                                <option value=v selected=move || cert.get() == v>
                                    {move || t(k)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <div class="md:col-span-2">
                <button
                    type="submit"
                    class="rounded-lg bg-sky-600 text-white px-4 py-2 disabled:opacity-60"
                    disabled=move || save.pending().get()
                >
                    {move || if save.pending().get() { t(common::SAVING) } else { t(common::SAVE) }}
                </button>
            </div>
        </form>
    }
}
