//! A table read without errors as the widget's JSON: `{"title"?, "communes" | "indicators"}`, each
//! item's fields in the documented order (the JSON Schema's).

use super::{Item, Table, TableKind, Value};
use crate::problem::push_json_string;

/// A commune's fields in order (`cellKinds` and `targets` are objects).
pub const COMMUNE_ORDER: [&str; 9] = ["name", "district", "province", "members", "cells", "cellKinds", "targets", "population", "areaKm2"];
pub const TARGET_ORDER: [&str; 4] = ["met", "over80", "behind", "total"];
pub const INDICATOR_ORDER: [&str; 5] = ["unit", "name", "value", "measure", "percentOfPlan"];

fn push_value(out: &mut String, v: &Value) {
    match v {
        Value::Text(s) => push_json_string(s, out, usize::MAX),
        Value::Number(n) => out.push_str(&n.json),
    }
}

/// `{"key": value, …}` of the fields of `item` under `prefix.` (in `order`, or as found).
fn push_group(out: &mut String, item: &Item, prefix: &str, order: Option<&[&str]>) {
    let mut first = true;
    let mut field = |out: &mut String, key: &str, v: &Value| {
        out.push_str(if first { "{" } else { "," });
        first = false;
        push_json_string(key, out, usize::MAX);
        out.push(':');
        push_value(out, v);
    };
    match order {
        Some(keys) => {
            for key in keys {
                if let Some((_, v)) = item.iter().find(|(k, _)| k.strip_prefix(prefix).and_then(|k| k.strip_prefix('.')) == Some(*key)) {
                    field(out, key, v);
                }
            }
        }
        None => {
            for (k, v) in item {
                if let Some(key) = k.strip_prefix(prefix).and_then(|k| k.strip_prefix('.')) {
                    field(out, key, v);
                }
            }
        }
    }
    out.push('}');
}

/// One item as a JSON object.
pub fn push_item(out: &mut String, item: &Item, kind: TableKind) {
    let order: &[&str] = if kind == TableKind::Indicators { &INDICATOR_ORDER } else { &COMMUNE_ORDER };
    let mut first = true;
    out.push('{');
    for key in order {
        let group = matches!(*key, "cellKinds" | "targets");
        let present = if group {
            item.iter().any(|(k, _)| k.strip_prefix(key).is_some_and(|r| r.starts_with('.')))
        } else {
            item.iter().any(|(k, _)| k == key)
        };
        if !present {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        push_json_string(key, out, usize::MAX);
        out.push(':');
        match *key {
            "cellKinds" => push_group(out, item, key, None),
            "targets" => push_group(out, item, key, Some(&TARGET_ORDER)),
            _ => {
                if let Some((_, v)) = item.iter().find(|(k, _)| k == key) {
                    push_value(out, v);
                }
            }
        }
    }
    out.push('}');
}

impl Table {
    /// The table as the widget's JSON (its items as read, also when it has errors).
    pub fn to_json(&self) -> String {
        let mut out = String::from("{");
        if let Some(title) = &self.title {
            out.push_str("\"title\":");
            push_json_string(title, &mut out, usize::MAX);
            out.push(',');
        }
        push_json_string(self.kind.list(), &mut out, usize::MAX);
        out.push_str(":[");
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_item(&mut out, item, self.kind);
        }
        out.push_str("]}");
        out
    }
}
