import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { nearestFindings } from '../../server/src/features/problemLimit';
import type { Finding } from '../../server/src/engine/types';

const finding = (start: number): Finding => ({ rule: 'loaded.term', severity: 'warning', start, end: start + 3, message: `at ${start}` }) as Finding;

/** The reference: every finding ranked by distance of its start from the focus, earlier first on ties. */
function nearestByRanking(findings: readonly Finding[], focus: number, keep: number): number[] {
  const ranked = findings.map((f, index) => ({ index, distance: Math.abs(f.start - focus) }));
  ranked.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return ranked
    .slice(0, keep)
    .map((r) => r.index)
    .sort((a, b) => a - b);
}

describe('claimlint.maxProblems: the findings nearest the last edit', () => {
  it('keeps everything under the limit or with no limit (0)', () => {
    const findings = [finding(0), finding(10), finding(20)];
    assert.deepEqual(nearestFindings(findings, 15, 3), { shown: findings, hidden: 0 });
    assert.deepEqual(nearestFindings(findings, 15, 0), { shown: findings, hidden: 0 });
  });

  it('keeps limit - 1 findings around the focus, in document order, and counts the rest', () => {
    const findings = [0, 10, 20, 30, 40, 50].map(finding);
    const { shown, hidden } = nearestFindings(findings, 33, 4);
    assert.deepEqual(
      shown.map((f) => f.start),
      [20, 30, 40],
    );
    assert.equal(hidden, 3);
    assert.deepEqual(
      nearestFindings(findings, 1000, 3).shown.map((f) => f.start),
      [40, 50],
    );
    assert.deepEqual(nearestFindings(findings, 0, 2).shown.map((f) => f.start), [0]);
    assert.deepEqual(nearestFindings(findings, 0, 1), { shown: [], hidden: 6 });
  });

  it('equals ranking every finding by its distance from the focus', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(500), { maxLength: 60 }), fc.integer({ min: -10, max: 520 }), fc.nat(70), (starts, focus, limit) => {
        const findings = [...starts].sort((a, b) => a - b).map(finding);
        const { shown, hidden } = nearestFindings(findings, focus, limit);
        if (limit === 0 || findings.length <= limit) {
          assert.equal(shown, findings);
          assert.equal(hidden, 0);
          return;
        }
        const expected = nearestByRanking(findings, focus, limit - 1).map((i) => findings[i]);
        assert.deepEqual(shown, expected);
        assert.equal(hidden, findings.length - (limit - 1));
      }),
      { numRuns: 2000 },
    );
  });
});
