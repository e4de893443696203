//! What each problem says, in each locale: [`ProblemKind::describe`] (a syntax error's words are
//! in `syntax.rs`), why `data-src` or a value handed to `render()` gave no data, and the names of
//! the JSON types.

use super::numbers::{number_in_quotes_hint, percent_literal, thousands_meant};
use super::quote::found_text;
use super::suggest::closest_name;
use super::{FetchFailure, ProblemKind, ValueTrouble};
use crate::json::JsonType;
use crate::locale::{json_number, Locale};

impl JsonType {
    fn name(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (JsonType::Null, _) => "null",
            (JsonType::Bool, Locale::Vi) => "true/false",
            (JsonType::Bool, Locale::En) => "a true/false value",
            (JsonType::Number, Locale::Vi) => "một số",
            (JsonType::Number, Locale::En) => "a number",
            (JsonType::String, Locale::Vi) => "một chuỗi chữ trong ngoặc kép",
            (JsonType::String, Locale::En) => "a text in double quotes",
            (JsonType::Array, Locale::Vi) => "một danh sách [ ... ]",
            (JsonType::Array, Locale::En) => "a list [ ... ]",
            (JsonType::Object, Locale::Vi) => "một nhóm { ... }",
            (JsonType::Object, Locale::En) => "an object { ... }",
        }
    }
}

impl ProblemKind {
    /// What is wrong, for the field at `path` (a hint fits the field: `99.7` for a percentage).
    pub(super) fn describe(&self, path: &str, locale: Locale) -> String {
        use Locale::{En, Vi};
        match (self, locale) {
            (ProblemKind::Syntax { column, what, source_line, .. }, _) => what.refine(source_line, *column).describe(locale).to_string(),
            (ProblemKind::UnknownField { field, known }, _) => match (closest_name(field, known), locale) {
                (Some(s), Vi) => format!("không có trường \"{field}\". Có phải ý bạn là \"{s}\"?"),
                (Some(s), En) => format!("there is no field \"{field}\". Did you mean \"{s}\"?"),
                (None, Vi) => format!("không có trường \"{field}\"; hãy xóa nó hoặc kiểm tra lại tên trường"),
                (None, En) => format!("there is no field \"{field}\"; remove it or check its name"),
            },
            (ProblemKind::WrongType { expected, found }, Vi) => {
                let hint = number_in_quotes_hint(*expected, found, path, locale);
                let found_text = found_text(found);
                let found = found.json_type();
                format!(
                    "cần {}, nhưng đang là {} ({found_text}){hint}",
                    expected.name(Vi),
                    found.name(Vi)
                )
            }
            (ProblemKind::WrongType { expected, found }, En) => {
                let hint = number_in_quotes_hint(*expected, found, path, locale);
                let found_text = found_text(found);
                let found = found.json_type();
                format!(
                    "expected {}, found {} ({found_text}){hint}",
                    expected.name(En),
                    found.name(En)
                )
            }
            (ProblemKind::Missing, Vi) => "thiếu trường bắt buộc này".to_string(),
            (ProblemKind::Missing, En) => "this required field is missing".to_string(),
            (ProblemKind::EmptyText, Vi) => "không được để trống".to_string(),
            (ProblemKind::EmptyText, En) => "must not be empty".to_string(),
            (ProblemKind::EmptyList, Vi) => "danh sách trống: cần ít nhất một xã".to_string(),
            (ProblemKind::EmptyList, En) => "the list is empty: at least one commune is needed".to_string(),
            (ProblemKind::NotWholeNumber { value }, Vi) => match thousands_meant(*value) {
                Some(n) => format!("cần một số nguyên, nhưng JSON đọc {} là số thập phân (dấu chấm là dấu thập phân). Nếu ý là {} theo cách viết tiếng Việt, hãy viết {n}", json_number(*value), Vi.format_int(n)),
                None => format!("cần một số nguyên, nhưng đang là {}", json_number(*value)),
            },
            (ProblemKind::NotWholeNumber { value }, En) => match thousands_meant(*value) {
                Some(n) => format!("expected a whole number, but JSON reads {} as a decimal. If you meant {}, write {n}, without separators", json_number(*value), En.format_int(n)),
                None => format!("expected a whole number, found {}", json_number(*value)),
            },
            (ProblemKind::Negative { value }, Vi) => {
                format!("không được âm (đang là {})", Vi.format_decimal(*value, 6))
            }
            (ProblemKind::Negative { value }, En) => {
                format!("must not be negative (found {})", En.format_decimal(*value, 6))
            }
            (ProblemKind::NotFinite, Vi) => "số quá lớn".to_string(),
            (ProblemKind::NotFinite, En) => "the number is too large".to_string(),
            (ProblemKind::UnknownValue { value, allowed }, Vi) => format!(
                "giá trị \"{value}\" không hợp lệ; dùng một trong: {}",
                allowed.join(", ")
            ),
            (ProblemKind::UnknownValue { value, allowed }, En) => format!(
                "\"{value}\" is not allowed; use one of: {}",
                allowed.join(", ")
            ),
            (ProblemKind::SumMismatch { sum, expected, expected_field }, Vi) => format!(
                "các số cộng lại bằng {}, nhưng \"{expected_field}\" là {}",
                Vi.format_int(*sum),
                Vi.format_int(*expected)
            ),
            (ProblemKind::SumMismatch { sum, expected, expected_field }, En) => format!(
                "the numbers add up to {}, but \"{expected_field}\" is {}",
                En.format_int(*sum),
                En.format_int(*expected)
            ),
            (ProblemKind::NothingToDraw { field: "indicators" }, Vi) => "biểu đồ indicators cần danh sách \"indicators\" có ít nhất một chỉ tiêu với \"percentOfPlan\" (phần trăm kế hoạch)".to_string(),
            (ProblemKind::NothingToDraw { field: "indicators" }, En) => "the indicators chart needs an \"indicators\" list with at least one indicator that has \"percentOfPlan\"".to_string(),
            (ProblemKind::NothingToDraw { field: "members-per-cell" }, Vi) => "không xã nào có cả \"members\" và \"cells\" (lớn hơn 0) để tính số đảng viên trên một chi bộ".to_string(),
            (ProblemKind::NothingToDraw { field: "members-per-cell" }, En) => "no commune has both \"members\" and \"cells\" (above 0) to divide".to_string(),
            (ProblemKind::NothingToDraw { field: "members-per-1000" }, Vi) => "không xã nào có cả \"members\" và \"population\" (lớn hơn 0) để tính số đảng viên trên 1.000 dân".to_string(),
            (ProblemKind::NothingToDraw { field: "members-per-1000" }, En) => "no commune has both \"members\" and \"population\" (above 0) to divide".to_string(),
            (ProblemKind::NothingToDraw { field: "overview" }, Vi) => "không xã nào có \"members\", \"cells\" hoặc \"targets\" để vẽ".to_string(),
            (ProblemKind::NothingToDraw { field: "overview" }, En) => "no commune has \"members\", \"cells\" or \"targets\" to draw".to_string(),
            (ProblemKind::NothingToDraw { field }, Vi) => {
                format!("không xã nào có trường \"{field}\" mà biểu đồ này cần")
            }
            (ProblemKind::NothingToDraw { field }, En) => {
                format!("no commune has the field \"{field}\" that this chart needs")
            }
            (ProblemKind::NoData, Vi) => "không tìm thấy dữ liệu: thêm <script type=\"application/json\"> vào trong phần tử, hoặc thuộc tính data-src".to_string(),
            (ProblemKind::NoData, En) => "no data found: put a <script type=\"application/json\"> inside the element, or give it a data-src".to_string(),
            (ProblemKind::FetchFailed { url, why }, _) => why.describe(url, locale),
            (ProblemKind::UnreadableValue { why }, _) => why.describe(locale),
            (ProblemKind::TooLarge { bytes, max }, Vi) => format!(
                "dữ liệu quá lớn ({} byte); tối đa {} byte ({} MB) cho một biểu đồ",
                Vi.format_int(*bytes as u64),
                Vi.format_int(*max as u64),
                Vi.format_decimal(mb(*max), 1)
            ),
            (ProblemKind::TooLarge { bytes, max }, En) => format!(
                "the data is too large ({} bytes); at most {} bytes ({} MB) per chart",
                En.format_int(*bytes as u64),
                En.format_int(*max as u64),
                En.format_decimal(mb(*max), 1)
            ),
            (ProblemKind::TooLong { chars, max }, Vi) => format!(
                "chuỗi quá dài ({} ký tự); tối đa {} ký tự",
                Vi.format_int(*chars as u64),
                Vi.format_int(*max as u64)
            ),
            (ProblemKind::TooLong { chars, max }, En) => format!(
                "the text is too long ({} characters); at most {}",
                En.format_int(*chars as u64),
                En.format_int(*max as u64)
            ),
            (ProblemKind::TooMany { count, max }, Vi) => format!(
                "danh sách quá dài ({} mục); một biểu đồ vẽ tối đa {} mục, hãy chia thành nhiều biểu đồ",
                Vi.format_int(*count as u64),
                Vi.format_int(*max as u64)
            ),
            (ProblemKind::TooMany { count, max }, En) => format!(
                "the list is too long ({} items); a chart draws at most {}, split it into several charts",
                En.format_int(*count as u64),
                En.format_int(*max as u64)
            ),
            (ProblemKind::DuplicateName { name, first }, Vi) => {
                format!("tên xã \"{name}\" đã có ở communes[{first}]; người đọc sẽ không phân biệt được hai thanh")
            }
            (ProblemKind::DuplicateName { name, first }, En) => {
                format!("the name \"{name}\" is already used by communes[{first}]; readers cannot tell the two bars apart")
            }
            (ProblemKind::FewerMembersThanCells { members, cells }, Vi) => format!(
                "số đảng viên ({}) ít hơn số chi bộ ({}); có thể hai số bị đổi chỗ",
                Vi.format_int(*members),
                Vi.format_int(*cells)
            ),
            (ProblemKind::FewerMembersThanCells { members, cells }, En) => format!(
                "fewer party members ({}) than party cells ({}); the two numbers may be swapped",
                En.format_int(*members),
                En.format_int(*cells)
            ),
            (ProblemKind::LacksField { field, names }, Vi) => format!(
                "biểu đồ này cần \"{field}\", nhưng {} xã chưa có nên hiện là \"không có số liệu\": {}",
                names.len(),
                names.join(", ")
            ),
            (ProblemKind::LacksField { field, names }, En) => format!(
                "this chart needs \"{field}\", which {} so they show as \"no data\": {}",
                if names.len() == 1 { "1 commune lacks,".to_string() } else { format!("{} communes lack,", names.len()) },
                names.join(", ")
            ),
            (ProblemKind::PercentLooksLikeFraction { value }, Vi) => format!(
                "{} nghĩa là {}% kế hoạch; nếu ý là {}%, hãy viết {}",
                json_number(*value),
                Vi.format_decimal(*value, 3),
                Vi.format_decimal(value * 100.0, 1),
                percent_literal(*value)
            ),
            (ProblemKind::PercentLooksLikeFraction { value }, En) => format!(
                "{} means {}% of plan; if you meant {}%, write {}",
                json_number(*value),
                En.format_decimal(*value, 3),
                En.format_decimal(value * 100.0, 1),
                percent_literal(*value)
            ),
            #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
            (ProblemKind::LooksLikeThousands { written, measure }, _) => {
                let plain = written.replace('.', "");
                let n: u64 = plain.parse().unwrap_or(0);
                #[expect(clippy::cast_precision_loss, reason = "a number as written, shown with 2 decimals")]
                let shown = Locale::with_unit(locale.format_decimal(n as f64 / 1000.0, 2), measure.as_ref());
                let meant = Locale::with_unit(locale.format_int(n), measure.as_ref());
                match locale {
                    Vi => crate::cat!("JSON đọc ", written, " là số thập phân (dấu chấm là dấu thập phân), nên biểu đồ ghi ", shown, "; nếu ý là ", meant, " theo cách viết tiếng Việt, hãy viết ", plain),
                    En => crate::cat!("JSON reads ", written, " as a decimal (the dot is a decimal point), so the chart shows ", shown, "; if you meant ", meant, ", write ", plain),
                }
            }
            #[cfg(all(target_arch = "wasm32", feature = "web"))]
            (ProblemKind::LooksLikeThousands { .. }, _) => String::new(),
            (ProblemKind::UnknownKind { value, allowed }, Vi) => {
                format!("không có loại biểu đồ \"{value}\"; dùng một trong: {}", allowed.join(", "))
            }
            (ProblemKind::UnknownKind { value, allowed }, En) => {
                format!("there is no chart kind \"{value}\"; use one of: {}", allowed.join(", "))
            }
            (ProblemKind::UnknownCommune { value, names }, Vi) => match super::suggest::closest_commune(value, names) {
                Some(near) => format!("không có xã nào tên \"{value}\" trong \"communes\" để làm nổi bật. Có phải ý bạn là \"{near}\"?"),
                None => format!("không có xã nào tên \"{value}\" trong \"communes\" để làm nổi bật"),
            },
            (ProblemKind::UnknownCommune { value, names }, En) => match super::suggest::closest_commune(value, names) {
                Some(near) => format!("no commune is named \"{value}\" in \"communes\" to highlight. Did you mean \"{near}\"?"),
                None => format!("no commune is named \"{value}\" in \"communes\" to highlight"),
            },
        }
    }
}

impl ValueTrouble {
    fn describe(self, locale: Locale) -> String {
        use Locale::{En, Vi};
        match (self, locale) {
            (ValueTrouble::Cycle, Vi) => "giá trị này chứa lại chính đối tượng bao ngoài nó (tham chiếu vòng), nên không đọc được thành dữ liệu JSON; hãy truyền một bản sao chỉ có số và chữ",
            (ValueTrouble::Cycle, En) => "this value contains an object around it again (a cycle), so it cannot be read as JSON data; pass a copy with plain numbers and text",
            (ValueTrouble::BigInt, Vi) => "là một số BigInt, JSON không có loại số này; hãy dùng số thường (Number)",
            (ValueTrouble::BigInt, En) => "is a BigInt, which JSON has no place for; use an ordinary number",
            (ValueTrouble::Throws, Vi) => "đọc giá trị này gây lỗi (một getter hoặc Proxy ném lỗi); hãy truyền dữ liệu thuần",
            (ValueTrouble::Throws, En) => "reading this value threw an error (a getter or a Proxy); pass plain data",
            (ValueTrouble::NotData, Vi) => "dữ liệu phải là một đối tượng { \"communes\": [...] } hoặc một chuỗi JSON",
            (ValueTrouble::NotData, En) => "the data must be an object { \"communes\": [...] } or a JSON string",
        }
        .to_string()
    }
}

impl FetchFailure {
    fn describe(&self, url: &str, locale: Locale) -> String {
        use Locale::{En, Vi};
        match (self, locale) {
            (FetchFailure::Status(404), Vi) => {
                format!("không tải được dữ liệu từ {url}: máy chủ trả lời 404 (không có tệp này); kiểm tra lại đường dẫn trong data-src")
            }
            (FetchFailure::Status(404), En) => {
                format!("could not load the data from {url}: the server answered 404 (no such file); check the path in data-src")
            }
            (FetchFailure::Status(s @ (401 | 403)), Vi) => {
                format!("không tải được dữ liệu từ {url}: máy chủ trả lời {s} (không được phép đọc tệp này)")
            }
            (FetchFailure::Status(s @ (401 | 403)), En) => {
                format!("could not load the data from {url}: the server answered {s} (reading this file is not allowed)")
            }
            (FetchFailure::Status(s), Vi) if *s >= 500 => {
                format!("không tải được dữ liệu từ {url}: máy chủ gặp lỗi ({s}); thử tải lại trang sau ít phút")
            }
            (FetchFailure::Status(s), En) if *s >= 500 => {
                format!("could not load the data from {url}: the server failed ({s}); try reloading the page in a few minutes")
            }
            (FetchFailure::Status(s), Vi) => format!("không tải được dữ liệu từ {url}: máy chủ trả lời {s}"),
            (FetchFailure::Status(s), En) => format!("could not load the data from {url}: the server answered {s}"),
            (FetchFailure::Network, Vi) => {
                format!("không tải được dữ liệu từ {url}: lỗi mạng, hoặc máy chủ khác không cho trang này đọc tệp (CORS)")
            }
            (FetchFailure::Network, En) => format!(
                "could not load the data from {url}: a network error, or another server does not let this page read the file (CORS)"
            ),
            (FetchFailure::Timeout { seconds }, Vi) => {
                format!("không tải được dữ liệu từ {url}: máy chủ không trả lời sau {seconds} giây")
            }
            (FetchFailure::Timeout { seconds }, En) => {
                format!("could not load the data from {url}: no answer after {seconds} second{}", if *seconds == 1 { "" } else { "s" })
            }
            (FetchFailure::NotJson, Vi) => {
                format!("{url} trả về một trang web (HTML), không phải dữ liệu JSON; có thể đường dẫn data-src bị sai")
            }
            (FetchFailure::Cut, Vi) => {
                format!("tải dữ liệu từ {url} bị ngắt giữa chừng (mạng chập chờn hoặc máy chủ ngừng gửi); tải lại trang để thử lại")
            }
            (FetchFailure::Cut, En) => format!(
                "the download of {url} stopped part-way (an unsteady network, or the server stopped sending); reload the page to try again"
            ),
            (FetchFailure::Empty, Vi) => format!("{url} trả về nội dung trống, không có dữ liệu; kiểm tra lại tệp trên máy chủ"),
            (FetchFailure::Empty, En) => format!("{url} returned nothing (an empty file); check the file on the server"),
            (FetchFailure::NotJson, En) => {
                format!("{url} returned a web page (HTML), not JSON data; the data-src path may be wrong")
            }
        }
    }
}

#[expect(clippy::cast_precision_loss, reason = "a size in memory, below 2^53")]
fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_give_clear_errors() {
        let many = format!(r#"{{"communes":[{}]}}"#, vec![r#"{"name":"A","members":1}"#; 10_001].join(","));
        let p = crate::spec::parse(&many).unwrap_err();
        assert_eq!(
            p[0].message(Locale::Vi),
            "`communes`: danh sách quá dài (10.001 mục); một biểu đồ vẽ tối đa 10.000 mục, hãy chia thành nhiều biểu đồ"
        );
        let long = format!(r#"{{"communes":[{{"name":"{}","members":1}}]}}"#, "ồ".repeat(1001));
        let p = crate::spec::parse(&long).unwrap_err();
        assert_eq!(p[0].message(Locale::En), "`communes[0].name`: the text is too long (1,001 characters); at most 1,000");
        let huge = format!(r#"{{"note":"{}"}}"#, " ".repeat(6 * 1024 * 1024));
        let p = crate::spec::parse(&huge).unwrap_err();
        assert_eq!(p[0].message(Locale::Vi), "dữ liệu quá lớn (6.291.467 byte); tối đa 5.242.880 byte (5 MB) cho một biểu đồ");
        // 10,000 communes are still fine.
        let ok = format!(r#"{{"communes":[{}]}}"#, vec![r#"{"name":"A","members":1}"#; 10_000].join(","));
        assert!(crate::model::model_from_json(&ok).is_ok());
    }
}
