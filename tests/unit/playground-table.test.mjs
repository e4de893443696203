// Unit tests: reading a pasted table in the playground (www/playground/table.js), without a
// browser. The reader is the core's (src/table/, through the explanations module: core.js); these
// were the cases of the playground's own JavaScript reader, which the core replaced: the same
// answers, in the page's words, at the same places (UTF-16 offsets). The splitting, header and
// column-name cases are the core's own tests now (src/table/split.rs, fields.rs, tests.rs).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readTable, readNumber, documentOf } from '../../www/playground/table.js';
import { FIELDS } from '../../www/playground/fields.js';
import { withCore } from './core.mjs';

const msgs = (list) => list.map((m) => m.text);
let ask;
before(async () => { ask = await withCore(); });

test('the help’s column names are the core’s: each is read as its field', () => {
  for (const f of FIELDS) {
    for (const name of [...f.vi, ...f.en]) {
      // A table whose one column has this name (and a name column, unless it is one).
      const text = f.table === 'c'
        ? (f.key === 'name' ? `${name}\tĐảng viên\nA\t1\n` : `Xã\t${name}\nA\t1\n`)
        : (f.key === 'name' ? `${name}\tGiá trị\nA\t1\n` : `Chỉ tiêu\t${name}\nA\t1\n`);
      const p = readTable(text, 'auto');
      const col = p.columns.find((c) => c.header === name);
      assert.equal(col?.field?.key, f.key, `${name} (${f.table})`);
      assert.equal(col.field.type, f.type, name);
    }
  }
  // And nothing else: a name the help does not list is skipped.
  assert.equal(readTable('Xã\tGhi chú\nA\t1\n', 'auto').columns[1].field, null);
  assert.ok(ask, 'the core is loaded');
});

test('"Chi bộ …" columns are kinds of cells (cellKinds), not the total', () => {
  const p = readTable('Xã\tChi bộ\tChi bộ bản\tChi bộ cơ quan\nA\t5\t3\t2\nB\t4\t\t\n', 'auto');
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.items, [
    { name: 'A', cells: 5, cellKinds: { 'Chi bộ bản': 3, 'Chi bộ cơ quan': 2 } },
    { name: 'B', cells: 4 }, // empty kinds are missing: no cellKinds at all
  ]);
  assert.deepEqual(p.columns.map((c) => c.field?.key), ['name', 'cells', 'cellKinds.Chi bộ bản', 'cellKinds.Chi bộ cơ quan']);
  assert.deepEqual(p.columns[2].field, { key: 'cellKinds.Chi bộ bản', kind: 'Chi bộ bản', table: 'c', type: 'int' });
  assert.equal(readTable('Xã\tCHI BỘ TRƯỜNG HỌC\nA\t1\n', 'auto').columns[1].field.kind, 'CHI BỘ TRƯỜNG HỌC');
  assert.equal(readTable('Xã\tVillage cells\nA\t1\n', 'auto').columns[1].field, null);
  assert.equal(p.pathMap['communes[0].cellKinds.Chi bộ bản'].col, 2);
  // The same kind twice (case and diacritics aside) is an error on the second column.
  const dup = readTable('Xã\tChi bộ bản\tchi bo ban\nA\t1\t2\n', 'auto');
  assert.deepEqual(dup.errors.map((e) => [e.text, e.row, e.col]), [
    ['Cột «Chi bộ bản» và cột «chi bo ban» cùng là một loại chi bộ. Xoá bớt một cột.', 1, 2],
  ]);
});

test('the header row: title rows above it are skipped and give the title', () => {
  const text = 'Số liệu đảng viên\t\t\nhuyện Tam Đường\n\nSTT\tTên xã\tĐảng viên\n1\tBình Lư\t412\n';
  const p = readTable(text, 'auto');
  assert.equal(p.title, 'Số liệu đảng viên');
  assert.deepEqual(p.notes.map((n) => [n.text, n.row, n.start, n.end]), [
    ['Hàng 1 («Số liệu đảng viên») ở trên hàng tên cột: được đọc là tiêu đề, không phải số liệu.', 1, 0, 19],
    ['Hàng 2 («huyện Tam Đường») ở trên hàng tên cột: được đọc là tiêu đề, không phải số liệu.', 2, 20, 35],
  ]);
  assert.deepEqual(p.items, [{ name: 'Bình Lư', members: 412 }]);
  assert.deepEqual(p.rows.map((r) => r.number), [5]); // rows count the pasted lines
  // A data row first stops the search: the first row is the header, and says it looks like data.
  assert.deepEqual(msgs(readTable('Mồ Sì San\t89\t9\nĐức Thọ\t2.989\t77\n', 'auto').errors),
    ['Hàng đầu tiên phải là tên cột, ví dụ: Xã – Đảng viên – Chi bộ.']);
  // Known columns but no name column: found, and the error names the missing column.
  const noName = readTable('Bảng 1\nĐảng viên\tLoại\n89\tXã\n', 'auto');
  assert.equal(noName.title, 'Bảng 1');
  assert.deepEqual(msgs(noName.errors), ['Không thấy cột tên xã. Đặt tên cột là «Xã» (hoặc «Tên xã», «Đơn vị», «name»).']);
});

test('number style per table: chosen, else the numbers, else the column names', () => {
  const style = (text, choice = 'auto') => { const p = readTable(text, choice); return [p.style, p.styleReason, p.items]; };
  // The numbers decide, whatever the language of the column names.
  assert.deepEqual(style('Xã\tĐảng viên\tDiện tích\nA\t2,989\t48.93\n'), ['en', 'cells', [{ name: 'A', members: 2989, areaKm2: 48.93 }]]);
  assert.deepEqual(style('Name\tMembers\tArea\nA\t2.989\t48,93\n'), ['vi', 'cells', [{ name: 'A', members: 2989, areaKm2: 48.93 }]]);
  // 2.989 in a decimal column says nothing; 99,7 does.
  assert.deepEqual(style('Name\tArea\nA\t2.989\nB\t99,7\n'), ['vi', 'cells', [{ name: 'A', areaKm2: 2989 }, { name: 'B', areaKm2: 99.7 }]]);
  // More clues one way than the other.
  assert.equal(style('Xã\tĐảng viên\nA\t1.234\nB\t2.345\nC\t3,456\n')[0], 'vi');
  // Numbers that say nothing: most column names decide.
  assert.deepEqual(style('Name\tMembers\nA\t89\n'), ['en', 'headers', [{ name: 'A', members: 89 }]]);
  assert.deepEqual(style('Xã\tĐảng viên\nA\t89\n'), ['vi', 'headers', [{ name: 'A', members: 89 }]]);
  // Chosen: the clues are not asked.
  assert.deepEqual(style('Xã\tĐảng viên\nA\t1,234\n', 'en'), ['en', 'chosen', [{ name: 'A', members: 1234 }]]);
  // Text columns give no clues.
  assert.deepEqual(style('Xã\tHuyện\tĐảng viên\n1.234,5\t9,9\t89\n')[0], 'vi');
});

test('a whole-number column given a decimal says how to fix it, in either language', () => {
  const vi = readTable('Xã\tĐảng viên\nA\t1,234\n', 'vi');
  assert.deepEqual(vi.errors, [{
    text: 'Hàng 2, cột «Đảng viên»: «1,234» được đọc là 1,234, nhưng ở cột này phải là số nguyên. Nếu ý bạn là 1234, chọn «2,989 và 99.7 (kiểu Anh)» ở ô «Cách viết số».',
    row: 2, col: 1, start: 15, end: 20,
  }]);
  assert.deepEqual(vi.items, [{ name: 'A' }]);
  assert.equal(vi.rows[0].cells[1].state, 'bad');
  const en = readTable('Xã\tĐảng viên\nA\t2.5\n', 'en', 'en');
  assert.deepEqual(msgs(en.errors), ['Row 2, column «Đảng viên»: «2.5» reads as 2.5, but this column needs a whole number.']);
  const bad = readTable('Xã\tĐảng viên\tChi bộ\nMồ Sì San\t89\t9\nĐức Thọ\t2.98x\t77\n', 'auto');
  assert.deepEqual(bad.errors, [{ text: 'Hàng 3, cột «Đảng viên»: «2.98x» không phải là số', row: 3, col: 1, start: 43, end: 48 }]);
});

test('STT columns are skipped silently, Tổng cộng rows with a note, unknown columns with a note', () => {
  const text = 'STT\tTên xã\tĐảng viên\tGhi chu\n1\tA\t1.234\tx\n\tTổng cộng\t1.234\t\n';
  const p = readTable(text, 'auto');
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.items, [{ name: 'A', members: 1234 }]);
  assert.deepEqual(p.columns.map((c) => [c.header, c.field?.key ?? null, c.ignored]),
    [['STT', null, true], ['Tên xã', 'name', false], ['Đảng viên', 'members', false], ['Ghi chu', null, true]]);
  assert.deepEqual(p.notes.map((n) => [n.text, n.row, n.col]), [
    ['Cột «Ghi chu» (cột 4) không nhận ra nên bị bỏ qua.', 1, 3],
    ['Hàng 3 («Tổng cộng») trông như hàng tổng nên được bỏ qua.', 3, 1],
  ]);
  assert.deepEqual(p.rows.map((r) => [r.number, r.skipped, r.itemIndex]), [[2, null, 0], [3, 'total', undefined]]);
  assert.deepEqual(p.rows[0].cells.map((c) => c.state), ['ignored', 'ok', 'ok', 'ignored']);
  assert.equal(p.count, 1);
  for (const total of ['Total', 'TỔNG SỐ', 'Toàn huyện', 'Cộng']) {
    assert.deepEqual(readTable(`Name\tMembers\nA\t1\n${total}\t1\n`, 'auto').items, [{ name: 'A', members: 1 }], total);
  }
  assert.deepEqual(msgs(readTable('Name\tMembers\nA\t1\nTotal\t1\n', 'auto', 'en').notes), ['Row 3 («Total») looks like a total and is skipped.']);
  // A near miss gets a suggestion.
  assert.deepEqual(msgs(readTable('Xã\tDang vein\nA\t1\n', 'auto').notes), ['Cột «Dang vein» (cột 2) không nhận ra nên bị bỏ qua. Có phải ý bạn là «Đảng viên»?']);
});

test('field paths map back to cells, for the widget’s messages', () => {
  const text = 'Xã\tĐảng viên\tĐạt và vượt\nA\t89\t3\nB\t-\t\n';
  const p = readTable(text, 'auto');
  assert.deepEqual(p.pathMap, {
    'communes[0]': { row: 2, col: null },
    'communes[0].name': { row: 2, col: 0, start: 25, end: 26 },
    'communes[0].members': { row: 2, col: 1, start: 27, end: 29 },
    'communes[0].targets.met': { row: 2, col: 2, start: 30, end: 31 },
    'communes[1]': { row: 3, col: null },
    'communes[1].name': { row: 3, col: 0, start: 32, end: 33 },
    'communes[1].members': { row: 3, col: 1, start: 34, end: 35 },
    'communes[1].targets.met': { row: 3, col: 2, start: 36, end: 36 }, // the empty cell's place
  });
  for (const [path, at] of Object.entries(p.pathMap)) {
    if (at.col != null) assert.equal(text.slice(at.start, at.end), p.rows[at.row - 2].cells[at.col].raw, path);
  }
  assert.deepEqual(p.items, [{ name: 'A', members: 89, targets: { met: 3 } }, { name: 'B' }]);
  assert.deepEqual(p.rows[1].cells.map((c) => c.state), ['ok', 'missing', 'missing']);
});

test('items in the documented order; indicators tables; rows -> the JSON document', () => {
  const c = readTable('Khó đạt\tTổng số chỉ tiêu\tDân số\tXã\tĐạt và vượt\n1\t10\t5.000\tA\t5\n', 'auto');
  assert.equal(JSON.stringify(c.items), '[{"name":"A","targets":{"met":5,"behind":1,"total":10},"population":5000}]');
  assert.deepEqual(documentOf(c), { communes: c.items });

  const i = readTable('% kế hoạch\tĐơn vị\tChỉ tiêu\tGiá trị\tĐơn vị tính\n99,7%\tVăn Lãng\tTrồng rừng\t5.755\tha\n', 'auto');
  assert.equal(i.kind, 'indicators');
  assert.equal(JSON.stringify(i.items), '[{"unit":"Văn Lãng","name":"Trồng rừng","value":5755,"measure":"ha","percentOfPlan":99.7}]');
  assert.deepEqual(documentOf(i), { indicators: i.items });
  assert.deepEqual(Object.keys(i.pathMap), ['indicators[0]', 'indicators[0].percentOfPlan', 'indicators[0].unit', 'indicators[0].name', 'indicators[0].value', 'indicators[0].measure']);
  // An indicator without a name, in English.
  assert.deepEqual(msgs(readTable('Chỉ tiêu\tGiá trị\n\t5\n', 'auto', 'en').errors), ['Row 2, column «Chỉ tiêu»: the indicator has no name']);
});

test('what is wrong with the whole table', () => {
  const e = readTable('  \n\t\n', 'auto');
  assert.equal(e.empty, true);
  assert.deepEqual([e.errors, e.notes, e.columns, e.rows], [[], [], [], []]);
  assert.deepEqual(msgs(readTable('Xã\tĐảng viên\n', 'auto').errors), ['Bảng mới có hàng tên cột; hãy dán cả các hàng số liệu.']);
  assert.deepEqual(msgs(readTable('Mồ Sì San\nĐức Thọ\n', 'auto').errors),
    ['Không thấy dấu tab giữa các cột. Hãy sao chép các ô trực tiếp từ Excel hoặc Google Sheets (không sao chép qua Word).']);
  assert.deepEqual(msgs(readTable('Xã\tĐảng viên\tSố đảng viên\nA\t1\t2\n', 'auto', 'en').errors),
    ['Columns «Đảng viên» and «Số đảng viên» are both party members. Remove one.']);
  const extra = readTable('Xã\tĐảng viên\nA\t5\tx\nB\t6\t\n', 'auto');
  assert.deepEqual(extra.notes.map((n) => [n.text, n.row]), [['Hàng 2 có nhiều ô hơn hàng tên cột; các ô thừa bị bỏ qua.', 2]]);
  assert.deepEqual(extra.items, [{ name: 'A', members: 5 }, { name: 'B', members: 6 }]);
  const noName = readTable('Xã\tĐảng viên\n\t5\nB\t6\n', 'auto');
  assert.deepEqual(noName.errors, [{ text: 'Hàng 2, cột «Xã»: thiếu tên xã', row: 2, col: 0, start: 13, end: 13 }]);
  // Quoted cells with a newline are one cell, one row.
  const q = readTable('Xã\tĐảng viên\n"Mồ Sì\nSan"\t89\n', 'auto');
  assert.deepEqual(q.items, [{ name: 'Mồ Sì San', members: 89 }]);
});

test('numbers as people write them, read by the core', () => {
  const read = (raw, style) => { const r = readNumber(raw, style); return r.missing ? 'missing' : r.bad ? 'bad' : r.value; };
  assert.deepEqual(['2.989', '99,7', '1.234,5', '40\u00a0065', '99,7%', '\u22125'].map((x) => read(x, 'vi')), [2989, 99.7, 1234.5, 40065, 99.7, -5]);
  assert.deepEqual(['1,234', '99.7', '2.989'].map((x) => read(x, 'en')), [1234, 99.7, 2.989]);
  assert.deepEqual(['', '-', 'N/A', '…'].map((x) => read(x, 'vi')), ['missing', 'missing', 'missing', 'missing']);
  assert.deepEqual(['2.98x', '1.2.3', '1e3', '=SUM(B2:B9)'].map((x) => read(x, 'vi')), ['bad', 'bad', 'bad', 'bad']);
});

test('a table too long for one chart: the core says so, in the page language', () => {
  const rows = Array.from({ length: 10001 }, (_, i) => `Xã ${i}\t${i}`).join('\n');
  const p = readTable(`Xã\tĐảng viên\n${rows}\n`, 'auto', 'en');
  assert.deepEqual(msgs(p.errors), ['The table has 10,001 data rows; a chart draws at most 10,000, split it into several charts']);
});

test('documentOf: the JSON document of the items', () => {
  const p = readTable('Xã\tĐảng viên\nA\t1\n', 'auto');
  assert.deepEqual(documentOf(p), { communes: [{ name: 'A', members: 1 }] });
});
