import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { OffsetChange } from '../../server/src/features/findingStore';
import { FindingStore } from '../../server/src/features/findingStore';
import type { Finding } from '../../server/src/engine/types';

function finding(start: number, end: number): Finding {
  return {
    rule: 'loaded.term',
    severity: 'warning',
    start,
    end,
    message: `finding ${start}-${end}`,
    detail: { reason: 'test' },
    fixes: [{ title: 'fix', edits: [{ start, end, newText: 'x' }] }],
  };
}

/** The model: every edit applied to every finding at once (what an editor does to its markers). */
function applyEagerly(findings: Finding[], change: OffsetChange): Finding[] {
  const delta = change.length - (change.end - change.start);
  return findings.flatMap((f) => {
    if (f.end <= change.start) return [f];
    if (f.start < change.end) return [];
    return [
      {
        ...f,
        start: f.start + delta,
        end: f.end + delta,
        fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) })),
      },
    ];
  });
}

describe('finding store', () => {
  it('moves findings after an edit, drops those it touched and keeps those before it', () => {
    const store = new FindingStore();
    store.set([finding(0, 5), finding(10, 15), finding(20, 25)], 1);
    store.applyChange({ start: 12, end: 13, length: 0 });
    store.applyChange({ start: 7, end: 7, length: 3 });
    assert.deepEqual(
      store.overlapping(0, 100).map((f) => [f.start, f.end, f.fixes[0].edits[0].start]),
      [
        [0, 5, 0],
        [22, 27, 22],
      ],
    );
    assert.deepEqual(
      store.overlapping(27, 27).map((f) => f.start),
      [22],
      'touching the end counts',
    );
  });

  it('answers like eagerly moved findings after any sequence of edits, before and after pending edits are settled', () => {
    const change = fc
      .record({ start: fc.nat({ max: 400 }), span: fc.nat({ max: 12 }), length: fc.nat({ max: 12 }) })
      .map((c) => ({ start: c.start, end: c.start + c.span, length: c.length }));
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.nat({ max: 400 }), span: fc.nat({ max: 20 }) }), { maxLength: 40 }),
        fc.array(change, { maxLength: 150 }),
        fc.nat({ max: 450 }),
        (spans, changes, probe) => {
          let model = spans.map((s) => finding(s.start, s.start + s.span)).sort((a, b) => a.start - b.start);
          const store = new FindingStore();
          store.set(model, 1);
          for (const c of changes) {
            store.applyChange(c);
            model = applyEagerly(model, c);
          }
          assert.deepEqual(
            store.overlapping(probe, probe + 5),
            model.filter((f) => f.start <= probe + 5 && f.end >= probe),
          );
          assert.deepEqual(store.overlapping(0, Number.MAX_SAFE_INTEGER), model);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});
