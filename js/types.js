// @ts-check
// ---- commune-charts: the JSDoc types of the classic script's files (js/api.js, js/data-src.js…),
// checked by tsc (tsconfig.json). Comments only: not part of the build (scripts/build-dist.sh
// concatenates the others), so it costs the script nothing. ----

// The public ones are npm/index.d.ts's, the wasm's are src/web/mod.rs's exports.
/** @typedef {import('../npm/index').CommuneChartsApi} CommuneChartsApi */
/** @typedef {import('../npm/index').Chart} Chart */
/** @typedef {import('../npm/index').Problem} Problem */
/** @typedef {import('../npm/index').RenderOptions} RenderOptions */
/** @typedef {import('../npm/index').ScanOptions} ScanOptions */
/** @typedef {import('../npm/index').CommuneChartData} CommuneChartData */
/**
 * A chart in the wasm (src/web/mod.rs `Chart`).
 * @typedef {object} WasmChart
 * @property {(json: string, at: number | undefined, keep: boolean) => boolean} update false: `keep` (a refresh) and the data is invalid, so the chart is as it was
 * @property {() => void} restyle
 * @property {() => boolean} is_ready
 * @property {() => string | undefined} error_message
 * @property {() => Problem[]} problems
 * @property {() => ExplainRequest | undefined} explain_request
 * @property {(answer: string, serial: number) => void} explain
 * @property {() => void} destroy
 */
/** The wasm-bindgen exports `init` gives. @typedef {{ mount(el: HTMLElement, json: string, kind: string, at: number | undefined): WasmChart, mount_failed(el: HTMLElement): WasmChart }} Wasm */
/** What a chart asks the explanations module (`Chart.explain_request`). @typedef {{ serial: number, lang: string, error: boolean, preview: boolean, chars: number }} ExplainRequest */
/** A data-src that could not be read: its address, why (status, timeout, network…) and the HTTP status. @typedef {{ url: string, why: string, status: number }} FetchFailure */
/** A CSV or TSV data-src: its text, and 'csv' or 'tsv'. @typedef {{ text: string, format: string }} TableSource */
/**
 * A chart's data as readData or toJsonText (js/json-text.js) give it: JSON text (with the table
 * it was made from, for a CSV or TSV data-src), a table that could not be made JSON, a data-src
 * failure, or where a value given to render() cannot be JSON.
 * @typedef {{ text: string, table?: TableSource, failure?: undefined, why?: undefined, path?: undefined }
 *   | { table: TableSource, text?: undefined, failure?: undefined, why?: undefined, path?: undefined }
 *   | { failure: FetchFailure, text?: undefined, why?: undefined, path?: undefined, table?: undefined }
 *   | { path: string, why: string, text?: undefined, failure?: undefined, table?: undefined }} Source
 */
/** Why the wasm did not start (js/wasm-start.js), or anything unexpected. @typedef {{ why?: string, url?: string, status?: number, message?: string }} Cause */
/** The Error render() and update() reject with: npm/index.d.ts's ChartError (`chart` null: the wasm did not start). @typedef {Error & { chart?: Chart | null, problems?: Problem[], cause?: unknown }} ChartFailure */
/**
 * What an element has: {pending} (scanned, not drawn yet, `resolve` settles scan()'s promise for
 * it), {chart} (mounted), or {host} (the box of a failure); and how it comes back.
 * @typedef {object} Rec
 * @property {boolean} scanned found by scan(), which finds it again when it comes back
 * @property {boolean} [pending]
 * @property {boolean} [started]
 * @property {boolean} [cancelled]
 * @property {(chart: Chart | null) => void} [resolve]
 * @property {Chart} [chart]
 * @property {Source} [src]
 * @property {string} [kind]
 * @property {boolean} [retry] the wasm or the data failed: the next scan() tries again
 * @property {boolean} [gone] destroyed
 * @property {boolean} [away] out of the document
 * @property {boolean} [seen] has been in the document
 * @property {HTMLElement} [host] the failure's box
 * @property {CommuneChartData | string} [data] render()'s data, drawn again when the element comes back
 * @property {RenderOptions} [options]
 * @property {() => void} [off]
 * @property {() => void} [restyle]
 * @property {() => Promise<Chart>} [back]
 */
/** A mounted chart's record. @typedef {Rec & { src: Source, kind: string }} ChartRec */

