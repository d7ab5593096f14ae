//! Demo data: staff of every role, customer companies with members, chat
//! desks, channels, pickup windows and a few orders. Loading
//! it twice changes nothing (accounts and companies that exist are kept).

use crate::auth::{repo as auth_repo, service as auth, Role, StaffForCreate};
use crate::customer::{
    repo as customer_repo, service as customer, CompanyForCreate, MemberForCreate,
};
use crate::error::AppResult;
use crate::state::AppState;

pub const DEMO_PASSWORD: &str = "demo1234";

/// (account, name, roles)
pub const DEMO_STAFF: &[(&str, &str, &[Role])] = &[
    ("admin", "系统管理员", &[Role::Admin]),
    ("cs1", "客服小林", &[Role::Cs]),
    ("cs2", "客服小周", &[Role::Cs]),
    ("sales1", "销售王磊", &[Role::Sales]),
    ("sales2", "销售陈静", &[Role::Sales]),
    ("ops1", "运营赵强", &[Role::Ops]),
    ("finance1", "财务刘芳", &[Role::Finance]),
    ("provider1", "服务商孙杰", &[Role::Provider]),
];

/// (company, code, owner account, [(member name, phone)])
pub const DEMO_COMPANIES: &[(&str, &str, &str, &[(&str, &str)])] = &[
    (
        "深圳市海通跨境电商有限公司",
        "SZ10001",
        "sales1",
        &[("张伟", "13800138001"), ("李娜", "13800138002")],
    ),
    (
        "义乌市星辰贸易有限公司",
        "YW10002",
        "sales1",
        &[("王芳", "13800138003")],
    ),
    (
        "广州优品供应链有限公司",
        "GZ10003",
        "sales2",
        &[("刘洋", "13800138004"), ("陈晨", "13800138005")],
    ),
    (
        "杭州云帆进出口有限公司",
        "HZ10004",
        "sales2",
        &[("杨帆", "13800138006")],
    ),
];

/// Loads the demo data; returns the lines to print (accounts and phones).
pub async fn seed(state: &AppState) -> AppResult<Vec<String>> {
    let mut lines = vec![format!("staff (password {DEMO_PASSWORD}):")];
    for (account, name, roles) in DEMO_STAFF {
        if auth_repo::staff_with_hash(&state.db, account)
            .await?
            .is_none()
        {
            let input = StaffForCreate {
                account: account.to_string(),
                name: name.to_string(),
                password: DEMO_PASSWORD.into(),
                roles: roles.iter().map(|r| r.as_str().to_owned()).collect(),
            };
            auth::create_staff_account(state, &input).await?;
        }
        lines.push(format!("  {account:<10} {name} ({})", Role::join(roles)));
    }
    let admin = auth_repo::staff_with_hash(&state.db, "admin")
        .await?
        .map(|(s, _)| s)
        .ok_or(crate::AppError::Internal)?;
    lines.push("customers (sign in with phone + SMS code; the code is shown in dev mode):".into());
    for (name, code, owner, members) in DEMO_COMPANIES {
        if !customer_repo::code_taken(&state.db, code).await? {
            let owner = auth_repo::staff_with_hash(&state.db, owner)
                .await?
                .map(|(s, _)| s.id);
            let input = CompanyForCreate {
                name: name.to_string(),
                code: code.to_string(),
                owner_staff_id: owner,
                ..Default::default()
            };
            let company = customer::create_company(state, &admin, &input).await?;
            for (member, phone) in *members {
                let m = MemberForCreate {
                    name: member.to_string(),
                    phone: phone.to_string(),
                };
                customer::add_member(state, &admin, company.id, &m).await?;
            }
        }
        for (member, phone) in *members {
            lines.push(format!("  {phone} {member} — {name} ({code})"));
        }
    }
    lines.extend(seed_chat(state, &admin).await?);
    let added = crate::pricing::service::seed_demo_channels(state).await?;
    if added > 0 {
        lines.push(format!(
            "pricing: {added} demo channels (US, GB, DE, JP, CA)"
        ));
    }
    let windows = crate::pricing::service::seed_demo_pickup_slots(state).await?;
    let reasons = crate::orders::service::seed_demo_cancel_reasons(state).await?;
    if windows + reasons > 0 {
        lines.push(format!(
            "pickups: {windows} pickup windows in 6 origin cities, {reasons} cancel reasons"
        ));
    }
    let orders = crate::orders::service::seed_demo_orders(state).await?;
    if orders > 0 {
        lines.push(format!(
            "orders: {orders} demo orders of 杨帆 (pending with a pickup booked, confirmed, received with an adjustment, departed, held)"
        ));
    }
    Ok(lines)
}

/// (code, 中文名, English name)
pub const DEMO_DESKS: &[(&str, &str, &str)] = &[
    ("presales", "售前咨询", "Pre-sales"),
    ("aftersales", "售后服务", "After-sales"),
    ("finance", "财务对账", "Finance"),
];

/// Desks, cs1/cs2 as online agents of all of them, two canned replies.
async fn seed_chat(state: &AppState, admin: &crate::auth::Staff) -> AppResult<Vec<String>> {
    use crate::chat::service::admin as chat_admin;
    use crate::chat::service::agent::set_agent_status;
    use crate::chat::{AgentStatus, CannedReplyForCreate};
    let existing = chat_admin::list_desks(state).await?;
    let mut ids = vec![];
    for (code, zh, en) in DEMO_DESKS {
        let id = match existing.iter().find(|r| r.code == *code) {
            Some(r) => r.id,
            None => {
                let input = crate::chat::DeskForCreate {
                    code: code.to_string(),
                    name_zh: zh.to_string(),
                    name_en: en.to_string(),
                    reassign_after_minutes: Some(10),
                };
                chat_admin::create_desk(state, admin, &input).await?.id
            }
        };
        ids.push(id);
    }
    for account in ["cs1", "cs2"] {
        if let Some((agent, _)) = auth_repo::staff_with_hash(&state.db, account).await? {
            chat_admin::set_agent_desks(state, admin, agent.id, &ids, 8).await?;
            set_agent_status(state, &agent, AgentStatus::Online).await?;
        }
    }
    if chat_admin::canned_replies(state, admin).await?.is_empty() {
        for (title, body) in [
            ("问候", "您好，我是客服，请问有什么可以帮您？"),
            ("稍等", "好的，我查一下，请稍等片刻。"),
        ] {
            let input = CannedReplyForCreate {
                desk_id: None,
                title: title.into(),
                body: body.into(),
            };
            chat_admin::create_canned(state, admin, &input).await?;
        }
    }
    Ok(vec![
        "chat: desks 售前/售后/财务; cs1 and cs2 are online agents of all three".into(),
    ])
}

#[cfg(test)]
mod tests {
    use crate::testing::test_state;

    async fn count(state: &crate::state::AppState, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&state.db).await.unwrap()
    }

    #[tokio::test]
    async fn the_demo_loads_once_with_orders_at_each_stage_and_no_open_chat() {
        let state = test_state().await;
        super::seed(&state).await.unwrap();
        super::seed(&state).await.unwrap();
        assert_eq!(count(&state, "SELECT COUNT(*) FROM orders").await, 5);
        let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM orders ORDER BY status")
            .fetch_all(&state.db)
            .await
            .unwrap();
        assert_eq!(
            statuses,
            ["booked", "confirmed", "departed", "exception", "received"]
        );
        let sql = "SELECT COUNT(*) FROM orders WHERE provider_id IS NOT NULL";
        assert_eq!(count(&state, sql).await, 2);
        let sql = "SELECT COUNT(*) FROM order_alerts WHERE status = 'open'";
        assert_eq!(count(&state, sql).await, 1);
        let sql = "SELECT COUNT(*) FROM conversations WHERE status <> 'resolved'";
        assert_eq!(
            count(&state, sql).await,
            0,
            "the notices' chats are resolved"
        );
        let sql = "SELECT COUNT(*) FROM pickups WHERE status = 'scheduled'";
        assert_eq!(count(&state, sql).await, 1, "the pending order's pickup");
        let sql = "SELECT COUNT(*) FROM messages WHERE kind = 'system'";
        assert!(count(&state, sql).await > 0, "the customer was told");
    }
}
