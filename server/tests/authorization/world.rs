//! The callers of the matrix and what their calls work on: two companies, two
//! CS desks, a conversation of the first company's member assigned to one
//! agent, and fresh targets made on demand so that no cell depends on what
//! an earlier one changed.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use reqwest::{Client, StatusCode};
use serde_json::json;
use shipdesk::auth::{Member, Staff};
use shipdesk::chat::{self, AgentStatus, Desk};
use shipdesk::customer::Company;

use crate::support::{spawn_app, TestApp, PASSWORD};

/// Who calls, in the order of the matrix's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Anonymous,
    Admin,
    /// The agent the conversation is assigned to.
    Cs,
    /// An agent of the same desk who is not the assignee.
    CsPeer,
    /// The salesperson who owns the first company.
    Sales,
    Ops,
    Finance,
    Provider,
    /// A member of the first company, whose conversation it is.
    Member,
    /// A member of the second company.
    Outsider,
    /// Staff with two roles: sales (owner of the second company) and cs (of
    /// the other desk).
    SalesCs,
    /// No session: the admin's API token in the `token` (and `Authorization`) header.
    Token,
}

impl Who {
    pub const ALL: [Who; 12] = [
        Who::Anonymous,
        Who::Admin,
        Who::Cs,
        Who::CsPeer,
        Who::Sales,
        Who::Ops,
        Who::Finance,
        Who::Provider,
        Who::Member,
        Who::Outsider,
        Who::SalesCs,
        Who::Token,
    ];
}

/// A caller's HTTP client, and the cookies or token it presents.
pub struct Caller {
    pub client: Client,
    jar: Option<Arc<Jar>>,
    pub token: Option<String>,
}

impl Caller {
    fn with_jar() -> Caller {
        let jar = Arc::new(Jar::default());
        let client = Client::builder()
            .timeout(crate::support::ANSWER_WITHIN)
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Caller {
            client,
            jar: Some(jar),
            token: None,
        }
    }

    fn with_token(token: &str) -> Caller {
        let mut headers = HeaderMap::new();
        headers.insert("token", HeaderValue::from_str(token).unwrap());
        let bearer = HeaderValue::from_str(&format!("Bearer {token}")).unwrap();
        headers.insert(AUTHORIZATION, bearer);
        let client = Client::builder()
            .timeout(crate::support::ANSWER_WITHIN)
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Caller {
            client,
            jar: None,
            token: Some(token.to_owned()),
        }
    }

    /// The `Cookie` header a browser would send to `base` (for the socket).
    pub fn cookie(&self, base: &str) -> Option<HeaderValue> {
        self.jar.as_ref()?.cookies(&base.parse().unwrap())
    }
}

pub struct World {
    pub app: TestApp,
    pub callers: Vec<Caller>,
    pub admin: Staff,
    pub cs: Staff,
    pub peer: Staff,
    pub sales: Staff,
    pub sales_cs: Staff,
    pub others: Vec<Staff>,
    /// The first company (owned by `sales`) and its member.
    pub company: Company,
    pub member: Member,
    /// The second company (owned by `sales_cs`) and its member.
    pub other_company: Company,
    pub outsider: Member,
    /// The desk of `cs` and `peer`, and the one of `sales_cs`.
    pub desk: Desk,
    pub other_desk: Desk,
    next: AtomicU32,
}

impl World {
    pub async fn new() -> World {
        let app = spawn_app().await;
        let s = &app.state;
        let staff = |account: &'static str, roles: &'static [&'static str]| {
            shipdesk::testing::staff(s, account, roles)
        };
        let admin = staff("admin1", &["admin"]).await;
        let cs = staff("cs1", &["cs"]).await;
        let peer = staff("cs2", &["cs"]).await;
        let sales = staff("sales1", &["sales"]).await;
        let sales_cs = staff("salescs1", &["sales", "cs"]).await;
        let others = vec![
            staff("ops1", &["ops"]).await,
            staff("finance1", &["finance"]).await,
            staff("provider1", &["provider"]).await,
        ];
        let (company, member) = app
            .company_with_member(&admin, "Acme Ltd", Some(&sales), "13800138001")
            .await;
        let (other_company, outsider) = app
            .company_with_member(&admin, "Globex Ltd", Some(&sales_cs), "13800138002")
            .await;
        let desk = shipdesk::testing::desk(s, &admin, "presales", None).await;
        let other_desk = shipdesk::testing::desk(s, &admin, "aftersales", None).await;
        // cs takes the desk's new conversations; peer serves it, busy.
        for (agent, desk, status) in [
            (&cs, &desk, AgentStatus::Online),
            (&peer, &desk, AgentStatus::Busy),
            (&sales_cs, &other_desk, AgentStatus::Online),
        ] {
            chat::service::admin::set_agent_desks(s, &admin, agent.id, &[desk.id], 50)
                .await
                .unwrap();
            chat::service::agent::set_agent_status(s, agent, status)
                .await
                .unwrap();
        }
        let (_, token) = shipdesk::auth::api_token::create(s, &admin, "matrix", None)
            .await
            .unwrap();

        let mut callers = vec![Caller::with_jar()];
        for account in [
            "admin1",
            "cs1",
            "cs2",
            "sales1",
            "ops1",
            "finance1",
            "provider1",
        ] {
            callers.push(staff_caller(&app, account).await);
        }
        for phone in ["13800138001", "13800138002"] {
            callers.push(member_caller(&app, phone).await);
        }
        callers.push(staff_caller(&app, "salescs1").await);
        callers.push(Caller::with_token(&token));
        assert_eq!(callers.len(), Who::ALL.len());

        World {
            app,
            callers,
            admin,
            cs,
            peer,
            sales,
            sales_cs,
            others,
            company,
            member,
            other_company,
            outsider,
            desk,
            other_desk,
            next: AtomicU32::new(1),
        }
    }

    pub fn caller(&self, who: Who) -> &Caller {
        &self.callers[who as usize]
    }

    /// The staff member behind a caller, if it is one.
    pub fn staff(&self, who: Who) -> Option<&Staff> {
        match who {
            Who::Admin => Some(&self.admin),
            Who::Cs => Some(&self.cs),
            Who::CsPeer => Some(&self.peer),
            Who::Sales => Some(&self.sales),
            Who::Ops => Some(&self.others[0]),
            Who::Finance => Some(&self.others[1]),
            Who::Provider => Some(&self.others[2]),
            Who::SalesCs => Some(&self.sales_cs),
            _ => None,
        }
    }

    /// A number no earlier call of this world returned.
    pub fn n(&self) -> u32 {
        self.next.fetch_add(1, Ordering::Relaxed)
    }

    pub fn state(&self) -> &shipdesk::state::AppState {
        &self.app.state
    }

    /// The desk an agent caller serves (the first one for everybody else).
    pub fn desk_of(&self, who: Who) -> &Desk {
        if who == Who::SalesCs {
            &self.other_desk
        } else {
            &self.desk
        }
    }
}

async fn staff_caller(app: &TestApp, account: &str) -> Caller {
    let c = Caller::with_jar();
    let res = app.staff_login(&c.client, account, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK, "sign-in of {account}");
    c
}

async fn member_caller(app: &TestApp, phone: &str) -> Caller {
    let c = Caller::with_jar();
    let (status, sent) = app.request_code(&c.client, phone).await;
    assert_eq!(status, StatusCode::OK, "code request: {sent}");
    let body = json!({ "phone": phone, "code": sent["dev_code"] });
    let (status, member) = app.call(&c.client, "member_login", body).await;
    assert_eq!(status, StatusCode::OK, "member sign-in: {member}");
    c
}
