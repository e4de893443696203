// The hostile-input corpus: writes tests/hostile/cases.json (commit the output).
//
//   node tests/hostile/generate.mjs          rewrite cases.json
//
// Both runners read cases.json: tests/hostile.rs (natively: parse, validate, layout, hit-test,
// SVG) and tests/e2e/hostile.test.mjs (Chromium, through CommuneCharts.render). The browser test
// regenerates the manifest in memory and fails when cases.json differs; the native test fails
// when `generatorHash` (FNV-1a 64 of this file's bytes) does not match this file.
//
// A case is
//   { name, kind, expect, json | generate | body, browser?, native? }   (name = category/what)
// - `json`: the exact text handed to the chart.
// - `generate`: a recipe both runners expand identically (see `expand` below and in hostile.rs):
//   `template` with `{{COMMUNES}}` (the first `communes` generated communes), `{{INDICATORS}}`
//   (`indicators` generated indicators), `{{R0}}`, `{{R1}}`… (`repeat[i].text` repeated
//   `repeat[i].count` times), then `{{PAD}}` (spaces up to `padTo` UTF-8 bytes in all).
// - `body` (browser only): base64 bytes served through `data-src` with `contentType`; in its
//   expected error, `{{SRC}}` stands for the data-src URL.
// - `format` ("csv" or "tsv"): the text (`table`, or `generate`d) is a table, read as a CSV or
//   TSV `data-src` is (natively by `commune_charts::table` and the explanations module; in the
//   browser served through `data-src` as text/csv or text/tab-separated-values).
// - `kind`: the data-commune-chart attribute ("" = the data's chart, else overview).
// - `expect`: "ready", or { error: [substrings] }: every substring must appear in what the
//   journalist is shown (the alert: each problem's message and quoted line).
// - `browser.expect` overrides `expect` in Chromium (the embed treats blank text as "no data");
//   `native.skip` says why a case is browser only.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const MANIFEST_PATH = join(here, 'cases.json');
export const GENERATOR_PATH = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------- recipes (mirrored in hostile.rs)

/** Commune `i` (0-based) of a generated list: every field a chart kind needs, all in range. */
export function generatedCommune(i) {
  const members = 50 + ((i * 7919) % 3000);
  const cells = 1 + ((i * 31) % 80);
  return `{"name":"Xã ${i + 1}","members":${members},"cells":${cells},`
    + `"targets":{"met":${i % 7},"over80":${i % 5},"behind":${1 + (i % 3)}}}`;
}

/** Indicator `i` (0-based) of a generated list. */
export function generatedIndicator(i) {
  return `{"unit":"Văn Lãng","name":"Chỉ tiêu ${i + 1}","value":${(i * 37) % 10000},"measure":"ha",`
    + `"percentOfPlan":${50 + ((i * 13) % 100)}}`;
}

/** A recipe's text. Must match `expand` in tests/hostile.rs byte for byte. */
export function expand(g) {
  let text = g.template;
  if (g.communes != null) {
    const list = [];
    for (let i = 0; i < g.communes; i++) list.push(generatedCommune(i));
    text = text.split('{{COMMUNES}}').join(list.join(','));
  }
  if (g.indicators != null) {
    const list = [];
    for (let i = 0; i < g.indicators; i++) list.push(generatedIndicator(i));
    text = text.split('{{INDICATORS}}').join(list.join(','));
  }
  (g.repeat || []).forEach((r, i) => {
    text = text.split(`{{R${i}}}`).join(r.text.repeat(r.count));
  });
  if (g.padTo != null) {
    const without = text.split('{{PAD}}').join('');
    const pad = g.padTo - Buffer.byteLength(without, 'utf8');
    if (pad < 0) throw new Error(`padTo ${g.padTo} is below the text's ${Buffer.byteLength(without)} bytes`);
    text = text.split('{{PAD}}').join(' '.repeat(pad));
  }
  return text;
}

/** FNV-1a 64 of bytes, as 16 hex digits (tests/hostile.rs computes the same). */
export function fnv1a64(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

// ---------------------------------------------------------------- words of the Vietnamese alert

const SYN = (line, column) => `Lỗi cú pháp JSON ở dòng ${line}, cột ${column == null ? '' : `${column}:`}`;
const P = (path) => `\`${path}\``;
const W = {
  end: 'dữ liệu kết thúc giữa chừng',
  value: 'cần một giá trị',
  commaBrace: 'thiếu dấu phẩy giữa hai trường',
  commaBracket: 'thiếu dấu phẩy giữa hai phần tử',
  colon: 'thiếu dấu hai chấm',
  key: 'tên trường phải nằm trong ngoặc kép',
  trailingComma: 'thừa dấu phẩy trước } hoặc ]',
  trailingChars: 'có ký tự thừa sau khi dữ liệu đã kết thúc',
  number: 'số không hợp lệ',
  escape: 'ký tự \\ không hợp lệ trong chuỗi',
  control: 'chuỗi chưa đóng ngoặc kép',
  decimalComma: 'số thập phân phải viết bằng dấu chấm',
  thousandsDot: 'không dùng dấu chấm ngăn cách hàng nghìn',
  space: 'không để dấu cách trong số',
  unit: 'chỉ viết con số, không kèm đơn vị hay dấu %',
  tooBig: 'số quá lớn',
  notJson: 'dữ liệu không phải JSON hợp lệ',
  missing: 'thiếu trường bắt buộc này',
  empty: 'không được để trống',
  emptyList: 'danh sách trống: cần ít nhất một xã',
  whole: 'cần một số nguyên',
  negative: 'không được âm',
  sum: 'các số cộng lại bằng',
  noData: 'không tìm thấy dữ liệu',
  tooLarge: 'dữ liệu quá lớn',
  tooLong: 'chuỗi quá dài',
  tooMany: 'danh sách quá dài',
  nothing: 'không xã nào có',
  unknownKind: 'không có loại biểu đồ',
  curly: 'đây là dấu ngoặc cong (“ ” hoặc ‘ ’)',
  braceComma: 'có lẽ thiếu dấu } trước dấu phẩy này',
  braceAndComma: 'có lẽ thiếu }, ở đây',
  braceBracket: 'có lẽ thiếu dấu } ở đây',
};
const T = {
  num: 'cần một số, nhưng đang là',
  str: 'cần một chuỗi chữ trong ngoặc kép, nhưng đang là',
  list: 'cần một danh sách [ ... ], nhưng đang là',
  obj: 'cần một nhóm { ... }, nhưng đang là',
};
const err = (...parts) => ({ error: parts });
const unknownField = (path, field, suggestion) => err(P(path),
  suggestion ? `không có trường "${field}". Có phải ý bạn là "${suggestion}"?` : `không có trường "${field}"`);

// ---------------------------------------------------------------- building blocks

const J = (v) => JSON.stringify(v);
const SEED = {
  title: 'Kết quả Nghị quyết Đại hội, nhiệm kỳ 2020 – 2025',
  subtitle: 'Đảng viên, chi bộ và chỉ tiêu',
  source: 'Báo cáo của Đảng ủy xã',
  note: 'Tính đến tháng 6',
  communes: [
    { name: 'Mồ Sì San', district: 'Phong Thổ', province: 'Lai Châu', members: 89, cells: 9,
      cellKinds: { 'Chi bộ bản': 4, 'Khác': 5 }, targets: { met: 3, over80: 3, behind: 5 } },
    { name: 'Pa Vây Sử', district: 'Phong Thổ', members: 86, cells: 11,
      targets: { met: 13, over80: 8, behind: 10, total: 31 } },
    { name: 'Đức Thọ', province: 'Hà Tĩnh', members: 2989, cells: 77, population: 40065, areaKm2: 48.93 },
  ],
  indicators: [
    { unit: 'Văn Lãng', name: 'Diện tích gieo trồng', value: 5755, measure: 'ha', percentOfPlan: 99.7 },
    { unit: 'Văn Lãng', name: 'Trồng rừng mới', value: 411, measure: 'ha', percentOfPlan: 102 },
  ],
};
const clone = (v) => JSON.parse(J(v));
/** The seed with `edit(doc)` applied. */
const seedWith = (edit) => { const d = clone(SEED); edit(d); return d; };
/** One commune (plus `extra` fields) in a document (plus `top` fields). */
const one = (extra = {}, top = {}) => ({ ...top, communes: [{ name: 'Mồ Sì San', ...extra }] });
const KINDS = ['members', 'cells', 'members-per-cell', 'targets', 'indicators', 'overview'];

// Payloads that would run (set window.__pwned) if any string from the data reached the DOM as
// markup, or the page as script.
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1"></svg>',
  '</script><script>window.__pwned=1</script><script>',
  "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
  '<a href="javascript:window.__pwned=1">x</a><style>*{display:none}</style>',
  '{{constructor.constructor(\'window.__pwned=1\')()}} ${window.__pwned=1} &lt;b&gt;',
];

// ---------------------------------------------------------------- the cases

export function buildCases() {
  const cases = [];
  const add = (category, name, json, kind, expect, more = {}) => {
    cases.push({ name: `${category}/${name}`, category, kind, expect, json: typeof json === 'string' ? json : J(json), ...more });
  };
  const gen = (category, name, generate, kind, expect, more = {}) => {
    cases.push({ name: `${category}/${name}`, category, kind, expect, generate, ...more });
  };
  const VALID = J(one({ members: 89 }));

  // ---- syntax: every way a pasted text is not JSON ------------------------------------------
  {
    const s = (name, json, expect, kind = 'members', more = {}) => add('syntax', name, json, kind, expect, more);
    const blankBrowser = { browser: { expect: err(W.noData) } };
    s('missing-comma-between-fields', '{"title": "A" "communes": [{"name": "A", "members": 1}]}', err(SYN(1, 15), W.commaBrace));
    s('missing-comma-between-fields-multiline', '{\n  "title": "Đảng bộ"\n  "communes": [{"name": "A", "members": 1}]\n}',
      err(SYN(3, 3), W.commaBrace, '  "communes": [{"name": "A", "members": 1}]\n  ^'));
    s('missing-comma-between-communes', '{"communes": [{"name": "A", "members": 1} {"name": "B", "members": 2}]}', err(SYN(1, 43), W.commaBracket));
    s('missing-comma-between-communes-multiline', '{"communes": [\n  {"name": "Mồ Sì San", "members": 89}\n  {"name": "Pa Vây Sử", "members": 86}\n]}',
      err(SYN(3, 3), W.commaBracket));
    s('missing-comma-inside-commune', '{"communes": [{"name": "Mồ Sì San" "members": 89}]}', err(SYN(1, 36), W.commaBrace));
    s('trailing-comma-in-commune', '{"communes": [{"name": "A", "members": 1,}]}', err(SYN(1, 42), W.trailingComma));
    s('trailing-comma-in-list', '{"communes": [{"name": "A", "members": 1},]}', err(SYN(1, 43), W.trailingComma));
    s('trailing-comma-in-document', '{"communes": [{"name": "A", "members": 1}],}', err(SYN(1, 44), W.trailingComma));
    s('trailing-comma-multiline', '{\n  "communes": [\n    { "name": "Mồ Sì San", "members": 89, },\n  ]\n}',
      err(SYN(3, 43), W.trailingComma, '    { "name": "Mồ Sì San", "members": 89, },\n                                          ^'));
    s('double-comma', '{"title": "A",, "communes": [{"name": "A", "members": 1}]}', err(SYN(1, 15), W.key));
    s('leading-comma-in-list', '{"communes": [,{"name": "A", "members": 1}]}', err(SYN(1, 15), W.value));
    s('unclosed-string-at-end', '{"communes": [{"name": "A', err(SYN(1), W.end));
    s('unclosed-string-multiline', '{\n  "title": "Số đảng viên,\n  "communes": [{"name": "A", "members": 1}]\n}', err(SYN(3, 1), W.control)); // reported on the line after the open quote, as docs/en/errors.md says
    s('unclosed-object', '{"communes": [{"name": "A", "members": 1}]', err(SYN(1), W.end));
    s('unclosed-commune-object', '{"communes": [{"name": "A", "members": 1]}', err(SYN(1, 41), W.braceBracket));
    // A missing } is shown where it belongs (the end of the value before it), not at the next {.
    s('missing-brace-before-comma-multiline', '{"communes": [\n  {"name": "Mồ Sì San", "members": 89,\n  {"name": "Pa Vây Sử", "members": 86}\n]}',
      err(SYN(2, 38), W.braceComma, '  {"name": "Mồ Sì San", "members": 89,\n                                     ^'));
    s('missing-brace-and-comma-multiline', '{"communes": [\n  {"name": "Mồ Sì San", "members": 89\n  {"name": "Pa Vây Sử", "members": 86}\n]}',
      err(SYN(2, 38), W.braceAndComma, '  {"name": "Mồ Sì San", "members": 89\n                                     ^'));
    s('missing-brace-before-bracket-multiline', '{"communes": [\n  {"name": "Mồ Sì San", "members": 89\n]}',
      err(SYN(2, 38), W.braceBracket));
    s('missing-brace-and-comma', '{"communes": [{"name": "A", "members": 1}, {"name": "B", "members": 2 {"name": "C", "members": 3}]}',
      err(SYN(1, 70), W.braceAndComma));
    s('unclosed-array', '{"communes": [{"name": "A", "members": 1}}', err(SYN(1, 42), W.commaBracket));
    s('unclosed-everything', '{"communes": [{"name": "A", "members": 1', err(SYN(1), W.end));
    s('only-an-opening-brace', '{', err(SYN(1), W.end));
    s('missing-opening-brace', '"communes": [{"name": "A", "members": 1}]}', err(SYN(1, 11), W.trailingChars));
    s('single-quoted-keys', "{'communes': [{'name': 'A', 'members': 1}]}", err(SYN(1, 2), W.key));
    s('single-quoted-value', '{"communes": [{"name": \'Mồ Sì San\', "members": 1}]}', err(SYN(1, 24), W.value));
    s('unquoted-keys', '{communes: [{name: "A", members: 1}]}', err(SYN(1, 2), W.key));
    s('backtick-strings', '{"communes": [{"name": `A`, "members": 1}]}', err(SYN(1, 24), W.value));
    s('curly-quotes', '{“communes”: [{“name”: “Mồ Sì San”, “members”: 89}]}', err(SYN(1, 2), W.curly));
    s('curly-single-quotes', '{"communes": [{"name": ‘A’, "members": 1}]}', err(SYN(1, 24), W.curly));
    // A curly quote that ends a text opened with a straight one: shown at the curly quote.
    s('curly-quote-closing-value', '{"communes": [{"name": "Mồ Sì San”, "members": 89}]}', err(SYN(1, 34), W.curly));
    s('curly-quote-closing-key', '{"communes": [{"name”: "Mồ Sì San", "members": 89}]}', err(SYN(1, 21), W.curly));
    s('curly-quote-closing-last-value', '{"communes": [{"name": "Mồ Sì San", "members": 89}, {"name": "Đức Thọ”}]}', err(SYN(1, 70), W.curly));
    s('curly-quote-closing-value-multiline', '{\n  "title": "Số đảng viên”,\n  "communes": [{"name": "A", "members": 1}]\n}',
      err(SYN(2, 25), W.curly, '  "title": "Số đảng viên”,\n                        ^'));
    // Curly quotes inside a text are text; a missing comma after it is still a missing comma.
    s('curly-quotes-inside-a-title', '{"title": "Nghị quyết “Tam nông”, 2025", "communes": [{"name": "A", "members": 1}]}', 'ready');
    s('curly-quotes-inside-a-title-then-no-comma', '{"title": "Nghị quyết “Tam nông”" "communes": [{"name": "A", "members": 1}]}', err(SYN(1, 35), W.commaBrace));
    s('html-entity-quotes', '{&quot;communes&quot;: [{&quot;name&quot;: &quot;A&quot;}]}', err(SYN(1, 2), W.key));
    s('line-comment-own-line', '{\n  // số liệu năm 2025\n  "communes": [{"name": "A", "members": 1}]\n}', err(SYN(2, 3), W.key));
    s('line-comment-after-value', '{"communes": [{"name": "A", "members": 1} // ba xã\n]}', err(SYN(1, 43), W.commaBracket));
    s('block-comment-before-document', '/* dữ liệu */ {"communes": [{"name": "A", "members": 1}]}', err(SYN(1, 1), W.value));
    s('block-comment-inside', '{"communes": [{"name": "A", /* số */ "members": 1}]}', err(SYN(1, 29), W.key));
    s('hash-comment', '# dữ liệu\n{"communes": [{"name": "A", "members": 1}]}', err(SYN(1, 1), W.value));
    s('missing-colon', '{"communes": [{"name" "Mồ Sì San", "members": 89}]}', err(SYN(1, 23), W.colon));
    s('key-without-value', '{"title", "communes": [{"name": "A", "members": 1}]}', err(SYN(1, 9), W.colon));
    s('missing-value', '{"communes": [{"name": "A", "members": }]}', err(SYN(1, 40), W.value));
    s('missing-value-at-end', '{"communes": [{"name": "A", "members":', err(SYN(1), W.end));
    s('nan', '{"communes": [{"name": "A", "members": NaN}]}', err(SYN(1, 40), W.value));
    s('nan-in-percent', '{"indicators": [{"name": "A", "percentOfPlan": NaN}]}', err(SYN(1, 48), W.value), 'indicators');
    s('infinity', '{"communes": [{"name": "A", "members": Infinity}]}', err(SYN(1, 40), W.value));
    s('negative-infinity', '{"communes": [{"name": "A", "members": -Infinity}]}', err(SYN(1, 41), W.number));
    s('undefined', '{"communes": [{"name": "A", "members": undefined}]}', err(SYN(1, 40), W.value));
    s('python-none', '{"communes": [{"name": "A", "members": None}]}', err(SYN(1, 40), W.value));
    s('python-true', '{"communes": [{"name": "A", "members": 1}], "title": True}', err(SYN(1, 54), W.value));
    s('decimal-comma-area', '{"communes": [{"name": "Đức Thọ", "members": 2989, "areaKm2": 48,93}]}', err(SYN(1), W.decimalComma));
    s('decimal-comma-percent', '{"indicators": [{"name": "Diện tích", "value": 5755, "percentOfPlan": 99,7}]}', err(SYN(1), W.decimalComma), 'indicators');
    s('decimal-comma-multiline', '{\n  "indicators": [\n    {"name": "Diện tích", "percentOfPlan": 99,7\n    }\n  ]\n}', err(SYN(3), W.decimalComma), 'indicators');
    s('english-thousands-comma', '{"communes": [{"name": "Đức Thọ", "members": 2,989}]}', err(SYN(1), W.decimalComma));
    s('thousands-dots', '{"communes": [{"name": "Đức Thọ", "population": 1.234.567}]}', err(SYN(1), W.thousandsDot));
    s('thousands-dots-value', '{"indicators": [{"name": "Sản lượng", "value": 12.345.678, "percentOfPlan": 100}]}', err(SYN(1), W.thousandsDot), 'indicators');
    s('percent-sign', '{"indicators": [{"name": "Diện tích", "percentOfPlan": 99.7%}]}', err(SYN(1), W.unit), 'indicators');
    s('unit-after-number', '{"indicators": [{"name": "Diện tích", "value": 5755ha, "percentOfPlan": 99.7}]}', err(SYN(1), W.unit), 'indicators');
    s('unit-word-after-number', '{"communes": [{"name": "A", "members": 89 đảng viên}]}', err(SYN(1, 43), W.unit));
    s('space-in-number', '{"communes": [{"name": "Đức Thọ", "members": 2 989}]}', err(SYN(1), W.space));
    s('leading-zero', '{"communes": [{"name": "A", "members": 0989}]}', err(SYN(1), W.number));
    s('leading-plus', '{"communes": [{"name": "A", "members": +5}]}', err(SYN(1, 40), W.value));
    s('leading-dot', '{"indicators": [{"name": "A", "percentOfPlan": .5}]}', err(SYN(1, 48), W.value), 'indicators');
    s('trailing-dot', '{"communes": [{"name": "A", "members": 5.}]}', err(SYN(1), W.number));
    s('bare-exponent', '{"communes": [{"name": "A", "members": 1e}]}', err(SYN(1), W.number));
    s('hex-number', '{"communes": [{"name": "A", "members": 0x10}]}', err(SYN(1)));
    s('dash-for-no-data', '{"communes": [{"name": "Đức Thọ", "members": - }]}', err(SYN(1), W.number));
    s('fullwidth-digits', '{"communes": [{"name": "A", "members": ８９}]}', err(SYN(1, 40), W.value));
    s('invalid-escape', '{"source": "Báo cáo\\Đảng ủy xã", "communes": [{"name": "A", "members": 1}]}', err(SYN(1), W.escape));
    s('windows-path-escape', '{"source": "C:\\Users\\bao\\so-lieu.xlsx", "communes": [{"name": "A", "members": 1}]}', err(SYN(1), W.escape));
    s('short-unicode-escape', '{"title": "\\u12", "communes": [{"name": "A", "members": 1}]}', err(SYN(1), W.escape));
    s('raw-tab-in-string', '{"communes": [{"name": "Mồ\tSì San", "members": 1}]}', err(SYN(1), W.control));
    s('raw-newline-in-string', '{"communes": [{"name": "Mồ Sì\nSan", "members": 1}]}', err(SYN(2, 1), W.control));
    s('raw-control-char-in-string', '{"communes": [{"name": "A\u0001B", "members": 1}]}', err(SYN(1), W.control));
    s('raw-nul-in-string', '{"communes": [{"name": "A\u0000B", "members": 1}]}', err(SYN(1), W.control));
    s('trailing-brace', '{"communes": [{"name": "A", "members": 1}]}}', err(SYN(1, 44), W.trailingChars));
    s('two-documents', '{"communes": [{"name": "A", "members": 1}]}\n{"communes": [{"name": "B", "members": 2}]}', err(SYN(2, 1), W.trailingChars));
    s('trailing-semicolon', '{"communes": [{"name": "A", "members": 1}]};', err(SYN(1, 44), W.trailingChars));
    s('javascript-assignment', 'var data = {"communes": [{"name": "A", "members": 1}]};', err(SYN(1, 1), W.value));
    s('html-script-wrapper', '<script type="application/json">{"communes": [{"name": "A", "members": 1}]}</script>', err(SYN(1, 1), W.value));
    s('fullwidth-comma', '{"title": "A"，"communes": [{"name": "A", "members": 1}]}', err(SYN(1, 14), W.commaBrace));
    s('nbsp-before-document', '\u00a0{"communes": [{"name": "A", "members": 1}]}', err(SYN(1, 1), W.value));
    s('empty-text', '', err(SYN(1), W.end), 'members', blankBrowser);
    s('whitespace-only', ' \n\t \r\n ', err(SYN(3), W.end), 'members', blankBrowser);
    s('null-document', 'null', err(T.obj, 'null'));
    s('bare-number', '42', err(T.obj, 'một số (42)'));
    s('bare-string', '"Mồ Sì San"', err(T.obj, 'một chuỗi chữ'));
    s('bare-true', 'true', err(T.obj, 'true/false'));
    s('array-at-top-level', '[{"name": "Mồ Sì San", "members": 89}]', err(T.obj, 'một danh sách [ ... ]'));
    s('empty-array-at-top-level', '[]', err(T.obj, 'một danh sách [ ... ]'));
    s('crlf-line-endings', '{\r\n  "communes": [\r\n    {"name": "A", "members": 1},\r\n  ]\r\n}', err(SYN(4, 3), W.trailingComma));
    s('tab-indented', '{\n\t"communes": [\n\t\t{"name": "Mồ Sì San" "members": 89}\n\t]\n}',
      err(SYN(3, 24), W.commaBrace, '\t\t{"name": "Mồ Sì San" "members": 89}\n\t\t                     ^'));
    s('column-counts-characters', '{"communes": [{"name": "Mồ Sì San, Phong Thổ, Lai Châu" "members": 89}]}', err(SYN(1, 57), W.commaBrace));
    // Minified data is one long line: the alert must still quote the place of the error.
    {
      const many = [];
      for (let i = 0; i < 40; i++) many.push(`{"name":"Xã số ${i + 1}","members":${100 + i}}`);
      many[37] = '{"name":"Xã số 38","members":137,}';
      const text = `{"communes":[${many.join(',')}]}`;
      s('minified-error-far-along-the-line', text, err(SYN(1, text.indexOf(',}') + 2), W.trailingComma, '"Xã số 38","members":137,}'));
    }
  }

  // ---- types: a wrong type for every field ---------------------------------------------------
  {
    const t = (name, json, expect, kind = 'members') => add('types', name, json, kind, expect);
    for (const field of ['title', 'subtitle', 'source', 'note', 'locale', 'chart', 'sort']) {
      t(`${field}-number`, { [field]: 5, communes: [{ name: 'A', members: 1 }] }, err(P(field), T.str, 'một số (5)'));
      t(`${field}-bool`, { [field]: true, communes: [{ name: 'A', members: 1 }] }, err(P(field), T.str, 'true/false (true)'));
    }
    t('title-array', { title: ['Số đảng viên'], communes: [{ name: 'A', members: 1 }] }, err(P('title'), T.str, '["Số đảng viên"]'));
    t('title-object', { title: { vi: 'Số đảng viên' }, communes: [{ name: 'A', members: 1 }] }, err(P('title'), T.str, 'một nhóm { ... }'));
    t('communes-object', { communes: { name: 'Đức Thọ', members: 2989 } }, err(P('communes'), T.list));
    t('communes-string', { communes: 'Mồ Sì San, Pa Vây Sử' }, err(P('communes'), T.list));
    t('communes-number', { communes: 3 }, err(P('communes'), T.list, 'một số (3)'));
    t('communes-bool', { communes: true }, err(P('communes'), T.list));
    t('commune-number', { communes: [89] }, err(P('communes[0]'), T.obj, 'một số (89)'));
    t('commune-string', { communes: ['Mồ Sì San'] }, err(P('communes[0]'), T.obj));
    t('commune-null', { communes: [{ name: 'A', members: 1 }, null] }, err(P('communes[1]'), T.obj, 'null'));
    t('commune-array', { communes: [['Mồ Sì San', 89]] }, err(P('communes[0]'), T.obj));
    for (const field of ['name', 'district', 'province']) {
      t(`${field}-number`, one({ members: 1, [field]: 7 }), err(P(`communes[0].${field}`), T.str, 'một số (7)'));
      t(`${field}-bool`, one({ members: 1, [field]: false }), err(P(`communes[0].${field}`), T.str));
      t(`${field}-array`, one({ members: 1, [field]: ['A'] }), err(P(`communes[0].${field}`), T.str));
      t(`${field}-object`, one({ members: 1, [field]: {} }), err(P(`communes[0].${field}`), T.str));
    }
    for (const field of ['members', 'cells', 'population', 'areaKm2']) {
      const kind = field === 'cells' ? 'cells' : 'members';
      const base = field === 'members' ? {} : { members: 1 };
      const write = field === 'areaKm2' ? 'Hãy viết 2989 nếu là số hàng nghìn, hoặc 2.989 nếu là số thập phân: không có ngoặc kép'
        : 'Hãy viết 2989: không có ngoặc kép, không có dấu chấm ngăn cách hàng nghìn';
      t(`${field}-quoted-number`, one({ ...base, [field]: '2.989' }), err(P(`communes[0].${field}`), T.num, '("2.989")', write), kind);
      t(`${field}-text`, one({ ...base, [field]: 'không rõ' }), err(P(`communes[0].${field}`), T.num, '("không rõ")'), kind);
      t(`${field}-bool`, one({ ...base, [field]: true }), err(P(`communes[0].${field}`), T.num, 'true/false (true)'), kind);
      t(`${field}-array`, one({ ...base, [field]: [89] }), err(P(`communes[0].${field}`), T.num, '([89])'), kind);
      t(`${field}-object`, one({ ...base, [field]: { value: 89 } }), err(P(`communes[0].${field}`), T.num), kind);
    }
    t('cellKinds-array', one({ cells: 9, cellKinds: [4, 5] }), err(P('communes[0].cellKinds'), T.obj), 'cells');
    t('cellKinds-string', one({ cells: 9, cellKinds: 'Chi bộ bản: 4' }), err(P('communes[0].cellKinds'), T.obj), 'cells');
    t('cellKinds-number', one({ cells: 9, cellKinds: 9 }), err(P('communes[0].cellKinds'), T.obj), 'cells');
    t('cellKinds-value-string', one({ cells: 9, cellKinds: { 'Chi bộ bản': '4', 'Khác': 5 } }), err(P('communes[0].cellKinds.Chi bộ bản'), T.num, 'Hãy viết 4: không có ngoặc kép'), 'cells');
    t('members-quoted-with-space', one({ members: '2 989' }), err(P('communes[0].members'), T.num, 'Hãy viết 2989: không có ngoặc kép, không có dấu cách giữa các chữ số'));
    t('members-quoted-with-words', one({ members: '89 đảng viên' }), err(P('communes[0].members'), T.num, 'Hãy viết 89: không có ngoặc kép, không kèm chữ (đảng viên)'));
    t('members-quoted-approximately', one({ members: 'khoảng 90' }), err(P('communes[0].members'), T.num, 'Hãy viết một con số không có ngoặc kép, ví dụ 2989'));
    t('cellKinds-value-bool', one({ cells: 9, cellKinds: { 'Chi bộ bản': true } }), err(P('communes[0].cellKinds.Chi bộ bản'), T.num), 'cells');
    t('cellKinds-value-object', one({ cells: 9, cellKinds: { 'Chi bộ bản': { n: 4 } } }), err(P('communes[0].cellKinds.Chi bộ bản'), T.num), 'cells');
    t('targets-array', one({ targets: [3, 3, 5] }), err(P('communes[0].targets'), T.obj, '([3,3,5])'), 'targets');
    t('targets-string', one({ targets: '3/3/5' }), err(P('communes[0].targets'), T.obj), 'targets');
    t('targets-number', one({ targets: 31 }), err(P('communes[0].targets'), T.obj, 'một số (31)'), 'targets');
    for (const field of ['met', 'over80', 'behind', 'total']) {
      const targets = { met: 3, over80: 3, behind: 5 };
      t(`targets-${field}-string`, one({ targets: { ...targets, [field]: '3' } }), err(P(`communes[0].targets.${field}`), T.num, 'Hãy viết 3: không có ngoặc kép'), 'targets');
      t(`targets-${field}-bool`, one({ targets: { ...targets, [field]: false } }), err(P(`communes[0].targets.${field}`), T.num), 'targets');
    }
    t('indicators-object', { indicators: { name: 'A', percentOfPlan: 99 } }, err(P('indicators'), T.list), 'indicators');
    t('indicators-string', { indicators: 'Diện tích 99,7%' }, err(P('indicators'), T.list), 'indicators');
    t('indicator-string', { indicators: ['Diện tích'] }, err(P('indicators[0]'), T.obj), 'indicators');
    t('indicator-null', { indicators: [null] }, err(P('indicators[0]'), T.obj, 'null'), 'indicators');
    for (const field of ['unit', 'name', 'measure']) {
      t(`indicator-${field}-number`, { indicators: [{ name: 'A', percentOfPlan: 99, [field]: 5 }] }, err(P(`indicators[0].${field}`), T.str), 'indicators');
    }
    for (const field of ['value', 'percentOfPlan']) {
      const write = field === 'value' ? 'Hãy viết 99.7: không có ngoặc kép, dấu % ghi vào trường "measure"'
        : 'Hãy viết 99.7: không có ngoặc kép, không có dấu % (percentOfPlan đã tính bằng phần trăm)';
      t(`indicator-${field}-string`, { indicators: [{ name: 'A', percentOfPlan: 99, [field]: '99.7%' }] }, err(P(`indicators[0].${field}`), T.num, '("99.7%")', write), 'indicators');
      t(`indicator-${field}-array`, { indicators: [{ name: 'A', percentOfPlan: 99, [field]: [1] }] }, err(P(`indicators[0].${field}`), T.num), 'indicators');
    }
    // A number in quotes is told how to write it for its field, from what was written.
    t('indicator-percentOfPlan-decimal-comma-string', { indicators: [{ name: 'A', percentOfPlan: '99,7%' }] }, err(P('indicators[0].percentOfPlan'), T.num, '("99,7%")',
      'Hãy viết 99.7: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không có dấu % (percentOfPlan đã tính bằng phần trăm)'), 'indicators');
    t('indicator-value-thousands-and-unit-string', { indicators: [{ name: 'A', percentOfPlan: 99, value: '5.755 ha' }] }, err(P('indicators[0].value'), T.num,
      'Hãy viết 5755 nếu là số hàng nghìn, hoặc 5.755 nếu là số thập phân: không có ngoặc kép, đơn vị (ha) ghi vào trường "measure"'), 'indicators');
    t('indicator-value-both-separators-string', { indicators: [{ name: 'A', percentOfPlan: 99, value: '1.250.000,5' }] }, err(P('indicators[0].value'), T.num,
      'Hãy viết 1250000.5: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không có dấu chấm ngăn cách hàng nghìn'), 'indicators');
    t('found-text-is-cut', one({ members: 'x'.repeat(500) }), err(P('communes[0].members'), `("${'x'.repeat(38)}…)`));
    t('every-wrong-type-is-reported', { title: 1, communes: [{ name: 2, members: '3', cells: [4] }] },
      err(P('communes[0].name'), P('communes[0].members'), P('communes[0].cells'), P('title')));
  }

  // ---- numbers: negative, fractional, huge, zero ----------------------------------------------
  {
    const n = (name, json, kind, expect) => add('numbers', name, json, kind, expect);
    const count = [['members', 'members'], ['cells', 'cells'], ['population', 'members']];
    for (const [field, kind] of count) {
      const base = field === 'population' ? { members: 1 } : {};
      const at = P(`communes[0].${field}`);
      n(`${field}-negative`, J(one({ ...base, [field]: -5 })), kind, err(at, W.negative, '−5'));
      n(`${field}-negative-fraction`, J(one({ ...base, [field]: -0.5 })), kind, err(at, W.negative));
      n(`${field}-fraction`, J(one({ ...base, [field]: 12.5 })), kind, err(at, W.whole, '12.5'));
      n(`${field}-thousands-dot-read-as-decimal`, J(one({ ...base, [field]: 2.989 })), kind, err(at, W.whole, 'hãy viết 2989'));
      n(`${field}-1e308`, `{"communes":[{"name":"A",${field === 'population' ? '"members":1,' : ''}"${field}":1e308}]}`, kind, err(at, W.tooBig));
      n(`${field}-1e400`, `{"communes":[{"name":"A",${field === 'population' ? '"members":1,' : ''}"${field}":1e400}]}`, kind, err(SYN(1), W.tooBig));
      n(`${field}-2pow53-plus-1`, `{"communes":[{"name":"A",${field === 'population' ? '"members":1,' : ''}"${field}":9007199254740993}]}`, kind, err(at, W.tooBig));
      n(`${field}-u64-max-plus-1`, `{"communes":[{"name":"A",${field === 'population' ? '"members":1,' : ''}"${field}":18446744073709551616}]}`, kind, err(at, W.tooBig));
      n(`${field}-minus-zero`, `{"communes":[{"name":"A",${field === 'population' ? '"members":1,' : ''}"${field}":-0}]}`, kind, 'ready');
      n(`${field}-zero`, J(one({ ...base, [field]: 0 })), kind, 'ready');
    }
    n('members-2pow53-minus-1', '{"communes":[{"name":"A","members":9007199254740991},{"name":"B","members":1}]}', 'members', 'ready');
    n('members-2pow53', '{"communes":[{"name":"A","members":9007199254740992}]}', 'members', err(P('communes[0].members'), W.tooBig));
    n('members-u64-max', '{"communes":[{"name":"A","members":18446744073709551615}]}', 'members', err(P('communes[0].members'), W.tooBig));
    n('members-minus-1e308', '{"communes":[{"name":"A","members":-1e308}]}', 'members', err(P('communes[0].members'), W.negative));
    n('members-minus-1e400', '{"communes":[{"name":"A","members":-1e400}]}', 'members', err(SYN(1), W.tooBig));
    n('members-subnormal', '{"communes":[{"name":"A","members":5e-324}]}', 'members', err(P('communes[0].members'), W.whole));
    n('members-exponent-whole', '{"communes":[{"name":"A","members":8.9E1}]}', 'members', 'ready');
    n('members-trailing-zeros', '{"communes":[{"name":"A","members":89.000}]}', 'members', 'ready');
    n('members-all-zero', '{"communes":[{"name":"A","members":0},{"name":"B","members":-0},{"name":"C","members":0}]}', 'members', 'ready');
    n('members-all-zero-sorted', '{"sort":"desc","communes":[{"name":"A","members":0},{"name":"B","members":0}]}', 'members', 'ready');
    n('members-huge-and-tiny', '{"communes":[{"name":"A","members":9007199254740991},{"name":"B","members":0},{"name":"C","members":1}]}', 'overview', 'ready');
    n('cells-zero-members-per-cell', '{"communes":[{"name":"A","members":5,"cells":0},{"name":"B","members":10,"cells":3}]}', 'members-per-cell', 'ready');
    n('cells-zero-everywhere-members-per-cell', '{"communes":[{"name":"A","members":5,"cells":0}]}', 'members-per-cell', err(P('communes'), W.nothing));
    n('members-per-cell-huge-ratio', '{"communes":[{"name":"A","members":9007199254740991,"cells":1}]}', 'members-per-cell', 'ready');
    n('areaKm2-negative', J(one({ members: 1, areaKm2: -48.93 })), 'members', err(P('communes[0].areaKm2'), W.negative));
    n('areaKm2-fraction', J(one({ members: 1, areaKm2: 48.93 })), 'members', 'ready');
    n('areaKm2-1e308', '{"communes":[{"name":"A","members":1,"areaKm2":1e308}]}', 'members', err('`communes[0].areaKm2`', 'số quá lớn'));
    n('areaKm2-1e400', '{"communes":[{"name":"A","members":1,"areaKm2":1e400}]}', 'members', err(SYN(1), W.tooBig));
    n('cellKinds-negative', J(one({ cells: 1, cellKinds: { 'Chi bộ bản': -1, 'Khác': 2 } })), 'cells', err(P('communes[0].cellKinds.Chi bộ bản'), W.negative));
    n('cellKinds-fraction', J(one({ cells: 1, cellKinds: { 'Chi bộ bản': 0.5, 'Khác': 0.5 } })), 'cells', err(P('communes[0].cellKinds.Chi bộ bản'), W.whole));
    n('cellKinds-1e308', '{"communes":[{"name":"A","cellKinds":{"Bản":1e308}}]}', 'cells', err(P('communes[0].cellKinds.Bản'), W.tooBig));
    n('cellKinds-near-limit-sum-overflows-2pow53', '{"communes":[{"name":"A","cellKinds":{"Bản":9007199254740991,"Khác":9007199254740991}}]}', 'cells', 'ready');
    n('cellKinds-zero', J(one({ cells: 0, cellKinds: { 'Chi bộ bản': 0, 'Khác': 0 } })), 'cells', 'ready');
    for (const field of ['met', 'over80', 'behind', 'total']) {
      const targets = { met: 3, over80: 3, behind: 5 };
      n(`targets-${field}-negative`, J(one({ targets: { ...targets, [field]: -1 } })), 'targets', err(P(`communes[0].targets.${field}`), W.negative));
      n(`targets-${field}-fraction`, J(one({ targets: { ...targets, [field]: 1.5 } })), 'targets', err(P(`communes[0].targets.${field}`), W.whole));
    }
    n('targets-all-zero', J({ communes: [{ name: 'A', targets: { met: 0, over80: 0, behind: 0 } }, { name: 'B', targets: { met: 1, over80: 0, behind: 0 } }] }), 'targets', 'ready');
    n('targets-all-zero-everywhere', J(one({ targets: { met: 0, over80: 0, behind: 0, total: 0 } })), 'targets', 'ready'); // zero targets counted is data (drawn as 0)
    n('targets-huge', '{"communes":[{"name":"A","targets":{"met":9007199254740991,"over80":9007199254740991,"behind":1}}]}', 'targets', 'ready');
    n('targets-2pow53-minus-1-in-one-group', '{"communes":[{"name":"A","targets":{"met":9007199254740991,"over80":0,"behind":0}}]}', 'targets', 'ready');
    const ind = (extra) => J({ indicators: [{ name: 'Diện tích', ...extra }, { name: 'Rừng', value: 411, percentOfPlan: 102 }] });
    n('indicator-value-negative', ind({ value: -5, percentOfPlan: 99 }), 'indicators', err(P('indicators[0].value'), W.negative));
    n('indicator-percent-negative', ind({ percentOfPlan: -0.1 }), 'indicators', err(P('indicators[0].percentOfPlan'), W.negative));
    n('indicator-percent-zero', ind({ percentOfPlan: 0 }), 'indicators', 'ready');
    n('indicator-percent-minus-zero', '{"indicators":[{"name":"A","percentOfPlan":-0}]}', 'indicators', 'ready');
    n('indicator-percent-fraction-of-one', ind({ percentOfPlan: 0.997 }), 'indicators', 'ready');
    n('indicator-percent-huge', '{"indicators":[{"name":"A","percentOfPlan":1e15},{"name":"B","percentOfPlan":50}]}', 'indicators', err('`indicators[0].percentOfPlan`', 'số quá lớn'));
    n('indicator-percent-large-but-ok', '{"indicators":[{"name":"A","percentOfPlan":1e14},{"name":"B","percentOfPlan":50}]}', 'indicators', 'ready');
    n('indicator-percent-1e308', '{"indicators":[{"name":"A","percentOfPlan":1e308},{"name":"B","percentOfPlan":50}]}', 'indicators', err('`indicators[0].percentOfPlan`', 'số quá lớn'));
    n('indicator-percent-max-double', '{"indicators":[{"name":"A","percentOfPlan":1.7976931348623157e308}]}', 'indicators', err('`indicators[0].percentOfPlan`', 'số quá lớn'));
    n('indicator-percent-tiny', '{"indicators":[{"name":"A","percentOfPlan":5e-324}]}', 'indicators', 'ready');
    n('indicator-value-1e308', '{"indicators":[{"name":"A","value":1e308,"measure":"ha","percentOfPlan":100}]}', 'indicators', err('`indicators[0].value`', 'số quá lớn'));
    n('indicator-value-many-decimals', '{"indicators":[{"name":"A","value":0.123456789,"percentOfPlan":99.95}]}', 'indicators', 'ready');
    n('indicator-percent-1e400', '{"indicators":[{"name":"A","percentOfPlan":1e400}]}', 'indicators', err(SYN(1), W.tooBig));
  }

  // ---- empty: empty lists, texts and groups ---------------------------------------------------
  {
    const e = (name, json, kind, expect) => add('empty', name, json, kind, expect);
    e('empty-object', '{}', 'members', err(P('communes'), W.missing));
    e('communes-empty', '{"communes":[]}', 'members', err(P('communes'), W.emptyList));
    e('communes-empty-overview', '{"communes":[]}', '', err(P('communes'), W.emptyList));
    e('indicators-empty', '{"communes":[{"name":"A","members":1}],"indicators":[]}', 'indicators', err(P('indicators'), 'biểu đồ indicators cần'));
    e('both-empty', '{"communes":[],"indicators":[]}', 'members', err(P('communes'), W.nothing));
    e('communes-empty-indicators-given', J({ communes: [], indicators: SEED.indicators }), 'indicators', 'ready');
    e('no-communes-indicators-given-members', J({ indicators: SEED.indicators }), 'members', err(P('communes'), W.nothing));
    e('commune-empty-object', '{"communes":[{}]}', 'members', err(P('communes[0].name'), W.missing));
    e('indicator-empty-object', '{"indicators":[{}]}', 'indicators', err(P('indicators[0].name'), W.missing));
    e('name-empty', J(one({ members: 1, name: '' })), 'members', err(P('communes[0].name'), W.empty));
    e('name-spaces', J(one({ members: 1, name: '   ' })), 'members', err(P('communes[0].name'), W.empty));
    e('name-nbsp-and-ideographic-space', J(one({ members: 1, name: '\u00a0\u3000\u2003' })), 'members', err(P('communes[0].name'), W.empty));
    e('indicator-name-empty', '{"indicators":[{"name":"","percentOfPlan":50}]}', 'indicators', err(P('indicators[0].name'), W.empty));
    e('empty-texts-are-dropped', J({ title: '', subtitle: ' ', source: '', note: '\t', communes: [{ name: 'A', members: 1, district: '', province: '' }] }), 'members', 'ready');
    e('cellKinds-empty', J(one({ cells: 3, cellKinds: {} })), 'cells', 'ready');
    e('cellKinds-empty-no-cells', J({ communes: [{ name: 'A', cellKinds: {} }, { name: 'B', cells: 2 }] }), 'cells', 'ready');
    e('targets-empty', J(one({ targets: {} })), 'targets', err(P('communes[0].targets.met'), W.missing));
    e('targets-missing-group', J(one({ targets: { met: 1, behind: 3 } })), 'targets', err(P('communes[0].targets.over80'), W.missing));
    e('only-names', J({ communes: [{ name: 'A' }, { name: 'B' }] }), 'overview', err(P('communes'), W.nothing));
    e('only-names-members', J({ communes: [{ name: 'A' }, { name: 'B' }] }), 'members', err(P('communes'), W.nothing));
  }

  // ---- limits: the 10,000-commune, 1,000-character, 1,000-indicator and 5 MB limits ----------
  {
    const L = 'limits';
    const doc = '{"communes":[{{COMMUNES}}]}';
    gen(L, '10000-communes-members', { template: doc, communes: 10000 }, 'members', 'ready');
    gen(L, '10000-communes-overview', { template: doc, communes: 10000 }, 'overview', 'ready', { browser: { skip: 'one 10,000-commune chart is drawn in the browser (members); the overview is checked natively' } });
    gen(L, '10000-communes-targets-sorted', { template: '{"sort":"desc","communes":[{{COMMUNES}}]}', communes: 10000 }, 'targets', 'ready', { browser: { skip: 'one 10,000-commune chart is drawn in the browser (members)' } });
    gen(L, '10001-communes', { template: doc, communes: 10001 }, 'members', err(P('communes'), W.tooMany, '10.001', 'tối đa 10.000'));
    gen(L, '50000-communes', { template: doc, communes: 50000 }, 'members', err(P('communes'), W.tooMany, '50.000', 'tối đa 10.000'));
    gen(L, '1000-indicators', { template: '{"indicators":[{{INDICATORS}}]}', indicators: 1000 }, 'indicators', 'ready');
    gen(L, '1001-indicators', { template: '{"indicators":[{{INDICATORS}}]}', indicators: 1001 }, 'indicators', err(P('indicators'), W.tooMany, '1.001', 'tối đa 1.000'));
    const nameDoc = '{"communes":[{"name":"{{R0}}","members":89},{"name":"Pa Vây Sử","members":86}]}';
    gen(L, 'name-1000-ascii', { template: nameDoc, repeat: [{ text: 'a', count: 1000 }] }, 'members', 'ready');
    gen(L, 'name-1000-vietnamese', { template: nameDoc, repeat: [{ text: 'ồ', count: 1000 }] }, 'members', 'ready');
    gen(L, 'name-1000-wide', { template: nameDoc, repeat: [{ text: '北', count: 1000 }] }, 'overview', 'ready');
    gen(L, 'name-1000-emoji', { template: nameDoc, repeat: [{ text: '🇻', count: 1000 }] }, 'members', 'ready');
    gen(L, 'name-1001-ascii', { template: nameDoc, repeat: [{ text: 'a', count: 1001 }] }, 'members', err(P('communes[0].name'), W.tooLong, '1.001', 'tối đa 1.000'));
    gen(L, 'name-1001-vietnamese', { template: nameDoc, repeat: [{ text: 'ồ', count: 1001 }] }, 'members', err(P('communes[0].name'), W.tooLong, '1.001'));
    gen(L, 'name-1001-decomposed', { template: nameDoc, repeat: [{ text: 'ồ'.normalize('NFD'), count: 1001 }] }, 'members', err(P('communes[0].name'), W.tooLong));
    gen(L, 'name-200KB', { template: nameDoc, repeat: [{ text: 'Mồ Sì San ', count: 16000 }] }, 'members', err(P('communes[0].name'), W.tooLong, '160.000'));
    gen(L, 'name-1000-spaces-around-a-letter', { template: nameDoc.replace('{{R0}}', '{{R0}}A{{R1}}'), repeat: [{ text: ' ', count: 499 }, { text: ' ', count: 500 }] }, 'members', 'ready');
    for (const field of ['title', 'subtitle', 'source', 'note']) {
      const t = `{"${field}":"{{R0}}","communes":[{"name":"A","members":1}]}`;
      gen(L, `${field}-1000`, { template: t, repeat: [{ text: 'Đảng bộ ', count: 125 }] }, 'members', 'ready');
      gen(L, `${field}-1001`, { template: t.replace('{{R0}}', '{{R0}}{{R1}}'), repeat: [{ text: 'Đảng bộ ', count: 125 }, { text: 'ồ', count: 1 }] }, 'members', err(P(field), W.tooLong, '1.001'));
    }
    gen(L, 'title-1001-then-x', { template: '{"title":"{{R0}}x","communes":[{"name":"A","members":1}]}', repeat: [{ text: 'Đảng bộ ', count: 125 }] }, 'members', err(P('title'), W.tooLong, '1.001'));
    gen(L, 'district-200KB', { template: '{"communes":[{"name":"A","members":1,"district":"{{R0}}"}]}', repeat: [{ text: 'x', count: 204800 }] }, 'members', err(P('communes[0].district'), W.tooLong));
    gen(L, 'indicator-name-1001', { template: '{"indicators":[{"name":"{{R0}}","percentOfPlan":50}]}', repeat: [{ text: 'ạ', count: 1001 }] }, 'indicators', err(P('indicators[0].name'), W.tooLong));
    gen(L, 'indicator-measure-1001', { template: '{"indicators":[{"name":"A","measure":"{{R0}}","percentOfPlan":50}]}', repeat: [{ text: 'm', count: 1001 }] }, 'indicators', err(P('indicators[0].measure'), W.tooLong));
    gen(L, 'cellKinds-key-1000', { template: '{"communes":[{"name":"A","cellKinds":{"{{R0}}":3}}]}', repeat: [{ text: 'b', count: 1000 }] }, 'cells', 'ready');
    gen(L, 'cellKinds-key-1001', { template: '{"communes":[{"name":"A","cellKinds":{"{{R0}}":3}}]}', repeat: [{ text: 'b', count: 1001 }] }, 'cells', err('communes[0].cellKinds', W.tooLong));
    gen(L, 'cellKinds-key-200KB', { template: '{"communes":[{"name":"A","cellKinds":{"{{R0}}":3}}]}', repeat: [{ text: 'Chi bộ ', count: 29000 }] }, 'cells', err('communes[0].cellKinds', W.tooLong));
    gen(L, 'unknown-field-name-200KB', { template: '{"communes":[{"name":"A","members":1,"{{R0}}":1}]}', repeat: [{ text: 'z', count: 204800 }] }, 'members', err('communes[0].zzzz', 'không có trường'));
    gen(L, 'json-exactly-5MiB', { template: '{"communes":[{"name":"A","members":1}]}{{PAD}}', padTo: 5 * 1024 * 1024 }, 'members', 'ready');
    gen(L, 'json-exactly-5MiB-after-bom', { template: '\ufeff{"communes":[{"name":"A","members":1}]}{{PAD}}', padTo: 5 * 1024 * 1024 + 3 }, 'members', 'ready');
    gen(L, 'json-5MiB-plus-1', { template: '{"communes":[{"name":"A","members":1}]}{{PAD}}', padTo: 5 * 1024 * 1024 + 1 }, 'members', err(W.tooLarge, '(5.242.881 byte)', 'tối đa 5.242.880 byte (5 MB)'));
    gen(L, 'json-6MB-of-note', { template: '{"note":"{{R0}}","communes":[{"name":"A","members":1}]}', repeat: [{ text: 'Ghi chú ', count: 700000 }] }, 'members', err(W.tooLarge, 'tối đa 5.242.880 byte (5 MB)'));
    gen(L, 'json-5MiB-plus-1-broken-too', { template: '{"communes":[{"name":"A","members":1},]}{{PAD}}', padTo: 5 * 1024 * 1024 + 1 }, 'members', err(W.tooLarge));
    gen(L, 'depth-10000-arrays', { template: '{"communes":{{R0}}{{R1}}}', repeat: [{ text: '[', count: 10000 }, { text: ']', count: 10000 }] }, 'members', err(SYN(1)));
    gen(L, 'depth-10000-objects', { template: '{"communes":[{"name":"A","members":1}],"x":{{R0}}1{{R1}}}', repeat: [{ text: '{"a":', count: 10000 }, { text: '}', count: 10000 }] }, 'members', err(SYN(1)));
    gen(L, 'depth-10000-unclosed', { template: '{{R0}}', repeat: [{ text: '[{"a":', count: 10000 }] }, 'members', err(SYN(1)));
    gen(L, 'depth-100000-arrays', { template: '{{R0}}', repeat: [{ text: '[', count: 100000 }] }, 'members', err(SYN(1)));
    gen(L, 'depth-100-in-unknown-field', { template: '{"communes":[{"name":"A","members":1}],"junk":{{R0}}{{R1}}}', repeat: [{ text: '[', count: 100 }, { text: ']', count: 100 }] }, 'members', err(P('junk'), 'không có trường "junk"'));
    gen(L, 'depth-100-as-members', { template: '{"communes":[{"name":"A","members":{{R0}}1{{R1}}}]}', repeat: [{ text: '[', count: 100 }, { text: ']', count: 100 }] }, 'members', err(P('communes[0].members'), T.num, '[[[[[[['));
    gen(L, 'many-problems-10000', { template: '{"communes":[{{R0}}{"name":"A","members":1}]}', repeat: [{ text: '{"name":"A","members":-1},', count: 9999 }] }, 'members', err(P('communes[0].members'), W.negative));
  }

  // ---- unicode: every class in names and titles ------------------------------------------------
  {
    const u = (name, json, kind, expect) => add('unicode', name, json, kind, expect);
    const names = {
      'vietnamese-precomposed': 'Mồ Sì San',
      'vietnamese-decomposed': 'Mồ Sì San'.normalize('NFD'),
      'vietnamese-mixed-forms': 'Đức Thọ'.normalize('NFD') + ' – ' + 'Đức Thọ',
      'vietnamese-uppercase': 'XÃ ĐỨC THỌ, HUYỆN ĐỨC THỌ',
      'stacked-combining-marks': 'Z̷̢̛̛̛a̴̡̧l̶̢̛g̸̢̡o̵̢̧ x̸̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛̛',
      'combining-mark-first': '\u0301\u0300Mồ',
      'zero-width-joiner': 'Mồ\u200dSì\u200dSan',
      'zero-width-non-joiner-and-space': 'Pa\u200cVây\u200bSử\u2060',
      'only-zero-width-space': '\u200b',
      'soft-hyphen': 'Phong\u00adThổ',
      'arabic': 'قرية الأمل',
      'hebrew': 'כפר הירדן',
      'rtl-mixed-with-numbers': 'Xã قرية 12 כפר 3',
      'right-to-left-override': '\u202eMồ Sì San\u202c',
      'bidi-isolates': '\u2067قرية\u2069 Mồ \u2066Sì\u2069',
      'emoji': 'Xã 👍 🎉',
      'emoji-flag': '🇻🇳 Việt Nam',
      'emoji-zwj-family': '👨‍👩‍👧‍👦 Gia đình',
      'emoji-skin-tone-and-keycap': '👍🏽 1️⃣ ❤️',
      'cjk': '北京市海淀区',
      'japanese-korean': 'ひらがな カタカナ 한국어',
      'thai-devanagari-khmer': 'ภาษาไทย हिन्दी ភាសាខ្មែរ',
      'lao-myanmar': 'ພາສາລາວ မြန်မာ',
      'math-and-astral': '𝕏ã 𝔖ố 𝟙𝟚',
      'replacement-character': 'Xã \ufffd\ufffd',
      'private-use': 'Xã \ue000\uf8ff',
      'noncharacters': 'Xã \ufffe\uffff\u{10ffff}',
      'line-and-paragraph-separators': 'Mồ\u2028Sì\u2029San',
      'c1-controls': 'Mồ\u0085Sì\u009bSan\u007f',
      'escaped-newline-and-tab': 'Mồ\nSì\tSan\r',
      'very-long-word': 'Xã'.padEnd(300, 'ĐứcThọ'),
    };
    const kinds = ['members', 'cells', 'overview', 'targets'];
    Object.entries(names).forEach(([name, value], i) => {
      const kind = kinds[i % kinds.length];
      u(`name-${name}`, { title: value, subtitle: value, communes: [
        { name: value, district: value, members: 89, cells: 9, cellKinds: { [value]: 4, 'Khác': 5 }, targets: { met: 3, over80: 3, behind: 5 } },
        { name: 'Pa Vây Sử', members: 86, cells: 11 },
      ] }, kind, 'ready');
    });
    u('indicators-unicode', { indicators: [
      { unit: '👨‍👩‍👧‍👦', name: 'قرية 北京 Mồ\u200dSì', measure: 'm²/ha ‰', percentOfPlan: 99.7 },
      { unit: 'Văn Lãng'.normalize('NFD'), name: '\u202eTrồng rừng', measure: '🌳', value: 411, percentOfPlan: 102 },
    ] }, 'indicators', 'ready');
    for (let c = 0; c < 32; c++) {
      const hex = c.toString(16).padStart(4, '0');
      u(`escaped-control-u${hex}-in-name`, `{"title":"T\\u${hex}T","communes":[{"name":"A\\u${hex}B","members":1,"cells":2,"cellKinds":{"K\\u${hex}":2}}]}`, c % 2 ? 'cells' : 'members', 'ready');
    }
    u('escaped-controls-in-every-text', `{"title":"${Array.from({ length: 32 }, (_, c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}","source":"\\u0000","note":"\\u001b[31mđỏ\\u001b[0m","communes":[{"name":"\\u0000","members":1}]}`, 'members', 'ready');
    u('name-only-nul', '{"communes":[{"name":"\\u0000","members":1}]}', 'members', 'ready');
    u('lone-high-surrogate', '{"communes":[{"name":"\\ud800","members":1}]}', 'members', err(SYN(1), W.escape));
    u('lone-low-surrogate', '{"communes":[{"name":"\\udfff","members":1}]}', 'members', err(SYN(1), W.escape));
    u('two-high-surrogates', '{"communes":[{"name":"\\udbff\\udbff","members":1}]}', 'members', err(SYN(1), W.escape));
    u('high-surrogate-then-letter', '{"title":"\\ud83dx","communes":[{"name":"A","members":1}]}', 'members', err(SYN(1), W.escape));
    u('reversed-surrogate-pair', '{"title":"\\ude00\\ud83d","communes":[{"name":"A","members":1}]}', 'members', err(SYN(1), W.escape));
    u('lone-surrogate-in-key', '{"communes":[{"name":"A","members":1,"\\ud800":1}]}', 'members', err(SYN(1), W.escape));
    u('escaped-surrogate-pair', '{"communes":[{"name":"\\ud83d\\ude00 \\ud83c\\uddfb\\ud83c\\uddf3","members":1}]}', 'members', 'ready');
    u('escaped-everything', `{"communes":[{"name":"${[...'Mồ Sì San'].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}","members":89}]}`, 'members', 'ready');
    u('escaped-replacement-and-bom', '{"communes":[{"name":"\\ufffd\\ufeff\\uffff","members":1}]}', 'members', 'ready');
    u('vietnamese-field-name', '{"communes":[{"tên":"Mồ Sì San","members":89}]}', 'members', err(P('communes[0].tên'), 'không có trường "tên"'));
    u('decomposed-field-name', `{"communes":[{"name":"A","membe\u0301rs":89}]}`, 'members', err('không có trường "membe\u0301rs"'));
    u('decomposed-duplicate-names', J({ communes: [{ name: 'Mồ Sì San', members: 89 }, { name: 'Mồ Sì San'.normalize('NFD'), members: 86 }] }), 'members', 'ready');
    u('unicode-in-error-value', J({ locale: '👨‍👩‍👧‍👦\u202e', communes: [{ name: 'A', members: 1 }] }), 'members', err(P('locale'), 'giá trị "👨‍👩‍👧‍👦\u202e" không hợp lệ'));
    u('wide-chars-before-syntax-error', '{"communes":[{"name":"👨‍👩‍👧‍👦北京","members":1,}]}', 'members', err(SYN(1, 46), W.trailingComma));
  }

  // ---- markup: HTML and script in every string field -----------------------------------------
  {
    const m = (name, json, kind, expect) => add('markup', name, json, kind, expect);
    PAYLOADS.forEach((p, i) => {
      m(`texts-${i}`, { title: p, subtitle: p, source: p, note: p, communes: [
        { name: p, district: p, province: p, members: 89, cells: 9, cellKinds: { [p]: 4, 'Khác': 5 }, targets: { met: 3, over80: 3, behind: 5 } },
        { name: 'Pa Vây Sử', members: 86, cells: 11, targets: { met: 13, over80: 8, behind: 10 } },
      ], indicators: [{ unit: p, name: p, measure: p, value: 5755, percentOfPlan: 99.7 }, { unit: 'Văn Lãng', name: 'B', percentOfPlan: 102 }] },
      KINDS[i % KINDS.length], 'ready');
    });
    for (const field of ['title', 'subtitle', 'source', 'note']) {
      m(`${field}-only`, { [field]: PAYLOADS[0], communes: [{ name: 'A', members: 1 }] }, 'members', 'ready');
    }
    for (const field of ['name', 'district', 'province']) {
      m(`commune-${field}`, { communes: [{ name: 'A', members: 1, cells: 1, [field]: PAYLOADS[1] }] }, 'overview', 'ready');
    }
    m('cellKinds-key', one({ cells: 9, cellKinds: { [PAYLOADS[0]]: 4, [PAYLOADS[1]]: 5 } }), 'cells', 'ready');
    for (const field of ['unit', 'name', 'measure']) {
      m(`indicator-${field}`, { indicators: [{ name: 'A', percentOfPlan: 50, value: 1, [field]: PAYLOADS[2] }] }, 'indicators', 'ready');
    }
    for (const field of ['locale', 'sort']) {
      PAYLOADS.slice(0, 3).forEach((p, i) => {
        m(`${field}-value-${i}`, { [field]: p, communes: [{ name: 'A', members: 1 }] }, 'members', err(P(field), `giá trị "${p}" không hợp lệ`));
      });
    }
    PAYLOADS.slice(0, 3).forEach((p, i) => {
      m(`chart-value-${i}`, { chart: p, communes: [{ name: 'A', members: 1 }] }, '', err(P('chart'), `không có loại biểu đồ "${p}"`));
      m(`kind-attribute-${i}`, VALID, p, err(P('data-commune-chart'), `không có loại biểu đồ "${p}"`));
      m(`unknown-field-${i}`, { communes: [{ name: 'A', members: 1, [p]: 1 }] }, 'members', err(`không có trường "${p}"`));
      m(`wrong-type-text-${i}`, { communes: [{ name: 'A', members: p }] }, 'members', err(P('communes[0].members'), `("${p.replace(/"/g, '\\"').slice(0, 38)}`));
      m(`cellKinds-key-wrong-value-${i}`, { communes: [{ name: 'A', cellKinds: { [p]: 'x' } }] }, 'cells', err(P(`communes[0].cellKinds.${p}`)));
      m(`in-syntax-excerpt-${i}`, `{"title": ${J(p)} x, "communes": []}`, 'members', err(SYN(1), J(p)));
    });
    m('document-is-html', '<!doctype html><html><body><img src=x onerror="window.__pwned=1"></body></html>', 'members', err(SYN(1, 1), W.value, '<img src=x onerror'));
    m('proto-keys', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"communes":[{"name":"A","members":1}]}', 'members', err(P('__proto__'), P('constructor')));
    m('proto-cellKinds', '{"communes":[{"name":"__proto__","cells":3,"cellKinds":{"__proto__":1,"constructor":1,"toString":1}}]}', 'cells', 'ready');
  }

  // ---- duplicates: the same key twice --------------------------------------------------------
  {
    const d = (name, json, kind, expect) => add('duplicates', name, json, kind, expect);
    d('duplicate-members', '{"communes":[{"name":"A","members":1,"members":2}]}', 'members', 'ready');
    d('duplicate-name', '{"communes":[{"name":"A","name":"B","members":1}]}', 'members', 'ready');
    d('duplicate-communes', '{"communes":[{"name":"A","members":1}],"communes":[{"name":"B","members":2}]}', 'members', 'ready');
    d('duplicate-invalid-then-valid', '{"communes":[{"name":"A","members":-1,"members":2}]}', 'members', 'ready');
    d('duplicate-valid-then-invalid', '{"communes":[{"name":"A","members":2,"members":-1}]}', 'members', err(P('communes[0].members'), W.negative));
    d('duplicate-title', '{"title":"A","title":"B","communes":[{"name":"A","members":1}]}', 'members', 'ready');
    d('duplicate-targets-key', '{"communes":[{"name":"A","targets":{"met":1,"met":2,"over80":0,"behind":0,"total":2}}]}', 'targets', 'ready');
    d('duplicate-cellKinds-key', '{"communes":[{"name":"A","cells":9,"cellKinds":{"Bản":4,"Bản":5}}]}', 'cells', err(P('communes[0].cellKinds')));
    d('duplicate-commune-names', J({ communes: [{ name: 'Mồ Sì San', members: 89 }, { name: 'Mồ Sì San', members: 86 }, { name: ' mồ sì san ', members: 1 }] }), 'members', 'ready');
    d('duplicate-indicator-names', J({ indicators: [{ name: 'A', percentOfPlan: 1 }, { name: 'A', percentOfPlan: 2 }] }), 'indicators', 'ready');
    d('duplicate-unknown-keys', '{"communes":[{"name":"A","members":1,"x":1,"x":2}]}', 'members', err(P('communes[0].x')));
  }

  // ---- unknown fields at every level ----------------------------------------------------------
  {
    const k = (name, json, kind, expect) => add('unknown-fields', name, json, kind, expect);
    k('document-typo', { titel: 'A', communes: [{ name: 'A', members: 1 }] }, 'members', unknownField('titel', 'titel', 'title'));
    k('document-case', { Communes: [{ name: 'A', members: 1 }] }, 'members', unknownField('Communes', 'Communes', 'communes'));
    k('document-no-suggestion', { colour: 'red', communes: [{ name: 'A', members: 1 }] }, 'members', unknownField('colour', 'colour'));
    k('document-data-wrapper', { data: { communes: [{ name: 'A', members: 1 }] } }, 'members', unknownField('data', 'data'));
    k('document-version', { version: 1, communes: [{ name: 'A', members: 1 }] }, 'members', unknownField('version', 'version'));
    k('commune-typo', one({ member: 89 }), 'members', unknownField('communes[0].member', 'member', 'members'));
    k('commune-case', one({ Cells: 9 }), 'cells', unknownField('communes[0].Cells', 'Cells', 'cells'));
    k('commune-swap', one({ nmae: 'A', members: 1 }), 'members', unknownField('communes[0].nmae', 'nmae', 'name'));
    k('commune-vietnamese', one({ members: 1, huyen: 'Phong Thổ' }), 'members', unknownField('communes[0].huyen', 'huyen'));
    k('commune-snake-case', one({ members: 1, area_km2: 48.93 }), 'members', unknownField('communes[0].area_km2', 'area_km2'));
    k('commune-cellkinds-lowercase', one({ cells: 9, cellkinds: { A: 9 } }), 'cells', unknownField('communes[0].cellkinds', 'cellkinds', 'cellKinds'));
    k('commune-second', { communes: [{ name: 'A', members: 1 }, { name: 'B', membres: 2 }] }, 'members', unknownField('communes[1].membres', 'membres', 'members'));
    k('targets-typo', one({ targets: { met: 1, over_80: 2, behind: 3 } }), 'targets', err(P('communes[0].targets.over_80'), 'không có trường "over_80"'));
    k('targets-extra', one({ targets: { met: 1, over80: 2, behind: 3, percent: 50 } }), 'targets', unknownField('communes[0].targets.percent', 'percent'));
    k('indicator-typo', { indicators: [{ name: 'A', percentOfplan: 99 }] }, 'indicators', unknownField('indicators[0].percentOfplan', 'percentOfplan', 'percentOfPlan'));
    k('indicator-extra', { indicators: [{ name: 'A', percentOfPlan: 99, year: 2025 }] }, 'indicators', unknownField('indicators[0].year', 'year'));
    k('schema-in-commune', one({ members: 1, $schema: 'x' }), 'members', unknownField('communes[0].$schema', '$schema'));
    k('empty-key', '{"communes":[{"name":"A","members":1,"":1}]}', 'members', err(P('communes[0].'), 'không có trường ""'));
    k('whitespace-key', '{" communes ":[{"name":"A","members":1}]}', 'members', err('không có trường " communes "'));
    k('many-unknown-fields', one({ members: 1, a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6, a7: 7, a8: 8, a9: 9, a10: 10 }), 'members', err(P('communes[0].a1'), P('communes[0].a6')));
    k('unknown-and-wrong-type', one({ members: 'x', colour: 1 }), 'members', err(P('communes[0].colour'), P('communes[0].members')));
    k('unknown-at-every-level', { extra: 1, communes: [{ name: 'A', extra: 1, targets: { met: 1, over80: 1, behind: 1, extra: 1 } }], indicators: [{ name: 'B', extra: 1 }] }, 'members',
      err(P('extra'), P('communes[0].extra'), P('communes[0].targets.extra'), P('indicators[0].extra')));
  }

  // ---- BOM and $schema ------------------------------------------------------------------------
  {
    const b = (name, json, kind, expect, more) => add('bom-schema', name, json, kind, expect, more);
    b('bom-then-json', `\ufeff${VALID}`, 'members', 'ready');
    b('bom-then-whitespace', `\ufeff \n ${VALID}`, 'members', 'ready');
    b('bom-twice', `\ufeff\ufeff${VALID}`, 'members', err(SYN(1, 1), W.value));
    b('bom-only', '\ufeff', 'members', err(SYN(1), W.end));
    b('bom-after-whitespace', ` \ufeff${VALID}`, 'members', err(SYN(1, 2), W.value));
    b('bom-inside-name', J(one({ name: 'Mồ\ufeffSì', members: 1 })), 'members', 'ready');
    b('schema-url', { $schema: 'https://example.org/commune-charts.schema.json', communes: [{ name: 'A', members: 1 }] }, 'members', 'ready');
    b('schema-relative', { $schema: './commune-charts.schema.json', ...SEED }, 'overview', 'ready');
    b('schema-null', { $schema: null, communes: [{ name: 'A', members: 1 }] }, 'members', 'ready');
    b('schema-number', { $schema: 5, communes: [{ name: 'A', members: 1 }] }, 'members', 'ready');
    b('schema-markup', { $schema: PAYLOADS[0], communes: [{ name: 'A', members: 1 }] }, 'members', 'ready');
  }

  // ---- null for every optional field ----------------------------------------------------------
  {
    const z = (name, json, kind, expect) => add('nulls', name, json, kind, expect);
    for (const field of ['title', 'subtitle', 'source', 'note', 'locale', 'chart', 'sort']) {
      z(`document-${field}`, { ...SEED, [field]: null }, 'overview', 'ready');
    }
    z('document-indicators', { ...SEED, indicators: null }, 'members', 'ready');
    z('document-communes-with-indicators', { communes: null, indicators: SEED.indicators }, 'indicators', 'ready');
    z('document-communes-alone', { communes: null }, 'members', err(P('communes'), W.missing));
    for (const field of ['district', 'province', 'members', 'cells', 'cellKinds', 'targets', 'population', 'areaKm2']) {
      z(`commune-${field}`, seedWith((d) => { d.communes[0][field] = null; }), 'overview', 'ready');
    }
    z('commune-everything-but-name', { communes: [{ name: 'A', district: null, province: null, members: null, cells: null, cellKinds: null, targets: null, population: null, areaKm2: null }, { name: 'B', members: 1 }] }, 'overview', 'ready');
    z('commune-name', { communes: [{ name: null, members: 1 }] }, 'members', err(P('communes[0].name'), W.missing));
    z('cellKinds-value', one({ cells: 9, cellKinds: { 'Chi bộ bản': null, 'Khác': 9 } }), 'cells', 'ready');
    z('targets-total', one({ targets: { met: 1, over80: 2, behind: 3, total: null } }), 'targets', 'ready');
    z('targets-met', one({ targets: { met: null, over80: 2, behind: 3 } }), 'targets', err(P('communes[0].targets.met'), W.missing));
    for (const field of ['unit', 'value', 'measure']) {
      z(`indicator-${field}`, { indicators: [{ unit: 'U', name: 'A', value: 1, measure: 'ha', percentOfPlan: 50, [field]: null }] }, 'indicators', 'ready');
    }
    z('indicator-percentOfPlan', { indicators: [{ name: 'A', percentOfPlan: null }, { name: 'B', percentOfPlan: 50 }] }, 'indicators', 'ready');
    z('indicator-percentOfPlan-everywhere', { indicators: [{ name: 'A', value: 5, percentOfPlan: null }] }, 'indicators', err(P('indicators'), 'biểu đồ indicators cần'));
    z('indicator-name', { indicators: [{ name: null, percentOfPlan: 50 }] }, 'indicators', err(P('indicators[0].name'), W.missing));
  }

  // ---- sums: cellKinds and targets off by one -------------------------------------------------
  {
    const s = (name, json, kind, expect) => add('sums', name, json, kind, expect);
    s('cellKinds-one-short', one({ cells: 9, cellKinds: { 'Chi bộ bản': 4, 'Khác': 4 } }), 'cells', err(P('communes[0].cellKinds'), 'các số cộng lại bằng 8, nhưng "cells" là 9'));
    s('cellKinds-one-over', one({ cells: 9, cellKinds: { 'Chi bộ bản': 5, 'Khác': 5 } }), 'cells', err(P('communes[0].cellKinds'), 'các số cộng lại bằng 10, nhưng "cells" là 9'));
    s('cellKinds-exact', one({ cells: 9, cellKinds: { 'Chi bộ bản': 4, 'Khác': 5 } }), 'cells', 'ready');
    s('cellKinds-without-cells', one({ cellKinds: { 'Chi bộ bản': 4, 'Khác': 5 } }), 'cells', 'ready');
    s('cellKinds-big-numbers-one-short', one({ cells: 10000000, cellKinds: { A: 5000000, B: 4999999 } }), 'cells', err(P('communes[0].cellKinds'), '9.999.999', '10.000.000'));
    s('cellKinds-second-commune', { communes: [{ name: 'A', cells: 2, cellKinds: { X: 2 } }, { name: 'B', cells: 3, cellKinds: { X: 1, Y: 1 } }] }, 'cells', err(P('communes[1].cellKinds'), W.sum));
    s('targets-total-one-over', one({ targets: { met: 3, over80: 3, behind: 5, total: 12 } }), 'targets', err(P('communes[0].targets.total'), 'các số cộng lại bằng 11, nhưng "total" là 12'));
    s('targets-total-one-short', one({ targets: { met: 3, over80: 3, behind: 5, total: 10 } }), 'targets', err(P('communes[0].targets.total'), 'các số cộng lại bằng 11, nhưng "total" là 10'));
    s('targets-total-exact', one({ targets: { met: 3, over80: 3, behind: 5, total: 11 } }), 'targets', 'ready');
    s('targets-total-zero', one({ targets: { met: 0, over80: 0, behind: 1, total: 0 } }), 'targets', err(P('communes[0].targets.total'), W.sum));
    s('both-sums-wrong', one({ cells: 2, cellKinds: { A: 1 }, targets: { met: 1, over80: 1, behind: 1, total: 4 } }), 'overview',
      err(P('communes[0].cellKinds'), P('communes[0].targets.total')));
  }

  // ---- kinds: every chart kind over data that has, or lacks, what it draws --------------------
  {
    const docs = {
      seed: J(SEED),
      'members-only': J({ communes: [{ name: 'Mồ Sì San', members: 89 }, { name: 'Đức Thọ', members: 2989 }] }),
      'cells-only': J({ communes: [{ name: 'Mồ Sì San', cells: 9, cellKinds: { 'Chi bộ bản': 4, 'Khác': 5 } }, { name: 'Đức Thọ', cells: 77 }] }),
      'targets-only': J({ communes: [{ name: 'Mồ Sì San', targets: { met: 3, over80: 3, behind: 5 } }, { name: 'Pa Vây Sử', targets: { met: 13, over80: 8, behind: 10, total: 31 } }] }),
      'indicators-only': J({ indicators: SEED.indicators }),
      'sparse-sorted-en': J({ locale: 'en', sort: 'asc', communes: [{ name: 'A' }, { name: 'B', members: 5, cells: 2 }, { name: 'C', targets: { met: 1, over80: 0, behind: 0 } }, { name: 'D', members: 0, cells: 0 }], indicators: [{ name: 'X' }, { name: 'Y', percentOfPlan: 120 }] }),
    };
    const nothing = {
      members: err(P('communes'), 'không xã nào có trường "members"'),
      cells: err(P('communes'), 'không xã nào có trường "cells"'),
      'members-per-cell': err(P('communes'), 'không xã nào có cả "members" và "cells"'),
      targets: err(P('communes'), 'không xã nào có trường "targets"'),
      indicators: err(P('indicators'), 'biểu đồ indicators cần'),
      overview: err(P('communes'), 'không xã nào có "members", "cells" hoặc "targets"'),
    };
    const draws = {
      seed: KINDS,
      'members-only': ['members', 'overview'],
      'cells-only': ['cells', 'overview'],
      'targets-only': ['targets', 'overview'],
      'indicators-only': ['indicators'],
      'sparse-sorted-en': KINDS,
    };
    for (const [docName, json] of Object.entries(docs)) {
      for (const kind of KINDS) {
        const ok = draws[docName].includes(kind);
        let expect = ok ? 'ready' : nothing[kind];
        add('kinds', `${docName}-${kind}`, json, kind, expect);
      }
    }
    const k = (name, json, kind, expect) => add('kinds', name, json, kind, expect);
    k('seed-empty-attribute-overview', docs.seed, '', 'ready');
    k('data-chart-field-used', J({ ...SEED, chart: 'targets' }), '', 'ready');
    k('data-chart-field-lacking', J({ chart: 'targets', communes: [{ name: 'A', members: 1 }] }), '', nothing.targets);
    k('attribute-wins-over-data-chart', J({ ...SEED, chart: 'indicators' }), 'members', 'ready');
    k('attribute-padded', VALID, '  members\n', 'ready');
    k('attribute-uppercase', VALID, 'MEMBERS', err(P('data-commune-chart'), 'không có loại biểu đồ "MEMBERS"'));
    k('attribute-singular', VALID, 'member', err(P('data-commune-chart'), 'không có loại biểu đồ "member"'));
    k('attribute-nul', VALID, '\u0000', err(P('data-commune-chart'), W.unknownKind));
    k('attribute-1200-chars', VALID, 'm'.repeat(1200), err(P('data-commune-chart'), W.unknownKind));
    k('data-chart-unknown', J({ chart: 'pie', communes: [{ name: 'A', members: 1 }] }), 'members', err(P('chart'), 'không có loại biểu đồ "pie"'));
    k('data-chart-padded', J({ chart: ' cells ', communes: [{ name: 'A', cells: 1 }] }), '', 'ready');
    k('locale-en', J({ ...SEED, locale: 'en' }), 'overview', 'ready');
    k('locale-en-gb', J({ ...SEED, locale: 'en-GB' }), 'members', 'ready');
    k('locale-unknown', J({ ...SEED, locale: 'fr' }), 'members', err(P('locale'), 'giá trị "fr" không hợp lệ; dùng một trong: vi, en'));
    k('locale-en-errors-in-english', J({ locale: 'en', communes: [{ name: 'A', members: -1 }] }), 'members', err(P('communes[0].members'), 'must not be negative'));
    k('locale-en-syntax-error-in-english', '{"locale": "en", "communes": [{"name": "A", "members": 1},]}', 'members', err('JSON syntax error at line 1, column 59', 'extra comma'));
    k('sort-asc', J({ ...SEED, sort: 'asc' }), 'overview', 'ready');
    k('sort-desc-indicators', J({ ...SEED, sort: 'desc' }), 'indicators', 'ready');
    k('sort-unknown', J({ ...SEED, sort: 'descending' }), 'members', err(P('sort'), 'giá trị "descending" không hợp lệ; dùng một trong: none, asc, desc'));
    k('sort-padded', J({ ...SEED, sort: ' desc ' }), 'targets', 'ready');
  }

  // ---- encoding: raw bytes through data-src (browser only) ------------------------------------
  {
    const bytes = (name, buf, contentType, kind, expect) => cases.push({
      name: `encoding/${name}`, category: 'encoding', kind, expect,
      body: Buffer.from(buf).toString('base64'), contentType,
      native: { skip: 'bytes served through data-src: the browser decodes them' },
    });
    const utf8 = (s) => Buffer.from(s, 'utf8');
    const cat = (...parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? utf8(p) : Buffer.from(p))));
    const json = '{"communes":[{"name":"Mồ Sì San","members":89},{"name":"Pa Vây Sử","members":86}]}';
    bytes('utf8', utf8(json), 'application/json', 'members', 'ready');
    bytes('utf8-bom', cat([0xef, 0xbb, 0xbf], json), 'application/json', 'members', 'ready');
    bytes('utf8-served-as-text-plain', utf8(json), 'text/plain', 'members', 'ready');
    bytes('invalid-byte-in-name', cat('{"communes":[{"name":"X', [0xe3], ' A","members":1}]}'), 'application/json', 'members', 'ready');
    bytes('latin1-vietnamese-name', cat('{"communes":[{"name":"', [0x4d, 0xf4, 0x20, 0x53, 0xec, 0x20, 0x53, 0x61, 0x6e], '","members":89}]}'), 'application/json; charset=iso-8859-1', 'members', 'ready');
    bytes('overlong-and-surrogate-utf8', cat('{"communes":[{"name":"', [0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80], '","members":1}]}'), 'application/json', 'members', 'ready');
    bytes('invalid-byte-after-document', cat(json, [0xff]), 'application/json', 'members', err(SYN(1), W.trailingChars));
    bytes('invalid-byte-as-value', cat('{"communes":[{"name":"A","members":', [0xff], '}]}'), 'application/json', 'members', err(SYN(1, 36), W.value));
    bytes('invalid-byte-before-document', cat([0xfe], json), 'application/json', 'members', err(SYN(1, 1), W.value));
    bytes('utf16le-with-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), 'application/json', 'members', err(SYN(1, 1)));
    bytes('utf16le-without-bom', Buffer.from(json, 'utf16le'), 'application/json', 'members', err(SYN(1)));
    bytes('utf16be-with-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()]), 'application/json', 'members', err(SYN(1, 1)));
    bytes('utf16le-declared-charset', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), 'application/json; charset=utf-16', 'members', err(SYN(1, 1)));
    bytes('nul-bytes', cat(json.slice(0, 20), [0, 0, 0], json.slice(20)), 'application/json', 'members', err(SYN(1)));
    // An empty file says so and names it, like every other data-src failure ({{SRC}}: the
    // data-src as written); "add a data-src" would send the journalist the wrong way.
    bytes('empty-200-body', Buffer.alloc(0), 'application/json', 'members', err('{{SRC}}'));
    bytes('whitespace-200-body', utf8(' \r\n\t '), 'application/json', 'members', err('{{SRC}}'));
    bytes('bom-only-200-body', Buffer.from([0xef, 0xbb, 0xbf]), 'application/json', 'members', err('{{SRC}}'));
    bytes('html-error-page', utf8('<!doctype html><title>404</title><img src=x onerror="window.__pwned=1">'), 'application/json', 'members', err('trả về một trang web (HTML)'));
    bytes('json-served-as-html', utf8(json), 'text/html; charset=utf-8', 'members', err('trả về một trang web (HTML)'));
  }

  // ---- csv: tables through data-src (contract, section 6) ----------------------------------------
  {
    const t = (name, format, table, kind, expect) => cases.push({ name: `csv/${name}`, category: 'csv', kind, expect, format, table });
    const g = (name, format, generate, kind, expect) => cases.push({ name: `csv/${name}`, category: 'csv', kind, expect, format, generate });
    const ROWS = 'Mồ Sì San,89,9\nPa Vây Sử,86,11\n';
    t('comma-english', 'csv', `name,members,cells,area (km2)\r\nMồ Sì San,"2,989",12,48.93\r\nPa Vây Sử,86,11,"1,234.5"\r\n`, 'overview', 'ready');
    t('semicolon-vietnamese-bom-title-total', 'csv', '\ufeffSố liệu;;;\r\nSTT;Tên xã;Đảng viên;Diện tích (km2)\r\n1;Mồ Sì San;2.989;48,93\r\n;Tổng cộng;2.989;48,93\r\n', 'members', 'ready');
    t('tsv', 'tsv', 'Xã\tĐảng viên\tChi bộ\tChi bộ bản\tChi bộ cơ quan\nMồ Sì San\t89\t9\t5\t4\n', 'cells', 'ready');
    t('quotes-separators-and-newlines-in-cells', 'csv', 'Xã,Đảng viên\n"Mồ Sì San, ""bản""\ncũ",89\n"Pa Vây Sử",86\n', 'members', 'ready');
    t('quote-never-closed', 'csv', `Xã,Đảng viên\n"Mồ Sì San,89\n${ROWS}`, 'members', 'ready');
    t('quote-not-at-cell-start', 'csv', 'Xã,Đảng viên\nMồ "Sì" San,89\n"Pa" Vây,86\n', 'members', 'ready');
    t('ragged-rows', 'csv', 'Xã,Đảng viên,Chi bộ\nMồ Sì San,89\nPa Vây Sử,86,11,x,y,z\n,,,\nĐức Thọ\n', 'members', 'ready');
    t('formula-as-a-count', 'csv', `Xã,Đảng viên,Chi bộ\n${ROWS}Tổng,=SUM(B2:B3),=SUM(C2:C3)\nĐức Thọ,=SUM(B2:B9),77\n`, 'members',
      err('dòng 5, cột "Đảng viên": "=SUM(B2:B9)" không phải là số'));
    t('formula-and-markup-as-names', 'csv', 'Xã,Đảng viên\n"=HYPERLINK(""javascript:alert(1)"",""x"")",1\n<img src=x onerror="window.__pwned=1">,2\n@cmd,3\n', 'members', 'ready');
    t('header-only', 'csv', 'Xã,Đảng viên\r\n', 'members', err('Bảng chỉ có hàng tên cột'));
    t('no-name-column', 'csv', 'Đảng viên,Chi bộ\n89,9\n', 'members', err('dòng 1: không thấy cột tên xã'));
    t('no-separator', 'csv', 'Mồ Sì San\nPa Vây Sử\n', 'members', err('Không thấy dấu phân cách giữa các cột'));
    t('negative-count', 'csv', 'Xã,Đảng viên\nMồ Sì San,-89\n', 'members', err('dòng 2, cột "Đảng viên": ', W.negative));
    t('decimal-count', 'csv', 'Xã;Đảng viên;Diện tích\nMồ Sì San;89,5;1,5\n', 'members', err('dòng 2, cột "Đảng viên": "89,5" được đọc là 89,5'));
    t('cell-kinds-do-not-add-up', 'csv', 'Xã,Chi bộ,Chi bộ bản,Chi bộ cơ quan\nMồ Sì San,9,5,4\nPa Vây Sử,11,5,4\n', 'cells', err('dòng 3: ', W.sum));
    t('duplicate-columns', 'csv', 'Xã,Đảng viên,Số đảng viên\nA,1,2\n', 'members', err('dòng 1, cột "Số đảng viên": cột "Đảng viên" và cột "Số đảng viên"'));
    t('nothing-to-draw', 'csv', 'Xã,Dân số\nMồ Sì San,1200\n', 'members', err(W.nothing));
    // 5 MiB: 1,350 rows with a long quoted note (separators, quotes, line breaks) in a skipped
    // column: a small chart from a big file.
    const note = `"${'Ghi chú, có dấu phẩy; ""ngoặc kép"" và\nxuống dòng. '.repeat(60)}"`;
    g('5mib-quoted-notes', 'csv', { template: 'Xã,Đảng viên,Chi bộ,Ghi chú\n{{R0}}{{PAD}}', repeat: [{ text: `Xã A,"1,234",5,${note}\n`, count: 1350 }], padTo: 5 * 1024 * 1024 }, 'members', 'ready');
    // 5 MiB of short rows: too many communes for one chart, said without reading them all.
    g('5mib-too-many-rows', 'csv', { template: 'Xã;Đảng viên\n{{R0}}{{PAD}}', repeat: [{ text: 'Xã A;1.234\n', count: 436000 }], padTo: 5 * 1024 * 1024 }, 'members',
      err('Bảng có 436.000 hàng số liệu; một biểu đồ vẽ tối đa 10.000'));
    // Quotes that never close on every row, and long runs of quotes: read in linear time.
    g('unclosed-quote-on-every-row', 'csv', { template: 'Xã,Đảng viên\n{{R0}}', repeat: [{ text: '"Xã A,1\n', count: 2000 }] }, 'members', 'ready');
    g('runs-of-quotes', 'csv', { template: 'Xã,Đảng viên\n{{R0}}', repeat: [{ text: '"""""""""" A,1\n""""""""""",2\n', count: 1000 }] }, 'members', 'ready');
  }

  const names = new Set();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    names.add(c.name);
  }
  return cases;
}

/** The manifest's exact text: one case per line, so diffs read well. */
export function manifestText() {
  const cases = buildCases();
  // The category is the name's first segment (`syntax/nan`).
  const body = cases.map(({ category, ...c }) => `    ${J(c)}`).join(',\n');
  const head = {
    about: 'Hostile-input corpus, written by tests/hostile/generate.mjs; do not edit by hand. Read by tests/hostile.rs and tests/e2e/hostile.test.mjs.',
    // This file's bytes, and the bytes between `"cases": [\n` and `\n  ]`: either changed alone
    // means the manifest is stale or was edited by hand.
    generatorHash: fnv1a64(readFileSync(GENERATOR_PATH)),
    casesHash: fnv1a64(Buffer.from(body, 'utf8')),
    count: cases.length,
  };
  return `${J(head).slice(0, -1)},\n  "cases": [\n${body}\n  ]\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = manifestText();
  writeFileSync(MANIFEST_PATH, text);
  const cases = JSON.parse(text).cases;
  const by = {};
  for (const c of cases) by[c.name.split('/')[0]] = (by[c.name.split('/')[0]] || 0) + 1;
  console.log(`${MANIFEST_PATH}: ${cases.length} cases, ${Buffer.byteLength(text)} bytes`);
  console.log(Object.entries(by).map(([k, v]) => `  ${k}: ${v}`).join('\n'));
}
