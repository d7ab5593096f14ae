//! A stand-in for Kuaidi100 on loopback that speaks its protocol, written
//! from its documentation and not from our client: `POST /poll/query.do`
//! checks the customer and `sign` = upper(MD5(param + key + customer)) and
//! answers the number's events (newest first) or its error codes; `POST
//! /poll` checks `schema=json` and the key, records the subscription's
//! callback URL and salt, answers 200, or 501 for a number followed
//! already; [`FakeKuaidi100::push`] then POSTs `param` and `sign` =
//! upper(MD5(param + salt)) to the callback URL, as Kuaidi100 does.

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::routing::post;
use axum::{Form, Json, Router};
use md5::{Digest, Md5};
use serde_json::{json, Value};

pub const CUSTOMER: &str = "TESTCUSTOMER01";
pub const KEY: &str = "fake-key-0123456789";
pub const SALT: &str = "fake-salt-0123456789";

fn md5_upper(s: &str) -> String {
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

/// One event as Kuaidi100 writes it (`resultv2=1`).
pub fn event(time: &str, context: &str, word: &str, code: &str, area: &str) -> Value {
    json!({"time": time, "ftime": time, "context": context, "status": word,
        "statusCode": code, "areaName": area, "location": ""})
}

#[derive(Default)]
struct Books {
    /// (company, number) → events newest first, and the state code.
    numbers: HashMap<(String, String), (Vec<Value>, String)>,
    /// (company, number) → (callbackurl, salt).
    subscriptions: HashMap<(String, String), (String, String)>,
    queries: usize,
}

#[derive(Clone)]
pub struct FakeKuaidi100 {
    pub base: String,
    books: Arc<Mutex<Books>>,
}

fn refusal(code: &str, message: &str) -> Json<Value> {
    Json(json!({"result": false, "returnCode": code, "message": message}))
}

async fn query(
    State(f): State<FakeKuaidi100>,
    Form(form): Form<HashMap<String, String>>,
) -> Json<Value> {
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    let param = get("param");
    if get("customer") != CUSTOMER || get("sign") != md5_upper(&format!("{param}{KEY}{CUSTOMER}")) {
        return refusal("503", "验证签名失败");
    }
    let Ok(p) = serde_json::from_str::<Value>(&param) else {
        return refusal("400", "找不到对应公司");
    };
    let com = p["com"].as_str().unwrap_or("").to_owned();
    let num = p["num"].as_str().unwrap_or("").to_owned();
    if com == "shunfeng" && p["phone"].as_str().unwrap_or("").is_empty() {
        return refusal("408", "您提交的手机号码后四位有误");
    }
    let mut books = f.books.lock().unwrap();
    books.queries += 1;
    match books.numbers.get(&(com.clone(), num.clone())) {
        Some((data, state)) => Json(json!({"message": "ok", "nu": num, "ischeck": "0",
            "condition": "F00", "com": com, "status": "200", "state": state, "data": data})),
        None => refusal("500", "查询无结果，请隔段时间再查"),
    }
}

async fn subscribe(
    State(f): State<FakeKuaidi100>,
    Form(form): Form<HashMap<String, String>>,
) -> Json<Value> {
    if form.get("schema").map(String::as_str) != Some("json") {
        return refusal("700", "订阅方的订阅数据存在错误");
    }
    let Some(Ok(p)) = form.get("param").map(|p| serde_json::from_str::<Value>(p)) else {
        return refusal("700", "订阅方的订阅数据存在错误");
    };
    if p["key"] != KEY {
        return refusal("600", "您不是合法的订阅者");
    }
    let company = p["company"].as_str().unwrap_or("").to_owned();
    if company == "tiantian" {
        return refusal("701", "拒绝订阅的快递公司");
    }
    let number = p["number"].as_str().unwrap_or("").to_owned();
    let url = p["parameters"]["callbackurl"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    let salt = p["parameters"]["salt"].as_str().unwrap_or("").to_owned();
    let mut books = f.books.lock().unwrap();
    match books.subscriptions.insert((company, number), (url, salt)) {
        None => Json(json!({"result": true, "returnCode": "200", "message": "提交成功"})),
        Some(_) => refusal("501", "POLL:重复订阅"),
    }
}

impl FakeKuaidi100 {
    pub async fn start() -> FakeKuaidi100 {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let fake = FakeKuaidi100 {
            base,
            books: Default::default(),
        };
        let app = Router::new()
            .route("/poll/query.do", post(query))
            .route("/poll", post(subscribe))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        fake
    }

    /// The carrier has these events (newest first) for a number.
    pub fn has(&self, com: &str, num: &str, state: &str, events: Vec<Value>) {
        let mut books = self.books.lock().unwrap();
        books
            .numbers
            .insert((com.into(), num.into()), (events, state.into()));
    }

    pub fn queries(&self) -> usize {
        self.books.lock().unwrap().queries
    }

    /// The callback URL and salt a number was subscribed with.
    pub fn subscription(&self, com: &str, num: &str) -> Option<(String, String)> {
        let books = self.books.lock().unwrap();
        books.subscriptions.get(&(com.into(), num.into())).cloned()
    }

    /// The `param` of a push of the number's events with `status`.
    pub fn push_param(&self, com: &str, num: &str, status: &str) -> String {
        let books = self.books.lock().unwrap();
        let (data, state) = books
            .numbers
            .get(&(com.into(), num.into()))
            .cloned()
            .unwrap_or_default();
        json!({"status": status, "billstatus": "got", "message": "", "autoCheck": "0",
            "comOld": "", "comNew": "", "lastResult": {"message": "ok", "state": state,
            "status": "200", "condition": "F00", "ischeck": "0", "com": com, "nu": num,
            "data": data}})
        .to_string()
    }

    /// Pushes the number's events to the URL it was subscribed with, signed
    /// with its salt: our answer's status and body.
    pub async fn push(&self, com: &str, num: &str, status: &str) -> (u16, Value) {
        let (url, salt) = self.subscription(com, num).expect("subscribed");
        let param = self.push_param(com, num, status);
        let sign = md5_upper(&format!("{param}{salt}"));
        post_push(&url, &[("param", param), ("sign", sign)]).await
    }
}

/// POSTs a push form to `url`: the status and the JSON answer.
pub async fn post_push(url: &str, form: &impl serde::Serialize) -> (u16, Value) {
    let res = reqwest::Client::new()
        .post(url)
        .form(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let body = res.text().await.unwrap_or_default();
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

/// The sign a push with `param` would carry under `salt`.
pub fn sign(param: &str, salt: &str) -> String {
    md5_upper(&format!("{param}{salt}"))
}
