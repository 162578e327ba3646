/**
 * Paragraphs far larger than any real one: they lint completely, within the stack and in bounded pieces.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../helpers/knowledge';

describe('huge paragraphs', function () {
  this.timeout(60_000);

  it('returns all 150,000 findings of one paragraph (no spread of them into a call overflows the stack)', () => {
    const outcome = lint('regime '.repeat(150_000));
    const findings = outcome.findings;
    assert.equal(findings.length, 150_000);
    assert.equal(outcome.count, 150_000);
    assert.ok(findings.every((f) => f.rule === 'loaded.term'));
    // every seventh offset starts a finding: the three nearest 500,000
    assert.deepEqual(outcome.nearest(500_000, 3).map((f) => f.start), [499_996, 500_003, 500_010]);
  });
});
