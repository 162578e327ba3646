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
    for (const name of [
      'claims.json',
      'dates.json',
      'frames.json',
      'grammar.json',
      'inflections.json',
      'loaded.json',
      'numbers.json',
      'quotes.json',
      'sources.json',
    ])
      assert.ok(files.includes(name), name);
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

  it('the month names in the literal date patterns of documentMetadata.ts are the months of dates.json', () => {
    // the engine builds no RegExp from data, so those patterns spell the months out; they must not drift
    const months = Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'dates.json'), 'utf8')).lists.months.values).sort();
    const source = fs.readFileSync(path.join(ROOT, 'server', 'src', 'engine', 'sources', 'documentMetadata.ts'), 'utf8');
    const alternations = [...source.matchAll(/\((january\|[a-z|]+)\)/g)].map((m) => m[1].split('|').sort());
    assert.equal(alternations.length, 2);
    for (const words of alternations) assert.deepEqual(words, months);
  });
});
