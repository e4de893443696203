// @ts-check
// Step 3 of the page: the embed code, the data file, the static images (SVG, PNG, social card:
// download.js, loaded at the first click) and the command-line program's command, for the last
// chart that drew (marked out of date while the data has errors).
import { el, state, t } from './page.js';
import { formatJson } from './json.js';
import { snippetFor, staticText, fileNameOf, tableFormatOf, isSheetPageLink } from './snippet.js';

/** @typedef {import('./snippet.js').Good} Good */

/** The embed code, the download buttons and the static image's command, for the last good chart. */
export function updateEmbed() {
  var src = el.variantSrc.checked;
  var sheet = el.variantSheet.checked;
  var sheetUrl = el.sheetUrl.value.trim();
  el.srcField.hidden = !src;
  el.download.hidden = !src;
  el.srcHelp.hidden = !src;
  el.sheetField.hidden = el.refreshField.hidden = el.sheetHelp.hidden = !sheet;
  el.sheetWarn.hidden = !sheet || !isSheetPageLink(sheetUrl);
  el.download.textContent = t('downloadAs', fileName());
  var broken = state.blocked || el.chart.classList.contains('has-error');
  el.embedBlocked.hidden = !broken || !state.good;
  el.copy.disabled = broken || !state.good || (sheet && (!sheetUrl || !el.sheetWarn.hidden));
  el.download.disabled = broken || !state.good;
  el.snippet.classList.toggle('stale', broken);
  /** @type {{ scriptUrl: string, theme: string, src: string | null, format?: string, refresh?: string }} */
  var opts = { scriptUrl: el.scriptUrl.value, theme: el.theme.value, src: src ? el.dataUrl.value : null };
  if (sheet) {
    opts.src = sheetUrl || t('sheetUrlMissing');
    opts.format = tableFormatOf(sheetUrl);
    opts.refresh = el.refresh.value;
  }
  el.snippet.value = state.good ? snippetFor(state.good, opts) : '';
  var noImage = broken || !state.good;
  el.downloadSvg.disabled = noImage || images.busy;
  el.downloadPng.disabled = noImage || images.busy;
  el.downloadCard.disabled = noImage || images.busy;
  el.staticCode.classList.toggle('stale', broken);
  var request = state.good ? imageRequest(state.good, null) : null;
  el.staticCode.value = request ? staticText({ comment: t('staticComment'), file: fileName(), kind: request.kind, width: request.width, locale: request.lang, theme: request.theme }) : '';
  // The <noscript> line is the last downloaded image's: out of date once the chart is another.
  el.noscript.placeholder = t('noscriptEmpty');
  var stale = !!el.noscript.value && (!request || el.noscript.dataset.request !== requestKey(request));
  el.noscript.classList.toggle('stale', stale);
  el.noscriptStale.hidden = !stale;
  el.copyNoscript.disabled = !el.noscript.value;
}

/**
 * What the image module (src/image.rs) and the command-line program are asked for the chart
 * `good`: the data as the data file has it, the kind, the width in CSS px (`width`, else the
 * column's on a computer: the phone preview stands for readers on phones, not for the image),
 * the language the widget speaks (the data's, else the page's) and the theme (an image cannot
 * follow the reader's setting: dark only when the chart is always dark).
 * @param {Good} good
 * @param {number | null} width
 * @returns {ImageRequest}
 */
export function imageRequest(good, width) {
  if (width == null) {
    var canvas = chartCanvas();
    var box = el.chartFrame.classList.contains('phone') ? el.chartFrame : canvas;
    width = Math.round(box ? box.getBoundingClientRect().width : 640) || 640;
  }
  return {
    data: formatJson(good.doc), kind: good.kind,
    width: Math.max(200, Math.min(8192, Math.floor(width))),
    lang: (good.doc && good.doc.locale) || el.locale.value || state.ui,
    theme: el.theme.value === 'dark' ? 'dark' : 'light'
  };
}
/** @typedef {{ data: string, kind: string, width: number, lang: string, theme: 'light' | 'dark' }} ImageRequest */
/** The request as one string, to tell whether the chart is still the image's. @param {ImageRequest} r */
export function requestKey(r) { return JSON.stringify([r.data, r.kind, r.width, r.lang, r.theme]); }

/** The chart drawn on the page (the widget's canvas, in the shadow root of its host), if any. */
function chartCanvas() {
  var host = el.chart.querySelector('[data-commune-chart-root]');
  var canvas = host && host.shadowRoot && host.shadowRoot.querySelector('canvas[role=img]');
  return canvas instanceof HTMLCanvasElement ? canvas : null;
}

/** The image downloads: download.js, fetched at the first click (with the image module it loads). */
var images = {
  busy: false,
  /** @type {Promise<typeof import('./download.js')> | null} */
  module: null
};
/** @param {'svg' | 'png' | 'card'} what */
function downloadImage(what) {
  if (!state.good || images.busy) return;
  var good = state.good;
  images.busy = true;
  updateEmbed();
  el.pngStatus.textContent = t('imageWorking');
  if (!images.module) images.module = import('./download.js');
  var loaded = images.module;
  loaded.then(function (m) { return m.downloadImage(what, good); }).then(null, function (/** @type {unknown} */ e) {
    if (images.module === loaded) images.module = null; // tried again at the next click
    el.pngStatus.textContent = t('imageFailed', e instanceof Error ? e.message : String(e));
  }).then(function () {
    images.busy = false;
    updateEmbed();
  });
}
/** The buttons of the static images and the <noscript> line. */
export function wireImages() {
  el.downloadSvg.addEventListener('click', function () { downloadImage('svg'); });
  el.downloadPng.addEventListener('click', function () { downloadImage('png'); });
  el.downloadCard.addEventListener('click', function () { downloadImage('card'); });
  el.copyNoscript.addEventListener('click', function () { copyText(el.noscript, el.noscriptStatus, t('noscriptCopied')); });
}
/** The data file's name (from the data-src address): the images are named after it. */
export function fileName() {
  return fileNameOf(el.dataUrl.value);
}

/** Copies the embed code (or selects it, and says to press Ctrl+C, where the browser refuses). */
export function copySnippet() { copyText(el.snippet, el.copyStatus, t('copied')); }

/** Copies the text of `box`, saying `done` in `status` (or selects it, and says to press Ctrl+C).
 *  @param {HTMLTextAreaElement} box @param {HTMLElement} status @param {string} done */
function copyText(box, status, done) {
  var text = box.value;
  var ok = function () { status.textContent = done; };
  var manual = function () {
    box.focus();
    box.select();
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    status.textContent = copied ? done : t('copyManual');
  };
  status.textContent = '';
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(ok, manual);
  else manual();
}

/** Downloads the chart's data as the data file named in the data-src address. */
export function downloadData() {
  if (!state.good) return;
  saveBlob(new Blob([formatJson(state.good.doc) + '\n'], { type: 'application/json' }), fileName());
}
/** Downloads `blob` as the file `name`. @param {Blob} blob @param {string} name */
export function saveBlob(blob, name) {
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(a.href); }, 2000);
}
