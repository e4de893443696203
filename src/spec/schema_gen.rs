//! The data format for editors and TypeScript, generated from the types of `spec.rs` (cargo
//! feature `schema-gen`, never on in a build: nothing here reaches the wasm).
//!
//! `schemars` derives the JSON Schema from [`Spec`] and the structs under it: their fields and
//! `camelCase` names, doc comments (the descriptions, in Vietnamese and English), which fields may
//! be left out, and the attributes on the fields that say what `model.rs` checks (whole numbers ≥
//! 0, required names). This module adds what belongs to the document rather than to a field (its
//! `$id`, the `$schema` key, "`communes` or `indicators`"), the rule the walker applies to every
//! text (at most [`MAX_TEXT_CHARS`] characters), and writes the TypeScript types from that schema.
//! `tests/schema_gen.rs` compares both with schema/commune-charts.schema.json and types/data.d.ts.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use super::{Spec, MAX_TEXT_CHARS};
use crate::model::{ChartKind, COMPARES, GROUPS, LOCALES, SORTS};

/// Counts are below 2^53 (exact in JSON numbers and in JavaScript), as `model::count` checks.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A count: a whole number ≥ 0 (`members`, `cells`, the targets…). `Option<Count>` may be null.
pub struct Count;

impl JsonSchema for Count {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "minimum": 0, "maximum": MAX_SAFE_INTEGER })
    }
}

/// A required name: a text with something in it besides spaces (`model::required_text`).
pub struct Name;

impl JsonSchema for Name {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Name".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "\\S" })
    }
}

/// `chart`: one of [`ChartKind::NAMES`].
pub struct ChartName;

impl JsonSchema for ChartName {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "ChartName".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "enum": ChartKind::NAMES })
    }
}

/// `sort`: one of [`SORTS`].
pub struct SortName;

impl JsonSchema for SortName {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "SortName".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "enum": SORTS })
    }
}

/// `compare`: one of [`COMPARES`].
pub struct CompareName;

impl JsonSchema for CompareName {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "CompareName".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "enum": COMPARES })
    }
}

/// `group`: one of [`GROUPS`].
pub struct GroupName;

impl JsonSchema for GroupName {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "GroupName".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "enum": GROUPS })
    }
}

/// `locale`: a language tag whose first part is one of [`LOCALES`], in any case (`vi`, `en-GB`),
/// as `Locale::from_tag` reads it.
pub struct LocaleTag;

impl JsonSchema for LocaleTag {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "LocaleTag".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let any_case = |tag: &str| -> String { tag.chars().flat_map(|c| ['[', c, c.to_ascii_uppercase(), ']']).collect() };
        let tags: Vec<String> = LOCALES.iter().map(|t| any_case(t)).collect();
        json_schema!({ "type": "string", "examples": LOCALES, "pattern": format!("^\\s*({})([-_].*)?$", tags.join("|")) })
    }
}

/// `cellKinds`: `{ "Chi bộ bản": 4, … }`, kept in the spec as pairs in the journalist's order.
pub struct CellKinds;

impl JsonSchema for CellKinds {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "CellKinds".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut count = generator.subschema_for::<Option<Count>>();
        count.insert("description".into(), "Số chi bộ loại này / Cells of this kind".into());
        json_schema!({ "type": "object", "additionalProperties": count })
    }
}

/// The document's own title and description (the field descriptions are the spec's doc comments).
const TITLE: &str = "commune-charts data format v1";
const DESCRIPTION: &str = "Dữ liệu một biểu đồ commune-charts / One commune-charts chart's data. Missing is not zero: leave \
out (or null) what is unknown. Two rules are checked only by the widget, not by this schema: cellKinds must add up to cells, \
and targets.total must equal met + over80 + behind.";
/// Said in the schema only.
const DRAFT: &str = "Draft-07: the JSON Schema draft VS Code's JSON language service supports best.";

/// The JSON Schema (draft-07) of the data format, as written to schema/commune-charts.schema.json.
pub fn json_schema() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

fn schema() -> Value {
    let mut root = schemars::generate::SchemaSettings::draft07().into_generator().into_root_schema_for::<Spec>().to_value();
    // Every text the walker reads (`Walker::string`) is at most MAX_TEXT_CHARS characters.
    for_each_schema(&mut root, &mut |s| {
        let is_text = match s.get("type") {
            Some(Value::String(t)) => t == "string",
            Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
            _ => false,
        };
        if is_text {
            s.insert("maxLength".into(), MAX_TEXT_CHARS.into());
        }
        // `double`, `uint64`: not formats of draft-07 (Ajv's strict mode refuses unknown ones).
        s.remove("format");
        // Multi-line doc comments: one paragraph.
        if let Some(Value::String(d)) = s.get_mut("description") {
            *d = d.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
        }
    });
    let Value::Object(map) = &mut root else { return root };
    map.insert("$id".into(), "commune-charts.schema.json".into());
    map.insert("title".into(), TITLE.into());
    map.insert("description".into(), format!("{DESCRIPTION} {DRAFT}").into());
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        let mut with_schema = Map::new();
        with_schema.insert(
            "$schema".into(),
            json!({ "description": "The URL of this schema, for editors; ignored by the chart.", "type": "string" }),
        );
        with_schema.append(properties);
        *properties = with_schema;
    }
    // `model::validate`: a chart needs communes (at least one), unless it has indicators.
    map.insert(
        "anyOf".into(),
        json!([
            { "required": ["communes"], "properties": { "communes": { "type": "array", "minItems": 1 } } },
            { "required": ["indicators"], "properties": { "indicators": { "type": "array" } } }
        ]),
    );
    in_keyword_order(&mut root);
    root
}

/// Calls `f` on every schema object in `schema` (itself, properties, items, definitions…).
fn for_each_schema(schema: &mut Value, f: &mut impl FnMut(&mut Map<String, Value>)) {
    let Value::Object(map) = schema else { return };
    f(map);
    for (key, value) in map.iter_mut() {
        match (key.as_str(), value) {
            ("properties" | "definitions", Value::Object(named)) => named.values_mut().for_each(|s| for_each_schema(s, f)),
            ("anyOf" | "allOf" | "oneOf", Value::Array(list)) => list.iter_mut().for_each(|s| for_each_schema(s, f)),
            ("items" | "additionalProperties", s) => for_each_schema(s, f),
            _ => {}
        }
    }
}

/// Keywords in the order a reader looks for them (what, then which values, then what is inside);
/// the fields keep the spec's order.
fn in_keyword_order(schema: &mut Value) {
    const ORDER: &[&str] = &[
        "$schema",
        "$id",
        "title",
        "description",
        "type",
        "enum",
        "examples",
        "additionalProperties",
        "required",
        "minimum",
        "maximum",
        "minLength",
        "maxLength",
        "pattern",
        "minItems",
        "maxItems",
        "items",
        "properties",
        "anyOf",
        "definitions",
    ];
    for_each_schema(schema, &mut |map| {
        let mut entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
        entries.sort_by_key(|(k, _)| ORDER.iter().position(|o| o == k).unwrap_or(ORDER.len()));
        map.extend(entries);
    });
}

// ------------------------------------------------------------------------------------ TypeScript

/// Names the TypeScript types give to lists of values: a field whose `enum` (or, for a pattern,
/// whose `examples`) are these values is typed with the name.
fn aliases() -> [(&'static str, &'static str, &'static [&'static str]); 5] {
    [
        ("ChartKind", "Chart kinds: the value of `data-commune-chart`, or of the data's `chart`.", ChartKind::NAMES),
        ("Locale", "Languages of the chart's text and numbers: vi `2.989`, `99,7%`; en `2,989`, `99.7%`.", LOCALES),
        ("Sort", "`none` keeps the journalist's order; missing values always go last.", SORTS),
        ("Compare", "A labelled reference line on single-value kinds: the mean or the median of the communes with a value.", COMPARES),
        ("Group", "Sections under a heading per province or district, in order of first appearance, with subtotals.", GROUPS),
    ]
}

/// The TypeScript types of the data format, as written to types/data.d.ts: the JSON Schema's
/// definitions and document as interfaces, its descriptions as doc comments.
pub fn typescript() -> String {
    let schema = schema();
    let mut out = String::from(
        "// Data format v1 of commune-charts. Generated from src/spec.rs with schema/commune-charts.schema.json:\n\
         // do not edit, run `UPDATE_SCHEMA=1 cargo test --features schema-gen --test schema_gen`.\n",
    );
    for (name, doc, values) in aliases() {
        let literals: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
        out.push('\n');
        doc_comment(&mut out, "", doc);
        out.push_str(&format!("export type {name} = {};\n", literals.join(" | ")));
    }
    if let Some(Value::Object(definitions)) = schema.get("definitions") {
        for (key, definition) in definitions {
            interface(&mut out, &type_name(key), definition);
        }
    }
    let mut document = schema;
    if let Some(map) = document.as_object_mut() {
        map.insert("description".into(), DESCRIPTION.into());
    }
    interface(&mut out, "CommuneChartData", &document);
    out
}

/// `commune` -> `Commune`.
fn type_name(definition: &str) -> String {
    let mut chars = definition.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

fn interface(out: &mut String, name: &str, schema: &Value) {
    out.push('\n');
    if let Some(Value::String(d)) = schema.get("description") {
        doc_comment(out, "", d);
    }
    out.push_str(&format!("export interface {name} {{\n"));
    let required: Vec<&str> = schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
    if let Some(Value::Object(properties)) = schema.get("properties") {
        for (field, property) in properties {
            if let Some(Value::String(d)) = property.get("description") {
                doc_comment(out, "  ", d);
            }
            let optional = if required.contains(&field.as_str()) { "" } else { "?" };
            out.push_str(&format!("  {field}{optional}: {};\n", ts_type(property)));
        }
    }
    out.push_str("}\n");
}

fn ts_type(schema: &Value) -> String {
    let mut union: Vec<String> = Vec::new();
    let mut add = |t: String| {
        if !union.contains(&t) {
            union.push(t);
        }
    };
    let values = |key: &str| -> Vec<Value> { schema.get(key).and_then(Value::as_array).cloned().unwrap_or_default() };
    let named = |values: &[Value]| {
        aliases().into_iter().find(|(_, _, names)| {
            let given: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
            !given.is_empty() && given == *names
        })
    };
    if let Some(Value::String(reference)) = schema.get("$ref") {
        add(type_name(reference.rsplit('/').next().unwrap_or_default()));
    }
    for choice in values("anyOf") {
        add(ts_type(&choice));
    }
    let listed = values("enum");
    if let Some((name, _, _)) = named(&listed) {
        add(name.to_string());
    } else {
        for v in listed.iter().filter(|v| !v.is_null()) {
            add(format!("'{}'", v.as_str().unwrap_or_default()));
        }
    }
    let types = match schema.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => Vec::new(),
    };
    for t in &types {
        match t.as_str() {
            "string" => match named(&values("examples")) {
                Some((name, _, _)) => add(name.to_string()),
                None => add("string".into()),
            },
            "integer" | "number" => add("number".into()),
            "boolean" => add("boolean".into()),
            "array" => add(format!("{}[]", schema.get("items").map_or("unknown".into(), ts_type))),
            "object" => add(format!("Record<string, {}>", schema.get("additionalProperties").map_or("unknown".into(), ts_type))),
            _ => {}
        }
    }
    if listed.iter().any(Value::is_null) || types.iter().any(|t| t == "null") {
        add("null".into());
    }
    union.join(" | ")
}

/// `/** text */` on one line if it fits in 100 columns, else wrapped.
fn doc_comment(out: &mut String, indent: &str, text: &str) {
    let one_line = format!("{indent}/** {text} */\n");
    if one_line.chars().count() <= 101 {
        out.push_str(&one_line);
        return;
    }
    out.push_str(&format!("{indent}/**\n"));
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + 3 + line.chars().count() + 1 + word.chars().count() > 100 {
            out.push_str(&format!("{indent} * {line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&format!("{indent} * {line}\n{indent} */\n"));
}
