//! What a success must show: a field of the answer, an item of a list, an
//! effect seen by a follow-up call, a cookie, the bytes of a file.

use serde_json::{json, Value};

use crate::world::{Caller, World};

pub enum Check {
    /// The answer's value at a JSON pointer ("" for the whole answer).
    Field(&'static str, Value),
    /// The list at `list` holds an item whose `key` is `id` and whose
    /// `field` is `value`.
    Item {
        list: &'static str,
        key: &'static str,
        id: Value,
        field: &'static str,
        value: Value,
    },
    /// The list at `list` holds no item whose `key` is `id`.
    Absent {
        list: &'static str,
        key: &'static str,
        id: Value,
    },
    /// The answer is empty; a follow-up call by the same caller succeeds
    /// and shows the effect.
    Then(&'static str, Value, Box<Check>),
    /// The account now signs in with this password.
    SignsIn(String, &'static str),
    /// The response sets this cookie to this value.
    Cookie(&'static str, &'static str),
    /// The response body is exactly these bytes.
    Bytes(Vec<u8>),
    /// The connection was upgraded (status 101 is all there is).
    Upgraded,
}

/// The list at `list` holds an item whose `key` is `id`.
pub fn has(list: &'static str, key: &'static str, id: impl Into<Value>) -> Check {
    let id = id.into();
    Check::Item {
        list,
        key,
        id: id.clone(),
        field: key,
        value: id,
    }
}

pub fn field(pointer: &'static str, value: impl Into<Value>) -> Check {
    Check::Field(pointer, value.into())
}

pub fn then(endpoint: &'static str, body: Value, check: Check) -> Check {
    Check::Then(endpoint, body, Box::new(check))
}

/// What a call answered.
pub struct Answer {
    pub status: u16,
    pub set_cookies: Vec<String>,
    pub bytes: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap_or(Value::Null)
    }
}

fn at<'v>(v: &'v Value, pointer: &str) -> &'v Value {
    v.pointer(pointer).unwrap_or(&Value::Null)
}

fn item<'v>(answer: &'v Value, list: &str, key: &str, id: &Value) -> Option<&'v Value> {
    at(answer, list)
        .as_array()?
        .iter()
        .find(|i| at(i, key) == id)
}

impl Check {
    /// Ok, or what is wrong with `answer`.
    pub async fn verify(&self, w: &World, caller: &Caller, answer: &Answer) -> Result<(), String> {
        let json = answer.json();
        let ok = match self {
            Check::Field(pointer, want) => at(&json, pointer) == want,
            Check::Item {
                list,
                key,
                id,
                field,
                value,
            } => item(&json, list, key, id).is_some_and(|i| at(i, field) == value),
            Check::Absent { list, key, id } => {
                at(&json, list).is_array() && item(&json, list, key, id).is_none()
            }
            Check::Then(endpoint, body, check) => {
                if json != Value::Null {
                    return Err(format!("an empty answer, not {json}"));
                }
                let res = w.app.post(&caller.client, endpoint, body.clone()).await;
                let next = Answer {
                    status: res.status().as_u16(),
                    set_cookies: vec![],
                    bytes: res.bytes().await.unwrap_or_default().to_vec(),
                };
                if next.status != 200 {
                    return Err(format!("then {endpoint}: {} {}", next.status, next.json()));
                }
                return Box::pin(check.verify(w, caller, &next))
                    .await
                    .map_err(|e| format!("then {endpoint}: {e}"));
            }
            Check::SignsIn(account, password) => {
                let c = crate::support::bare_client();
                let res = w.app.staff_login(&c, account, password).await;
                res.status() == 200
            }
            Check::Cookie(name, value) => {
                let pair = format!("{name}={value}");
                answer
                    .set_cookies
                    .iter()
                    .any(|c| c.split(';').next() == Some(pair.as_str()))
            }
            Check::Bytes(want) => &answer.bytes == want,
            Check::Upgraded => true,
        };
        if ok {
            Ok(())
        } else {
            Err(format!("{} in {}", self.describe(), shorten(&json)))
        }
    }

    fn describe(&self) -> String {
        match self {
            Check::Field(p, v) => format!("want {p} = {v}"),
            Check::Item {
                list,
                key,
                id,
                field,
                value,
            } => format!("want an item {list}[{key} = {id}] with {field} = {value}"),
            Check::Absent { list, key, id } => format!("want no item {list}[{key} = {id}]"),
            Check::Then(e, ..) => format!("then {e}"),
            Check::SignsIn(a, _) => format!("want {a} to sign in with the new password"),
            Check::Cookie(n, v) => format!("want cookie {n}={v}"),
            Check::Bytes(b) => format!("want the {} bytes uploaded", b.len()),
            Check::Upgraded => "want an upgrade".into(),
        }
    }
}

fn shorten(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 400 {
        format!("{}…", s.chars().take(400).collect::<String>())
    } else {
        s
    }
}

/// An empty JSON object, the body of a call without arguments.
pub fn none() -> Value {
    json!({})
}
