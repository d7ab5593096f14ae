//! The form of a partner app, new or edited: name, roles, functions (by
//! domain), companies (all, or some), rate, who it may sign in. Errors
//! stand beside their fields.

use leptos::prelude::*;
use shipdesk::auth::Role;
use shipdesk::customer::CompanyFilter;
use shipdesk::partner::{PartnerApp, PartnerAppForCreate};
use shipdesk::Id;

use crate::components::{action_error, field_error, ErrorBanner, Field, Loaded, SubmitButton};
use crate::customer::api::list_companies;
use crate::i18n::t;
use crate::partner::api::*;
use crate::partner::text as partner;
use crate::staff::views::role_text;

/// A checkbox that adds `item` to `list` or takes it out.
fn toggle_in<T: PartialEq + Clone + Send + Sync + 'static>(
    list: RwSignal<Vec<T>>,
    item: T,
    on: bool,
) {
    list.update(|l| {
        l.retain(|x| *x != item);
        if on {
            l.push(item);
        }
    });
}

#[component]
pub fn AppForm(
    editing: Option<PartnerApp>,
    on_created: Callback<(PartnerApp, String)>,
    on_saved: Callback<PartnerApp>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let e = editing.clone();
    let name = RwSignal::new(e.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let roles = RwSignal::new(
        e.as_ref()
            .map(|a| a.roles.clone())
            .unwrap_or(vec![Role::Cs]),
    );
    let functions = RwSignal::new(e.as_ref().map(|a| a.functions.clone()).unwrap_or_default());
    let all = RwSignal::new(e.as_ref().map(|a| a.all_companies).unwrap_or(true));
    let companies = RwSignal::new(
        e.as_ref()
            .map(|a| a.company_ids.clone())
            .unwrap_or_default(),
    );
    let rate = RwSignal::new(e.as_ref().map(|a| a.rate_per_min).unwrap_or(60).to_string());
    let login_staff = RwSignal::new(
        e.as_ref()
            .map(|a| a.login_staff.join(","))
            .unwrap_or_default(),
    );
    let login_members = RwSignal::new(e.as_ref().map(|a| a.login_members).unwrap_or(false));
    let edit_id = e.map(|a| a.id);
    let save = Action::new(move |input: &PartnerAppForCreate| {
        let input = input.clone();
        async move {
            match edit_id {
                Some(id) => update_partner_app(id, input).await.map(|a| (a, None)),
                None => create_partner_app(input).await.map(|(a, s)| (a, Some(s))),
            }
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok((a, Some(s)))) => on_created.run((a, s)),
        Some(Ok((a, None))) => on_saved.run(a),
        _ => {}
    });
    let err = action_error(save);
    let fe = move |f: &'static str| Signal::derive(move || field_error(err.get(), f));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(PartnerAppForCreate {
            name: name.get_untracked(),
            roles: roles.get_untracked(),
            functions: functions.get_untracked(),
            all_companies: all.get_untracked(),
            company_ids: companies.get_untracked(),
            login_staff: login_staff
                .get_untracked()
                .split([',', '，'])
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            login_members: login_members.get_untracked(),
            // Not a number: zero, which the server refuses naming the field.
            rate_per_min: rate.get_untracked().trim().parse().unwrap_or(0),
        });
    };
    let known = Resource::new(|| (), |_| list_partner_functions());
    let company_list = Resource::new(
        || (),
        |_| list_companies(CompanyFilter::default(), Some(1), Some(100)),
    );
    view! {
        <form
            class="partner-form mt-3 bg-white rounded-xl border border-slate-200 p-4 max-w-3xl"
            on:submit=submit
        >
            <Field label=partner::NAME name="name" value=name error=fe("name") />
            <fieldset class="mb-3">
                <legend class="text-sm font-medium text-slate-600 mb-1">
                    {move || t(partner::ROLES)}
                </legend>
                <div class="flex flex-wrap gap-3 text-sm">
                    {Role::ALL
                        .into_iter()
                        .map(|r| {
                            view! {
                                <label class="flex items-center gap-1">
                                    <input
                                        type="checkbox"
                                        name="role"
                                        value=r.as_str()
                                        prop:checked=move || roles.get().contains(&r)
                                        on:change=move |e| toggle_in(
                                            roles,
                                            r,
                                            event_target_checked(&e),
                                        )
                                    />
                                    {move || t(role_text(r))}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
                <FieldError error=fe("roles") field="roles" />
            </fieldset>
            <fieldset class="mb-3">
                <legend class="text-sm font-medium text-slate-600 mb-1">
                    {move || t(partner::FUNCTIONS)}
                </legend>
                <Loaded
                    resource=known
                    children={move |list: Vec<(String, String)>| {
                        view! { <FunctionBoxes list functions /> }
                    }}
                />
                <FieldError error=fe("functions") field="functions" />
            </fieldset>
            <fieldset class="mb-3">
                <legend class="text-sm font-medium text-slate-600 mb-1">
                    {move || t(partner::COMPANIES)}
                </legend>
                <label class="flex items-center gap-1 text-sm">
                    <input
                        type="checkbox"
                        name="all_companies"
                        prop:checked=move || all.get()
                        on:change=move |e| all.set(event_target_checked(&e))
                    />
                    {move || t(partner::ALL_COMPANIES)}
                </label>
                <Show when=move || !all.get()>
                    <Loaded
                        resource=company_list
                        children={move |p: shipdesk::Page<shipdesk::customer::Company>| {
                            if p.items.is_empty() {
                                return view! {
                                    <p class="text-sm text-slate-400">{t(partner::NO_COMPANIES)}</p>
                                }
                                    .into_any();
                            }
                            view! {
                                <div class="partner-companies mt-1 flex flex-wrap gap-3 text-sm">
                                    {p
                                        .items
                                        .into_iter()
                                        .map(|c| {
                                            let cid: Id = c.id;
                                            view! {
                                                <label class="flex items-center gap-1">
                                                    <input
                                                        type="checkbox"
                                                        name="company"
                                                        prop:checked=move || companies.get().contains(&cid)
                                                        on:change=move |e| toggle_in(
                                                            companies,
                                                            cid,
                                                            event_target_checked(&e),
                                                        )
                                                    />
                                                    {c.name.clone()}
                                                    <span class="text-slate-400">{c.code.clone()}</span>
                                                </label>
                                            }
                                        })
                                        .collect_view()}
                                </div>
                            }
                                .into_any()
                        }}
                    />
                </Show>
                <FieldError error=fe("company_ids") field="company_ids" />
            </fieldset>
            <Field
                label=partner::RATE
                name="rate_per_min"
                value=rate
                error=fe("rate_per_min")
                kind="number"
            />
            <Field
                label=partner::LOGIN_STAFF
                name="login_staff"
                value=login_staff
                error=fe("login_staff")
            />
            <label class="flex items-center gap-1 text-sm mb-3">
                <input
                    type="checkbox"
                    name="login_members"
                    prop:checked=move || login_members.get()
                    on:change=move |e| login_members.set(event_target_checked(&e))
                />
                {move || t(partner::LOGIN_MEMBERS)}
            </label>
            <ErrorBanner error=err />
            <div class="flex gap-2">
                <SubmitButton
                    label=if edit_id.is_some() { partner::SAVE } else { partner::CREATE }
                    pending=save.pending()
                />
                <button
                    type="button"
                    class="rounded-lg border border-slate-300 px-4 py-2"
                    on:click=move |_| on_cancel.run(())
                >
                    {move || t(partner::CANCEL)}
                </button>
            </div>
        </form>
    }
}

/// A field's error under a group of checkboxes.
#[component]
fn FieldError(error: Signal<Option<String>>, field: &'static str) -> impl IntoView {
    view! {
        <Show when=move || error.get().is_some()>
            <span class="field-error block text-sm text-red-600 mt-1" data-field=field>
                {move || error.get()}
            </span>
        </Show>
    }
}

/// The functions there are, grouped by domain, as checkboxes.
#[component]
fn FunctionBoxes(list: Vec<(String, String)>, functions: RwSignal<Vec<String>>) -> impl IntoView {
    let mut groups: Vec<(String, Vec<String>)> = vec![];
    for (tag, name) in list {
        match groups.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, names)) => names.push(name),
            None => groups.push((tag, vec![name])),
        }
    }
    groups
        .into_iter()
        .map(|(tag, names)| {
            view! {
                <div class="mb-2">
                    <div class="text-xs uppercase text-slate-400">{tag}</div>
                    <div class="flex flex-wrap gap-x-3 gap-y-1 text-xs">
                        {names
                            .into_iter()
                            .map(|n| {
                                let (checked, label) = (n.clone(), n.clone());
                                view! {
                                    <label class="flex items-center gap-1">
                                        <input
                                            type="checkbox"
                                            name="function"
                                            value=n.clone()
                                            prop:checked=move || functions.get().contains(&checked)
                                            on:change=move |e| toggle_in(
                                                functions,
                                                n.clone(),
                                                event_target_checked(&e),
                                            )
                                        />
                                        <code>{label}</code>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                </div>
            }
        })
        .collect_view()
}
