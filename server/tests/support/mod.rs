//! The app on a random port with its own database (SQLite, or PostgreSQL when
//! `SHIPDESK_TEST_PG` is set), and helpers to call it the way a browser does.

#![allow(dead_code)]

use leptos::prelude::LeptosOptions;
use reqwest::header::{ACCEPT, COOKIE, SET_COOKIE};
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use shipdesk::auth::{Member, Staff};
use shipdesk::state::AppState;

/// The password of every staff fixture.
pub const PASSWORD: &str = "letters123";

pub struct TestApp {
    pub base: String,
    pub state: AppState,
}

/// Starts the whole router (session layer, guards, pages, server functions).
pub async fn spawn_app() -> TestApp {
    spawn_app_with(shipdesk::testing::test_state().await).await
}

/// A second instance of the app on the database of `first` (its own pool,
/// hub and port), as a load balancer would have behind it.
pub async fn spawn_sibling(first: &TestApp) -> TestApp {
    let url = first.state.db.connect_options().database_url.to_string();
    let db = shipdesk::db::connect(&url).await.expect("connect sibling");
    let mut state = AppState::new(db, (*first.state.config).clone());
    state.clock = first.state.clock.clone();
    spawn_app_with(state).await
}

/// Starts the whole router on `state`, with the chat fan-out.
pub async fn spawn_app_with(state: AppState) -> TestApp {
    spawn_app_with_options(state, test_options()).await
}

/// Starts the whole router on `state` serving the site `options` describe.
pub async fn spawn_app_with_options(state: AppState, options: LeptosOptions) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a free port");
    spawn_app_on(listener, state, options).await
}

/// Starts the whole router on `state` on a listener bound already (when
/// the state must know its own address, as a push callback URL does).
pub async fn spawn_app_on(
    listener: tokio::net::TcpListener,
    state: AppState,
    options: LeptosOptions,
) -> TestApp {
    shipdesk_server::start_fan_out(&state)
        .await
        .expect("chat fan-out");
    let router = shipdesk_server::router(state.clone(), options);
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(shipdesk_server::serve(listener, router));
    TestApp { base, state }
}

/// The options of the test site.
pub fn test_options() -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("shipdesk")
        .site_root("target/site")
        .build()
}

/// A client that keeps cookies like a browser and does not follow redirects.
/// How long a test waits for an answer: a stalled response fails its test
/// in a minute instead of holding the whole run.
pub const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(60);

pub fn client() -> Client {
    Client::builder()
        .timeout(ANSWER_WITHIN)
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A client without a cookie jar: cookies travel only when a test sets them.
pub fn bare_client() -> Client {
    Client::builder()
        .timeout(ANSWER_WITHIN)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The value of cookie `name` among the response's `Set-Cookie` headers,
/// with its attributes (`sd_session=abc; HttpOnly; …`).
pub fn set_cookie(res: &Response, name: &str) -> Option<String> {
    res.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

/// Just `name=value` of a `Set-Cookie` line.
pub fn cookie_pair(set_cookie: &str) -> &str {
    set_cookie.split(';').next().unwrap_or("")
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// POST /api/<endpoint> with a JSON body, the raw response.
    pub async fn post(&self, client: &Client, endpoint: &str, body: Value) -> Response {
        client
            .post(self.url(&format!("/api/{endpoint}")))
            .json(&body)
            .send()
            .await
            .expect("request")
    }

    /// Calls a server function: its status and JSON answer (Null if not JSON).
    pub async fn call(&self, client: &Client, endpoint: &str, body: Value) -> (StatusCode, Value) {
        let res = self.post(client, endpoint, body).await;
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// GET a page as a browser navigation (`Accept: text/html`).
    pub async fn page(&self, client: &Client, path: &str) -> Response {
        client
            .get(self.url(path))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .expect("request")
    }

    /// GET a page with an explicit `Cookie` header.
    pub async fn page_with_cookie(&self, path: &str, cookie: &str) -> Response {
        bare_client()
            .get(self.url(path))
            .header(ACCEPT, "text/html")
            .header(COOKIE, cookie)
            .send()
            .await
            .expect("request")
    }

    pub async fn staff_login(&self, client: &Client, account: &str, password: &str) -> Response {
        let body = json!({ "account": account, "password": password });
        self.post(client, "staff_login", body).await
    }

    pub async fn current_user(&self, client: &Client) -> Value {
        let (status, user) = self.call(client, "current_user", json!({})).await;
        assert_eq!(status, StatusCode::OK, "current_user: {user}");
        user
    }

    /// A staff member with `roles`, and a client signed in as them.
    pub async fn signed_in_staff(&self, account: &str, roles: &[&str]) -> (Staff, Client) {
        let staff = shipdesk::testing::staff(&self.state, account, roles).await;
        let client = client();
        let res = self.staff_login(&client, account, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK, "sign-in of {account}");
        (staff, client)
    }

    /// Asks for a code for `phone`; the dev code when one was sent.
    pub async fn request_code(&self, client: &Client, phone: &str) -> (StatusCode, Value) {
        self.call(client, "request_login_code", json!({ "phone": phone }))
            .await
    }

    /// A client signed in as the (existing) member with `phone`.
    pub async fn signed_in_member(&self, phone: &str) -> Client {
        let client = client();
        let (status, sent) = self.request_code(&client, phone).await;
        assert_eq!(status, StatusCode::OK, "code request: {sent}");
        let code = sent["dev_code"].as_str().expect("dev code").to_owned();
        let body = json!({ "phone": phone, "code": code });
        let (status, member) = self.call(&client, "member_login", body).await;
        assert_eq!(status, StatusCode::OK, "member sign-in: {member}");
        client
    }

    /// A company (owned by `owner`) with one member, created by `admin`.
    pub async fn company_with_member(
        &self,
        admin: &Staff,
        name: &str,
        owner: Option<&Staff>,
        phone: &str,
    ) -> (shipdesk::customer::Company, Member) {
        let company = shipdesk::testing::company(&self.state, admin, name, owner).await;
        let member = shipdesk::testing::member(&self.state, admin, &company, "Member", phone).await;
        (company, member)
    }
}

/// The `kind` and `field` of an AppError answer.
pub fn error_of(body: &Value) -> (&str, &str) {
    (
        body["kind"].as_str().unwrap_or(""),
        body["field"].as_str().unwrap_or(""),
    )
}

/// The `Retry-After` header in seconds.
pub fn retry_after(res: &Response) -> u64 {
    res.headers()
        .get(reqwest::header::RETRY_AFTER)
        .expect("a Retry-After header")
        .to_str()
        .unwrap()
        .parse()
        .expect("Retry-After in seconds")
}

/// The `sd_session=…` pair of a client signed in as the member with `phone`
/// (for a WebSocket, whose handshake carries the cookie by hand).
pub async fn member_cookie(app: &TestApp, phone: &str) -> String {
    let c = bare_client();
    let res = app
        .post(&c, "request_login_code", json!({ "phone": phone }))
        .await;
    let sent: Value = res.json().await.unwrap();
    let code = sent["dev_code"].as_str().expect("dev code").to_owned();
    let res = app
        .post(&c, "member_login", json!({ "phone": phone, "code": code }))
        .await;
    assert_eq!(res.status(), StatusCode::OK, "member sign-in");
    cookie_pair(&set_cookie(&res, "sd_session").expect("session cookie")).to_owned()
}

/// The `sd_session=…` pair of a signed-in staff member.
pub async fn staff_cookie(app: &TestApp, account: &str, password: &str) -> String {
    let res = app.staff_login(&bare_client(), account, password).await;
    assert_eq!(res.status(), StatusCode::OK, "sign-in of {account}");
    cookie_pair(&set_cookie(&res, "sd_session").expect("session cookie")).to_owned()
}
