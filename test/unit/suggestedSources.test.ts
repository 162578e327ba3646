import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Finding } from '../../server/src/engine/types';
import { unstatedSlots } from '../helpers/entailmentCheck';
import { builtInKnowledge, lint, ROOT } from '../helpers/knowledge';

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
      contradicted: findings.filter(
        (f) =>
          f.rule.startsWith('fact.') &&
          f.entryId === suggestion.entryId &&
          textOfSentenceAround(text, f.start) === textOfSentenceAround(text, suggestion.start),
      ),
    }));
}

/** The sentence around `offset`: its paragraph (lines joined) cut at a full stop, "?" or "!" before a capital. */
function textOfSentenceAround(text: string, offset: number): string {
  const paragraphStart = text.lastIndexOf('\n\n', offset) + 1;
  const nextBreak = text.indexOf('\n\n', offset);
  const paragraph = text.slice(paragraphStart, nextBreak < 0 ? text.length : nextBreak);
  const at = offset - paragraphStart;
  let start = 0;
  for (const m of paragraph.matchAll(/[.!?]["\u201D\u2019]?\s+(?=["\u201C\u2018]?[A-Z])/g)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end > at) return paragraph.slice(start, end).replace(/\s+/g, ' ').trim();
    start = end;
  }
  return paragraph.slice(start).replace(/\s+/g, ' ').trim();
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

describe('suggested sources are entailed', function () {
  this.timeout(240000);

  /** Drafts to feed: the labelled corpora, the sample draft and every paragraph of the seed articles. */
  function drafts(): string[] {
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt'));
    const paragraphs = seeds
      .flatMap((n) => fs.readFileSync(path.join(ROOT, 'seeds', n), 'utf8').split(/\n\s*\n/))
      .filter((p) => p.trim().length > 40);
    return [...corpusTexts(), fs.readFileSync(path.join(ROOT, 'examples', 'sample-draft.md'), 'utf8'), ...paragraphs];
  }

  it('every "The fact base has it from" and "as the source did" names a fact whose slots the flagged sentence states', () => {
    const knowledge = builtInKnowledge();
    const mismatches: string[] = [];
    let checked = 0;
    for (const text of drafts()) {
      for (const finding of lint(text).findings) {
        const suggests = /The fact base has it from/.test(finding.message) || finding.fixes.some((fix) => SUGGESTS_SOURCE.test(fix.title));
        if (!suggests) continue;
        checked++;
        const fact = finding.entryId ? knowledge.facts.facts.get(finding.entryId) : undefined;
        const sentence = textOfSentenceAround(text, finding.start);
        const missing = fact ? unstatedSlots(sentence, fact, knowledge) : ['no fact'];
        if (missing.length > 0) mismatches.push(`${finding.entryId}: "${sentence.slice(0, 120)}" does not state ${missing.join(', ')}`);
      }
    }
    assert.ok(checked >= 10, `${checked} suggestions checked`);
    assert.deepEqual(mismatches, []);
  });

  it('the independent check itself refuses a sentence with another figure or other names', () => {
    const knowledge = builtInKnowledge();
    const withQuantity = [...knowledge.facts.facts.values()].find((f) =>
      f.slots?.some((s) => s.type === 'quantity' && typeof s.value === 'number'),
    );
    assert.ok(withQuantity);
    assert.ok(unstatedSlots('Nothing of the kind was said about 3 ships.', withQuantity, knowledge).length > 0);
  });
});
