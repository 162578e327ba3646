import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Finding } from '../../server/src/engine/types';
import { lint, ROOT } from '../helpers/knowledge';

const SUGGESTS_SOURCE = /\(as the source did\)$/;

/** Every draft of the project's labelled corpora (all splits, all families). */
function corpusTexts(): string[] {
  const dir = path.join(ROOT, 'test', 'eval', 'corpus');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .flatMap((name) => (parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { cases: { text: string }[] }).cases.map((c) => c.text));
}

/** Suggestions of a source, each with the findings that contradict the same fact in the same draft. */
function suggestionsAgainstContradictions(text: string): { suggestion: Finding; contradicted: Finding[] }[] {
  const findings = lint(text).findings;
  return findings
    .filter((f) => f.fixes.some((fix) => SUGGESTS_SOURCE.test(fix.title)))
    .map((suggestion) => ({
      suggestion,
      contradicted: findings.filter((f) => f.rule.startsWith('fact.') && f.entryId === suggestion.entryId && textOfSentenceAround(text, f.start) === textOfSentenceAround(text, suggestion.start)),
    }));
}

function textOfSentenceAround(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('. ', offset), text.lastIndexOf('\n', offset)) + 1;
  const ends = [text.indexOf('. ', offset), text.indexOf('\n', offset)].filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
}

describe('suggested sources', function () {
  this.timeout(120000);

  it('credit a fact only when the sentence states its claim: a contradicted figure gets no "as the source did"', () => {
    const wrong = lint('Iran has deployed 200,000 Shiite fighters to Iraq and Syria.').findings;
    assert.ok(wrong.some((f) => f.rule === 'fact.contradiction'));
    assert.ok(wrong.every((f) => f.fixes.every((fix) => !SUGGESTS_SOURCE.test(fix.title)) && !/The fact base has it from/.test(f.message)));
    const right = lint('Iran has deployed up to 140,000 Shiite fighters in Syria.').findings.find((f) => f.rule === 'attribution.missing');
    assert.ok(right?.fixes.some((fix) => fix.title === 'Attribute to Breitbart News (as the source did)'));
  });

  it('no suggested source anywhere in the labelled corpora is for a fact the same sentence contradicts', () => {
    const texts = corpusTexts();
    assert.ok(texts.length > 300, `${texts.length} drafts`);
    const checked = texts.flatMap(suggestionsAgainstContradictions);
    assert.ok(checked.length > 10, `${checked.length} suggestions checked`);
    assert.deepEqual(
      checked.filter((c) => c.contradicted.length > 0).map((c) => `${c.suggestion.message} | ${c.contradicted[0].message.slice(0, 100)}`),
      [],
    );
  });
});
