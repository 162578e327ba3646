import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import languageSchema from '../../seeds/schema/language.schema.json';
import { ROOT } from '../helpers/knowledge';

/** The word lists of seeds/language/*.json, which the engine imports statically (format: seeds/schema/language.schema.json). */
describe('language data (seeds/language)', () => {
  const dir = path.join(ROOT, 'seeds', 'language');
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const validate = new Ajv({ allErrors: true, strict: false }).compile(languageSchema);

  it('has its files', () => {
    for (const name of ['dates.json', 'numbers.json', 'sources.json']) assert.ok(files.includes(name), name);
  });

  for (const name of files) {
    it(`${name} follows language.schema.json`, () => {
      const data: unknown = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      const valid = validate(data);
      assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    });
  }

  it('refuses a list with neither words nor values, or with an integer key', () => {
    const file = (list: object) => ({
      description: 'A file for this test.',
      lists: { test: { description: 'A list for this test.', ...list } },
    });
    assert.equal(validate(file({ words: ['a', 'b'] })), true);
    assert.equal(validate(file({})), false);
    assert.equal(validate(file({ words: ['a', 'a'] })), false);
    assert.equal(validate(file({ values: { 12: 'twelve' } })), false);
  });
});
