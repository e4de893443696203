//! A table's text → [`Table`]: the header row (title rows above it), the columns and the fields
//! they fill, the number style, and each row's cells, item and findings.

use super::numbers::is_space;
use super::split::{self, Cell, Format};
use super::{
    is_cell_kind, lookup_header, marks_indicators, norm_header, read_number, style_clue, suggest_header, CellState, Column, ColumnField,
    FieldType, Issue, IssueKind, Item, NumberRead, Place, Row, Style, StyleReason, Table, TableCell, TableKind, Value, IGNORED_HEADERS,
    MISSING_CELLS, TOTAL_NAMES,
};

/// White space collapsed to single spaces, and trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn blank(record: &[Cell]) -> bool {
    record.iter().all(|c| c.text.trim_matches(is_space).is_empty())
}

/// Whether `s` reads as a number in Vietnamese style.
fn is_number(s: &str) -> bool {
    matches!(read_number(s, Style::Vi), NumberRead::Number(_))
}

/// The header row: the first non-blank row naming a commune or an indicator column, or else any
/// known column, among the first 12. Rows above it must be titles: a number stops the search,
/// and then (as without any such row) the first non-blank row is the header, whose errors say
/// what is missing.
pub fn find_header(records: &[Vec<Cell>]) -> usize {
    let mut first = None;
    for (r, record) in records.iter().enumerate().take(12) {
        if blank(record) {
            continue;
        }
        first.get_or_insert(r);
        let texts = || record.iter().map(|c| c.text.as_str());
        let names = texts().any(|x| lookup_header(x, TableKind::Communes).is_some_and(|a| a.field.key == "name"));
        if texts().any(marks_indicators) || names {
            return r;
        }
        if texts().any(|x| lookup_header(x, TableKind::Communes).is_some() || lookup_header(x, TableKind::Indicators).is_some()) {
            return r;
        }
        if texts().any(is_number) {
            break;
        }
    }
    first.unwrap_or(0)
}

/// Reads `text` (a UTF-8 byte-order mark is skipped) as `format`, its numbers in `style` or, if
/// `None`, the style its numbers show (else its column names' language).
pub fn read(text: &str, format: Format, style: Option<Style>) -> Table {
    let mut out = Table {
        kind: TableKind::Communes,
        issues: Vec::new(),
        columns: Vec::new(),
        rows: Vec::new(),
        paths: Vec::new(),
        style: Style::Vi,
        reason: StyleReason::Headers,
        empty: false,
        title: None,
        items: Vec::new(),
        delim: None,
    };
    let from = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    if text.get(from..).is_none_or(|t| t.trim_matches(is_space).is_empty()) {
        out.empty = true;
        return out;
    }
    let split = split::split(text, from, format);
    out.delim = split.delim;
    let records = split.records;
    let h = find_header(&records);
    let Some(header) = records.get(h) else {
        out.empty = true;
        return out;
    };
    // Rows above the header are a title ("Số liệu đảng viên các xã huyện X"), not data.
    for (above, record) in records.iter().enumerate().take(h) {
        let mut words = String::new();
        for c in record {
            words.push(' ');
            words.push_str(&c.text);
        }
        let words = collapse(&words);
        if words.is_empty() {
            continue;
        }
        out.title.get_or_insert_with(|| words.clone());
        let (start, end) = (record.first().map(|c| c.start), record.last().map(|c| c.end));
        out.issues.push(Issue { error: false, kind: IssueKind::TitleRow { text: words }, row: Some(above + 1), col: None, start, end });
    }
    let indicators = header.iter().any(|c| marks_indicators(&c.text));
    let table = if indicators { TableKind::Indicators } else { TableKind::Communes };
    out.kind = table;
    let votes = read_columns(&mut out, header, h + 1);
    (out.style, out.reason) = match style {
        Some(s) => (s, StyleReason::Chosen),
        None => detect_style(&out, records.get(h + 1..).unwrap_or(&[]), votes),
    };
    let recognised = out.columns.iter().filter(|c| c.field.is_some()).count();
    let error = |kind: IssueKind, row: Option<usize>| Issue { error: true, kind, row, col: None, start: None, end: None };
    if recognised == 0 && header.iter().any(|c| !matches!(read_number(&c.text, Style::Vi), NumberRead::Bad | NumberRead::Missing)) {
        out.issues.push(error(IssueKind::HeaderLooksLikeData, Some(h + 1)));
    }
    if out.delim.is_none_or(|d| format == Format::Csv && d == b',') && header.len() == 1 && records.len() > 1 && recognised == 0 {
        out.issues.push(error(IssueKind::NoSeparator { pasted: format == Format::Paste }, None));
    }
    let name_col = out.columns.iter().position(|c| matches!(c.field, Some(ColumnField::Known(f)) if f.key == "name"));
    if name_col.is_none() && !out.has_errors() {
        out.issues.push(error(IssueKind::NoNameColumn { indicators }, Some(h + 1)));
    }
    // A chart draws at most this many: the rows past it are counted, not read (a 5 MiB file of
    // short rows would otherwise be half a million items to say "too many" about).
    let max = if indicators { crate::spec::MAX_INDICATORS } else { crate::spec::MAX_COMMUNES };
    let mut count = 0;
    for (r, record) in records.iter().enumerate().skip(h + 1) {
        if !blank(record) {
            count += 1;
            if out.items.len() < max {
                read_row(&mut out, record, r + 1, header.len(), name_col);
            }
        }
    }
    if count > max {
        out.issues.push(error(IssueKind::TooManyRows { count, max }, None));
    }
    if out.items.is_empty() && !out.has_errors() {
        out.issues.push(error(IssueKind::NoDataRows, None));
    }
    out
}

/// The header's columns: each one's field, or why it is skipped. Returns how many recognised
/// names are Vietnamese and how many English.
fn read_columns(out: &mut Table, header: &[Cell], row: usize) -> (usize, usize) {
    let table = out.kind;
    let mut votes = (0, 0);
    for (index, c) in header.iter().enumerate() {
        let text = collapse(&c.text);
        let mut column = Column { index, header: text.clone(), field: None, unnamed: false, silent: false, start: c.start, end: c.end };
        let at =
            |error: bool, kind: IssueKind| Issue { error, kind, row: Some(row), col: Some(index), start: Some(c.start), end: Some(c.end) };
        let hit = if text.is_empty() || IGNORED_HEADERS.contains(&norm_header(&text).as_str()) {
            column.unnamed = text.is_empty();
            column.silent = !text.is_empty();
            None
        } else if let Some(alias) = lookup_header(&text, table) {
            if alias.english {
                votes.1 += 1;
            } else {
                votes.0 += 1;
            }
            Some(ColumnField::Known(alias.field))
        } else if table == TableKind::Communes && is_cell_kind(&text) {
            votes.0 += 1;
            Some(ColumnField::CellKind)
        } else {
            let suggestion = suggest_header(&text, table);
            out.issues.push(at(false, IssueKind::UnknownColumn { header: text.clone(), number: index + 1, suggestion }));
            None
        };
        if let Some(field) = hit {
            // The same field twice (a kind of cell: whatever its case and diacritics).
            let same = |other: &Column| match (field, other.field) {
                (ColumnField::Known(a), Some(ColumnField::Known(b))) => a.key == b.key,
                (ColumnField::CellKind, Some(ColumnField::CellKind)) => norm_header(&other.header) == norm_header(&text),
                _ => false,
            };
            if let Some(first) = out.columns.iter().find(|o| same(o)) {
                let label = match field {
                    ColumnField::Known(f) => f.label,
                    ColumnField::CellKind => ["một loại chi bộ", "the same kind of cell"],
                };
                let kind = IssueKind::DuplicateColumn { first: first.header.clone(), second: text.clone(), label };
                out.issues.push(at(true, kind));
            } else {
                column.field = Some(field);
            }
        }
        out.columns.push(column);
    }
    votes
}

/// The number style the cells show (the clues of the numbers in number columns, most wins),
/// else the language of most recognised column names (`votes`: Vietnamese, English).
fn detect_style(out: &Table, data: &[Vec<Cell>], votes: (usize, usize)) -> (Style, StyleReason) {
    let (mut vi, mut en) = (0usize, 0usize);
    for record in data {
        for column in out.columns.iter().filter(|c| c.field.is_some() && c.ty() != FieldType::Text) {
            match record.get(column.index).and_then(|c| style_clue(&c.text, column.ty() == FieldType::Int)) {
                Some(Style::Vi) => vi += 1,
                Some(Style::En) => en += 1,
                None => {}
            }
        }
    }
    if vi == en {
        (if votes.1 > votes.0 { Style::En } else { Style::Vi }, StyleReason::Headers)
    } else {
        (if vi > en { Style::Vi } else { Style::En }, StyleReason::Cells)
    }
}

/// One data row: its cells read into an item (or a skipped total row), its problems noted.
fn read_row(out: &mut Table, record: &[Cell], number: usize, header_len: usize, name_col: Option<usize>) {
    let indicators = out.kind == TableKind::Indicators;
    if record.get(header_len..).is_some_and(|extra| !blank(extra)) {
        out.issues.push(Issue { error: false, kind: IssueKind::ExtraCells, row: Some(number), col: None, start: None, end: None });
    }
    let mut item: Item = Vec::new();
    let mut cells = Vec::with_capacity(out.columns.len());
    for column in &out.columns {
        let c = record.get(column.index);
        let raw = c.map(|c| collapse(&c.text)).unwrap_or_default();
        let (start, end) = (c.map(|c| c.start), c.map(|c| c.end));
        let mut cell = TableCell { raw, state: CellState::Ok, value: None, start, end };
        let at = |kind: IssueKind| Issue { error: true, kind, row: Some(number), col: Some(column.index), start, end };
        if column.field.is_none() {
            cell.state = CellState::Ignored;
        } else if column.ty() == FieldType::Text {
            let is_name = matches!(column.field, Some(ColumnField::Known(f)) if f.key == "name");
            if cell.raw.is_empty() || (!is_name && MISSING_CELLS.contains(&cell.raw.as_str())) {
                cell.state = CellState::Missing;
            } else {
                cell.value = Some(Value::Text(cell.raw.clone()));
            }
        } else {
            match read_number(&cell.raw, out.style) {
                NumberRead::Missing => cell.state = CellState::Missing,
                NumberRead::Bad => {
                    cell.state = CellState::Bad;
                    out.issues.push(at(IssueKind::NotNumber { header: column.header.clone(), raw: cell.raw.clone() }));
                }
                NumberRead::Number(n) if column.ty() == FieldType::Int && n.value.fract() != 0.0 => {
                    let alt = match read_number(&cell.raw, out.style.other()) {
                        NumberRead::Number(a) if a.value.fract() == 0.0 => Some(a),
                        _ => None,
                    };
                    cell.state = CellState::Bad;
                    out.issues.push(at(IssueKind::NotWhole { header: column.header.clone(), raw: cell.raw.clone(), value: n, alt }));
                }
                NumberRead::Number(n) => cell.value = Some(Value::Number(n)),
            }
        }
        if let Some(v) = &cell.value {
            item.push((column.key(), v.clone()));
        }
        cells.push(cell);
    }
    let mut row = Row { number, cells, total: false, item: None };
    let name = item.iter().find(|(k, _)| k == "name").and_then(|(_, v)| match v {
        Value::Text(s) => Some(s.clone()),
        Value::Number(_) => None,
    });
    // A "Total" row would dwarf the communes it sums: skipped, and said.
    if let Some(name) = name.as_ref().filter(|n| !indicators && TOTAL_NAMES.contains(&norm_header(n).as_str())) {
        row.total = true;
        out.issues.push(Issue {
            error: false,
            kind: IssueKind::TotalRow { name: name.clone() },
            row: Some(number),
            col: name_col,
            start: None,
            end: None,
        });
        out.rows.push(row);
        return;
    }
    if let (Some(nc), None) = (name_col, &name) {
        let column = out.columns.get(nc);
        let c = column.and_then(|col| record.get(col.index));
        let header = column.map(|c| c.header.clone()).unwrap_or_default();
        out.issues.push(Issue {
            error: true,
            kind: IssueKind::MissingName { header, indicators },
            row: Some(number),
            col: column.map(|c| c.index),
            start: c.map(|c| c.start),
            end: c.map(|c| c.end),
        });
        if let Some(cell) = row.cells.get_mut(nc) {
            cell.state = CellState::Bad;
        }
    }
    let index = out.items.len();
    row.item = Some(index);
    let path = crate::cat!(out.kind.list(), "[", crate::text::digits(index as u64).as_str(), "]");
    out.paths.push((path.clone(), Place { row: number, col: None, start: None, end: None }));
    for (column, cell) in out.columns.iter().zip(&row.cells) {
        if column.field.is_some() {
            let place = Place { row: number, col: Some(column.index), start: cell.start, end: cell.end };
            out.paths.push((crate::cat!(path.as_str(), ".", column.key().as_str()), place));
        }
    }
    out.items.push(item);
    out.rows.push(row);
}
