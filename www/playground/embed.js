// @ts-check
// Step 3 of the page: the embed code, the data file, the static image's command and the PNG, for
// the last chart that drew (marked out of date while the data has errors).
import { el, state, t } from './page.js';
import { formatJson } from './json.js';
import { snippetFor, staticText, fileNameOf } from './snippet.js';

/** @typedef {import('./snippet.js').Good} Good */

/** The embed code, the download buttons and the static image's command, for the last good chart. */
export function updateEmbed() {
  var src = el.variantSrc.checked;
  el.srcField.hidden = !src;
  el.download.hidden = !src;
  el.srcHelp.hidden = !src;
  el.download.textContent = t('downloadAs', fileName());
  var broken = state.blocked || el.chart.classList.contains('has-error');
  el.embedBlocked.hidden = !broken || !state.good;
  el.copy.disabled = broken || !state.good;
  el.download.disabled = broken || !state.good;
  el.snippet.classList.toggle('stale', broken);
  el.snippet.value = state.good ? snippetFor(state.good, { scriptUrl: el.scriptUrl.value, theme: el.theme.value, src: src ? el.dataUrl.value : null }) : '';
  el.downloadPng.disabled = broken || !state.good;
  el.staticCode.classList.toggle('stale', broken);
  el.staticCode.value = state.good ? staticFor(state.good) : '';
}
/** The chart drawn on the page (the widget's canvas, in the shadow root of its host), if any. */
function chartCanvas() {
  var host = el.chart.querySelector('[data-commune-chart-root]');
  var canvas = host && host.shadowRoot && host.shadowRoot.querySelector('canvas[role=img]');
  return canvas instanceof HTMLCanvasElement ? canvas : null;
}
/** Static fallback (issue 8): the command-line program's command for this chart, and the
 *  <noscript> image whose alt text is the chart's summary sentence (the canvas's aria-label).
 *  A wasm SVG export would cost ~6.6 kB gz in every reader's download, so it is not in the widget.
 *  @param {Good} good */
function staticFor(good) {
  var canvas = chartCanvas();
  // The column's width (the phone preview stands for readers on phones, not for the image).
  var box = el.chartFrame.classList.contains('phone') ? el.chartFrame : canvas;
  var width = Math.max(200, Math.min(8192, Math.round(box ? box.getBoundingClientRect().width : 640) || 640));
  var locale = (good.doc && good.doc.locale) || el.locale.value || 'vi';
  var alt = (canvas && canvas.getAttribute('aria-label')) || (good.doc && good.doc.title) || '';
  return staticText({ comment: t('staticComment'), noscriptComment: t('noscriptComment'), file: fileName(), kind: good.kind, width: width, locale: locale, alt: alt });
}
/** A PNG of the chart as it prints: light, whole, sharp (the widget's print drawing, asked for
 *  with beforeprint/afterprint; toBlob copies the pixels at once, so the screen comes straight back). */
export function downloadPng() {
  var canvas = chartCanvas();
  if (!canvas || !state.good) return;
  el.pngStatus.textContent = '';
  var name = fileName().replace(/\.json$/i, '') + '.png';
  window.dispatchEvent(new Event('beforeprint'));
  var failed = function () { el.pngStatus.textContent = t('pngFailed'); };
  try {
    var printed = chartCanvas(); // (the widget may draw the print version on another canvas)
    if (!printed) throw new Error('no chart');
    printed.toBlob(function (blob) {
      if (!blob) { failed(); return; }
      saveBlob(blob, name);
      el.pngStatus.textContent = t('pngDone', name);
    }, 'image/png');
  } catch (e) {
    failed();
  } finally {
    window.dispatchEvent(new Event('afterprint'));
  }
}
function fileName() {
  return fileNameOf(el.dataUrl.value);
}

/** Copies the embed code (or selects it, and says to press Ctrl+C, where the browser refuses). */
export function copySnippet() {
  var text = el.snippet.value;
  var done = function () { el.copyStatus.textContent = t('copied'); };
  var manual = function () {
    el.snippet.focus();
    el.snippet.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    el.copyStatus.textContent = ok ? t('copied') : t('copyManual');
  };
  el.copyStatus.textContent = '';
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, manual);
  else manual();
}

/** Downloads the chart's data as the data file named in the data-src address. */
export function downloadData() {
  if (!state.good) return;
  saveBlob(new Blob([formatJson(state.good.doc) + '\n'], { type: 'application/json' }), fileName());
}
/** Downloads `blob` as the file `name`. @param {Blob} blob @param {string} name */
function saveBlob(blob, name) {
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(a.href); }, 2000);
}
