import * as assert from 'node:assert/strict';
import { sourceWindowName, sourceWindowUri, wrapKeepingOffsets } from '../../server/src/engine/text/sourceWindow';

describe('source windows: wrapping that keeps offsets', () => {
  it('breaks long lines at spaces, keeps short lines and every offset', () => {
    const text = 'Short line.\n' + 'word '.repeat(60).trim() + '\nEnd.';
    const wrapped = wrapKeepingOffsets(text, 40);
    assert.equal(wrapped.length, text.length);
    assert.equal(wrapped.replace(/\n/g, ' '), text.replace(/\n/g, ' '));
    assert.ok(
      wrapped.split('\n').every((line) => line.length <= 45),
      wrapped,
    );
    assert.ok(wrapped.startsWith('Short line.\n'));
    for (let i = 0; i < text.length; i++) if (text[i] !== ' ') assert.equal(wrapped[i], text[i]);
  });
  it('leaves a line without spaces and surrogate pairs alone', () => {
    const text = 'x'.repeat(300) + ' \u{1F600}\u{1F600} tail';
    const wrapped = wrapKeepingOffsets(text, 100);
    assert.equal(wrapped.length, text.length);
    assert.ok(wrapped.includes('\u{1F600}\u{1F600}'));
  });
  it('names a window by headline and outlet, safe as a path, and puts the seed in the query', () => {
    assert.equal(sourceWindowName('002_x.txt', 'Iran / Russia: a deal?', 'Reuters'), 'Iran \u2215 Russia: a deal? \u2014 Reuters');
    assert.equal(sourceWindowName('002_x.txt', undefined, undefined), '002_x.txt');
    const uri = new URL(sourceWindowUri('002_x.txt', 'Iran / Russia: a deal?', 'Reuters'));
    assert.equal(uri.protocol, 'claimlint-source:');
    assert.equal(uri.searchParams.get('seed'), '002_x.txt');
  });
});
