//! The explanations module's ABI, for `js/api.js` (no wasm-bindgen: three exports, no imports).
//!
//! JavaScript writes a request (JSON text, see `commune_charts::explain`) into the buffer that
//! `ex_alloc(len)` returns, calls `ex_explain()`, and reads `ex_len()` bytes of UTF-8 JSON at the
//! pointer it returns. Pointers are handed out, never dereferenced here: no `unsafe`.

use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A buffer of `len` bytes for the request; valid until the next call.
#[no_mangle]
pub extern "C" fn ex_alloc(len: usize) -> *mut u8 {
    INPUT.with(|input| {
        let mut input = input.borrow_mut();
        input.clear();
        input.resize(len, 0);
        input.as_mut_ptr()
    })
}

/// Explains the request in the buffer; returns where the answer is (`ex_len()` bytes).
#[no_mangle]
pub extern "C" fn ex_explain() -> *const u8 {
    let answer = INPUT.with(|input| {
        let input = input.borrow();
        // Invalid UTF-8 cannot come from TextEncoder; an empty answer makes the page fall back.
        std::str::from_utf8(&input).map(commune_charts::explain::respond).unwrap_or_default()
    });
    OUTPUT.with(|output| {
        let mut output = output.borrow_mut();
        *output = answer;
        output.as_ptr()
    })
}

/// The length in bytes of the last answer.
#[no_mangle]
pub extern "C" fn ex_len() -> usize {
    OUTPUT.with(|output| output.borrow().len())
}
