//! Arbitrary bytes -> (first byte: kind attribute and page language; the rest: text, decoded
//! as the browser decodes a `data-src` body) -> `prepare`, the widget's entry -> a model or
//! problems, every problem said in both languages. See `checks::parse_validate`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    commune_charts_fuzz::checks::parse_validate(data);
});
