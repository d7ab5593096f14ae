//! Customers' side of the hall (创建询价需求, 获取询价大厅列表, 删除单个询价需求,
//! 清空询价历史): posting, with the robot's message written in the same
//! transaction, and a member's own list, which they may delete from.

use super::{finish, settings_of};
use crate::auth::Principal;
use crate::customer::repo as companies;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::pricing::inquiry::parse_inquiry;
use crate::pricing::inquiry_hall::check::check;
use crate::pricing::inquiry_hall::model::*;
use crate::pricing::inquiry_hall::policy;
use crate::pricing::inquiry_hall::repo::{inquiry as repo, robot as outbox};
use crate::pricing::inquiry_hall::robot;
use crate::pricing::service::today;
use crate::state::AppState;
use crate::types::{Id, Page, PageQuery, Timestamp};

/// Posts an inquiry under a new number (`I20261202-0007`) and, when a
/// robot is set, queues its message to the sales group in the same
/// transaction. A member posts for their company; hall staff for a
/// company in their scope, or none.
pub async fn post_inquiry(
    state: &AppState,
    who: &Principal,
    input: &InquiryForPost,
) -> AppResult<HallInquiry> {
    let (company, member_id, staff_id, posted_by) = poster(state, who, input.company_id).await?;
    let day = today(state);
    let checked = check(input, day)?;
    let read = (!checked.text.is_empty()).then(|| parse_inquiry(&checked.text, day));
    let fields = read.as_ref().map(|r| r.fields.clone()).unwrap_or_default();
    let low_confidence =
        checked.search.is_none() && read.as_ref().is_some_and(policy::is_low_confidence);
    let (id, now) = (new_id(), state.now());
    let mut tx = state.db.begin().await?;
    let number = crate::db::next_number(&mut *tx, "I", day.ymd(), now).await?;
    let inquiry = HallInquiry {
        id,
        number: number.clone(),
        company_id: company.as_ref().map(|c| c.id),
        company_name: company.as_ref().map(|c| c.name.clone()),
        posted_by,
        search: checked.search,
        text: checked.text,
        fields,
        low_confidence,
        status: InquiryStatus::Pending,
        quote_number: None,
        answered_by: None,
        answered_at: None,
        deleted_by_customer: false,
        overdue: false,
        created_at: Timestamp(now),
        updated_at: Timestamp(now),
    };
    let row = repo::InquiryRow {
        id,
        number: &number,
        company_id: inquiry.company_id,
        member_id,
        staff_id,
        search: inquiry.search.as_ref(),
        text: &inquiry.text,
        fields: &inquiry.fields,
        low_confidence,
        summary: summary(&inquiry),
        now,
    };
    repo::insert(&mut *tx, &row).await?;
    let (sla, url) = settings_of(&mut *tx).await?;
    if url.is_some() {
        let body = robot::new_inquiry(&inquiry, sla).to_string();
        outbox::insert_message(&mut *tx, new_id(), Some(id), &body, now).await?;
    }
    tx.commit().await?;
    Ok(inquiry)
}

/// The number, text, destination and company, lower case, for searches.
fn summary(i: &HallInquiry) -> String {
    let mut s = format!("{} {}", i.number, i.text);
    if let Some(q) = &i.search {
        let dest = q
            .fba_code
            .as_deref()
            .or(q.postcode.as_deref())
            .unwrap_or("");
        s.push_str(&format!(" {} {dest}", q.country));
    }
    if let Some(c) = &i.company_name {
        s.push_str(&format!(" {c}"));
    }
    s.to_lowercase()
}

/// The company (checked), member, staff and name of who posts.
async fn poster(
    state: &AppState,
    who: &Principal,
    company: Option<Id>,
) -> AppResult<(
    Option<crate::customer::Company>,
    Option<Id>,
    Option<Id>,
    String,
)> {
    let find = |id| async move {
        companies::by_id(&state.db, id)
            .await?
            .ok_or_else(|| AppError::not_found("company"))
    };
    match who {
        Principal::Member(m) => {
            if company.is_some_and(|c| c != m.company_id) {
                return Err(AppError::Forbidden);
            }
            let c = find(m.company_id).await?;
            Ok((Some(c), Some(m.id), None, m.name.clone()))
        }
        Principal::Staff(s) => {
            if !policy::may_work_hall(s) {
                return Err(AppError::Forbidden);
            }
            let Some(id) = company else {
                return Ok((None, None, Some(s.id), s.name.clone()));
            };
            let c = find(id).await?;
            if !policy::may_see(s, Some(id), c.owner_staff_id) {
                return Err(AppError::not_found("company"));
            }
            Ok((Some(c), None, Some(s.id), s.name.clone()))
        }
    }
}

fn member_of(who: &Principal) -> AppResult<Id> {
    who.member().map(|m| m.id).ok_or(AppError::Forbidden)
}

/// A member's own inquiries they have not deleted, newest first.
pub async fn list_my_inquiries(
    state: &AppState,
    who: &Principal,
    filter: &MyInquiryFilter,
    page: PageQuery,
) -> AppResult<Page<HallInquiry>> {
    let me = member_of(who)?;
    let (rows, total) =
        repo::mine(&state.db, me, filter.status, page.limit(), page.offset()).await?;
    let (sla, _) = settings_of(&state.db).await?;
    Ok(Page::new(finish(state, rows, sla), total, page))
}

/// Deletes one of a member's inquiries from their list (staff still see
/// it); not found unless it is theirs and still listed.
pub async fn delete_my_inquiry(state: &AppState, who: &Principal, id: Id) -> AppResult<()> {
    let me = member_of(who)?;
    match repo::hide_one(&state.db, id, me, state.now()).await? {
        true => Ok(()),
        false => Err(AppError::not_found("inquiry")),
    }
}

/// Clears a member's history: every inquiry of theirs leaves their list,
/// in one statement; how many did.
pub async fn clear_my_inquiries(state: &AppState, who: &Principal) -> AppResult<u64> {
    let me = member_of(who)?;
    repo::hide_all(&state.db, me, state.now()).await
}
