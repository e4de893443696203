// @ts-check
// The static images of step 3 ("Tải ảnh SVG", "Tải ảnh PNG", the social card), drawn by the same
// core as the command-line program: the playground's image module (render/ and src/image.rs,
// dist/commune-charts-render.wasm beside the widget's script), which this module fetches once, at
// the first download. Readers never fetch either: only the playground imports this file (embed.js,
// at the first click). The SVG is the module's answer, byte for byte what `commune-charts render`
// writes for the same data and options (tests/image.rs); the PNGs are that SVG drawn by the
// browser on a canvas (an <img> of it: system fonts, the SVG's own font list).
import { el, t } from './page.js';
import { noscriptLine } from './snippet.js';
import { imageRequest, requestKey, saveBlob, fileName } from './embed.js';
import { RENDER_ABI, fetchTextModule, moduleUrl } from './modules.js';

/** @typedef {import('./snippet.js').Good} Good */
/** @typedef {import('./embed.js').ImageRequest} ImageRequest */
/**
 * The module's answer (src/image.rs): the SVG document and its size in CSS px, or the problems.
 * @typedef {{ ok: true, svg: string, width: number, height: number, title: string, desc: string, lang: string, warnings: string[] }} Drawn
 * @typedef {Drawn | { ok: false, problems: string[] }} Answer
 */

/** The social card: the size social networks show (Open Graph's 1.91:1), drawn at 1200 CSS px. */
export const CARD = { width: 1200, height: 630 };
/** PNG pixels per CSS px: sharp on phones and high-density screens. */
export const PNG_SCALE = 2;
/** The largest canvas browsers draw and encode (Chromium and Firefox: 32,767 px a side, Chromium
 *  268 M px in all): a longer chart's PNG is drawn at fewer pixels per CSS px, and says so. */
export const PNG_MAX_SIDE = 32000;
export const PNG_MAX_AREA = 200e6;

/** Pixels per CSS px for the PNG of a chart of `width` × `height` CSS px. @param {number} width @param {number} height */
export function pngScale(width, height) {
  return Math.min(PNG_SCALE, PNG_MAX_SIDE / Math.max(width, height), Math.sqrt(PNG_MAX_AREA / (width * height)));
}

/** @type {Promise<(request: string) => string> | null} */
var loading = null;
/**
 * The image module, fetched and compiled once (`'wasm-unsafe-eval'` and `connect-src` of the
 * page's CSP allow it, as for the widget): request text -> answer text. A failed load, or an
 * instance that trapped, is tried again at the next download.
 * @returns {Promise<(request: string) => string>}
 */
function renderer() {
  if (loading) return loading;
  var url = moduleUrl('commune-charts-render.wasm');
  loading = fetchTextModule(url, RENDER_ABI).then(function (render) {
    return function (/** @type {string} */ text) {
      try {
        return render(text);
      } catch (e) {
        loading = null; // a trapped instance is not used again
        throw e;
      }
    };
  }).then(null, function (/** @type {unknown} */ e) {
    loading = null;
    throw new Error(t('imageModuleFailed', url, e instanceof Error ? e.message : String(e)));
  });
  return loading;
}

/** The SVG of `request`, or an error with the problems (the widget drew this data, so unexpected).
 *  @param {ImageRequest} request @returns {Promise<Drawn>} */
export function drawSvg(request) {
  return renderer().then(function (render) {
    // Let the status line paint before the (synchronous) drawing of a long chart.
    return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () {
      var text = render(JSON.stringify(request));
      /** @type {Answer} */
      var answer = JSON.parse(text);
      if (!answer.ok) throw new Error(answer.problems.join(' '));
      return answer;
    });
  });
}

/**
 * The SVG drawn on a new canvas of `width` × `height` px by `place(context, image)`: the browser
 * draws the SVG (an <img> from a Blob URL, which the page's CSP allows: img-src blob:) at the
 * size asked, so the PNG is as sharp as the vector.
 * @param {string} svg
 * @param {number} width @param {number} height
 * @param {(ctx: CanvasRenderingContext2D, img: HTMLImageElement) => void} place
 * @returns {Promise<Blob>}
 */
function rasterise(svg, width, height, place) {
  var url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  var img = new Image();
  img.src = url;
  return img.decode().then(function () {
    var canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    var ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(t('pngFailed'));
    place(ctx, img);
    return new Promise(function (resolve, reject) {
      canvas.toBlob(function (blob) { if (blob) resolve(blob); else reject(new Error(t('pngFailed'))); }, 'image/png');
    });
  }).finally(function () { URL.revokeObjectURL(url); });
}

/** The SVG's background: its first shape, the full-size rectangle the core draws first. @param {string} svg */
function background(svg) {
  var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  var rect = doc.querySelector('rect');
  return (rect && rect.getAttribute('fill')) || '#FFFFFF';
}

/** What <desc> says (the summary sentence) in the SVG itself. @param {string} svg */
function descOf(svg) {
  var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  var desc = doc.querySelector('svg > desc');
  return desc ? desc.textContent || '' : '';
}

/** The widths the card's chart may be drawn at before it is scaled up to 1200 px: the narrowest
 *  that fits gives the largest text (a social network shows the card about 500 px wide). */
export const CARD_WIDTHS = [600, 700, 800, 900, 1000, 1100];

/**
 * The social card's chart: drawn at 1200 CSS px; if that is not taller than the card, drawn
 * again at the narrowest of CARD_WIDTHS whose chart, scaled up to 1200 px wide, still fits 630
 * px (larger text on the card). A chart taller than 630 px at 1200 px is scaled down instead.
 * @param {Good} good @returns {Promise<Drawn>}
 */
function cardChart(good) {
  return drawSvg(imageRequest(good, CARD.width)).then(function (wide) {
    if (wide.height > CARD.height) return wide;
    /** @param {number} i @returns {Promise<Drawn>} */
    var attempt = function (i) {
      if (i >= CARD_WIDTHS.length) return Promise.resolve(wide);
      return drawSvg(imageRequest(good, CARD_WIDTHS[i])).then(function (d) {
        return d.height * CARD.width / d.width <= CARD.height ? d : attempt(i + 1);
      });
    };
    return attempt(0);
  });
}

/**
 * Where the chart goes on the social card: scaled to fill the card's width, or its height if it
 * is too tall for that (then `scale` * its width < 1200: scaled down, which the page says), and
 * centred on the card, whose background is the chart's.
 * @param {{ width: number, height: number }} drawn
 */
export function cardPlacement(drawn) {
  var scale = Math.min(CARD.width / drawn.width, CARD.height / drawn.height);
  var w = drawn.width * scale, h = drawn.height * scale;
  return { scale: scale, x: (CARD.width - w) / 2, y: (CARD.height - h) / 2, width: w, height: h };
}

/**
 * Draws the image `what` of the chart `good` and saves it; says what was saved in the status
 * line; the SVG and PNG give the <noscript> line for their file.
 * @param {'svg' | 'png' | 'card'} what
 * @param {Good} good
 * @returns {Promise<void>}
 */
export function downloadImage(what, good) {
  var base = fileName().replace(/\.json$/i, '');
  if (what === 'card') {
    var card = base + '-' + CARD.width + 'x' + CARD.height + '.png';
    return cardChart(good).then(function (drawn) {
      var at = cardPlacement(drawn);
      return rasterise(drawn.svg, CARD.width, CARD.height, function (ctx, img) {
        ctx.fillStyle = background(drawn.svg);
        ctx.fillRect(0, 0, CARD.width, CARD.height);
        ctx.drawImage(img, at.x, at.y, at.width, at.height);
      }).then(function (blob) {
        saveBlob(blob, card);
        // Scaled down: a chart taller than the card at 1200 px (drawn at 1200, so its width is too).
        var down = drawn.height > CARD.height && drawn.width >= CARD.width;
        el.pngStatus.textContent = down ? t('cardScaled', card, Math.floor(at.scale * 100), drawn.height) : t('cardDone', card);
      });
    });
  }
  var request = imageRequest(good, null);
  return drawSvg(request).then(function (drawn) {
    if (what === 'svg') {
      var name = base + '.svg';
      saveBlob(new Blob([drawn.svg], { type: 'image/svg+xml' }), name);
      el.pngStatus.textContent = t('svgDone', name, drawn.width, drawn.height);
      showNoscript(name, drawn, request);
      return undefined;
    }
    var png = base + '.png';
    var scale = pngScale(drawn.width, drawn.height);
    var w = Math.floor(drawn.width * scale), h = Math.floor(drawn.height * scale);
    return rasterise(drawn.svg, w, h, function (ctx, img) { ctx.drawImage(img, 0, 0, w, h); }).then(function (blob) {
      saveBlob(blob, png);
      el.pngStatus.textContent = scale < PNG_SCALE ? t('pngSmaller', png, w, h, Math.floor(scale * 100)) : t('pngDone', png, w, h);
      showNoscript(png, drawn, request);
    });
  });
}

/** The <noscript> line for the image file `src`: alt from the SVG's <desc>, the chart's size.
 *  @param {string} src @param {Drawn} drawn @param {ImageRequest} request */
function showNoscript(src, drawn, request) {
  el.noscript.value = noscriptLine(src, descOf(drawn.svg), drawn.width, drawn.height);
  el.noscript.dataset.request = requestKey(request);
  el.noscriptStatus.textContent = '';
}
