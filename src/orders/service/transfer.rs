//! Transfer numbers (转单号): one engine behind the provider's, the admin's
//! and ops' uploads (服务商/管理端/ofc 上传转单号模板). The template to fill in,
//! a preview that checks every row and saves nothing, and an apply that
//! checks again and replaces the numbers of every order the rows name, all
//! or nothing. Ops assign orders to providers; a provider uploads for the
//! orders assigned to them only.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{parcels::parse_number, readable};
use crate::auth::{Principal, Role, Staff};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::orders::model::{Order, OrderStatus};
use crate::orders::policy;
use crate::orders::repo::transfer::{self as repo, Target};
use crate::orders::transfer::*;
use crate::orders::transfer_xlsx as xlsx;
use crate::state::AppState;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

/// A file to download.
pub struct TemplateFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The template (上传转单号模板): for a provider, prefilled with the open
/// orders assigned to them and their carton ranges.
pub async fn transfer_template(state: &AppState, who: &Staff) -> AppResult<TemplateFile> {
    if !policy::may_upload_transfers(who) {
        return Err(AppError::Forbidden);
    }
    let rows = match policy::provider_of(who) {
        Some(me) => repo::assigned(&state.db, me, MAX_ROWS as i64).await?,
        None => vec![],
    };
    Ok(TemplateFile {
        name: "转单号模板.xlsx".to_owned(),
        bytes: xlsx::template(&rows)?,
    })
}

/// Reads an uploaded sheet and checks every row (nothing is saved).
pub async fn preview_transfers(
    state: &AppState,
    who: &Staff,
    bytes: &[u8],
) -> AppResult<TransferPreview> {
    if !policy::may_upload_transfers(who) {
        return Err(AppError::Forbidden);
    }
    let cells = xlsx::read(bytes)?;
    match read_cells(&cells) {
        Ok(input) => check_transfers(state, who, input).await,
        Err(e) => Ok(TransferPreview {
            input: vec![],
            rows: vec![],
            errors: vec![e],
            orders: 0,
        }),
    }
}

/// Checks rows as given (a preview's `input`, or an API client's): each
/// row's own shape, then its order (known, assigned to the provider
/// uploading, confirmed and open, with that many cartons), duplicates in
/// the rows and numbers on orders the rows do not name.
pub async fn check_transfers(
    state: &AppState,
    who: &Staff,
    input: Vec<TransferRowInput>,
) -> AppResult<TransferPreview> {
    if !policy::may_upload_transfers(who) {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    let kept = with_numbers(&input);
    if input.len() > MAX_ROWS {
        errors.push(TransferError::whole(TransferProblem::TooManyRows));
    } else if kept.is_empty() {
        errors.push(TransferError::whole(TransferProblem::NoRows));
    }
    if !errors.is_empty() {
        return Ok(TransferPreview {
            input,
            rows: vec![],
            errors,
            orders: 0,
        });
    }
    let provider = policy::provider_of(who);
    let mut orders: HashMap<String, Option<Target>> = HashMap::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut checked: Vec<(usize, TransferRow)> = Vec::new();
    for &(i, r) in &kept {
        let bad = |field: &str, p: TransferProblem| TransferError::at(i, field, p);
        let number = parse_number(&r.number).ok();
        if number.is_none() {
            errors.push(bad("number", TransferProblem::NumberInvalid));
        }
        let cartons = parse_cartons(&r.cartons);
        if cartons.is_none() {
            errors.push(bad("cartons", TransferProblem::CartonsInvalid));
        }
        let key = r.order_number.trim().to_ascii_uppercase();
        if !orders.contains_key(&key) {
            let found = if key.is_empty() || key.len() > 24 {
                None
            } else {
                repo::target(&state.db, &key).await?
            };
            orders.insert(key.clone(), found);
        }
        let Some(order) = orders.get(&key).and_then(Option::as_ref) else {
            errors.push(bad("order_number", TransferProblem::UnknownOrder));
            continue;
        };
        if let Some(p) = order_problem(order, provider) {
            errors.push(bad("order_number", p));
            continue;
        }
        let (Some(number), Some((from, to))) = (number, cartons) else {
            continue;
        };
        if to > order.cartons {
            errors.push(bad("cartons", TransferProblem::CartonsOutOfRange));
            continue;
        }
        let Some(carrier) = carrier_of(r, &number, &order.country) else {
            errors.push(bad("carrier", TransferProblem::CarrierUnknown));
            continue;
        };
        if seen.insert(number.clone(), i).is_some() {
            errors.push(bad("number", TransferProblem::NumberDuplicate));
            continue;
        }
        checked.push((
            i,
            TransferRow {
                row: row_of(i),
                order_id: order.id,
                order_number: order.order_number.clone(),
                carton_from: from,
                carton_to: to,
                carrier,
                number,
            },
        ));
    }
    let named: HashSet<Id> = checked.iter().map(|(_, r)| r.order_id).collect();
    for (i, r) in &checked {
        if let Some(on) = repo::holder(&state.db, &r.number).await? {
            if !named.contains(&on) {
                errors.push(TransferError::at(
                    *i,
                    "number",
                    TransferProblem::NumberTaken,
                ));
            }
        }
    }
    let mut by_order: BTreeMap<Id, Vec<(usize, u32, u32)>> = BTreeMap::new();
    for (i, r) in &checked {
        by_order
            .entry(r.order_id)
            .or_default()
            .push((*i, r.carton_from, r.carton_to));
    }
    for ranges in by_order.values() {
        for i in overlaps(ranges) {
            errors.push(TransferError::at(
                i,
                "cartons",
                TransferProblem::CartonsOverlap,
            ));
        }
    }
    errors.sort_by(|a, b| (a.row, &a.column).cmp(&(b.row, &b.column)));
    let rows = if errors.is_empty() {
        checked.into_iter().map(|(_, r)| r).collect()
    } else {
        vec![]
    };
    Ok(TransferPreview {
        input,
        rows,
        errors,
        orders: named.len() as u32,
    })
}

/// Why an order takes no transfer numbers from this uploader, if it does
/// not: not assigned to the provider, or not confirmed and open.
fn order_problem(order: &Target, provider: Option<Id>) -> Option<TransferProblem> {
    if provider.is_some() && order.provider != provider {
        return Some(TransferProblem::NotAssigned);
    }
    match order.status {
        OrderStatus::Booked | OrderStatus::Rejected | OrderStatus::Cancelled => {
            Some(TransferProblem::OrderNotOpen)
        }
        _ => None,
    }
}

/// Checks the rows again and, if every one is right, replaces the transfer
/// numbers of each order they name, in one transaction (each order's row
/// locked, in id order, and checked again under the lock). A bad row is a
/// validation error at its field (`rows[3].number`) and saves nothing; a
/// number another upload took meanwhile is a conflict on `rows`.
pub async fn apply_transfers(
    state: &AppState,
    who: &Staff,
    input: Vec<TransferRowInput>,
) -> AppResult<TransferApplied> {
    let preview = check_transfers(state, who, input).await?;
    if let Some(e) = preview.errors.first() {
        return Err(AppError::validation(
            &e.field,
            ErrorKey::TransferRowsInvalid,
        ));
    }
    let mut by_order: BTreeMap<Id, Vec<&TransferRow>> = BTreeMap::new();
    for r in &preview.rows {
        by_order.entry(r.order_id).or_default().push(r);
    }
    let now = state.now();
    let provider = policy::provider_of(who);
    let mut tx = state.db.begin().await?;
    for (order_id, rows) in &by_order {
        if !repo::lock(&mut *tx, *order_id, now).await? {
            return Err(AppError::conflict("rows", ErrorKey::OrderChanged));
        }
        let still = repo::target(&mut *tx, &rows[0].order_number).await?;
        let moved = match &still {
            None => true,
            Some(o) => order_problem(o, provider).is_some() || o.id != *order_id,
        };
        if moved {
            return Err(AppError::conflict("rows", ErrorKey::OrderChanged));
        }
        repo::clear(&mut *tx, *order_id).await?;
        for r in rows {
            let t = Transfer {
                id: new_id(),
                carton_from: r.carton_from,
                carton_to: r.carton_to,
                carrier: r.carrier,
                number: r.number.clone(),
                uploaded_by: who.name.clone(),
                created_at: Timestamp(now),
                track_status: None,
                track_at: None,
            };
            repo::insert(&mut *tx, *order_id, &t).await?;
        }
    }
    tx.commit().await?;
    Ok(TransferApplied {
        orders: by_order.len() as u32,
        numbers: preview.rows.len() as u32,
    })
}

/// The providers an order may be assigned to (ops, admin).
pub async fn list_providers(state: &AppState, who: &Staff) -> AppResult<Vec<ProviderRef>> {
    if !policy::may_process(who) {
        return Err(AppError::Forbidden);
    }
    let staff = crate::auth::repo::staff_with_role(&state.db, Role::Provider).await?;
    Ok(staff
        .into_iter()
        .map(|s| ProviderRef {
            id: s.id,
            name: s.name,
        })
        .collect())
}

/// Assigns an order to a provider, or unassigns it (ops, admin). The
/// provider must be an active staff account with the provider role.
pub async fn assign_provider(
    state: &AppState,
    who: &Staff,
    order_id: Id,
    provider_id: Option<Id>,
) -> AppResult<Order> {
    if !policy::may_process(who) {
        return Err(AppError::Forbidden);
    }
    let p = Principal::Staff(who.clone());
    readable(state, &p, order_id).await?;
    if let Some(id) = provider_id {
        let ok = crate::auth::repo::staff_by_id(&state.db, id)
            .await?
            .is_some_and(|s| !s.disabled && s.has(Role::Provider));
        if !ok {
            return Err(AppError::validation(
                "provider_id",
                ErrorKey::ProviderUnknown,
            ));
        }
    }
    if !repo::assign(&state.db, order_id, provider_id, state.now()).await? {
        return Err(AppError::not_found("order"));
    }
    super::get_order(state, &p, order_id).await
}
