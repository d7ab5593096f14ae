//! Who may call which server function, over HTTP: every endpoint called by an
//! anonymous visitor, a staff member of each role and a customer member.

mod support;

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use support::{client, spawn_app, TestApp};

/// Not refused: any answer but 401, 403 or a server error (the call may still
/// be refused for its input).
const OK: u16 = 0;

const CALLERS: [&str; 8] = [
    "anonymous",
    "admin",
    "cs",
    "sales",
    "ops",
    "finance",
    "provider",
    "member",
];

/// The expected answer of each endpoint per caller, in the order of `CALLERS`.
/// `logout` comes last: it ends the callers' sessions.
#[rustfmt::skip]
const MATRIX: &[(&str, [u16; 8])] = &[
    //                        anon  admin cs   sales ops  fin  prov member
    ("staff_login",          [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("request_login_code",   [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("member_login",         [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("current_user",         [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("set_language",         [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
    ("list_staff",           [401, OK,   403, 403,  403, 403, 403, 403]),
    ("create_staff",         [401, OK,   403, 403,  403, 403, 403, 403]),
    ("set_staff_roles",      [401, OK,   403, 403,  403, 403, 403, 403]),
    ("reset_staff_password", [401, OK,   403, 403,  403, 403, 403, 403]),
    ("set_staff_disabled",   [401, OK,   403, 403,  403, 403, 403, 403]),
    ("list_companies",       [401, OK,   OK,  OK,   OK,  OK,  403, 403]),
    ("get_company",          [401, OK,   OK,  OK,   OK,  OK,  403, 403]),
    ("create_company",       [401, OK,   403, OK,   403, 403, 403, 403]),
    ("update_company",       [401, OK,   403, OK,   403, 403, 403, 403]),
    ("set_company_owner",    [401, OK,   403, 403,  403, 403, 403, 403]),
    ("add_member",           [401, OK,   403, OK,   403, 403, 403, 403]),
    ("set_member_disabled",  [401, OK,   403, OK,   403, 403, 403, 403]),
    ("list_salespeople",     [401, OK,   403, OK,   403, 403, 403, 403]),
    ("my_company",           [401, 403,  403, 403,  403, 403, 403, OK ]),
    ("logout",               [OK,  OK,   OK,  OK,   OK,  OK,  OK,  OK ]),
];

/// What the calls work on.
struct Fixtures {
    target_staff: i64,
    sales: i64,
    company: i64,
    other_member: i64,
}

/// A valid-looking body for `endpoint`; `n` (the caller's column) keeps
/// phones and accounts apart so that no call trips over an earlier one.
fn body(endpoint: &str, f: &Fixtures, n: usize) -> Value {
    let company_input = json!({
        "name": format!("Company {n}"), "code": "", "owner_staff_id": null,
        "contact_name": "", "contact_phone": "", "address": ""
    });
    match endpoint {
        "staff_login" => json!({"account": "nobody", "password": "wrong-password1"}),
        "request_login_code" => json!({"phone": format!("1390000000{n}")}),
        "member_login" => json!({"phone": format!("1390000000{n}"), "code": "000000"}),
        "set_language" => json!({"lang": "en"}),
        "list_staff" => json!({"filter": {"q": null, "role": null}, "page": 1, "size": 20}),
        "create_staff" => json!({"input": {
            "account": format!("new{n}"), "name": "New", "password": "letters123", "roles": ["cs"]
        }}),
        "set_staff_roles" => json!({"id": f.target_staff, "roles": ["cs"]}),
        "reset_staff_password" => json!({"id": f.target_staff, "password": "newpass123"}),
        "set_staff_disabled" => json!({"id": f.target_staff, "disabled": false}),
        "list_companies" => {
            json!({"filter": {"q": null, "certification": null}, "page": 1, "size": 20})
        }
        "get_company" => json!({"id": f.company}),
        "create_company" => json!({"input": company_input}),
        "update_company" => json!({"id": f.company, "input": {
            "name": "Acme Ltd", "contact_name": "", "contact_phone": "", "address": "",
            "certification": "none"
        }}),
        "set_company_owner" => json!({"id": f.company, "owner_staff_id": f.sales}),
        "add_member" => json!({"company_id": f.company, "input": {
            "name": "New", "phone": format!("1370000000{n}")
        }}),
        "set_member_disabled" => {
            json!({"company_id": f.company, "member_id": f.other_member, "disabled": false})
        }
        _ => json!({}),
    }
}

/// One client per caller (anonymous first), and the fixtures.
async fn callers(app: &TestApp) -> (Vec<Client>, Fixtures) {
    let mut clients = vec![client()];
    let mut ids = vec![];
    for role in &CALLERS[1..7] {
        let (staff, c) = app.signed_in_staff(&format!("{role}1"), &[role]).await;
        ids.push(staff.id);
        clients.push(c);
    }
    let admin = shipdesk::auth::repo::staff_by_id(&app.state.db, ids[0])
        .await
        .unwrap()
        .unwrap();
    let sales = shipdesk::auth::repo::staff_by_id(&app.state.db, ids[2])
        .await
        .unwrap()
        .unwrap();
    let (company, _) = app
        .company_with_member(&admin, "Acme Ltd", Some(&sales), "13800138001")
        .await;
    let other = shipdesk::testing::member(&app.state, &admin, &company, "Li", "13800138002").await;
    clients.push(app.signed_in_member("13800138001").await);
    let target = shipdesk::testing::staff(&app.state, "target", &["ops"]).await;
    let fixtures = Fixtures {
        target_staff: target.id,
        sales: sales.id,
        company: company.id,
        other_member: other.id,
    };
    (clients, fixtures)
}

fn verdict(status: StatusCode, expected: u16) -> bool {
    match expected {
        OK => {
            status != StatusCode::UNAUTHORIZED
                && status != StatusCode::FORBIDDEN
                && !status.is_server_error()
        }
        code => status.as_u16() == code,
    }
}

#[tokio::test]
async fn every_server_function_admits_exactly_the_callers_of_the_matrix() {
    let app = spawn_app().await;
    let (clients, fixtures) = callers(&app).await;
    let mut wrong = vec![];

    for (endpoint, expected) in MATRIX {
        for (n, client) in clients.iter().enumerate() {
            let (status, answer) = app
                .call(client, endpoint, body(endpoint, &fixtures, n))
                .await;
            if !verdict(status, expected[n]) {
                let want = if expected[n] == OK {
                    "allowed".into()
                } else {
                    expected[n].to_string()
                };
                wrong.push(format!(
                    "{endpoint} as {}: want {want}, got {status} {answer}",
                    CALLERS[n]
                ));
            }
        }
    }

    assert!(
        wrong.is_empty(),
        "{} cells differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
