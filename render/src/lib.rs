//! The image module's ABI, for the playground's `www/playground/download.js`
//! (`commune_charts::text_module_abi!`: three exports, no imports): a request (JSON text, see
//! `commune_charts::image`) in, the SVG document the command-line program writes for the same data
//! and options (or the problems) out.

commune_charts::text_module_abi!(alloc: im_alloc, call: im_render, len: im_len, respond: commune_charts::image::respond);
