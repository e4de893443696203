//! A wrong value as a message quotes it: the start of it as compact JSON, as `serde_json` writes
//! it, however large the value.

/// A wrong value as a message quotes it: compact JSON, at most 40 characters.
pub(super) fn found_text(found: &crate::json::Value) -> String {
    let mut text = String::new();
    compact_json(found, &mut text, 40);
    if text.chars().count() > 40 {
        text = text.chars().take(39).collect::<String>() + "…";
    }
    text
}

/// `v` as compact JSON (`{"a":[1,"x"]}`), as `serde_json` writes it, stopping once `out` holds more
/// than `max_chars` bytes: a message quotes only the start of a wrong value, however large.
pub(crate) fn compact_json(v: &crate::json::Value, out: &mut String, max_chars: usize) {
    if out.len() > max_chars {
        return;
    }
    match v {
        crate::json::Value::Null => out.push_str("null"),
        crate::json::Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        crate::json::Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => out.push_str(&u.to_string()),
            (None, Some(i)) => out.push_str(&i.to_string()),
            (None, None) => {
                let text = crate::locale::json_number(n.as_f64());
                out.push_str(&text);
                if !text.contains('.') {
                    out.push_str(".0"); // a float stays one: `2.0`
                }
            }
        },
        crate::json::Value::String(s) => push_json_string(s, out, max_chars),
        crate::json::Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if out.len() > max_chars {
                    break;
                }
                if i > 0 {
                    out.push(',');
                }
                compact_json(item, out, max_chars);
            }
            out.push(']');
        }
        crate::json::Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if out.len() > max_chars {
                    break;
                }
                if i > 0 {
                    out.push(',');
                }
                push_json_string(key, out, max_chars);
                out.push(':');
                compact_json(item, out, max_chars);
            }
            out.push('}');
        }
    }
}

/// `s` as a JSON string, its first `max_chars` + 1 characters (`usize::MAX`: all of it).
pub(crate) fn push_json_string(s: &str, out: &mut String, max_chars: usize) {
    out.push('"');
    for c in s.chars().take(max_chars.saturating_add(1)) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted start of a wrong value reads as `serde_json` would write it.
    #[test]
    fn wrong_values_are_quoted_as_compact_json() {
        for text in [r#"{"a":[1,"x",null,true,-3,2.5,2.0],"b\"c":{"d":"e\\f\ng"}}"#, "0.29", "-7", r#""Xã \"Pa\" Vây""#, "[]", "{}"] {
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            let mut ours = String::new();
            compact_json(&crate::json::parse(text).unwrap(), &mut ours, 1000);
            assert_eq!(ours, theirs.to_string(), "{text}");
        }
        let big = crate::json::parse(&format!("[{}]", vec!["123456789"; 10_000].join(","))).unwrap();
        let mut ours = String::new();
        compact_json(&big, &mut ours, 40);
        assert!(ours.len() < 60 && ours.starts_with("[123456789,123456789,"), "{ours}");
    }
}
