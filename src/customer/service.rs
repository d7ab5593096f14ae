//! Customer rules: who may see and change which company, codes, members.

use super::model::*;
use super::policy::*;
use super::repo;
use crate::auth::{repo as auth_repo, Lang, Member, Phone, Role, Staff};
use crate::db::{new_id, on_unique};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{mask_phone, Id, Page, PageQuery, Timestamp};
use crate::ErrorKey;

/// Companies the staff member may see, filtered and paged.
pub async fn list_companies(
    state: &AppState,
    staff: &Staff,
    f: &CompanyFilter,
    page: PageQuery,
) -> AppResult<Page<Company>> {
    staff.require(CUSTOMER_ROLES)?;
    if let Some(c) = f.certification.as_deref().filter(|c| !c.is_empty()) {
        Certification::parse(c)?;
    }
    let scope = staff_scope(staff);
    if scope == Scope::Nothing {
        return Err(AppError::Forbidden);
    }
    let mut page = repo::list(&state.db, scope, phone_search(staff), f, page).await?;
    for c in &mut page.items {
        if !sees_full_phones(staff, c) {
            c.contact_phone = mask_if_set(&c.contact_phone);
        }
    }
    Ok(page)
}

fn mask_if_set(p: &str) -> String {
    if p.is_empty() {
        String::new()
    } else {
        mask_phone(p)
    }
}

/// A company the staff member may see; NotFound otherwise (no existence leak).
/// The company, if `staff` may see it (else not found).
pub(crate) async fn visible_company(state: &AppState, staff: &Staff, id: Id) -> AppResult<Company> {
    let company = repo::by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::not_found("company"))?;
    let visible = match staff_scope(staff) {
        Scope::All => true,
        Scope::OwnedBy(me) => company.owner_staff_id == Some(me),
        Scope::InApp(_) => staff.sees_company(company.id),
        Scope::Nothing => false,
    };
    if visible {
        Ok(company)
    } else {
        Err(AppError::not_found("company"))
    }
}

async fn editable_company(state: &AppState, staff: &Staff, id: Id) -> AppResult<Company> {
    let company = visible_company(state, staff, id).await?;
    if can_edit(staff, &company) {
        Ok(company)
    } else {
        Err(AppError::Forbidden)
    }
}

async fn detail(
    state: &AppState,
    company: Company,
    full_phones: bool,
    can_edit: bool,
    can_change_owner: bool,
) -> AppResult<CompanyDetail> {
    let members = auth_repo::members_of(&state.db, company.id)
        .await?
        .into_iter()
        .map(|m| MemberView {
            id: m.id,
            name: m.name,
            phone: if full_phones {
                m.phone
            } else {
                mask_phone(&m.phone)
            },
            disabled: m.disabled,
            created_at: m.created_at,
        })
        .collect();
    let mut company = company;
    if !full_phones {
        company.contact_phone = mask_if_set(&company.contact_phone);
    }
    Ok(CompanyDetail {
        company,
        members,
        can_edit,
        can_change_owner,
    })
}

pub async fn get_company(state: &AppState, staff: &Staff, id: Id) -> AppResult<CompanyDetail> {
    staff.require(CUSTOMER_ROLES)?;
    let company = visible_company(state, staff, id).await?;
    let edit = can_edit(staff, &company);
    detail(state, company, edit, edit, staff.has(Role::Admin)).await
}

/// The caller's own company, for customer members.
pub async fn my_company(state: &AppState, member: &Member) -> AppResult<CompanyDetail> {
    let company = repo::by_id(&state.db, member.company_id)
        .await?
        .ok_or_else(|| AppError::not_found("company"))?;
    detail(state, company, true, false, false).await
}

async fn check_owner(state: &AppState, owner: Option<Id>) -> AppResult<()> {
    if let Some(id) = owner {
        match auth_repo::staff_by_id(&state.db, id).await? {
            Some(s) if s.has(Role::Sales) && !s.disabled => {}
            _ => {
                return Err(AppError::validation(
                    "owner_staff_id",
                    ErrorKey::OwnerNotSales,
                ))
            }
        }
    }
    Ok(())
}

fn parse_contact_phone(s: &str) -> AppResult<String> {
    if s.trim().is_empty() {
        return Ok(String::new());
    }
    Phone::parse(s)
        .map(|p| p.as_str().to_owned())
        .map_err(|_| AppError::validation("contact_phone", ErrorKey::PhoneInvalid))
}

/// Creates a company. Admins pick any salesperson as owner; a salesperson owns what they create.
pub async fn create_company(
    state: &AppState,
    staff: &Staff,
    input: &CompanyForCreate,
) -> AppResult<Company> {
    // A partner app given some companies cannot add to them.
    staff.require(EDITOR_ROLES)?.require_all_companies()?;
    let owner = if staff.has(Role::Admin) {
        input.owner_staff_id
    } else if staff.has(Role::Sales) {
        Some(staff.id)
    } else {
        return Err(AppError::Forbidden);
    };
    let name = parse_company_name(&input.name)?;
    let contact_name = parse_optional_text("contact_name", &input.contact_name, 50)?;
    let contact_phone = parse_contact_phone(&input.contact_phone)?;
    let address = parse_optional_text("address", &input.address, 200)?;
    check_owner(state, owner).await?;
    let code = if input.code.trim().is_empty() {
        generate_code(state).await?
    } else {
        let code = parse_customer_code(&input.code)?;
        if repo::code_taken(&state.db, &code).await? {
            return Err(AppError::conflict("code", ErrorKey::CustomerCodeTaken));
        }
        code
    };
    let company = Company {
        id: new_id(),
        name,
        code,
        owner_staff_id: owner,
        owner_name: None,
        certification: Certification::None,
        contact_name,
        contact_phone,
        address,
        member_count: 0,
        created_at: Timestamp(state.now()),
    };
    repo::insert(&state.db, &company).await.map_err(on_unique(
        "code",
        "code",
        ErrorKey::CustomerCodeTaken,
    ))?;
    repo::by_id(&state.db, company.id)
        .await?
        .ok_or(AppError::Internal)
}

/// `SD` + 6 digits, retried until free.
async fn generate_code(state: &AppState) -> AppResult<String> {
    for _ in 0..20 {
        let code = format!("SD{:06}", rand::random::<u32>() % 1_000_000);
        if !repo::code_taken(&state.db, &code).await? {
            return Ok(code);
        }
    }
    Err(AppError::Internal)
}

pub async fn update_company(
    state: &AppState,
    staff: &Staff,
    id: Id,
    input: &CompanyForUpdate,
) -> AppResult<CompanyDetail> {
    staff.require(EDITOR_ROLES)?;
    editable_company(state, staff, id).await?;
    let cleaned = CompanyForUpdate {
        name: parse_company_name(&input.name)?,
        contact_name: parse_optional_text("contact_name", &input.contact_name, 50)?,
        contact_phone: parse_contact_phone(&input.contact_phone)?,
        address: parse_optional_text("address", &input.address, 200)?,
        certification: input.certification.clone(),
    };
    let cert = Certification::parse(&input.certification)?;
    repo::update(&state.db, id, &cleaned, cert, state.now()).await?;
    get_company(state, staff, id).await
}

/// Hands a company to another salesperson (admins only).
pub async fn set_company_owner(
    state: &AppState,
    staff: &Staff,
    id: Id,
    owner: Option<Id>,
) -> AppResult<CompanyDetail> {
    staff.require(OWNER_SETTER_ROLES)?;
    visible_company(state, staff, id).await?;
    check_owner(state, owner).await?;
    repo::set_owner(&state.db, id, owner, state.now()).await?;
    get_company(state, staff, id).await
}

pub async fn add_member(
    state: &AppState,
    staff: &Staff,
    company_id: Id,
    input: &MemberForCreate,
) -> AppResult<CompanyDetail> {
    staff.require(EDITOR_ROLES)?;
    editable_company(state, staff, company_id).await?;
    let name = crate::auth::parse_person_name("name", &input.name)?;
    let phone = Phone::parse(&input.phone)?;
    if auth_repo::member_by_phone(&state.db, phone.as_str())
        .await?
        .is_some()
    {
        return Err(AppError::conflict("phone", ErrorKey::PhoneTaken));
    }
    let member = Member {
        id: new_id(),
        company_id,
        phone: phone.as_str().to_owned(),
        name,
        disabled: false,
        lang: Lang::Zh,
        created_at: Timestamp(state.now()),
    };
    auth_repo::insert_member(&state.db, &member)
        .await
        .map_err(on_unique("phone", "phone", ErrorKey::PhoneTaken))?;
    get_company(state, staff, company_id).await
}

pub async fn set_member_disabled(
    state: &AppState,
    staff: &Staff,
    company_id: Id,
    member_id: Id,
    disabled: bool,
) -> AppResult<CompanyDetail> {
    staff.require(EDITOR_ROLES)?;
    editable_company(state, staff, company_id).await?;
    if !auth_repo::set_member_disabled(&state.db, company_id, member_id, disabled).await? {
        return Err(AppError::not_found("member"));
    }
    crate::chat::live::events::account_changed(state, crate::auth::SessionUser::Member(member_id));
    get_company(state, staff, company_id).await
}

/// Salespeople to choose an owner from (staff who may see customers).
pub async fn list_salespeople(state: &AppState, staff: &Staff) -> AppResult<Vec<(Id, String)>> {
    staff.require(EDITOR_ROLES)?;
    Ok(auth_repo::staff_with_role(&state.db, Role::Sales)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect())
}
