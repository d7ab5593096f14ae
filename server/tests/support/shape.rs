//! Compares an answer with a seed's example, field by field: the same keys
//! in every object, the same JSON type of every value (an integer where the
//! seed has an integer, not a float or a string), arrays' items each like
//! the seed's first item. `nullable` names the paths the seed documents as
//! "type | null" (`values[].ad_staff_code`): there null is accepted too.

use serde_json::Value;

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "float",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Panics naming the first path where `answer` is not shaped like `seed`.
pub fn assert_same_shape(seed: &Value, answer: &Value, nullable: &[&str]) {
    walk(seed, answer, "", nullable);
}

fn walk(seed: &Value, answer: &Value, path: &str, nullable: &[&str]) {
    if answer.is_null() && nullable.contains(&path) {
        return;
    }
    assert_eq!(
        kind(answer),
        kind(seed),
        "{path}: the seed has {seed}, the answer {answer}"
    );
    match (seed, answer) {
        (Value::Object(s), Value::Object(a)) => {
            let mut sk: Vec<&String> = s.keys().collect();
            let mut ak: Vec<&String> = a.keys().collect();
            sk.sort();
            ak.sort();
            assert_eq!(ak, sk, "{path}: keys differ");
            for (k, sv) in s {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(sv, &a[k], &p, nullable);
            }
        }
        (Value::Array(s), Value::Array(a)) => {
            let Some(first) = s.first() else { return };
            assert!(
                !a.is_empty(),
                "{path}: empty, nothing to compare with the seed"
            );
            for item in a {
                walk(first, item, &format!("{path}[]"), nullable);
            }
        }
        _ => {}
    }
}

#[test]
fn the_shape_check_catches_names_types_and_nesting() {
    use serde_json::json;
    let seed = json!({"a": 1, "b": {"c": "x"}, "d": [{"e": null}]});
    assert_same_shape(
        &seed,
        &json!({"a": 2, "b": {"c": "y"}, "d": [{"e": null}, {"e": null}]}),
        &[],
    );
    assert_same_shape(&json!({"s": "x"}), &json!({"s": null}), &["s"]);
    for bad in [
        json!({"a": "1", "b": {"c": "x"}, "d": [{"e": null}]}),
        json!({"a": 1.5, "b": {"c": "x"}, "d": [{"e": null}]}),
        json!({"a": 1, "b": {"c": "x", "z": 1}, "d": [{"e": null}]}),
        json!({"a": 1, "b": {"c": "x"}, "d": [{"e": 1}]}),
        json!({"a": 1, "b": {"c": "x"}, "d": []}),
    ] {
        let r = std::panic::catch_unwind(|| assert_same_shape(&seed, &bad, &[]));
        assert!(r.is_err(), "{bad} passed");
    }
}
