// The JSON Schema agrees with the Rust validator (tests/schema.rs runs the same fixtures):
// valid/ passes both, invalid/ fails both, validator-only/ (sums) passes the schema only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';

const schema = JSON.parse(readFileSync('schema/commune-charts.schema.json', 'utf8'));
const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
const dir = 'tests/fixtures/schema';
const cases = (sub) => readdirSync(`${dir}/${sub}`).filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(`${dir}/${sub}/${f}`, 'utf8'))]);

test('the schema accepts the valid fixtures and the seed data', () => {
  const valid = cases('valid');
  assert.ok(valid.length >= 15);
  for (const [name, data] of [...valid, ['seed.json', JSON.parse(readFileSync('tests/fixtures/seed.json', 'utf8'))],
    ['district-en.json', JSON.parse(readFileSync('tests/fixtures/district-en.json', 'utf8'))]]) {
    assert.ok(validate(data), `${name}: ${ajv.errorsText(validate.errors)}`);
  }
});

test('the schema rejects the invalid fixtures', () => {
  const invalid = cases('invalid');
  assert.ok(invalid.length >= 30);
  for (const [name, data] of invalid) assert.equal(validate(data), false, `${name} passed the schema`);
});

test('sums are the validator\'s alone: validator-only fixtures pass the schema', () => {
  for (const [name, data] of cases('validator-only')) assert.ok(validate(data), `${name}: ${ajv.errorsText(validate.errors)}`);
});
