import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { nearestFindings } from '../../server/src/engine/findings';
import { LintCache, lintDocument } from '../../server/src/engine/lint';
import { defaultSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';
import { builtInKnowledge, ROOT } from '../helpers/knowledge';
import { DRAFT_SEED, generateDraft, seedSentences } from '../bench/drafts';

const finding = (start: number): Finding => ({
  rule: 'loaded.term',
  severity: 'warning',
  start,
  end: start + 3,
  message: `at ${start}`,
  detail: { reason: '' },
  fixes: [],
});

/** The reference: every finding ranked by distance of its start from the focus, earlier first on ties. */
function nearestByRanking(findings: readonly Finding[], focus: number, keep: number): Finding[] {
  const ranked = findings.map((f, index) => ({ index, distance: Math.abs(f.start - focus) }));
  ranked.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return ranked
    .slice(0, keep)
    .map((r) => r.index)
    .sort((a, b) => a - b)
    .map((i) => findings[i]);
}

describe('claimlint.maxProblems: the findings nearest the last edit', () => {
  it('keeps the findings around the focus, in document order', () => {
    const findings = [0, 10, 20, 30, 40, 50].map(finding);
    const starts = (focus: number, keep: number) => nearestFindings(findings, focus, keep).map((f) => f.start);
    assert.deepEqual(starts(33, 3), [20, 30, 40]);
    assert.deepEqual(starts(1000, 2), [40, 50]);
    assert.deepEqual(starts(0, 1), [0]);
    assert.deepEqual(starts(25, 1), [20], 'a tie goes to the earlier finding');
    assert.deepEqual(starts(0, 0), []);
    assert.deepEqual(starts(0, 9), [0, 10, 20, 30, 40, 50]);
  });

  it('equals ranking every finding by its distance from the focus', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(500), { maxLength: 60 }), fc.integer({ min: -10, max: 520 }), fc.nat(70), (starts, focus, keep) => {
        const findings = [...starts].sort((a, b) => a - b).map(finding);
        assert.deepEqual(nearestFindings(findings, focus, keep), nearestByRanking(findings, focus, keep));
      }),
      { numRuns: 2000 },
    );
  });

  describe('a lint outcome gives the same nearest findings from the chunks around the focus', function () {
    // each run lints a generated draft with the tagger, fresh and through the cache
    this.timeout(60000);
    const knowledge = builtInKnowledge();
    const settings = defaultSettings();
    // paragraphs of a generated draft (about six findings per KB, as in the benchmark)
    const draft = generateDraft(seedSentences(path.join(ROOT, 'seeds')), 12_000, DRAFT_SEED);
    const pieces = [
      ...draft.split(/\n\s*\n/).filter((p) => !p.startsWith('---')),
      '<!-- claimlint-disable loaded.term -->',
      '<!-- claimlint-enable -->',
      '<!-- claimlint-disable-next-line fact -->',
      '<!-- claimlint-disable bogus.rule -->',
      '"We will not retreat," the minister said.',
      '"The talks failed, and the army advanced."',
      'The narco-terrorist regime killed 40 people on Monday, officials say.',
    ];

    it('keeps nothing at a focus past the last chunk without reading past the chunks (a fast-check counterexample)', () => {
      const text =
        '> \u201CWe consider you a reliable ally,\u201D Rouhani said in Damascus.\n> Iran has deployed 281,000 Shiite fighters to Iraq and Syria.\n';
      const outcome = lintDocument({ text, format: 'markdown', settings, knowledge });
      assert.ok(outcome.count > 0);
      assert.deepEqual(outcome.nearest(text.length, 0), []);
      assert.deepEqual(outcome.nearest(text.length, 1), nearestFindings(outcome.findings, text.length, 1));
    });

    it('for any focus and count, fresh and after edits through the cache', () => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 14 }),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom('x', '', 'regime ', '\n\n')), { maxLength: 3 }),
          fc.nat(),
          fc.nat(40),
          (parts, edits, focusSeed, keep) => {
            let text = parts.join('\n\n') + '\n';
            const cache = new LintCache();
            lintDocument({ text, format: 'markdown', settings, knowledge, cache });
            for (const [at, insert] of edits) {
              const offset = at % (text.length + 1);
              text = text.slice(0, offset) + insert + text.slice(offset);
            }
            const focus = focusSeed % (text.length + 1);
            const cached = lintDocument({ text, format: 'markdown', settings, knowledge, cache });
            const fresh = lintDocument({ text, format: 'markdown', settings, knowledge });
            const expected = nearestFindings(fresh.findings, focus, keep);
            assert.deepEqual(cached.nearest(focus, keep), expected);
            assert.equal(cached.count, fresh.findings.length);
            assert.deepEqual(fresh.nearest(focus, keep), expected);
            assert.deepEqual(cached.findings, fresh.findings);
          },
        ),
        // each run lints several drafts: report the first counterexample rather than shrink it
        { numRuns: 150, endOnFailure: true },
      );
    });
  });
});
