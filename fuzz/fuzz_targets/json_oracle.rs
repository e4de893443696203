//! Arbitrary text -> the JSON reader (src/json.rs) and serde_json, the parser it replaced: the
//! same value, or the same kind of syntax error at the same line and column
//! (tests/support/json_agree.rs). Invalid UTF-8 is decoded as the browser decodes a body.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/json_agree.rs"]
mod json_agree;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(why) = json_agree::agree(&text) {
        panic!("the JSON reader and serde_json differ: {why}\n{text:?}");
    }
});
