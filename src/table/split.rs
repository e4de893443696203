//! Text → rows of cells, each with its byte offsets in the text (so a message can select the
//! cell): RFC 4180 quoting (`"…"` holds separators and line breaks, `""` is a quote), any line
//! ending, the separator found per file. The playground's `splitTable`, ported, in linear time.

/// How the text separates its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A CSV file: comma or semicolon (Excel with Vietnamese settings), or tab, whichever the
    /// first rows use consistently.
    Csv,
    /// Tab-separated.
    Tsv,
    /// Pasted from a spreadsheet (the playground): tabs if any, else semicolons, commas or runs
    /// of two or more spaces (text copied through Word), whichever splits the rows consistently.
    Paste,
}

impl Format {
    /// `csv`, `tsv`, or anything else: pasted text.
    pub fn from_name(name: &str) -> Format {
        match name.trim().to_ascii_lowercase().as_str() {
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            _ => Format::Paste,
        }
    }
}

/// A cell: its text (quotes undone) and where it is in the text, `[start, end)` in bytes (a
/// quoted cell's with its quotes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The rows of cells, and the separator (`None`: runs of spaces).
#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    pub records: Vec<Vec<Cell>>,
    pub delim: Option<u8>,
}

/// Splits `text` from byte `from` (after a byte-order mark) into rows of cells. Blank rows at the
/// end are dropped.
pub fn split(text: &str, from: usize, format: Format) -> Split {
    let body = text.get(from..).unwrap_or("");
    let delim = match format {
        Format::Tsv => Some(b'\t'),
        Format::Csv => Some(csv_separator(body)),
        Format::Paste if body.contains('\t') => Some(b'\t'),
        Format::Paste => paste_separator(body),
    };
    let mut records = match delim {
        Some(d) => delimited(text, from, d),
        None => spaced(text, from),
    };
    while records.last().is_some_and(|r| r.iter().all(|c| c.text.trim_matches(super::numbers::is_space).is_empty())) {
        records.pop();
    }
    Split { records, delim }
}

/// The separator of a CSV file: of `,`, `;` and tab, the one that splits the most of its first
/// rows (up to 50) into the same number of two or more cells, less the cells where it leaves a
/// quote in the middle of the text (a quoted cell that another separator did not see); a comma
/// when none does.
fn csv_separator(body: &str) -> u8 {
    best_separator(body, &[Some(b','), Some(b';'), Some(b'\t')], Some(b',')).unwrap_or(b',')
}

/// The separator of pasted text without tabs: semicolons, commas (a CSV opened in the browser and
/// copied) or runs of spaces (text copied through Word), whichever splits the first rows most
/// consistently; on a tie, spaces (`Xã A  99,7` holds a decimal comma, not a column).
fn paste_separator(body: &str) -> Option<u8> {
    best_separator(body, &[None, Some(b';'), Some(b',')], None)
}

/// Of `candidates` (`None`: runs of spaces), the first with the best score above zero (see
/// `csv_separator`); `otherwise` when none has one.
fn best_separator(body: &str, candidates: &[Option<u8>], otherwise: Option<u8>) -> Option<u8> {
    // The first 64 KiB is plenty to tell, and keeps a 5 MiB file from being split four times.
    let mut cut = body.len().min(65_536);
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = body.get(..cut).unwrap_or("");
    let mut best: ((isize, usize), Option<u8>) = ((0, 0), otherwise);
    for &d in candidates {
        let mut rows = match d {
            Some(d) => delimited(head, 0, d),
            None => spaced(head, 0),
        };
        if head.len() < body.len() {
            rows.pop(); // (cut part-way)
        }
        let rows: Vec<&Vec<Cell>> = rows.iter().take(50).filter(|r| r.iter().any(|c| !c.text.trim().is_empty())).collect();
        let stray = rows
            .iter()
            .flat_map(|r| r.iter())
            .filter(|c| {
                let span = head.get(c.start..c.end).unwrap_or("");
                let quoted = span.starts_with('"') && span != c.text;
                d.is_some() && !quoted && span.contains('"')
            })
            .count();
        // The most common count above 1, and how many rows have it.
        let mut mode = (0usize, 0usize);
        for n in rows.iter().map(|r| r.len()).filter(|n| *n > 1) {
            let times = rows.iter().filter(|r| r.len() == n).count();
            if (times, n) > mode {
                mode = (times, n);
            }
        }
        let score = (isize::try_from(mode.0).unwrap_or(0) - isize::try_from(stray).unwrap_or(0), mode.1);
        if mode.1 > 1 && score > best.0 {
            best = (score, d);
        }
    }
    best.1
}

/// Runs of two or more spaces (or tabs) separate the columns, one row a line.
fn spaced(text: &str, from: usize) -> Vec<Vec<Cell>> {
    let mut records = Vec::new();
    let mut pos = from;
    for line in text.get(from..).unwrap_or("").split('\n') {
        let mut cells = Vec::new();
        let bytes = line.as_bytes();
        let sep = |i: usize| bytes.get(i).is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r'));
        let mut i = 0;
        while i < bytes.len() {
            if sep(i) {
                i += 1;
                continue;
            }
            let start = i;
            // A word, and the words after it that one space separates.
            loop {
                while !sep(i) {
                    i += 1;
                }
                if bytes.get(i) == Some(&b' ') && !sep(i + 1) {
                    i += 1;
                } else {
                    break;
                }
            }
            cells.push(Cell { text: line.get(start..i).unwrap_or("").to_string(), start: pos + start, end: pos + i });
        }
        if cells.is_empty() {
            cells.push(Cell { text: String::new(), start: pos, end: pos });
        }
        records.push(cells);
        pos += line.len() + 1;
    }
    records
}

/// Cells separated by `delim`, rows by `\n`, `\r\n` or `\r`. A cell that starts with `"` is quoted
/// when a closing `"` is followed by a separator or a line end (`""` inside is a quote): it may
/// then hold separators and line breaks. Otherwise the quote is text (`"ab"c`, `x"y"`).
fn delimited(text: &str, from: usize, delim: u8) -> Vec<Vec<Cell>> {
    let b = text.as_bytes();
    let n = b.len();
    let mut records = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut i = from;
    let mut start = from;
    // A quoted cell's text, when the cell is quoted (what follows its closing quote is dropped).
    let mut quoted: Option<String> = None;
    // A search for a closing quote that reached the end: any later search fails too unless it
    // closes within the run of quotes it starts in (see `closing_quote`). Keeps this linear.
    let mut unclosed_from: Option<usize> = None;
    let cell = |start: usize, end: usize, quoted: &mut Option<String>| Cell {
        text: quoted.take().unwrap_or_else(|| text.get(start..end).unwrap_or("").to_string()),
        start,
        end,
    };
    while i <= n {
        let ch = b.get(i).copied().unwrap_or(b'\n');
        if ch == b'"' && i == start && quoted.is_none() {
            if let Some((close, inner)) = closing_quote(b, i + 1, delim, &mut unclosed_from) {
                quoted = Some(inner);
                i = close + 1;
                continue;
            }
        }
        if ch == delim {
            row.push(cell(start, i, &mut quoted));
            i += 1;
            start = i;
            continue;
        }
        if ch == b'\n' || ch == b'\r' {
            row.push(cell(start, i, &mut quoted));
            records.push(std::mem::take(&mut row));
            if ch == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            i += 1;
            start = i;
            continue;
        }
        i += 1;
    }
    records
}

/// The closing quote of a quoted cell whose text starts at `from`, and the text (`""` undone),
/// if it is followed by `delim`, a line end or the end of the text.
fn closing_quote(b: &[u8], from: usize, delim: u8, unclosed_from: &mut Option<usize>) -> Option<(usize, String)> {
    let after_earlier_failure = unclosed_from.is_some_and(|f| f < from);
    let mut inner: Vec<u8> = Vec::new();
    let mut j = from;
    let close = loop {
        match b.get(j) {
            None => {
                unclosed_from.get_or_insert(from);
                return None;
            }
            Some(b'"') if b.get(j + 1) == Some(&b'"') => {
                inner.push(b'"');
                j += 2;
            }
            Some(b'"') => break j,
            // Past the quotes it starts in, a search after one that failed fails too: every run
            // of quotes after that one's start pairs up to the end.
            Some(_) if after_earlier_failure => return None,
            Some(&c) => {
                inner.push(c);
                j += 1;
            }
        }
    };
    match b.get(close + 1) {
        None => {}
        Some(&a) if a == delim || a == b'\n' || a == b'\r' => {}
        Some(_) => return None,
    }
    // The bytes between two ASCII quotes of valid UTF-8 are valid UTF-8.
    Some((close, String::from_utf8(inner).unwrap_or_default()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The byte offset of JavaScript's (UTF-16) offset `units` in `text`: the playground's
    /// numbers, for the same cells.
    pub(crate) fn js(text: &str, units: usize) -> usize {
        let mut n = 0;
        for (i, c) in text.char_indices() {
            if n >= units {
                return i;
            }
            n += c.len_utf16();
        }
        text.len()
    }

    fn texts(s: &Split) -> Vec<Vec<&str>> {
        s.records.iter().map(|r| r.iter().map(|c| c.text.as_str()).collect()).collect()
    }

    /// Every cell's offsets select exactly its text (a quoted cell's: with its quotes).
    fn offsets_select(text: &str, s: &Split) {
        for c in s.records.iter().flatten() {
            let at = &text[c.start..c.end];
            let unquoted = at.strip_prefix('"').and_then(|a| a.strip_suffix('"')).map_or(at.to_string(), |a| a.replace("\"\"", "\""));
            assert_eq!(unquoted, c.text, "{c:?}");
        }
    }

    #[test]
    fn tabs_first_then_semicolons_with_each_cells_offsets() {
        let tsv = "Xã\tĐảng viên\nMồ Sì San\t89\n";
        let a = split(tsv, 0, Format::Paste);
        assert_eq!(a.delim, Some(b'\t'));
        assert_eq!(texts(&a), [vec!["Xã", "Đảng viên"], vec!["Mồ Sì San", "89"]]);
        assert_eq!(a.records[1][1], Cell { text: "89".into(), start: js(tsv, 23), end: js(tsv, 25) });
        offsets_select(tsv, &a);
        // A tab anywhere wins over semicolons in the text.
        assert_eq!(texts(&split("a;b\tc\n", 0, Format::Paste)), [vec!["a;b", "c"]]);
        // Semicolons (a CSV from a Vietnamese Excel), with Windows line ends and a blank last line.
        let csv = "Xã;Đảng viên\r\nA;2.989\r\n\r\n";
        let b = split(csv, 0, Format::Paste);
        assert_eq!(b.delim, Some(b';'));
        assert_eq!(texts(&b), [vec!["Xã", "Đảng viên"], vec!["A", "2.989"]]);
        assert_eq!(
            b.records[1].iter().map(|c| (c.start, c.end)).collect::<Vec<_>>(),
            [(js(csv, 14), js(csv, 15)), (js(csv, 16), js(csv, 21))]
        );
        offsets_select(csv, &b);
        // Empty cells keep their places.
        assert_eq!(texts(&split("a\t\tc\n\t\t\n1\t2\t3", 0, Format::Paste)), [vec!["a", "", "c"], vec!["", "", ""], vec!["1", "2", "3"]]);
    }

    #[test]
    fn quoted_cells_hold_newlines_separators_and_quotes() {
        let text = "\"Mồ Sì\nSan\"\t\"nói \"\"có\"\"\"\t\"a\tb\"\n1\t2\t3";
        let s = split(text, 0, Format::Paste);
        assert_eq!(texts(&s), [vec!["Mồ Sì\nSan", "nói \"có\"", "a\tb"], vec!["1", "2", "3"]]);
        offsets_select(text, &s);
        // Not a quoted cell: the quote does not end the cell at a separator, or is not at its start.
        assert_eq!(texts(&split("\"ab\"c\td", 0, Format::Paste)), [vec!["\"ab\"c", "d"]]);
        assert_eq!(texts(&split("x\"y\"\tz", 0, Format::Paste)), [vec!["x\"y\"", "z"]]);
        // A quote never closed is text, and does not swallow the rows after it.
        assert_eq!(texts(&split("\"a,b\nc,d\n", 0, Format::Csv)), [vec!["\"a", "b"], vec!["c", "d"]]);
        // After a search that failed, a later quoted cell still closes within its own quotes.
        assert_eq!(texts(&split("\"x,1\n\"\"\"\",2\n", 0, Format::Csv)), [vec!["\"x", "1"], vec!["\"", "2"]]);
        // A lone \r ends a row (Excel for Mac).
        assert_eq!(texts(&split("a,b\rc,d", 0, Format::Csv)), [vec!["a", "b"], vec!["c", "d"]]);
    }

    #[test]
    fn runs_of_spaces_without_tabs_or_semicolons() {
        let text = "Xã  Đảng viên\nMồ Sì San   89\n\n\n";
        let s = split(text, 0, Format::Paste);
        assert_eq!(s.delim, None);
        assert_eq!(texts(&s), [vec!["Xã", "Đảng viên"], vec!["Mồ Sì San", "89"]]);
        offsets_select(text, &s);
        assert_eq!((s.records[1][1].start, s.records[1][1].end), (js(text, 26), js(text, 28)));
    }

    #[test]
    fn pasted_text_without_tabs_takes_the_separator_that_splits_it_consistently() {
        let sep = |t: &str| split(t, 0, Format::Paste).delim.map(char::from);
        // A published CSV opened in the browser and copied: commas, a quoted decimal comma.
        let csv = "Xã,Đảng viên,Tỷ lệ\nMồ Sì San,89,\"99,7\"\nPa Vây Sử,120,\"80,5\"\n";
        let s = split(csv, 0, Format::Paste);
        assert_eq!(s.delim, Some(b','));
        assert_eq!(texts(&s)[1], ["Mồ Sì San", "89", "99,7"]);
        offsets_select(csv, &s);
        // Text through Word: its decimal commas are not columns, even without a header.
        assert_eq!(sep("Xã  Tỷ lệ\nMồ Sì San  99,7\nPa Vây Sử  80,5\n"), None);
        assert_eq!(sep("Mồ Sì San  99,7\nPa Vây Sử  80,5\n"), None);
        // A semicolon in one row of text through Word does not make it a semicolon table.
        assert_eq!(sep("Xã  Đảng viên  Ghi chú\nA  89  mới; sáp nhập\nB  120  cũ\n"), None);
    }

    #[test]
    fn a_csv_files_separator_is_found_per_file() {
        let sep = |t: &str| split(t, 0, Format::Csv).delim.map(char::from);
        assert_eq!(sep("Xã,Đảng viên\nA,2989\n"), Some(','));
        // Vietnamese Excel: semicolons, decimal commas.
        assert_eq!(sep("Xã;Diện tích;Dân số\nA;1,5;2.989\nB;2,5;100\n"), Some(';'));
        assert_eq!(sep("Xã;Diện tích\nA;1,5\n"), Some(';'));
        // A comma inside quotes does not count; a semicolon in a name does not win.
        assert_eq!(sep("name,members\n\"Xã A, B\",5\n\"C; D\",6\n"), Some(','));
        assert_eq!(sep("Xã\tĐảng viên\nA\t5\n"), Some('\t'));
        assert_eq!(sep("Xã\nA\n"), Some(','));
        // A title row with no separators above the header.
        assert_eq!(sep("Số liệu đảng viên\nXã;Đảng viên\nA;5\nB;6\n"), Some(';'));
        // Semicolons inside quoted notes (with line breaks) do not make it a semicolon file.
        let note = format!("\"{}\"", "Ghi chú; có \"\"ngoặc\"\",\nxuống dòng. ".repeat(5));
        assert_eq!(sep(&format!("Xã,Đảng viên,Ghi chú\n{}", format!("A,\"1,234\",{note}\n").repeat(3))), Some(','));
    }
}
