// @ts-check
// The text the journalist copies: the embed code (the chart's data inline in a <figure>, or a
// data-src <div>), and the command and <noscript> line of the static image. Everything from the
// page is escaped for the attribute or the <script> element it goes into.
import { formatJson } from './json.js';

/** @typedef {import('../../types/data').CommuneChartData} CommuneChartData */
/** The last chart that drew: its data (which the widget accepted) and kind. @typedef {{ doc: CommuneChartData | null, kind: string }} Good */

export const DEFAULT_SCRIPT_URL = '/static/commune-charts/commune-charts.js';

/** Text safe inside a double-quoted HTML attribute. @param {unknown} s */
export function attr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** JSON that is safe inside <script type="application/json">: "</script" and "<!--" cannot occur. @param {string} json */
export function scriptSafe(json) {
  return json.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\u003C!--');
}

/**
 * The embed code of the chart `good` ({doc, kind}): `opts.scriptUrl` (the field's value; empty
 * means the default address), `opts.theme` ('' for none) and `opts.src` (the data file's address
 * when the data lives in a file, else null: the data goes inline); for a file, `opts.format`
 * ('csv' or 'tsv' when the address does not say it is a table) and `opts.refresh` (seconds).
 * @param {Good} good
 * @param {{ scriptUrl: string, theme: string, src: string | null, format?: string, refresh?: string }} opts
 * @returns {string}
 */
export function snippetFor(good, opts) {
  var scriptTag = '<script src="' + attr(opts.scriptUrl.trim() || DEFAULT_SCRIPT_URL) + '" defer></script>';
  var kindAttr = 'data-commune-chart="' + attr(good.kind) + '"' + (opts.theme ? ' data-theme="' + attr(opts.theme) + '"' : '');
  if (opts.src != null) {
    var extra = (opts.format ? ' data-format="' + attr(opts.format) + '"' : '') + (opts.refresh ? ' data-refresh="' + attr(opts.refresh) + '"' : '');
    return '<div ' + kindAttr + ' data-src="' + attr(opts.src.trim()) + '"' + extra + '></div>\n\n' + scriptTag + '\n';
  }
  var json = scriptSafe(formatJson(good.doc)).split('\n').map(function (l) { return '    ' + l; }).join('\n');
  // Browsers give a <figure> 40 px margins left and right: without them the chart gets the
  // column's whole width, as in the preview here.
  return '<figure ' + kindAttr + ' style="margin-left:0;margin-right:0">\n  <script type="application/json">\n' + json +
    '\n  </script>\n</figure>\n\n' + scriptTag + '\n';
}

/**
 * The data-format a published table's address needs: '' when the widget can tell by itself (the
 * address ends in .csv or .tsv), 'tsv' for Google's `output=tsv`, else 'csv' (Google Sheets'
 * `…/pub?output=csv` is sent as text/csv, but a file host may send any type).
 * @param {string} url
 */
export function tableFormatOf(url) {
  var u = url.trim();
  if (/\.(csv|tsv)$/i.test(u.split(/[?#]/)[0])) return '';
  return /[?&](output|format)=tsv\b/i.test(u) ? 'tsv' : 'csv';
}

/**
 * A Google Sheets address that is not a published CSV: the link to edit the sheet (or to publish
 * it as a web page), which sends a sign-in or HTML page, never the table.
 * @param {string} url
 */
export function isSheetPageLink(url) {
  var u = url.trim();
  return /^https?:\/\/docs\.google\.com\/spreadsheets\//i.test(u) && !/[?&](output|format)=(csv|tsv)\b/i.test(u);
}

/** The data file's name from its address ("/data/bieu-do.json?v=2" -> "bieu-do.json"), else data.json. @param {string} dataUrl */
export function fileNameOf(dataUrl) {
  var u = dataUrl.trim().split(/[?#]/)[0];
  var base = u.slice(u.lastIndexOf('/') + 1);
  return /\.json$/i.test(base) ? base : 'data.json';
}

/** A word for a POSIX shell: as it is when it is plain, else in single quotes. @param {string} s */
export function shellWord(s) {
  return /^[\w.\/-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'";
}

/**
 * The command-line program's command that draws the chart as chart.svg (issue 8), for the web
 * team (the playground's "Tải ảnh SVG" draws the same bytes without it). `o.comment` is its
 * comment line, in the page's language; `o.theme` is 'dark' or anything else for light.
 * @param {{ comment: string, file: string, kind: string, width: number, locale: string, theme: string }} o
 * @returns {string}
 */
export function staticText(o) {
  var q = shellWord;
  return o.comment + '\n' +
    'cargo run --release --bin commune-charts -- render ' + q(o.file) + ' --kind ' + q(o.kind) +
    ' --width ' + o.width + ' --locale ' + q(o.locale) + (o.theme === 'dark' ? ' --theme dark' : '') + ' -o chart.svg\n';
}

/**
 * The <noscript> image for readers without JavaScript: the image file `src` at its size in CSS
 * px (no reflow when it loads; a PNG drawn at twice that stays sharp), its alt text the chart's
 * summary sentence (the SVG's <desc>).
 * @param {string} src @param {string} alt @param {number} width @param {number} height
 * @returns {string}
 */
export function noscriptLine(src, alt, width, height) {
  return '<noscript><img src="' + attr(src) + '" alt="' + attr(alt) + '" width="' + Math.round(width) + '" height="' + Math.round(height) + '"></noscript>';
}
