import * as assert from 'node:assert/strict';
import { wrapKeepingOffsets } from '../../client/src/wrapText';

describe('source windows: wrapping that keeps offsets', () => {
  it('breaks long lines at spaces, keeps short lines and every offset', () => {
    const text = 'Short line.\n' + 'word '.repeat(60).trim() + '\nEnd.';
    const wrapped = wrapKeepingOffsets(text, 40);
    assert.equal(wrapped.length, text.length);
    assert.equal(wrapped.replace(/\n/g, ' '), text.replace(/\n/g, ' '));
    assert.ok(wrapped.split('\n').every((line) => line.length <= 45), wrapped);
    assert.ok(wrapped.startsWith('Short line.\n'));
    for (let i = 0; i < text.length; i++) if (text[i] !== ' ') assert.equal(wrapped[i], text[i]);
  });
  it('leaves a line without spaces and surrogate pairs alone', () => {
    const text = 'x'.repeat(300) + ' \u{1F600}\u{1F600} tail';
    const wrapped = wrapKeepingOffsets(text, 100);
    assert.equal(wrapped.length, text.length);
    assert.ok(wrapped.includes('\u{1F600}\u{1F600}'));
  });
});
