//! What can be wrong with a chart's data, and how it is said to a journalist.
//!
//! Every stage (parse, spec, model, kind) reports [`Problem`]s: a place (JSON line/column or a
//! field path such as `communes[2].members`) and a [`ProblemKind`]. The message is made only when
//! shown, in the chart's language, so the core never holds English-only strings for errors.
//!
//! What only the explanations module needs and that came after it (placing a syntax error with
//! the whole text in view, hints for numbers in quotes; `json::number_literals` and
//! `explain::number_warnings` likewise) is under `cfg(not(all(target_arch = "wasm32", feature =
//! "web")))`: natively and in `explain/` (built without `web`) it is there, in the widget's own
//! wasm it is not. It would be dead code there anyway, but compiled into the same crate it changed
//! how the reader path's shared std code was inlined (+79 B gz measured); with the `cfg`, the
//! reader path's wasm is built as if it did not exist.
//!
//! The files, by concern: this one the problems and their place; `syntax.rs` syntax errors
//! (refined, placed, quoted and worded); `words.rs` what every other problem says; `numbers.rs`
//! the hints for numbers as people write them; `quote.rs` a wrong value quoted as compact JSON;
//! `suggest.rs` "did you mean".

use crate::json::{ErrorKind, JsonType};
use crate::locale::Locale;

mod numbers;
mod quote;
mod suggest;
mod syntax;
#[cfg(test)]
mod tests;
mod words;

pub(crate) use quote::push_json_string;
pub use suggest::closest_name;
pub use syntax::window_line;

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Field path (`communes[1].members`); empty for the document itself or a syntax error.
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not JSON, at 1-based `line` and `column` (in characters) of `source_line`.
    /// `what` is as the reader found it; [`Problem::syntax_what`] refines it from the line.
    /// What is only needed to say it (the refinement, the quoted window, the suggestions below)
    /// is worked out when the message is made, in the explanations module, so the widget's
    /// reader path does not carry that code.
    Syntax {
        line: usize,
        column: usize,
        what: ErrorKind,
        source_line: String,
    },
    /// A field not in `known` (the closest known name is suggested in the message).
    UnknownField {
        field: String,
        known: &'static [&'static str],
    },
    /// `found` where a value of type `expected` belongs (quoted in the message as compact JSON).
    WrongType {
        expected: JsonType,
        found: crate::json::Value,
    },
    Missing,
    EmptyText,
    EmptyList,
    NotWholeNumber {
        value: f64,
    },
    Negative {
        value: f64,
    },
    NotFinite,
    UnknownValue {
        value: String,
        allowed: &'static [&'static str],
    },
    /// `cellKinds` that do not add up to `cells`, or `targets` to their `total`.
    SumMismatch {
        sum: u64,
        expected: u64,
        expected_field: &'static str,
    },
    /// The chart kind needs a field that no commune has.
    NothingToDraw {
        field: &'static str,
    },
    /// A chart kind not in `allowed` (`ChartKind::NAMES`, given where it is found: this module
    /// depends on no stage of the pipeline).
    UnknownKind {
        value: String,
        allowed: &'static [&'static str],
    },
    /// A name in `highlight` that is no commune's; `names`: the communes' names (the
    /// explanation suggests the closest).
    UnknownCommune {
        value: String,
        names: Vec<String>,
    },
    /// The element has neither inline JSON nor `data-src`.
    NoData,
    /// Limits (see `spec::MAX_*`): the whole text, one text field, one list.
    TooLarge {
        bytes: usize,
        max: usize,
    },
    TooLong {
        chars: usize,
        max: usize,
    },
    TooMany {
        count: usize,
        max: usize,
    },
    /// `data-src` could not be fetched, or did not answer with JSON.
    FetchFailed {
        url: String,
        why: FetchFailure,
    },
    /// A value handed to `render()` / `update()` that is not JSON data (found by js/api.js while
    /// it writes the value as JSON text, at the path of the problem).
    UnreadableValue {
        why: ValueTrouble,
    },
    // Warnings: shown only in preview mode (see `preview::warnings`); the chart is still drawn.
    /// Two communes with the same name (readers cannot tell the bars apart).
    DuplicateName {
        name: String,
        first: usize,
    },
    /// Fewer party members than party cells: almost always two numbers swapped.
    FewerMembersThanCells {
        members: u64,
        cells: u64,
    },
    /// Communes that lack what this chart kind draws (they are shown as "no data").
    LacksField {
        field: &'static str,
        names: Vec<String>,
    },
    /// `percentOfPlan` such as 0.997: a fraction where a percentage (99.7) was meant.
    PercentLooksLikeFraction {
        value: f64,
    },
    /// A number written with a dot before exactly three digits (`5.755`, `12.500`, `2.000`):
    /// JSON reads a decimal, the journalist probably meant thousands (see
    /// `explain::number_warnings` for when it is said). `written` as in the text; `measure` the
    /// indicator's unit, for the drawn label.
    LooksLikeThousands {
        written: String,
        measure: Option<String>,
    },
}

/// Why `data-src` gave no data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchFailure {
    /// The server answered with this HTTP status (404, 500…).
    Status(u16),
    /// No answer at all: offline, DNS, CORS or a blocked request.
    Network,
    /// No answer within this many seconds.
    Timeout { seconds: u32 },
    /// The answer was an HTML page (an error page, or the wrong URL), not JSON.
    NotJson,
    /// The answer was empty (or only whitespace).
    Empty,
    /// The body stopped part-way (the connection was reset or closed early).
    Cut,
}

/// Why a JavaScript value cannot be read as JSON data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueTrouble {
    /// An object that contains itself (directly or further down).
    Cycle,
    /// A `BigInt` (`12n`): JSON has no such number.
    BigInt,
    /// Reading it threw (a getter, a proxy).
    Throws,
    /// The whole data is not an object or a string (`undefined`, a function, a number).
    NotData,
}

impl ProblemKind {
    /// Warnings are shown only in preview mode and never stop the chart.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            ProblemKind::DuplicateName { .. }
                | ProblemKind::FewerMembersThanCells { .. }
                | ProblemKind::LacksField { .. }
                | ProblemKind::PercentLooksLikeFraction { .. }
                | ProblemKind::LooksLikeThousands { .. }
        )
    }
}

impl Problem {
    pub fn at(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), kind }
    }

    /// One or two sentences: what is wrong, where, and how to fix it.
    pub fn message(&self, locale: Locale) -> String {
        let place = self.place(locale);
        let what = self.kind.describe(&self.path, locale);
        if place.is_empty() {
            what
        } else {
            format!("{place}: {what}")
        }
    }

    /// [`Problem::message`] without its place (the path, or a syntax error's line and column),
    /// for tools that show the place themselves: the playground beside a table cell, an editor.
    pub fn detail(&self, locale: Locale) -> String {
        self.kind.describe(&self.path, locale)
    }

    /// Where in the JSON text, when known (syntax errors): 1-based line and column.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match &self.kind {
            ProblemKind::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    fn place(&self, locale: Locale) -> String {
        match (&self.kind, locale) {
            (ProblemKind::Syntax { line, column, .. }, Locale::Vi) => {
                format!("Lỗi cú pháp JSON ở dòng {line}, cột {column}")
            }
            (ProblemKind::Syntax { line, column, .. }, Locale::En) => {
                format!("JSON syntax error at line {line}, column {column}")
            }
            _ if self.path.is_empty() => String::new(),
            _ => format!("`{}`", self.path),
        }
    }
}
