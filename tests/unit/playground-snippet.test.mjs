// Unit tests: the embed code and the static image's command (www/playground/snippet.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attr, scriptSafe, snippetFor, fileNameOf, shellWord, staticText, noscriptLine, DEFAULT_SCRIPT_URL } from '../../www/playground/snippet.js';

/** The text of the first <script type="application/json"> as an HTML parser ends it. */
const scriptText = (html) => {
  const open = '<script type="application/json">';
  const from = html.indexOf(open) + open.length;
  return html.slice(from, html.slice(from).search(/<\/script/i) + from);
};

test('attr and scriptSafe escape what would end the attribute or the script element', () => {
  assert.equal(attr('<a href="x">&amp;</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;');
  assert.equal(attr(12), '12');
  assert.equal(scriptSafe('"</SCRIPT></script ><!--"'), '"<\\/SCRIPT><\\/script >\\u003C!--"');
  const json = JSON.stringify({ t: 'a </script><!-- b' });
  assert.deepEqual(JSON.parse(scriptSafe(json)), { t: 'a </script><!-- b' }, 'still the same JSON');
});

test('the inline embed code: a <figure> with the data, then the script', () => {
  const doc = { title: 'Hai xã </script><!-- "x" & y', communes: [{ name: 'A', members: 1 }] };
  const html = snippetFor({ kind: 'members', doc }, { scriptUrl: '  ', theme: '', src: null });
  assert.equal(html, [
    '<figure data-commune-chart="members" style="margin-left:0;margin-right:0">',
    '  <script type="application/json">',
    '    {',
    '      "title": "Hai xã <\\/script>\\u003C!-- \\"x\\" & y",',
    '      "communes": [',
    '        { "name": "A", "members": 1 }',
    '      ]',
    '    }',
    '  </script>',
    '</figure>',
    '',
    `<script src="${DEFAULT_SCRIPT_URL}" defer></script>`,
    '',
  ].join('\n'));
  assert.deepEqual(JSON.parse(scriptText(html)), doc, 'the page reads back the same data');
  assert.match(snippetFor({ kind: 'cells', doc }, { scriptUrl: '', theme: 'auto', src: null }), /^<figure data-commune-chart="cells" data-theme="auto" style=/);
});

test('the data-src embed code: a <div> with the file’s address; every value escaped', () => {
  const html = snippetFor({ kind: 'members"><b', doc: {} }, { scriptUrl: ' /js/cc.js?a=1&b="2" ', theme: 'dark', src: ' /data/x.json?"<' });
  assert.equal(html, '<div data-commune-chart="members&quot;&gt;&lt;b" data-theme="dark" data-src="/data/x.json?&quot;&lt;"></div>\n\n' +
    '<script src="/js/cc.js?a=1&amp;b=&quot;2&quot;" defer></script>\n');
});

test('the data file’s name and the static image’s command', () => {
  assert.equal(fileNameOf(' /data/bieu-do.json?v=2#x '), 'bieu-do.json');
  assert.equal(fileNameOf('https://example.vn/c/d.JSON'), 'd.JSON');
  assert.equal(fileNameOf('/data/'), 'data.json');
  assert.equal(fileNameOf('/data/x.csv'), 'data.json');
  assert.equal(fileNameOf(''), 'data.json');
  assert.equal(shellWord('a-b_c.json'), 'a-b_c.json');
  assert.equal(shellWord('a b'), "'a b'");
  assert.equal(shellWord("it's"), "'it'\\''s'");
  assert.equal(shellWord('$(rm -rf ~)'), "'$(rm -rf ~)'");
  assert.equal(staticText({ comment: '# c', file: 'bieu do.json', kind: 'members', width: 640, locale: 'vi', theme: '' }),
    '# c\n' +
    "cargo run --release --bin commune-charts -- render 'bieu do.json' --kind members --width 640 --locale vi -o chart.svg\n");
  assert.equal(staticText({ comment: '# c', file: 'd.json', kind: 'cells', width: 375, locale: 'en', theme: 'dark' }),
    '# c\ncargo run --release --bin commune-charts -- render d.json --kind cells --width 375 --locale en --theme dark -o chart.svg\n');
  // The <noscript> line of a downloaded image: its alt escaped for the attribute, its size in CSS px.
  assert.equal(noscriptLine('bieu-do.svg', 'Số "đảng viên" <b> & chi bộ', 640, 234.6),
    '<noscript><img src="bieu-do.svg" alt="Số &quot;đảng viên&quot; &lt;b&gt; &amp; chi bộ" width="640" height="235"></noscript>');
  assert.equal(noscriptLine('a"b.png', '', 200, 100), '<noscript><img src="a&quot;b.png" alt="" width="200" height="100"></noscript>');
});

test('a published spreadsheet: data-src with data-format when the address does not say, and data-refresh', async () => {
  const { tableFormatOf, isSheetPageLink } = await import('../../www/playground/snippet.js');
  const google = 'https://docs.google.com/spreadsheets/d/e/2PACX-1vAbC/pub?gid=0&single=true&output=csv';
  assert.equal(tableFormatOf(google), 'csv');
  assert.equal(tableFormatOf('https://docs.google.com/spreadsheets/d/e/2PACX-1vAbC/pub?output=tsv'), 'tsv');
  assert.equal(tableFormatOf('/data/ket-qua.CSV?v=3'), '', 'the widget tells a .csv address itself');
  assert.equal(tableFormatOf('https://files.example.vn/ket-qua.tsv'), '');
  assert.equal(tableFormatOf('https://files.example.vn/download/123'), 'csv');
  const html = snippetFor({ kind: 'targets', doc: null }, { scriptUrl: '', theme: '', src: google, format: 'csv', refresh: '60' });
  assert.equal(html.split('\n')[0], `<div data-commune-chart="targets" data-src="${google.replace(/&/g, '&amp;')}" data-format="csv" data-refresh="60"></div>`);
  assert.doesNotMatch(snippetFor({ kind: 'members', doc: null }, { scriptUrl: '', theme: '', src: '/d.csv', format: '', refresh: '' }), /data-format|data-refresh/);
  // The links a journalist copies from the address bar or the share box are not the CSV.
  assert.ok(isSheetPageLink('https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0'));
  assert.ok(isSheetPageLink('https://docs.google.com/spreadsheets/d/e/2PACX-1vAbC/pubhtml'));
  assert.ok(!isSheetPageLink(google));
  assert.ok(!isSheetPageLink('https://docs.google.com/spreadsheets/d/1AbC/export?format=csv&gid=0'));
  assert.ok(!isSheetPageLink('/data/ket-qua.csv'));
});
