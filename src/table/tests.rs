//! The playground's table cases (tests/unit/playground-table.test.mjs, as its JavaScript reader
//! answered them), read by the core: the same rows, columns, items, findings and places.

use super::split::tests::js;
use super::*;
use crate::locale::Locale;

fn paste(text: &str) -> Table {
    read(text, Format::Paste, None)
}

/// The findings as (kind, row, col).
fn found(t: &Table, errors: bool) -> Vec<(IssueKind, Option<usize>, Option<usize>)> {
    t.issues.iter().filter(|i| i.error == errors).map(|i| (i.kind.clone(), i.row, i.col)).collect()
}

fn messages(t: &Table, errors: bool, locale: Locale) -> Vec<String> {
    t.issues.iter().filter(|i| i.error == errors).map(|i| i.message(t, locale)).collect()
}

fn json(t: &Table) -> String {
    t.to_json()
}

#[test]
fn kinds_of_cells_are_cell_kinds_not_the_total() {
    let p = paste("Xã\tChi bộ\tChi bộ bản\tChi bộ cơ quan\nA\t5\t3\t2\nB\t4\t\t\n");
    assert!(!p.has_errors());
    // Empty kinds are missing: no cellKinds at all.
    assert_eq!(json(&p), r#"{"communes":[{"name":"A","cells":5,"cellKinds":{"Chi bộ bản":3,"Chi bộ cơ quan":2}},{"name":"B","cells":4}]}"#);
    assert_eq!(
        p.columns.iter().map(Column::key).collect::<Vec<_>>(),
        ["name", "cells", "cellKinds.Chi bộ bản", "cellKinds.Chi bộ cơ quan"]
    );
    let places = Places::new(&p);
    assert_eq!(places.of("communes[0].cellKinds.Chi bộ bản").and_then(|p| p.col), Some(2));
    // The same kind twice (case and diacritics aside) is an error on the second column.
    let dup = paste("Xã\tChi bộ bản\tchi bo ban\nA\t1\t2\n");
    let kind = IssueKind::DuplicateColumn {
        first: "Chi bộ bản".into(),
        second: "chi bo ban".into(),
        label: ["một loại chi bộ", "the same kind of cell"],
    };
    assert_eq!(found(&dup, true), [(kind, Some(1), Some(2))]);
    assert_eq!(
        messages(&dup, true, Locale::Vi),
        ["dòng 1, cột \"chi bo ban\": cột \"Chi bộ bản\" và cột \"chi bo ban\" cùng là một loại chi bộ; hãy xoá bớt một cột"]
    );
}

#[test]
fn title_rows_above_the_header_are_skipped_and_give_the_title() {
    let text = "Số liệu đảng viên\t\t\nhuyện Tam Đường\n\nSTT\tTên xã\tĐảng viên\n1\tBình Lư\t412\n";
    assert_eq!(find_header(&split(text, 0, Format::Paste).records), 3);
    let p = paste(text);
    assert_eq!(p.title.as_deref(), Some("Số liệu đảng viên"));
    let notes: Vec<_> = p.notes().map(|n| (n.kind.clone(), n.row, n.start, n.end)).collect();
    assert_eq!(
        notes,
        [
            (IssueKind::TitleRow { text: "Số liệu đảng viên".into() }, Some(1), Some(0), Some(js(text, 19))),
            (IssueKind::TitleRow { text: "huyện Tam Đường".into() }, Some(2), Some(js(text, 20)), Some(js(text, 35))),
        ]
    );
    assert_eq!(
        messages(&p, false, Locale::Vi)[0],
        "dòng 1: \"Số liệu đảng viên\" ở trên hàng tên cột: được đọc là tiêu đề, không phải số liệu"
    );
    assert_eq!(json(&p), r#"{"title":"Số liệu đảng viên","communes":[{"name":"Bình Lư","members":412}]}"#);
    assert_eq!(p.rows.iter().map(|r| r.number).collect::<Vec<_>>(), [5]); // rows count the lines
                                                                          // A data row first stops the search: the first row is the header, and says it looks like data.
    assert_eq!(find_header(&split("Mồ Sì San\t89\nXã\tĐảng viên\n", 0, Format::Paste).records), 0);
    let data = paste("Mồ Sì San\t89\t9\nĐức Thọ\t2.989\t77\n");
    assert_eq!(found(&data, true), [(IssueKind::HeaderLooksLikeData, Some(1), None)]);
    // Known columns but no name column: found, and the error names the missing column.
    let no_name = paste("Bảng 1\nĐảng viên\tLoại\n89\tXã\n");
    assert_eq!(no_name.title.as_deref(), Some("Bảng 1"));
    assert_eq!(found(&no_name, true), [(IssueKind::NoNameColumn { indicators: false }, Some(2), None)]);
    assert_eq!(
        messages(&no_name, true, Locale::En),
        ["row 2: no commune name column; name it \"Xã\" (or \"Tên xã\", \"Đơn vị\", \"name\")"]
    );
}

#[test]
fn number_style_per_table_chosen_else_the_numbers_else_the_column_names() {
    use Style::{En, Vi};
    use StyleReason::{Cells, Chosen, Headers};
    let style = |text: &str, choice: Option<Style>| {
        let p = read(text, Format::Paste, choice);
        (p.style, p.reason, json(&p))
    };

    // The numbers decide, whatever the language of the column names.
    assert_eq!(
        style("Xã\tĐảng viên\tDiện tích\nA\t2,989\t48.93\n", None),
        (En, Cells, r#"{"communes":[{"name":"A","members":2989,"areaKm2":48.93}]}"#.into())
    );
    assert_eq!(
        style("Name\tMembers\tArea\nA\t2.989\t48,93\n", None),
        (Vi, Cells, r#"{"communes":[{"name":"A","members":2989,"areaKm2":48.93}]}"#.into())
    );
    // 2.989 in a decimal column says nothing; 99,7 does.
    assert_eq!(
        style("Name\tArea\nA\t2.989\nB\t99,7\n", None),
        (Vi, Cells, r#"{"communes":[{"name":"A","areaKm2":2989},{"name":"B","areaKm2":99.7}]}"#.into())
    );
    // More clues one way than the other.
    assert_eq!(style("Xã\tĐảng viên\nA\t1.234\nB\t2.345\nC\t3,456\n", None).0, Vi);
    // Numbers that say nothing: most column names decide.
    assert_eq!(style("Name\tMembers\nA\t89\n", None), (En, Headers, r#"{"communes":[{"name":"A","members":89}]}"#.into()));
    assert_eq!(style("Xã\tĐảng viên\nA\t89\n", None), (Vi, Headers, r#"{"communes":[{"name":"A","members":89}]}"#.into()));
    // Chosen: the clues are not asked.
    assert_eq!(style("Xã\tĐảng viên\nA\t1,234\n", Some(En)), (En, Chosen, r#"{"communes":[{"name":"A","members":1234}]}"#.into()));
    // Text columns give no clues.
    assert_eq!(style("Xã\tHuyện\tĐảng viên\n1.234,5\t9,9\t89\n", None).0, Vi);
}

#[test]
fn a_whole_number_column_given_a_decimal_says_how_to_fix_it() {
    let text = "Xã\tĐảng viên\nA\t1,234\n";
    let vi = read(text, Format::Paste, Some(Style::Vi));
    let errors: Vec<_> = vi.errors().collect();
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].row, errors[0].col, errors[0].start, errors[0].end), (Some(2), Some(1), Some(js(text, 15)), Some(js(text, 20))));
    assert!(matches!(&errors[0].kind, IssueKind::NotWhole { alt: Some(a), .. } if a.json == "1234"));
    assert_eq!(
        messages(&vi, true, Locale::Vi),
        ["dòng 2, cột \"Đảng viên\": \"1,234\" được đọc là 1,234, nhưng cột này cần số nguyên; nếu ý là 1234, hãy viết 1234 \
          (bảng này dùng dấu phẩy làm dấu thập phân)"]
    );
    assert_eq!(json(&vi), r#"{"communes":[{"name":"A"}]}"#);
    assert_eq!(vi.rows[0].cells[1].state, CellState::Bad);
    let en = read("Xã\tĐảng viên\nA\t2.5\n", Format::Paste, Some(Style::En));
    assert_eq!(
        messages(&en, true, Locale::En),
        ["row 2, column \"Đảng viên\": \"2.5\" reads as 2.5, but this column needs a whole number"]
    );
    let text = "Xã\tĐảng viên\tChi bộ\nMồ Sì San\t89\t9\nĐức Thọ\t2.98x\t77\n";
    let bad = paste(text);
    let e: Vec<_> = bad.errors().map(|e| (e.kind.clone(), e.row, e.col, e.start, e.end)).collect();
    assert_eq!(
        e,
        [(
            IssueKind::NotNumber { header: "Đảng viên".into(), raw: "2.98x".into() },
            Some(3),
            Some(1),
            Some(js(text, 43)),
            Some(js(text, 48))
        )]
    );
    assert_eq!(messages(&bad, true, Locale::Vi), ["dòng 3, cột \"Đảng viên\": \"2.98x\" không phải là số"]);
}

#[test]
fn stt_columns_silently_total_rows_and_unknown_columns_with_a_note() {
    let p = paste("STT\tTên xã\tĐảng viên\tGhi chu\n1\tA\t1.234\tx\n\tTổng cộng\t1.234\t\n");
    assert!(!p.has_errors());
    assert_eq!(json(&p), r#"{"communes":[{"name":"A","members":1234}]}"#);
    let cols: Vec<_> = p.columns.iter().map(|c| (c.header.as_str(), c.key(), c.field.is_none())).collect();
    assert_eq!(
        cols,
        [
            ("STT", String::new(), true),
            ("Tên xã", "name".into(), false),
            ("Đảng viên", "members".into(), false),
            ("Ghi chu", String::new(), true)
        ]
    );
    assert!(p.columns[0].silent);
    assert_eq!(
        found(&p, false),
        [
            (IssueKind::UnknownColumn { header: "Ghi chu".into(), number: 4, suggestion: None }, Some(1), Some(3)),
            (IssueKind::TotalRow { name: "Tổng cộng".into() }, Some(3), Some(1)),
        ]
    );
    assert_eq!(p.rows.iter().map(|r| (r.number, r.total, r.item)).collect::<Vec<_>>(), [(2, false, Some(0)), (3, true, None)]);
    let states: Vec<_> = p.rows[0].cells.iter().map(|c| c.state).collect();
    assert_eq!(states, [CellState::Ignored, CellState::Ok, CellState::Ok, CellState::Ignored]);
    for total in ["Total", "TỔNG SỐ", "Toàn huyện", "Cộng"] {
        assert_eq!(json(&paste(&format!("Name\tMembers\nA\t1\n{total}\t1\n"))), r#"{"communes":[{"name":"A","members":1}]}"#, "{total}");
    }
    let en = paste("Name\tMembers\nA\t1\nTotal\t1\n");
    assert_eq!(messages(&en, false, Locale::En), ["row 3, column \"Name\": \"Total\" looks like a total row and is skipped"]);
    // A near miss gets a suggestion.
    let typo = paste("Xã\tDang vein\nA\t1\n");
    assert_eq!(
        messages(&typo, false, Locale::Vi),
        ["dòng 1, cột \"Dang vein\": không nhận ra tên cột này nên cột bị bỏ qua; có phải ý bạn là \"Đảng viên\"?"]
    );
}

#[test]
fn field_paths_map_back_to_cells() {
    let text = "Xã\tĐảng viên\tĐạt và vượt\nA\t89\t3\nB\t-\t\n";
    let p = paste(text);
    let cell = |row, col, start: usize, end: usize| Place { row, col: Some(col), start: Some(js(text, start)), end: Some(js(text, end)) };
    let row = |row| Place { row, col: None, start: None, end: None };
    // The playground's numbers (UTF-16 offsets).
    assert_eq!(
        p.paths,
        [
            ("communes[0]".to_string(), row(2)),
            ("communes[0].name".into(), cell(2, 0, 25, 26)),
            ("communes[0].members".into(), cell(2, 1, 27, 29)),
            ("communes[0].targets.met".into(), cell(2, 2, 30, 31)),
            ("communes[1]".into(), row(3)),
            ("communes[1].name".into(), cell(3, 0, 32, 33)),
            ("communes[1].members".into(), cell(3, 1, 34, 35)),
            ("communes[1].targets.met".into(), cell(3, 2, 36, 36)), // the empty cell's place
        ]
    );
    for (path, place) in &p.paths {
        if let (Some(col), Some(s), Some(e)) = (place.col, place.start, place.end) {
            assert_eq!(&text[s..e], p.rows[place.row - 2].cells[col].raw, "{path}");
        }
    }
    assert_eq!(json(&p), r#"{"communes":[{"name":"A","members":89,"targets":{"met":3}},{"name":"B"}]}"#);
    let states: Vec<_> = p.rows[1].cells.iter().map(|c| c.state).collect();
    assert_eq!(states, [CellState::Ok, CellState::Missing, CellState::Missing]);
}

#[test]
fn items_in_the_documented_order_and_indicators_tables() {
    let c = paste("Khó đạt\tTổng số chỉ tiêu\tDân số\tXã\tĐạt và vượt\n1\t10\t5.000\tA\t5\n");
    assert_eq!(json(&c), r#"{"communes":[{"name":"A","targets":{"met":5,"behind":1,"total":10},"population":5000}]}"#);
    let i = paste("% kế hoạch\tĐơn vị\tChỉ tiêu\tGiá trị\tĐơn vị tính\n99,7%\tVăn Lãng\tTrồng rừng\t5.755\tha\n");
    assert_eq!(i.kind, TableKind::Indicators);
    assert_eq!(json(&i), r#"{"indicators":[{"unit":"Văn Lãng","name":"Trồng rừng","value":5755,"measure":"ha","percentOfPlan":99.7}]}"#);
    let keys: Vec<_> = i.paths.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        keys,
        [
            "indicators[0]",
            "indicators[0].percentOfPlan",
            "indicators[0].unit",
            "indicators[0].name",
            "indicators[0].value",
            "indicators[0].measure"
        ]
    );
    let unnamed = read("Chỉ tiêu\tGiá trị\n\t5\n", Format::Paste, None);
    assert_eq!(messages(&unnamed, true, Locale::En), ["row 2, column \"Chỉ tiêu\": the indicator has no name"]);
}

#[test]
fn what_is_wrong_with_the_whole_table() {
    let e = paste("  \n\t\n");
    assert!(e.empty && e.issues.is_empty() && e.columns.is_empty() && e.rows.is_empty());
    assert_eq!(found(&paste("Xã\tĐảng viên\n"), true), [(IssueKind::NoDataRows, None, None)]);
    assert_eq!(found(&paste("Mồ Sì San\nĐức Thọ\n"), true), [(IssueKind::NoSeparator { pasted: true }, None, None)]);
    assert_eq!(
        messages(&paste("Mồ Sì San\nĐức Thọ\n"), true, Locale::Vi),
        ["Không thấy dấu tab giữa các cột. Hãy sao chép các ô trực tiếp từ Excel hoặc Google Sheets (không sao chép qua Word)."]
    );
    let dup = paste("Xã\tĐảng viên\tSố đảng viên\nA\t1\t2\n");
    assert_eq!(
        messages(&dup, true, Locale::En),
        ["row 1, column \"Số đảng viên\": columns \"Đảng viên\" and \"Số đảng viên\" are both party members; remove one"]
    );
    let extra = paste("Xã\tĐảng viên\nA\t5\tx\nB\t6\t\n");
    assert_eq!(found(&extra, false), [(IssueKind::ExtraCells, Some(2), None)]);
    assert_eq!(json(&extra), r#"{"communes":[{"name":"A","members":5},{"name":"B","members":6}]}"#);
    let text = "Xã\tĐảng viên\n\t5\nB\t6\n";
    let no_name = paste(text);
    let e: Vec<_> = no_name.errors().map(|e| (e.kind.clone(), e.row, e.col, e.start, e.end)).collect();
    assert_eq!(
        e,
        [(IssueKind::MissingName { header: "Xã".into(), indicators: false }, Some(2), Some(0), Some(js(text, 13)), Some(js(text, 13)))]
    );
    // Quoted cells with a newline are one cell, one row.
    assert_eq!(json(&paste("Xã\tĐảng viên\n\"Mồ Sì\nSan\"\t89\n")), r#"{"communes":[{"name":"Mồ Sì San","members":89}]}"#);
}

// ---- CSV and TSV files (contract, section 6)

fn csv(text: &str) -> Table {
    read(text, Format::Csv, None)
}

#[test]
fn csv_with_commas_semicolons_a_bom_and_a_title_row() {
    let english = csv("name,members,cells,area (km2)\r\nMồ Sì San,\"2,989\",12,48.93\r\n");
    assert_eq!(english.delim, Some(b','));
    assert_eq!(json(&english), r#"{"communes":[{"name":"Mồ Sì San","members":2989,"cells":12,"areaKm2":48.93}]}"#);
    // Excel with Vietnamese settings: semicolons, a byte-order mark, 2.989 and 99,7.
    let vietnamese = csv("\u{feff}Số liệu đảng viên;;;\r\nTên xã;Đảng viên;Chi bộ;Diện tích (km2)\r\nMồ Sì San;2.989;12;48,93\r\nTổng cộng;2.989;12;48,93\r\n");
    assert_eq!(vietnamese.delim, Some(b';'));
    assert_eq!((vietnamese.style, vietnamese.reason), (Style::Vi, StyleReason::Cells));
    assert_eq!(
        json(&vietnamese),
        r#"{"title":"Số liệu đảng viên","communes":[{"name":"Mồ Sì San","members":2989,"cells":12,"areaKm2":48.93}]}"#
    );
    assert_eq!(vietnamese.rows.iter().map(|r| r.number).collect::<Vec<_>>(), [3, 4]); // the header is row 2
                                                                                      // TSV, English headers without diacritics.
    let tsv = read("name\tdistrict\tmembers\nA\tTam Duong\t10\n", Format::Tsv, None);
    assert_eq!(json(&tsv), r#"{"communes":[{"name":"A","district":"Tam Duong","members":10}]}"#);
}

#[test]
fn formulas_quotes_embedded_newlines_and_ragged_rows() {
    // A formula exported as text is not a number: an error at its cell.
    let f = csv("Xã,Đảng viên\nA,5\nB,=SUM(B2:B9)\n");
    let e: Vec<_> = f.errors().map(|e| (e.row, e.col)).collect();
    assert_eq!(e, [(Some(3), Some(1))]);
    assert_eq!(messages(&f, true, Locale::Vi), ["dòng 3, cột \"Đảng viên\": \"=SUM(B2:B9)\" không phải là số"]);
    // A quoted name with a comma, a quote and a line break; rows shorter and longer than the header.
    let q = csv("Xã,Đảng viên,Chi bộ\n\"Mồ Sì San, \"\"A\"\"\nbản\",5,1\nB,6\nC,7,2,extra\n");
    assert_eq!(
        json(&q),
        r#"{"communes":[{"name":"Mồ Sì San, \"A\" bản","members":5,"cells":1},{"name":"B","members":6},{"name":"C","members":7,"cells":2}]}"#
    );
    assert_eq!(q.rows.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 3, 4]); // a line break in a cell is not a row
    assert_eq!(found(&q, false), [(IssueKind::ExtraCells, Some(4), None)]);
    // A quote never closed stays in its cell, and the rows after it are read.
    let open = csv("Xã,Đảng viên\n\"A,5\nB,6\n");
    assert_eq!(json(&open), r#"{"communes":[{"name":"\"A","members":5},{"name":"B","members":6}]}"#);
}

#[test]
fn read_input_converts_by_extension_and_says_problems_by_row_and_column() {
    let json = |path: &str, text: &str| read_input(path, text).ok().map(|i| i.json);
    assert_eq!(json("data.json", "{\"communes\":[]}").as_deref(), Some("{\"communes\":[]}"));
    assert_eq!(json("xa.CSV", "Xã;Đảng viên\nA;2.989\n").as_deref(), Some(r#"{"communes":[{"name":"A","members":2989}]}"#));
    // Standard input (`-`) or a file without a known extension: JSON if it starts as JSON does.
    assert_eq!(json("-", "\u{feff}\n  {\"communes\":[]}").as_deref(), Some("\u{feff}\n  {\"communes\":[]}"));
    assert_eq!(json("-", "{\"communes\": [").as_deref(), Some("{\"communes\": ["), "broken JSON is said as JSON");
    assert_eq!(json("-", "Xã\tĐảng viên\nA\t5\n").as_deref(), Some(r#"{"communes":[{"name":"A","members":5}]}"#));
    assert_eq!(json("so-lieu.txt", "Xã,Đảng viên\nA,5\n").as_deref(), Some(r#"{"communes":[{"name":"A","members":5}]}"#));
    assert_eq!(json("./v1.2/data", "name,members\nA,5\n").as_deref(), Some(r#"{"communes":[{"name":"A","members":5}]}"#));
    assert!(read_input("data.json", "Xã,Đảng viên\n").is_ok_and(|i| i.json == "Xã,Đảng viên\n"), "a .json file is JSON");
    let Err(bad) = read_input("xa.csv", "Xã,Đảng viên\nA,5\nB,x\n") else { panic!() };
    assert_eq!(
        bad.report("xa.csv", Locale::Vi),
        "xa.csv: Không vẽ được biểu đồ\nxa.csv:3:3: dòng 3, cột \"Đảng viên\": \"x\" không phải là số\n"
    );
    // A problem of the data made from the table (kinds of cells that do not add up), by its row.
    let Err(sum) = read_input("xa.tsv", "Xã\tChi bộ\tChi bộ bản\tChi bộ cơ quan\nA\t5\t3\t1\n") else { panic!() };
    let report = sum.report("xa.tsv", Locale::En);
    assert!(report.starts_with("xa.tsv: The chart cannot be drawn\nxa.tsv:2:1: row 2: "), "{report}");
    // A field the chart needs whose column the table lacks: by the column's usual name.
    let Err(partial) = read_input("xa.csv", "Xã,Khó đạt\nA,3\n") else { panic!() };
    assert_eq!(
        partial.report("xa.csv", Locale::Vi),
        "xa.csv: Không vẽ được biểu đồ\nxa.csv:2:1: dòng 2, cột \"Đạt và vượt\" (bảng chưa có cột này): thiếu trường bắt buộc này\n\
         xa.csv:2:1: dòng 2, cột \"Đạt trên 80%\" (bảng chưa có cột này): thiếu trường bắt buộc này\n"
    );
    let Err(neg) = read_input("xa.csv", "Xã,Đảng viên\nA,-5\n") else { panic!() };
    assert!(
        neg.report("xa.csv", Locale::En).contains("\nxa.csv:2:3: row 2, column \"Đảng viên\": "),
        "{}",
        neg.report("xa.csv", Locale::En)
    );
}

#[test]
fn the_answer_counts_offsets_as_javascript_does() {
    // "Mồ" is 2 UTF-16 units but 4 bytes; an emoji is 2 units and 4 bytes.
    let a = answer("Xã\tĐảng viên\n😀Mồ\t2.98x\n", Format::Paste, None, Locale::Vi, true);
    let v = crate::json::parse(&a).unwrap();
    let Some(crate::json::Value::Array(issues)) = v.get("issues") else { panic!("{a}") };
    let n = |v: Option<&crate::json::Value>| match v {
        Some(crate::json::Value::Number(n)) => n.as_f64(),
        other => panic!("{other:?}"),
    };
    // "Xã\tĐảng viên\n" is 13 units; "😀Mồ\t" 5 more.
    assert_eq!((n(issues[0].get("start")), n(issues[0].get("end"))), (18.0, 23.0));
    assert_eq!(issues[0].get("kind"), Some(&crate::json::Value::String("notNumber".into())));
    assert!(v.get("paths").is_some() && v.get("rows").is_some());
}

#[test]
fn big_and_hostile_files_are_read_in_linear_time() {
    let t0 = std::time::Instant::now();
    let note = format!("\"{}\"", "Ghi chú, có dấu phẩy; \"\"ngoặc kép\"\" và\nxuống dòng. ".repeat(9));
    let big = format!("Xã,Đảng viên,Chi bộ,Ghi chú\n{}", format!("Xã A,\"1,234\",5,{note}\n").repeat(8800));
    assert!(big.len() > 5_000_000);
    let t = csv(&big);
    assert_eq!((t.items.len(), t.has_errors()), (8800, false));
    let quotes = format!("Xã,Đảng viên\n{}", "\"Xã A,1\n".repeat(200_000));
    let t = csv(&quotes);
    assert!(t.issues.iter().any(|i| matches!(i.kind, IssueKind::TooManyRows { count: 200_000, .. })));
    let runs = format!("Xã,Đảng viên\n{}", "\"\"\"\"\"\"\"\"\"\" A,1\n\"\"\"\"\"\"\"\"\"\"\",2\n".repeat(100_000));
    let _ = csv(&runs);
    eprintln!("{:?}", t0.elapsed());
    assert!(t0.elapsed().as_secs() < 20, "{:?}", t0.elapsed());
}

#[test]
fn the_fields_and_their_order_are_the_schemas() {
    // (Was the playground's check of its own reader, tests/unit/playground-schema.test.mjs.)
    let schema: serde_json::Value = serde_json::from_str(include_str!("../../schema/commune-charts.schema.json")).unwrap();
    let keys = |def: &str| -> Vec<String> { schema["definitions"][def]["properties"].as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys("commune"), json::COMMUNE_ORDER);
    assert_eq!(keys("targets"), json::TARGET_ORDER);
    assert_eq!(keys("indicator"), json::INDICATOR_ORDER);
    // Every leaf field of a definition ('targets.met'), with its type, is a field of the table.
    let type_of = |prop: &serde_json::Value| -> &'static str {
        let types: Vec<&str> = match &prop["type"] {
            serde_json::Value::String(s) => vec![s.as_str()],
            serde_json::Value::Array(a) => a.iter().filter_map(|t| t.as_str()).collect(),
            _ => vec![],
        };
        match types.iter().find(|t| **t != "null") {
            Some(&"string") => "text",
            Some(&"integer") => "int",
            Some(&"number") => "number",
            Some(&"object") => "object",
            other => panic!("{other:?}: {prop}"),
        }
    };
    let leaves = |def: &str| -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        for (k, prop) in schema["definitions"][def]["properties"].as_object().unwrap() {
            let reference = prop["anyOf"].as_array().and_then(|a| a.iter().find_map(|x| x["$ref"].as_str())).or(prop["$ref"].as_str());
            match reference {
                Some(r) => {
                    for (k2, p2) in schema["definitions"][r.rsplit('/').next().unwrap()]["properties"].as_object().unwrap() {
                        out.push((format!("{k}.{k2}"), type_of(p2)));
                    }
                }
                None if k == "cellKinds" => assert_eq!(type_of(prop), "object"), // any "Chi bộ …" column
                None => out.push((k.clone(), type_of(prop))),
            }
        }
        out.sort();
        out
    };
    let fields = |kind: TableKind| -> Vec<(String, &'static str)> {
        let mut out: Vec<_> = FIELDS.iter().filter(|f| f.table == kind).map(|f| (f.key.to_string(), f.ty.name())).collect();
        out.sort();
        out
    };
    assert_eq!(fields(TableKind::Communes), leaves("commune"));
    assert_eq!(fields(TableKind::Indicators), leaves("indicator"));
    for f in &FIELDS {
        assert!(!f.vi.is_empty() && !f.en.is_empty(), "{}: column names in both languages", f.key);
    }
    // A kind of cell is a whole number in cellKinds.
    let p = paste("Xã\tChi bộ bản\nA\t3\n");
    assert_eq!((p.columns[1].key(), p.columns[1].ty()), ("cellKinds.Chi bộ bản".to_string(), FieldType::Int));
}
