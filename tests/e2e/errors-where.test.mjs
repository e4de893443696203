// What the journalist actually did, said where they did it (issue 16, items 9 and 6), as a reader
// of the chart sees it in Chromium: the explanations module (commune-charts-explain.wasm) places a
// missing `}` at the end of the line before and a curly quote on itself, fits the hint for a
// number in quotes to its field, and in preview mode warns about a thousands dot in a value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openBlank, renderIn } from './browser.mjs';

const env = useBrowser();
const blank = (query) => openBlank(env, undefined, query);

test('a missing } is shown at the end of the line before, not at the next {', async () => {
  const { page, context, errors } = await blank();
  // The next commune starts while this one is not closed: `},` belongs after the 89.
  const noBraceNoComma = '{\n  "communes": [\n    { "name": "Mồ Sì San", "members": 89\n    { "name": "Pa Vây Sử", "members": 86 }\n  ]\n}';
  let r = await renderIn(page, noBraceNoComma, 'members');
  assert.equal(r.state, 'error');
  assert.match(r.alert, /Lỗi cú pháp JSON ở dòng 3, cột 41: có lẽ thiếu \}, ở đây: nhóm \{ \.\.\. \} chưa đóng mà nhóm sau đã mở bằng \{/);
  assert.doesNotMatch(r.alert, /tên trường phải nằm trong ngoặc kép|thiếu dấu phẩy giữa hai trường/);
  assert.equal(r.excerpt, `    { "name": "Mồ Sì San", "members": 89\n${' '.repeat(40)}^`);
  assert.deepEqual({ line: r.problems[0].line, column: r.problems[0].column }, { line: 3, column: 41 });
  // With the comma: the `}` before it is missing, and the caret is under the comma.
  r = await renderIn(page, noBraceNoComma.replace('89\n', '89,\n').replace('{\n  "communes"', '{\n  "locale": "en", "communes"'), 'members');
  assert.match(r.alert, /JSON syntax error at line 3, column 41: a closing \} is probably missing before this comma/);
  assert.equal(r.excerpt, `    { "name": "Mồ Sì San", "members": 89,\n${' '.repeat(40)}^`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('curly quotes are named, at the curly quote', async () => {
  const { page, context, errors } = await blank();
  // Word closed the title with ”: JSON reads on to the end of the line; the chart shows the quote.
  const text = '{\n  "title": "Số đảng viên”,\n  "communes": [ { "name": "Mồ Sì San", "members": 89 } ]\n}';
  const r = await renderIn(page, text, 'members');
  assert.equal(r.state, 'error');
  assert.match(r.alert, /Lỗi cú pháp JSON ở dòng 2, cột 25: đây là dấu ngoặc cong \(“ ” hoặc ‘ ’\) do Word hay bàn phím điện thoại tự đổi/);
  assert.equal(r.excerpt, `  "title": "Số đảng viên”,\n${' '.repeat(24)}^`);
  assert.deepEqual({ line: r.problems[0].line, column: r.problems[0].column }, { line: 2, column: 25 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a number in quotes is told how to write it for its field', async () => {
  const { page, context, errors } = await blank();
  const text = JSON.stringify({ indicators: [{ name: 'Tổng diện tích gieo trồng', value: '5.755 ha', percentOfPlan: '99,7%' }] });
  const r = await renderIn(page, text, 'indicators');
  assert.equal(r.state, 'error');
  assert.match(r.alert, /`indicators\[0\]\.percentOfPlan`: cần một số, nhưng đang là một chuỗi chữ trong ngoặc kép \("99,7%"\)\. Hãy viết 99\.7: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không có dấu % \(percentOfPlan đã tính bằng phần trăm\)/);
  assert.doesNotMatch(r.alert, /ví dụ 2989/);
  // Each problem carries its field's span in the JSON text and its sentence without the place,
  // so an editor (the playground) selects the field and says the place its own way.
  const pct = r.problems.find((p) => p.path === 'indicators[0].percentOfPlan');
  const at = text.indexOf('"percentOfPlan"');
  assert.deepEqual([pct.line, pct.column, pct.endLine, pct.endColumn], [1, at + 1, 1, at + 1 + '"percentOfPlan":"99,7%"'.length]);
  assert.equal(pct.message, '`indicators[0].percentOfPlan`: ' + pct.detail);
  assert.match(r.alert, /`indicators\[0\]\.value`: .*Hãy viết 5755 nếu là số hàng nghìn, hoặc 5\.755 nếu là số thập phân: không có ngoặc kép, đơn vị \(ha\) ghi vào trường "measure"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('preview mode warns about a thousands dot in a value; the published chart draws what JSON read', async () => {
  // 5755 ha written with a Vietnamese thousands dot.
  const text = '{"chart": "indicators", "indicators": [\n'
    + '  {"unit": "Văn Lãng", "name": "Tổng diện tích gieo trồng", "value": 5.755, "measure": "ha", "percentOfPlan": 99.7}\n]}';
  for (const preview of [true, false]) {
    const { page, context, errors } = await blank();
    const r = await renderIn(page, text, '', preview ? { 'data-preview': '' } : {});
    assert.equal(r.state, 'ready');
    // What is drawn (the data table has the bar's label): five point seven six, no error.
    assert.match(r.table, /5,76 ha/);
    if (preview) {
      assert.equal(r.warnings.length, 1, JSON.stringify(r.warnings));
      assert.match(r.warnings[0], /`indicators\[0\]\.value`: JSON đọc 5\.755 là số thập phân \(dấu chấm là dấu thập phân\), nên biểu đồ ghi 5,76 ha; nếu ý là 5\.755 ha theo cách viết tiếng Việt, hãy viết 5755/);
    } else {
      assert.deepEqual(r.warnings, [], 'readers never see warnings');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});
