#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]
//! `commune-charts render data.csv` / `data.tsv`: a table read as a CSV `data-src` is (the same
//! core reader, `commune_charts::table::read_input`), drawn like its JSON; its problems on
//! standard error as `file:line:column:` lines that name the row and column.

use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_commune-charts");

fn file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("commune-charts-cli-table-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn render(path: &PathBuf, extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).arg("render").arg(path).args(extra).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_csv_or_tsv_file_is_drawn_like_its_json() {
    // Excel with Vietnamese settings: a byte-order mark, semicolons, 2.989, a title row.
    let csv = file("xa.csv", "\u{feff}Số liệu đảng viên;;\r\nTên xã;Đảng viên;Chi bộ\r\nMồ Sì San;2.989;12\r\nPa Vây Sử;86;11\r\n");
    let (code, svg, err) = render(&csv, &["--kind", "members"]);
    assert_eq!(code, 0, "{err}");
    let json = file(
        "xa.json",
        r#"{"title":"Số liệu đảng viên","communes":[{"name":"Mồ Sì San","members":2989,"cells":12},{"name":"Pa Vây Sử","members":86,"cells":11}]}"#,
    );
    let (_, from_json, _) = render(&json, &["--kind", "members"]);
    assert_eq!(svg, from_json, "the same chart as the JSON the table stands for");
    assert!(svg.contains("2.989") && svg.contains("Số liệu đảng viên"));
    let tsv = file("xa.tsv", "name\tmembers\nA\t5\nB\t6\n");
    let (code, svg, err) = render(&tsv, &["--kind", "members"]);
    assert_eq!(code, 0, "{err}");
    assert!(svg.contains("nhiều nhất là B (6), ít nhất là A (5)"), "{svg}");
}

#[test]
fn a_tables_problems_name_the_row_and_column() {
    let bad = file("bad.csv", "Xã,Đảng viên,Chi bộ\nMồ Sì San,89,9\nPa Vây Sử,86,11\nĐức Thọ,2.98x,77\n");
    let (code, svg, err) = render(&bad, &[]);
    assert_eq!(code, 1);
    assert!(svg.is_empty());
    let shown = bad.display();
    assert_eq!(err, format!("{shown}: Không vẽ được biểu đồ\n{shown}:4:9: dòng 4, cột \"Đảng viên\": \"2.98x\" không phải là số\n"));
    // The data made from the table, checked as the widget checks it, in --locale's language.
    let kinds = file("kinds.csv", "Xã,Chi bộ,Chi bộ bản,Chi bộ cơ quan\nMồ Sì San,9,5,4\nPa Vây Sử,11,5,4\n");
    let (code, _, err) = render(&kinds, &["--locale", "en"]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{}:3:1: row 3: ", kinds.display())), "{err}");
}

fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_table_on_standard_input_is_read_as_a_csv_file_is() {
    // `curl …/pub?output=csv | commune-charts render - > chart.svg`: no extension to go by.
    let (code, svg, err) = run(&["render", "-", "--kind", "members"], Some("Tên xã,Đảng viên\r\nMồ Sì San,\"2,989\"\r\nPa Vây Sử,86\r\n"));
    assert_eq!(code, 0, "{err}");
    assert!(svg.contains("2.989") && svg.contains("Pa Vây Sử"), "{svg}");
    let (code, svg, err) = run(&["render", "-"], Some("Xã\tĐảng viên\nA\t12x\n"));
    assert_eq!((code, svg.as_str()), (1, ""));
    assert_eq!(err, "<stdin>: Không vẽ được biểu đồ\n<stdin>:2:3: dòng 2, cột \"Đảng viên\": \"12x\" không phải là số\n");
    // JSON still reads as JSON, its errors as JSON errors.
    let (code, _, err) = run(&["render", "-", "--locale", "en"], Some("{\"communes\": [}"));
    assert_eq!(code, 1);
    assert!(err.starts_with("<stdin>: The chart cannot be drawn\n<stdin>:1:15: "), "{err}");
}

#[test]
fn a_folder_of_tables_is_drawn_in_one_run_with_each_files_problems_by_row() {
    let dir = std::env::temp_dir().join(format!("commune-charts-cli-table-batch-{}", std::process::id()));
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("lai-chau.csv"), "Xã;Đảng viên;Chi bộ\nMồ Sì San;2.989;12\nPa Vây Sử;86;11\n").unwrap();
    std::fs::write(data.join("ha-tinh.tsv"), "Xã\tĐảng viên\tChi bộ\nĐức Thọ\t1.204\t30\n").unwrap();
    std::fs::write(data.join("bad.csv"), "Xã,Đảng viên\nA,5\nB,x\n").unwrap();
    std::fs::write(data.join("notes.txt"), "not data").unwrap();
    let out = dir.join("out");
    let (code, _, err) = run(&["render", data.to_str().unwrap(), "--kind", "all", "--out-dir", out.to_str().unwrap()], None);
    assert_eq!(code, 1, "an invalid file: exit 1, the others written\n{err}");
    let mut names: Vec<String> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        ["ha-tinh-cells.svg", "ha-tinh-members-per-cell.svg", "ha-tinh-members.svg", "ha-tinh-overview.svg"]
            .into_iter()
            .chain(["lai-chau-cells.svg", "lai-chau-members-per-cell.svg", "lai-chau-members.svg", "lai-chau-overview.svg"])
            .collect::<Vec<_>>()
    );
    let bad = data.join("bad.csv");
    let said = format!("{0}: Không vẽ được biểu đồ\n{0}:3:3: dòng 3, cột \"Đảng viên\": \"x\" không phải là số\n", bad.display());
    assert_eq!(err.matches(&said).count(), 1, "said once, not once per kind\n{err}");
    let svg = std::fs::read_to_string(out.join("lai-chau-members.svg")).unwrap();
    assert!(svg.contains("2.989"), "the Vietnamese number style of the file");
}
