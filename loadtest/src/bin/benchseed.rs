//! `benchseed`: the rows `scripts/bench.sh` needs in the server's database
//! (DATABASE_URL), so that each signed-in list page it loads is full: 60
//! staff accounts, 60 customer companies with a member each, and a `bench`
//! account (admin and CS agent, password `bench12345`) with 50 open
//! conversations assigned to it (its chat console's first list). Safe to run
//! twice.

use shipdesk::auth::{repo as auth_repo, service as auth, StaffForCreate};
use shipdesk::chat::service::{admin as chat_admin, handover};
use shipdesk::chat::DeskForCreate;
use shipdesk::customer::{service as customer, CompanyForCreate, MemberForCreate};
use shipdesk::state::{AppState, Config};

pub const ACCOUNT: &str = "bench";
pub const PASSWORD: &str = "bench12345";
const ROWS: usize = 60;
const CONVERSATIONS: usize = 50;

#[tokio::main]
async fn main() -> Result<(), String> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://data/shipdesk.db".into());
    let db = shipdesk::db::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    shipdesk::db::migrate(&db)
        .await
        .map_err(|e| e.to_string())?;
    let state = AppState::new(db, Config::default());
    let e = |e: shipdesk::AppError| e.to_string();
    let bench = auth::ensure_admin(&state, ACCOUNT, "Bench", PASSWORD)
        .await
        .map_err(e)?;
    let bench = match bench.roles.contains(&shipdesk::auth::Role::Cs) {
        true => bench,
        false => {
            let mut roles = bench.roles.clone();
            roles.push(shipdesk::auth::Role::Cs);
            auth_repo::update_staff_roles(&state.db, bench.id, &roles, state.now())
                .await
                .map_err(e)?;
            auth_repo::staff_by_id(&state.db, bench.id)
                .await
                .map_err(e)?
                .ok_or("bench account vanished")?
        }
    };
    let desk = match chat_admin::list_desks(&state)
        .await
        .map_err(e)?
        .into_iter()
        .find(|r| r.code == "bench")
    {
        Some(r) => r,
        None => chat_admin::create_desk(
            &state,
            &bench,
            &DeskForCreate {
                code: "bench".into(),
                name_zh: "压测".into(),
                name_en: "Bench".into(),
                reassign_after_minutes: None,
            },
        )
        .await
        .map_err(e)?,
    };
    chat_admin::set_agent_desks(
        &state,
        &bench,
        bench.id,
        &[desk.id],
        chat_admin::MAX_CONCURRENT_LIMIT,
    )
    .await
    .map_err(e)?;
    for i in 0..ROWS {
        let account = format!("bench_staff{i}");
        if auth_repo::staff_with_hash(&state.db, &account)
            .await
            .map_err(e)?
            .is_none()
        {
            auth::create_staff(
                &state,
                &bench,
                &StaffForCreate {
                    account,
                    name: format!("Bench staff {i}"),
                    password: PASSWORD.into(),
                    roles: vec!["sales".into()],
                },
            )
            .await
            .map_err(e)?;
        }
    }
    for i in 0..ROWS {
        let phone = format!("165{i:08}");
        let member = match auth_repo::member_by_phone(&state.db, &phone)
            .await
            .map_err(e)?
        {
            Some(m) => m,
            None => {
                let c = customer::create_company(
                    &state,
                    &bench,
                    &CompanyForCreate {
                        name: format!("压测客户公司 {i}"),
                        ..Default::default()
                    },
                )
                .await
                .map_err(e)?;
                customer::add_member(
                    &state,
                    &bench,
                    c.id,
                    &MemberForCreate {
                        name: format!("压测客户{i}"),
                        phone: phone.clone(),
                    },
                )
                .await
                .map_err(e)?;
                auth_repo::member_by_phone(&state.db, &phone)
                    .await
                    .map_err(e)?
                    .ok_or("member vanished")?
            }
        };
        if i < CONVERSATIONS {
            handover::start_with_member(&state, &bench, member.id, desk.id)
                .await
                .map_err(e)?;
        }
    }
    println!("seeded: {ROWS} staff, {ROWS} companies, {CONVERSATIONS} conversations of {ACCOUNT}");
    Ok(())
}
