//! Tables as newsrooms keep them: a CSV or TSV file (`data-src`, the command-line program) or
//! cells pasted from a spreadsheet (the playground) → the widget's JSON, with every cell's place
//! so that a problem is said by row and column (`dòng 4, cột "Đảng viên"`, contract section 6).
//!
//! Explanations and the CLI only: the widget's own wasm never reads a table (`js/api.js` asks the
//! explanations module to convert one), so this module is compiled out of it like the rest of
//! the explanations-only code. The playground's JavaScript reader (`table.js`, `numbers.js`,
//! `fields.js`) was its model: the same cases, the same answers (`tests.rs`).
//!
//! The files: this one the types of what is read ([`Table`]); `read.rs` reads the table (its
//! header, title rows, columns, number style and rows); `split.rs` text → cells; `numbers.rs` numbers as people write them; `fields.rs` the column
//! names; `words.rs` what each finding says; `json.rs` the table as the widget's JSON.

mod answer;
mod fields;
mod json;
mod numbers;
mod read;
mod split;
#[cfg(test)]
mod tests;
mod words;

pub use answer::{answer, line_column, parent_path, read_input, Input, Places, Unreadable};
pub use fields::{
    is_cell_kind, lookup_header, marks_indicators, norm_header, suggest_header, Field, FieldType, TableKind, FIELDS, IGNORED_HEADERS,
    TOTAL_NAMES,
};
pub use numbers::{read_number, style_clue, NumberRead, Read, Style, MISSING_CELLS};
pub use read::{find_header, read};
pub use split::{split, Cell, Format, Split};

/// Why the numbers are read in this style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleReason {
    /// As asked (the playground's "number style" choice).
    Chosen,
    /// From how the numbers in the table are written.
    Cells,
    /// No number says: the language of most column names.
    Headers,
}

/// The field a column fills.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ColumnField {
    Known(&'static Field),
    /// A kind of cell (`Chi bộ bản`): `cellKinds.<its header>`.
    CellKind,
}

/// A column: its header and the field it fills (`None`: skipped).
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub index: usize,
    /// The header's text, its white space collapsed.
    pub header: String,
    pub field: Option<ColumnField>,
    /// An empty header.
    pub unnamed: bool,
    /// Skipped without a note (`STT`).
    pub silent: bool,
    pub start: usize,
    pub end: usize,
}

impl Column {
    /// Where the column's values go in an item: `members`, `targets.met`, `cellKinds.Chi bộ bản`.
    pub fn key(&self) -> String {
        match self.field {
            Some(ColumnField::Known(f)) => f.key.to_string(),
            Some(ColumnField::CellKind) => crate::cat!("cellKinds.", self.header.as_str()),
            None => String::new(),
        }
    }

    pub fn ty(&self) -> FieldType {
        match self.field {
            Some(ColumnField::Known(f)) => f.ty,
            Some(ColumnField::CellKind) => FieldType::Int,
            None => FieldType::Text,
        }
    }
}

/// What a cell turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellState {
    Ok,
    /// In a skipped column.
    Ignored,
    /// Empty, or a "no data" mark.
    Missing,
    /// Has an error.
    Bad,
}

/// A value read from a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(Read),
}

/// A cell as read, in its column's place in the row.
#[derive(Clone, Debug, PartialEq)]
pub struct TableCell {
    /// The cell's text, white space collapsed.
    pub raw: String,
    pub state: CellState,
    pub value: Option<Value>,
    /// Where it is in the text (none: the row has no such cell).
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// A data row: its number as the spreadsheet numbers it, one cell per column, whether it was
/// skipped as a total, and its item's index.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<TableCell>,
    pub total: bool,
    pub item: Option<usize>,
}

/// Where a field path of the JSON (`communes[0].members`) is in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub row: usize,
    /// The column's index (none: the whole row).
    pub col: Option<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// What the reading found: errors stop the chart; notes are said in preview mode.
#[derive(Clone, Debug, PartialEq)]
pub enum IssueKind {
    // Errors.
    /// Two columns mean the same field (`label`: what it is, vi and en).
    DuplicateColumn {
        first: String,
        second: String,
        label: [&'static str; 2],
    },
    HeaderLooksLikeData,
    /// One column only, and nothing recognised: the separators are missing.
    NoSeparator {
        pasted: bool,
    },
    NoNameColumn {
        indicators: bool,
    },
    NotNumber {
        header: String,
        raw: String,
    },
    /// A count with decimals; `alt`: the whole number it is in the other style.
    NotWhole {
        header: String,
        raw: String,
        value: Read,
        alt: Option<Read>,
    },
    MissingName {
        header: String,
        indicators: bool,
    },
    NoDataRows,
    /// More data rows than a chart draws (rows past `max` are not read).
    TooManyRows {
        count: usize,
        max: usize,
    },
    // Notes.
    TitleRow {
        text: String,
    },
    /// `number`: 1-based.
    UnknownColumn {
        header: String,
        number: usize,
        suggestion: Option<&'static str>,
    },
    TotalRow {
        name: String,
    },
    ExtraCells,
}

/// A finding, and its place: the row as the spreadsheet numbers it (the header is row 1 when
/// nothing is above it), the column's index, the cell's bytes in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub error: bool,
    pub kind: IssueKind,
    pub row: Option<usize>,
    pub col: Option<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// A commune or an indicator: its fields in column order (`targets.met`, `cellKinds.Chi bộ bản`).
pub type Item = Vec<(String, Value)>;

/// What [`read`] read.
#[derive(Debug, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    /// In the order found (errors and notes each in their own order).
    pub issues: Vec<Issue>,
    pub columns: Vec<Column>,
    /// The data rows (blank rows left out).
    pub rows: Vec<Row>,
    /// Field path → its cell, in the order the items were read.
    pub paths: Vec<(String, Place)>,
    pub style: Style,
    pub reason: StyleReason,
    /// Nothing but white space.
    pub empty: bool,
    /// The first title row above the header.
    pub title: Option<String>,
    pub items: Vec<Item>,
    /// The separator found (`None`: runs of spaces).
    pub delim: Option<u8>,
}

impl Table {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.error)
    }

    pub fn notes(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.error)
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.error)
    }
}
