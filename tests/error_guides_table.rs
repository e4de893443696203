//! The error guides quote every finding of the table reader (a CSV or TSV `data-src`,
//! `commune-charts render data.csv`, a table pasted into the playground) word for word, as
//! `tests/error_guides.rs` holds them to the data's problems: each finding is said twice, with two
//! sets of sample values (its place included: `dòng 4, cột "Đảng viên": …`), and the words the two
//! share must be in the guide of its language.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use commune_charts::table::{read, read_input, Format, Issue, IssueKind, Read, Table, FIELDS};
use commune_charts::Locale;

#[path = "support/guide_words.rs"]
mod guide_words;
use guide_words::{fixed_words, guide, one_line, pick};

/// Does not compile when `IssueKind` gains a kind: give it cases in [`cases`] too.
fn _every_kind_has_cases(kind: &IssueKind) {
    match kind {
        IssueKind::DuplicateColumn { .. }
        | IssueKind::HeaderLooksLikeData
        | IssueKind::NoSeparator { .. }
        | IssueKind::NoNameColumn { .. }
        | IssueKind::NotNumber { .. }
        | IssueKind::NotWhole { .. }
        | IssueKind::MissingName { .. }
        | IssueKind::NoDataRows
        | IssueKind::TooManyRows { .. }
        | IssueKind::TitleRow { .. }
        | IssueKind::UnknownColumn { .. }
        | IssueKind::TotalRow { .. }
        | IssueKind::ExtraCells => {}
    }
}

/// Sample set `s`'s table: its columns are what a finding's place names.
fn table(s: usize) -> Table {
    let text = if s == 0 { "Xã,Đảng viên,Chi bộ\nA,1,2\n" } else { "Tên đơn vị,Dân số,Diện tích\nB,3,4\n" };
    read(text, Format::Csv, None)
}

fn number(s: usize, whole: bool) -> Read {
    match (s, whole) {
        (0, false) => Read { json: "2.5".into(), value: 2.5 },
        (_, false) => Read { json: "17.25".into(), value: 17.25 },
        (0, true) => Read { json: "2500".into(), value: 2500.0 },
        (_, true) => Read { json: "17250".into(), value: 17250.0 },
    }
}

/// A finding of each kind and branch of its wording, from sample set `s`; `cell`: it names a cell
/// (row and column), else a row, else the whole table.
fn cases(s: usize) -> Vec<(&'static str, IssueKind, Option<usize>, Option<usize>)> {
    let header = |s| pick(s, "Đảng viên", "Dân số").to_string();
    let (row, col) = (Some(pick(s, 4, 17)), Some(1));
    let raw = |s| pick(s, "2,5", "17,25").to_string();
    let mut out = vec![
        (
            "DuplicateColumn",
            IssueKind::DuplicateColumn {
                first: header(s),
                second: pick(s, "Dang vien", "Population").into(),
                label: pick(s, FIELDS[1].label, FIELDS[2].label),
            },
            Some(pick(s, 1, 3)),
            col,
        ),
        ("HeaderLooksLikeData", IssueKind::HeaderLooksLikeData, Some(pick(s, 1, 3)), None),
        ("NoDataRows", IssueKind::NoDataRows, None, None),
        ("TooManyRows", IssueKind::TooManyRows { count: pick(s, 10_001, 82_350), max: pick(s, 10_000, 500) }, None, None),
        ("TitleRow", IssueKind::TitleRow { text: pick(s, "Số liệu đảng viên", "Kết quả đại hội").into() }, Some(pick(s, 1, 2)), None),
        ("TotalRow", IssueKind::TotalRow { name: pick(s, "Tổng cộng", "Total").into() }, row, None),
        ("ExtraCells", IssueKind::ExtraCells, row, None),
        ("NotNumber", IssueKind::NotNumber { header: header(s), raw: pick(s, "2.98x", "n/a?").into() }, row, col),
    ];
    for pasted in [true, false] {
        out.push(("NoSeparator", IssueKind::NoSeparator { pasted }, None, None));
    }
    for indicators in [false, true] {
        out.push(("NoNameColumn", IssueKind::NoNameColumn { indicators }, Some(pick(s, 1, 3)), None));
        out.push(("MissingName", IssueKind::MissingName { header: header(s), indicators }, row, col));
    }
    for suggestion in [None, Some(pick(s, "Đảng viên", "Chi bộ"))] {
        let kind = IssueKind::UnknownColumn { header: header(s), number: pick(s, 3, 7), suggestion };
        out.push(("UnknownColumn", kind, Some(pick(s, 1, 3)), col));
    }
    // A count with decimals: without a whole-number reading, and with one in each style.
    out.push(("NotWhole", IssueKind::NotWhole { header: header(s), raw: raw(s), value: number(s, false), alt: None }, row, col));
    out.push((
        "NotWhole (decimal comma)",
        IssueKind::NotWhole { header: header(s), raw: raw(s), value: number(s, false), alt: Some(number(s, true)) },
        row,
        col,
    ));
    out.push((
        "NotWhole (decimal point)",
        IssueKind::NotWhole { header: header(s), raw: pick(s, "2.5", "17.25").into(), value: number(s, false), alt: Some(number(s, true)) },
        row,
        col,
    ));
    out
}

/// Every case's name and message from sample set `s`, in `locale`.
fn said(s: usize, locale: Locale) -> Vec<(&'static str, String)> {
    let table = table(s);
    cases(s)
        .into_iter()
        .map(|(name, kind, row, col)| (name, Issue { error: true, kind, row, col, start: None, end: None }.message(&table, locale)))
        .collect()
}

#[test]
fn every_table_finding_is_quoted_in_the_guide_of_its_language() {
    let mut missing = Vec::new();
    for (locale, path) in [(Locale::En, "docs/en/errors.md"), (Locale::Vi, "docs/vi/loi.md")] {
        let text = guide(path);
        let (first, second) = (said(0, locale), said(1, locale));
        assert_eq!(first.len(), second.len());
        assert!(first.len() >= 18, "cases went missing: {first:?}");
        for ((name, example), (_, other)) in first.iter().zip(&second) {
            let words = fixed_words(example, other);
            assert!(!words.is_empty(), "{name}: no fixed words in {example:?}");
            for w in words {
                if std::env::var_os("SHOW_QUOTED").is_some() {
                    println!("{path} | {name} | {w}");
                }
                if !text.contains(&one_line(&w)) {
                    missing.push(format!("{path}: {name} ({example}) needs the words: {w}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{} table message part(s) are not in the error guides:\n{}", missing.len(), missing.join("\n"));
}

/// The samples differ where the reader's values do: the place's row and column are not fixed words.
#[test]
fn a_findings_place_is_a_sample_value() {
    let not_number = |s| said(s, Locale::Vi).into_iter().find(|c| c.0 == "NotNumber").unwrap().1;
    assert_eq!(not_number(0), "dòng 4, cột \"Đảng viên\": \"2.98x\" không phải là số");
    assert_eq!(fixed_words(&not_number(0), &not_number(1)), ["dòng", "cột", "không phải là số"]);
}

/// A field the chart needs whose column the table lacks is said by the column's usual name.
#[test]
fn a_missing_columns_place_is_quoted_too() {
    let report = |text: &str, locale| read_input("x.csv", text).err().unwrap().report("x.csv", locale).lines().nth(1).unwrap().to_string();
    for (locale, path) in [(Locale::En, "docs/en/errors.md"), (Locale::Vi, "docs/vi/loi.md")] {
        let a = report("Xã,Khó đạt\nA,3\n", locale);
        let b = report("Số liệu\nTên xã,Dân số,Đạt và vượt,Đạt trên 80%\nB,5,1,2\nC,6,1,2\n", locale);
        let a = a.split_once(": ").unwrap().1;
        let b = b.split_once(": ").unwrap().1;
        let text = guide(path);
        for w in fixed_words(a, b) {
            assert!(text.contains(&one_line(&w)), "{path} needs the words: {w}\n({a})");
        }
    }
}
