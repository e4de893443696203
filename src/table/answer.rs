//! The table reader as the explanations module and the command-line program use it: the answer
//! to a `table` request (the JSON, and for the playground every column, cell and finding with its
//! place), the place of a field path, and [`read_input`] for `commune-charts render data.csv`.

use super::{CellState, ColumnField, Format, Issue, IssueKind, Place, Style, StyleReason, Table, Value};
use crate::locale::Locale;
use crate::problem::{push_json_string, Problem};

/// Byte offsets → UTF-16 offsets (what JavaScript strings index), through a count every 256 bytes.
struct Utf16<'a> {
    bytes: &'a [u8],
    marks: Vec<usize>,
}

impl<'a> Utf16<'a> {
    fn units(b: u8) -> usize {
        match b {
            0x80..=0xBF => 0, // a continuation byte
            0xF0..=0xFF => 2, // a character outside the BMP: a surrogate pair
            _ => 1,
        }
    }

    fn new(text: &'a str) -> Utf16<'a> {
        let bytes = text.as_bytes();
        let mut marks = Vec::with_capacity(bytes.len() / 256 + 1);
        let mut units = 0;
        for chunk in bytes.chunks(256) {
            marks.push(units);
            units += chunk.iter().map(|b| Self::units(*b)).sum::<usize>();
        }
        Utf16 { bytes, marks }
    }

    fn at(&self, byte: usize) -> usize {
        let k = byte / 256;
        let base = self.marks.get(k).copied().unwrap_or(0);
        base + self.bytes.get(k * 256..byte).map_or(0, |s| s.iter().map(|b| Self::units(*b)).sum())
    }
}

/// The 1-based line and column (in characters) of byte `at` of `text`; a line ends at `\n`,
/// `\r\n` or `\r`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let mut line = 1;
    let mut start = 0;
    let b = before.as_bytes();
    for (i, c) in b.iter().enumerate() {
        if *c == b'\n' || (*c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
    }
    (line, before.get(start..).map_or(0, |s| s.chars().count()) + 1)
}

/// Field paths → their cells, for problems found in the JSON made from a table.
pub struct Places<'t> {
    table: &'t Table,
    /// Where each item's paths start in `table.paths` (its own path first, then its fields').
    starts: Vec<usize>,
}

/// `communes[1].members` → `communes[1]` → `communes` → the empty path (as the playground's
/// `parentPath`).
pub fn parent_path(p: &str) -> &str {
    if let Some(open) = p.strip_suffix(']').and_then(|s| s.rfind('[')) {
        return p.get(..open).unwrap_or("");
    }
    match p.rfind(['.', '[', ']']) {
        Some(i) if p.as_bytes().get(i) == Some(&b'.') => p.get(..i).unwrap_or(""),
        _ => "",
    }
}

impl<'t> Places<'t> {
    pub fn new(table: &'t Table) -> Places<'t> {
        let starts = table.paths.iter().enumerate().filter(|(_, (_, place))| place.col.is_none()).map(|(i, _)| i).collect();
        Places { table, starts }
    }

    /// The paths of item `i` (`communes[i]` and its fields).
    fn item(&self, i: usize) -> &'t [(String, Place)] {
        let start = self.starts.get(i).copied().unwrap_or(usize::MAX);
        let end = self.starts.get(i + 1).copied().unwrap_or(self.table.paths.len());
        self.table.paths.get(start..end).unwrap_or(&[])
    }

    /// The cell (or row) of `path`, or of the nearest enclosing path that has one.
    pub fn of(&self, path: &str) -> Option<Place> {
        // `communes[12]…`: item 12's paths hold it, if the table has it.
        let index = path.strip_prefix(self.table.kind.list()).and_then(|r| r.strip_prefix('['))?;
        let i: usize = index.split(']').next()?.parse().ok()?;
        let paths = self.item(i);
        let mut p = path;
        while !p.is_empty() {
            if let Some((_, place)) = paths.iter().find(|(q, _)| q == p) {
                return Some(*place);
            }
            p = parent_path(p);
        }
        None
    }

    /// A problem of the JSON made from the table, at its cell (`place`, from [`Places::of`]):
    /// `dòng 4, cột "Đảng viên": …`.
    pub fn say(&self, p: &Problem, place: &Place, locale: Locale) -> String {
        format!("{}: {}", self.words(&p.path, place, locale), p.detail(locale))
    }

    /// `dòng 4, cột "Đảng viên"`: the place of `path`, found by [`Places::of`]. A field whose
    /// column the table lacks (`targets.met` in a table with `Khó đạt` only) is said by the name
    /// that column would have: `dòng 4, cột "Đạt và vượt" (bảng chưa có cột này)`.
    fn words(&self, path: &str, place: &Place, locale: Locale) -> String {
        if let (None, Some(field)) = (place.col, self.missing_column(path)) {
            return super::words::missing_column(place.row, field, locale);
        }
        let column = place.col.and_then(|c| self.table.columns.get(c));
        super::words::place(Some(place.row), column.map(|c| c.header.as_str()), column.map_or(0, |c| c.index + 1), locale)
    }

    /// The field `path` names (`communes[3].targets.met`), when the table has no column for it.
    fn missing_column(&self, path: &str) -> Option<&'static super::Field> {
        // (A char pattern: a `&str` one would link the two-way searcher, ~5 kB of wasm.)
        let key = path.strip_prefix(self.table.kind.list())?.split_once(']')?.1.strip_prefix('.')?;
        let field = super::FIELDS.iter().find(|f| f.table == self.table.kind && f.key == key)?;
        let present = self.table.columns.iter().any(|c| matches!(c.field, Some(super::ColumnField::Known(f)) if f.key == key));
        (!present).then_some(field)
    }

    /// Where the row of `place` starts in the text (a row's place has no cell).
    pub fn start(&self, place: &Place) -> Option<usize> {
        place.start.or_else(|| {
            let row = self.table.rows.iter().find(|r| r.number == place.row)?;
            row.cells.iter().find_map(|c| c.start)
        })
    }
}

/// Why `commune-charts render data.csv` cannot draw: the table's errors, or the problems of the
/// JSON made from it, said by row and column.
pub struct Unreadable {
    source: TableText,
    problems: Vec<Problem>,
}

impl Unreadable {
    /// What the command-line program says: `file: Không vẽ được biểu đồ`, then one line per
    /// problem, `file:line:column: message` (the cell's place in the file; its line is the
    /// spreadsheet's row unless a cell above holds a line break), in `locale`.
    pub fn report(&self, file: &str, locale: Locale) -> String {
        self.source.report(file, &self.problems, locale)
    }
}

/// A table and the text it was read from: what places its problems.
struct TableText {
    text: String,
    table: Table,
}

impl TableText {
    /// As [`Unreadable::report`]: the table's errors when `problems` is empty, else `problems`
    /// (found in the JSON made from the table), each at its cell.
    fn report(&self, file: &str, problems: &[Problem], locale: Locale) -> String {
        let mut out = format!("{file}: {}\n", locale.words().cannot_draw);
        let mut line = |at: Option<usize>, message: String| match at {
            Some(at) => {
                let (l, c) = line_column(&self.text, at);
                out.push_str(&format!("{file}:{l}:{c}: {message}\n"));
            }
            None => out.push_str(&format!("{file}: {message}\n")),
        };
        if problems.is_empty() {
            for issue in self.table.errors() {
                line(issue.start, issue.message(&self.table, locale));
            }
            return out;
        }
        let places = Places::new(&self.table);
        for p in problems {
            match places.of(&p.path) {
                Some(place) => line(places.start(&place), places.say(p, &place, locale)),
                None => line(None, p.message(locale)),
            }
        }
        out
    }
}

/// The data of `commune-charts render FILE`: the widget's JSON, and the table it was made from
/// (to say later problems by row and column).
pub struct Input {
    pub json: String,
    table: Option<Box<TableText>>,
}

impl Input {
    /// Problems found when drawing a table's JSON (a kind it has no values for), by row and
    /// column as [`Unreadable::report`] says them; `None` for JSON, whose own places are better.
    pub fn report(&self, file: &str, problems: &[Problem], locale: Locale) -> Option<String> {
        self.table.as_ref().map(|t| t.report(file, problems, locale))
    }
}

/// `data.csv` / `data.tsv` → the widget's JSON, or why not: the table's errors, or the data's (a
/// count that is negative, kinds of cells that do not add up), by row and column. A `.json` file
/// is JSON; any other name (standard input is `-`) is JSON when it starts with `{` or `[`, else a
/// CSV or TSV table (its separator found as a CSV file's is).
pub fn read_input(path: &str, text: &str) -> Result<Input, Box<Unreadable>> {
    let ext = path.rsplit_once('.').filter(|(_, e)| !e.contains(['/', '\\'])).map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let json_like = || matches!(text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).bytes().next(), None | Some(b'{' | b'['));
    let format = match ext.as_str() {
        "csv" => Format::Csv,
        "tsv" | "tab" => Format::Tsv,
        "json" => return Ok(Input { json: text.to_string(), table: None }),
        _ if json_like() => return Ok(Input { json: text.to_string(), table: None }),
        _ => Format::Csv,
    };
    let table = super::read(text, format, None);
    let json = table.to_json();
    let problems = if table.has_errors() {
        Vec::new()
    } else {
        match crate::spec::parse_with_locale(&json).map_err(|(p, _)| p).and_then(|spec| crate::model::validate(&spec)) {
            Ok(_) => return Ok(Input { json, table: Some(Box::new(TableText { text: text.to_string(), table })) }),
            Err(problems) => problems,
        }
    };
    Err(Box::new(Unreadable { source: TableText { text: text.to_string(), table }, problems }))
}

fn push_str(out: &mut String, key: &str, value: &str) {
    out.push_str(",\"");
    out.push_str(key);
    out.push_str("\":");
    push_json_string(value, out, usize::MAX);
}

fn push_raw(out: &mut String, key: &str, value: &str) {
    out.push_str(",\"");
    out.push_str(key);
    out.push_str("\":");
    out.push_str(value);
}

fn num(n: Option<usize>) -> String {
    n.map_or_else(|| "null".to_string(), |n| n.to_string())
}

fn issue_kind(issue: &Issue, out: &mut String) {
    let name = match &issue.kind {
        IssueKind::DuplicateColumn { first, second, label } => {
            push_str(out, "first", first);
            push_str(out, "second", second);
            push_str(out, "labelVi", label[0]);
            push_str(out, "labelEn", label[1]);
            "duplicateColumn"
        }
        IssueKind::HeaderLooksLikeData => "headerLooksLikeData",
        IssueKind::NoSeparator { pasted } => {
            push_raw(out, "pasted", if *pasted { "true" } else { "false" });
            "noSeparator"
        }
        IssueKind::NoNameColumn { indicators } => {
            push_raw(out, "indicators", if *indicators { "true" } else { "false" });
            "noNameColumn"
        }
        IssueKind::NotNumber { header, raw } => {
            push_str(out, "header", header);
            push_str(out, "raw", raw);
            "notNumber"
        }
        IssueKind::NotWhole { header, raw, value, alt } => {
            push_str(out, "header", header);
            push_str(out, "raw", raw);
            push_raw(out, "value", &value.json);
            push_raw(out, "alt", alt.as_ref().map_or("null", |a| a.json.as_str()));
            "notWhole"
        }
        IssueKind::MissingName { header, indicators } => {
            push_str(out, "header", header);
            push_raw(out, "indicators", if *indicators { "true" } else { "false" });
            "missingName"
        }
        IssueKind::NoDataRows => "noDataRows",
        IssueKind::TooManyRows { count, max } => {
            push_raw(out, "count", &count.to_string());
            push_raw(out, "max", &max.to_string());
            "tooManyRows"
        }
        IssueKind::TitleRow { text } => {
            push_str(out, "text", text);
            "titleRow"
        }
        IssueKind::UnknownColumn { header, number, suggestion } => {
            push_str(out, "header", header);
            push_raw(out, "number", &number.to_string());
            match suggestion {
                Some(s) => push_str(out, "suggestion", s),
                None => push_raw(out, "suggestion", "null"),
            }
            "unknownColumn"
        }
        IssueKind::TotalRow { name } => {
            push_str(out, "name", name);
            "totalRow"
        }
        IssueKind::ExtraCells => "extraCells",
    };
    push_str(out, "kind", name);
}

/// The answer to `{"task": "table", "text", "format", "style", "lang", "cells"}`: `{"json"`: the
/// data as JSON text (with errors: null, or with `cells` its items as read), `"errors"`: how many, `"kind"`,
/// `"title"`, `"style"`, `"styleReason"`, `"count"`, `"empty"`, `"delim"`, `"issues"`: each
/// finding (`error`, `kind` and what it names, `row`, `col`, `start`, `end`, `message`,
/// `detail`)`}`; with `cells`, also `"columns"`, `"rows"` (every cell: `raw`, `state`, `value`,
/// `start`, `end`) and `"paths"` (field path → `{row, col, start, end}`). Offsets count UTF-16
/// code units, as JavaScript indexes the text.
pub fn answer(text: &str, format: Format, style: Option<Style>, locale: Locale, cells: bool) -> String {
    let table = super::read(text, format, style);
    let u16 = Utf16::new(text);
    let at = |b: Option<usize>| num(b.map(|b| u16.at(b)));
    // The JSON of a table with errors is for the playground's table view only.
    let mut out = String::from("{\"json\":");
    if cells || !table.has_errors() {
        push_json_string(&table.to_json(), &mut out, usize::MAX);
    } else {
        out.push_str("null");
    }
    push_raw(&mut out, "errors", &table.errors().count().to_string());
    push_str(&mut out, "kind", table.kind.list());
    if let Some(title) = &table.title {
        push_str(&mut out, "title", title);
    }
    push_str(&mut out, "style", table.style.tag());
    let reason = match table.reason {
        StyleReason::Chosen => "chosen",
        StyleReason::Cells => "cells",
        StyleReason::Headers => "headers",
    };
    push_str(&mut out, "styleReason", reason);
    push_raw(&mut out, "count", &table.items.len().to_string());
    push_raw(&mut out, "empty", if table.empty { "true" } else { "false" });
    match table.delim {
        Some(d) => push_str(&mut out, "delim", &char::from(d).to_string()),
        None => push_raw(&mut out, "delim", "null"),
    }
    out.push_str(",\"issues\":[");
    for (i, issue) in table.issues.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"error\":");
        out.push_str(if issue.error { "true" } else { "false" });
        issue_kind(issue, &mut out);
        push_raw(&mut out, "row", &num(issue.row));
        push_raw(&mut out, "col", &num(issue.col));
        push_raw(&mut out, "start", &at(issue.start));
        push_raw(&mut out, "end", &at(issue.end));
        push_str(&mut out, "message", &issue.message(&table, locale));
        push_str(&mut out, "detail", &issue.detail(locale));
        out.push('}');
    }
    out.push(']');
    if cells {
        push_cells(&mut out, &table, &at);
    }
    out.push('}');
    out
}

/// The columns, rows and paths of the answer (see [`answer`]).
fn push_cells(out: &mut String, table: &Table, at: &dyn Fn(Option<usize>) -> String) {
    out.push_str(",\"columns\":[");
    for (i, c) in table.columns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"index\":");
        out.push_str(&c.index.to_string());
        push_str(out, "header", &c.header);
        match c.field {
            Some(_) => push_str(out, "field", &c.key()),
            None => push_raw(out, "field", "null"),
        }
        if c.field == Some(ColumnField::CellKind) {
            push_str(out, "cellKind", &c.header);
        }
        push_str(out, "type", c.ty().name());
        push_raw(out, "unnamed", if c.unnamed { "true" } else { "false" });
        push_raw(out, "silent", if c.silent { "true" } else { "false" });
        push_raw(out, "start", &at(Some(c.start)));
        push_raw(out, "end", &at(Some(c.end)));
        out.push('}');
    }
    out.push_str("],\"rows\":[");
    for (i, r) in table.rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"number\":");
        out.push_str(&r.number.to_string());
        push_raw(out, "total", if r.total { "true" } else { "false" });
        push_raw(out, "item", &num(r.item));
        out.push_str(",\"cells\":[");
        for (j, c) in r.cells.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str("{\"raw\":");
            push_json_string(&c.raw, out, usize::MAX);
            let state = match c.state {
                CellState::Ok => "ok",
                CellState::Ignored => "ignored",
                CellState::Missing => "missing",
                CellState::Bad => "bad",
            };
            push_str(out, "state", state);
            match &c.value {
                Some(Value::Text(s)) => push_str(out, "value", s),
                Some(Value::Number(n)) => push_raw(out, "value", &n.json),
                None => {}
            }
            push_raw(out, "start", &at(c.start));
            push_raw(out, "end", &at(c.end));
            out.push('}');
        }
        out.push_str("]}");
    }
    out.push_str("],\"paths\":{");
    for (i, (path, place)) in table.paths.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(path, out, usize::MAX);
        out.push_str(":{\"row\":");
        out.push_str(&place.row.to_string());
        push_raw(out, "col", &num(place.col));
        if place.col.is_some() {
            push_raw(out, "start", &at(place.start));
            push_raw(out, "end", &at(place.end));
        }
        out.push('}');
    }
    out.push('}');
}
