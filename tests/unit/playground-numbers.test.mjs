// Unit tests: numbers as journalists write them (www/playground/numbers.js), without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumber, styleClue, MISSING_CELLS } from '../../www/playground/numbers.js';

/** readNumber's answer as one value: the number, 'missing' or 'bad'. */
const read = (raw, style) => {
  const r = readNumber(raw, style);
  return r.missing ? 'missing' : r.bad ? 'bad' : r.value;
};

test('Vietnamese style: a dot between thousands, a comma before the decimals', () => {
  assert.equal(read('2.989', 'vi'), 2989);
  assert.equal(read('40.065', 'vi'), 40065);
  assert.equal(read('1.234.567', 'vi'), 1234567);
  assert.equal(read('99,7', 'vi'), 99.7);
  assert.equal(read('48,93', 'vi'), 48.93);
  assert.equal(read('1.234,5', 'vi'), 1234.5);
  assert.equal(read('12.345,678', 'vi'), 12345.678);
  assert.equal(read('0,5', 'vi'), 0.5);
});

test('English style: a comma between thousands, a dot before the decimals', () => {
  assert.equal(read('1,234', 'en'), 1234);
  assert.equal(read('2,989', 'en'), 2989);
  assert.equal(read('1,234,567', 'en'), 1234567);
  assert.equal(read('99.7', 'en'), 99.7);
  assert.equal(read('1,234.5', 'en'), 1234.5);
  // The other style's thousands read as decimals: what the "Cách viết số" choice is for.
  assert.equal(read('2.989', 'en'), 2.989);
  assert.equal(read('1,234', 'vi'), 1.234);
});

test('the cell itself overrides the style: both separators, or not three digits after one', () => {
  // With a dot and a comma, the later one starts the decimals, whatever the style.
  assert.equal(read('1.234,5', 'en'), 1234.5);
  assert.equal(read('1,234.5', 'vi'), 1234.5);
  // A single separator is a thousands separator only before exactly three digits.
  assert.equal(read('99.7', 'vi'), 99.7);
  assert.equal(read('99,7', 'en'), 99.7);
  assert.equal(read('1.2345', 'vi'), 1.2345);
  // Two of the same separator are thousands in either style.
  assert.equal(read('1.234.567', 'en'), 1234567);
  assert.equal(read('1,234,567', 'vi'), 1234567);
});

test('spaces, a trailing % and signs are read; a no-data mark is missing, not 0', () => {
  assert.equal(read('40 065', 'vi'), 40065);
  assert.equal(read('40\u00a0065', 'vi'), 40065); // no-break space, as Excel copies it
  assert.equal(read('40\u202f065', 'en'), 40065); // narrow no-break space
  assert.equal(read('  7 ', 'vi'), 7);
  assert.equal(read('99,7%', 'vi'), 99.7);
  assert.equal(read('102%', 'en'), 102);
  assert.equal(read('-5', 'vi'), -5);
  assert.equal(read('\u22125', 'vi'), -5); // the minus sign U+2212
  assert.equal(read('+5', 'vi'), 5);
  assert.equal(read('-1.234,5', 'vi'), -1234.5);
  for (const mark of ['', '   ', '-', '–', '—', '…', '...', 'n/a', 'N/A', 'NA']) {
    assert.equal(read(mark, 'vi'), 'missing', JSON.stringify(mark));
  }
  assert.ok(MISSING_CELLS.includes('—'));
});

test('anything else is not a number', () => {
  for (const raw of ['2.98x', 'abc', '1.2.3', '1.23.456', '1,2,3', '1.234,5,6', '1,', '12.', '.5', ',5', '1e3', '0x10', '5-', '1 ha']) {
    assert.equal(read(raw, 'vi'), 'bad', `${raw} (vi)`);
    assert.equal(read(raw, 'en'), 'bad', `${raw} (en)`);
  }
});

test('styleClue: what a written number says about the style of the table', () => {
  // Both separators: the later one is the decimal mark.
  assert.equal(styleClue('1.234,5', 'number'), 'vi');
  assert.equal(styleClue('1,234.5', 'number'), 'en');
  assert.equal(styleClue('-1.234,5', 'number'), 'vi');
  // Two of one separator: thousands.
  assert.equal(styleClue('1.234.567', 'int'), 'vi');
  assert.equal(styleClue('1,234,567', 'int'), 'en');
  // A decimal that cannot be thousands.
  assert.equal(styleClue('99,7', 'number'), 'vi');
  assert.equal(styleClue('99.7', 'number'), 'en');
  assert.equal(styleClue('99,7%', 'number'), 'vi');
  // Three digits after one separator: thousands in a count column, either in a decimal one.
  assert.equal(styleClue('2.989', 'int'), 'vi');
  assert.equal(styleClue('2,989', 'int'), 'en');
  assert.equal(styleClue('2.989', 'number'), null);
  assert.equal(styleClue('2,989', 'number'), null);
  // Says nothing.
  assert.equal(styleClue('89', 'int'), null);
  assert.equal(styleClue('12%', 'number'), null);
  assert.equal(styleClue('x', 'int'), null);
  assert.equal(styleClue('', 'int'), null);
});
