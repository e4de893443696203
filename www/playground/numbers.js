// @ts-check
// Numbers as people write them in a spreadsheet: Vietnamese style (2.989,5: a dot between the
// thousands, a comma before the decimals) or English style (2,989.5), and what a written number
// says about which style a table uses.

/** How a table writes its numbers: 'vi' 2.989,5 or 'en' 2,989.5. @typedef {'vi' | 'en'} NumberStyle */
/**
 * What readNumber read: a number, a "no data" mark, or something that is not a number.
 * @typedef {{ value: number, missing?: undefined, bad?: undefined }
 *   | { missing: true, value?: undefined, bad?: undefined }
 *   | { bad: true, value?: undefined, missing?: undefined }} NumberRead
 */

/** Cells that mean "no data" (not 0). */
export const MISSING_CELLS = ['-', '–', '—', '…', '...', 'n/a', 'na'];

/**
 * Reads a number as a person wrote it. `style` is 'vi' (2.989,5) or 'en' (2,989.5).
 * Returns {missing: true}, {value}, or {bad: true}.
 * @param {string} raw
 * @param {NumberStyle} style
 * @returns {NumberRead}
 */
export function readNumber(raw, style) {
  var s = String(raw).replace(/[\s\u00a0\u202f\u2009]+/g, '');
  if (s === '' || MISSING_CELLS.indexOf(s.toLowerCase()) >= 0) return { missing: true };
  s = s.replace(/%$/, '');
  var sign = 1;
  if (/^[-−+]/.test(s)) { if (s[0] !== '+') sign = -1; s = s.slice(1); }
  if (!/^[0-9][0-9.,]*$/.test(s) || /[.,]$/.test(s)) return { bad: true };
  var dots = (s.match(/\./g) || []).length, commas = (s.match(/,/g) || []).length;
  var intPart, frac = '', thousands;
  if (dots && commas) {
    var dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    thousands = dec === '.' ? ',' : '.';
    var at = s.lastIndexOf(dec);
    intPart = s.slice(0, at); frac = s.slice(at + 1);
    if (frac.indexOf(thousands) >= 0 || !groupedOk(intPart, thousands)) return { bad: true };
    intPart = intPart.split(thousands).join('');
  } else if (dots + commas > 1) {
    var sep = dots ? '.' : ',';
    if (!groupedOk(s, sep) || s.indexOf(sep) < 0) return { bad: true };
    intPart = s.split(sep).join('');
  } else if (dots + commas === 1) {
    var one = dots ? '.' : ',';
    var decimalSep = style === 'en' ? '.' : ',';
    var parts = s.split(one);
    if (one !== decimalSep && /^[0-9]{1,3}$/.test(parts[0]) && /^[0-9]{3}$/.test(parts[1])) {
      intPart = parts[0] + parts[1]; // 2.989 (vi) or 1,234 (en): a thousands separator
    } else {
      intPart = parts[0]; frac = parts[1]; // 99,7 (vi), 99.7 anywhere: decimals
    }
  } else {
    intPart = s;
  }
  var value = sign * Number(intPart + (frac ? '.' + frac : ''));
  return isFinite(value) ? { value: value } : { bad: true };
}
/**
 * What a written number says about the style, if anything: 'vi', 'en' or null.
 * 1.234,5 / 1.234.567 / 99,7 / 2.989 (whole-number column) are Vietnamese;
 * 1,234.5 / 1,234,567 / 99.7 / 2,989 (whole-number column) are English; 89 says nothing.
 * @param {string} raw
 * @param {string} type the column's type: 'int' (a count) or 'number'
 * @returns {NumberStyle | null}
 */
export function styleClue(raw, type) {
  var s = String(raw).replace(/[\s\u00a0\u202f\u2009]+/g, '').replace(/%$/, '').replace(/^[-−+]/, '');
  if (!/^[0-9][0-9.,]*[0-9]$/.test(s)) return null;
  var d = s.lastIndexOf('.'), c = s.lastIndexOf(',');
  if (d >= 0 && c >= 0) return d > c ? 'en' : 'vi';
  if (d < 0 && c < 0) return null;
  var sep = d >= 0 ? '.' : ',';
  var parts = s.split(sep);
  if (parts.length > 2) return sep === '.' ? 'vi' : 'en';
  if (/^[0-9]{1,3}$/.test(parts[0]) && /^[0-9]{3}$/.test(parts[1])) {
    // 2.989: thousands in a count column; in a decimal column it could be either.
    return type === 'int' ? (sep === '.' ? 'vi' : 'en') : null;
  }
  return sep === ',' ? 'vi' : 'en';
}
/** Digits in groups of three after the first 1 to 3, separated by `sep`. @param {string} s @param {string} sep */
function groupedOk(s, sep) {
  return new RegExp('^[0-9]{1,3}(\\' + sep + '[0-9]{3})*$').test(s);
}

