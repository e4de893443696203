// Unit tests: numbers as journalists write them, without a browser: the cases of the playground's
// own reader (numbers.js, which the core replaced), read by the core (src/table/numbers.rs, through
// the explanations module: www/playground/core.js). Its style clues are the core's tests.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readNumber } from '../../www/playground/table.js';
import { withCore } from './core.mjs';

before(withCore);

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
});

test('anything else is not a number', () => {
  for (const raw of ['2.98x', 'abc', '1.2.3', '1.23.456', '1,2,3', '1.234,5,6', '1,', '12.', '.5', ',5', '1e3', '0x10', '5-', '1 ha']) {
    assert.equal(read(raw, 'vi'), 'bad', `${raw} (vi)`);
    assert.equal(read(raw, 'en'), 'bad', `${raw} (en)`);
  }
});
