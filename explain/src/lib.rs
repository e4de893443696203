//! The explanations module's ABI, for `js/api.js` and the playground (`commune_charts::text_module_abi!`:
//! three exports, no imports): a request (JSON text, see `commune_charts::explain`) in, an answer out.

commune_charts::text_module_abi!(alloc: ex_alloc, call: ex_explain, len: ex_len, respond: commune_charts::explain::respond);
