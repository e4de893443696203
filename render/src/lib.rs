//! The image module's ABI, for the playground's `www/playground/download.js` (no wasm-bindgen:
//! three exports, no imports), the shape of the explanations module (explain/).
//!
//! JavaScript writes a request (JSON text, see `commune_charts::image`) into the buffer that
//! `im_alloc(len)` returns, calls `im_render()`, and reads `im_len()` bytes of UTF-8 JSON at the
//! pointer it returns: the SVG document the command-line program writes for the same data and
//! options, or the problems. Pointers are handed out, never dereferenced here: no `unsafe`.

use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A buffer of `len` bytes for the request; valid until the next call.
#[no_mangle]
pub extern "C" fn im_alloc(len: usize) -> *mut u8 {
    INPUT.with(|input| {
        let mut input = input.borrow_mut();
        input.clear();
        input.resize(len, 0);
        input.as_mut_ptr()
    })
}

/// Draws the request in the buffer; returns where the answer is (`im_len()` bytes).
#[no_mangle]
pub extern "C" fn im_render() -> *const u8 {
    let answer = INPUT.with(|input| {
        let input = input.borrow();
        // Invalid UTF-8 cannot come from TextEncoder; an empty answer says the request was unreadable.
        std::str::from_utf8(&input).map(commune_charts::image::respond).unwrap_or_default()
    });
    OUTPUT.with(|output| {
        let mut output = output.borrow_mut();
        *output = answer;
        output.as_ptr()
    })
}

/// The length in bytes of the last answer.
#[no_mangle]
pub extern "C" fn im_len() -> usize {
    OUTPUT.with(|output| output.borrow().len())
}
