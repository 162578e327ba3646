/**
 * Paragraphs far larger than any real one: they lint completely, within the stack and in bounded pieces.
 */
import * as assert from 'node:assert/strict';
import { LintCache, lintDocument, MAX_FINDINGS } from '../../server/src/engine/lint';
import { defaultSettings } from '../../server/src/engine/settings';
import { MAX_PIECE_LENGTH, piecesOf } from '../../server/src/engine/text/pieces';
import { builtInKnowledge, lint } from '../helpers/knowledge';

describe('huge paragraphs', function () {
  this.timeout(60_000);

  it(`returns all ${MAX_FINDINGS.toLocaleString('en')} findings of one paragraph, the most a lint keeps`, () => {
    const outcome = lint('regime '.repeat(MAX_FINDINGS));
    const findings = outcome.findings;
    assert.equal(findings.length, MAX_FINDINGS);
    assert.equal(outcome.count, MAX_FINDINGS);
    assert.equal(outcome.truncatedAt, undefined);
    assert.ok(findings.every((f) => f.rule === 'loaded.term'));
    // every seventh offset starts a finding: the three nearest 200,000
    assert.deepEqual(
      outcome.nearest(200_000, 3).map((f) => f.start),
      [199_990, 199_997, 200_004],
    );
  });
});

describe('paragraphs linted in pieces', function () {
  this.timeout(60_000);
  const sentences = (count: number): string =>
    Array.from({ length: count }, (_, i) => `Officials said ${i} people died. The regime fell on day ${i}. `).join('');

  it('cuts a long paragraph into pieces that cover it, none longer than the bound, at sentence starts', () => {
    const text = sentences(2_000);
    const pieces = piecesOf(text, { start: 0, end: text.length, kind: 'prose' }, 'markdown');
    assert.ok(pieces.length > 5);
    pieces.forEach((piece, i) => {
      assert.equal(piece.start, i === 0 ? 0 : pieces[i - 1].end);
      assert.ok(piece.end - piece.start <= MAX_PIECE_LENGTH);
      if (i > 0) assert.match(text.slice(piece.start, piece.start + 10), /^Officials|^The regime/);
    });
    assert.equal(pieces[pieces.length - 1].end, text.length);
  });

  it('prefers line starts, never splits a surrogate pair, and never cuts fenced code', () => {
    const lines = Array.from({ length: 3_000 }, (_, i) => `- item ${i} of a long list`).join('\n');
    for (const piece of piecesOf(lines, { start: 0, end: lines.length, kind: 'prose' }, 'markdown').slice(1))
      assert.equal(lines[piece.start - 1], '\n');
    const emoji = '\u{1F600}'.repeat(30_000);
    for (const piece of piecesOf(emoji, { start: 0, end: emoji.length, kind: 'prose' }, 'plaintext')) assert.equal(piece.start % 2, 0);
    const fenced = 'Intro.\n```\n' + 'code line\n'.repeat(5_000) + '```\nThe regime fell.';
    const pieces = piecesOf(fenced, { start: 0, end: fenced.length, kind: 'prose' }, 'markdown');
    const code = pieces.find((p) => p.start <= 7 && p.end > 7);
    assert.ok(code && code.end >= fenced.indexOf('```\nThe') + 4, 'the fenced block is one piece');
  });

  it('finds the same as a fresh lint after edits in a 100 KB paragraph, reusing the pieces before the edit', () => {
    const cache = new LintCache();
    let text = sentences(1_500);
    const settings = defaultSettings();
    const knowledge = builtInKnowledge();
    lintDocument({ text, format: 'markdown', settings, knowledge, cache });
    for (const at of [50_000, 10, text.length - 20]) {
      text = text.slice(0, at) + 'The regime said so. ' + text.slice(at);
      const cached = lintDocument({ text, format: 'markdown', settings, knowledge, cache });
      const fresh = lintDocument({ text, format: 'markdown', settings, knowledge });
      assert.deepEqual(cached.findings, fresh.findings);
      // the pieces wholly before an edit are the same; those after it only when their cuts fall alike
      if (at > MAX_PIECE_LENGTH) assert.ok(cached.reusedChunks > 0);
    }
  });

  it('cuts text with no white space at content marks, so an edit at its start re-lints only the first pieces', () => {
    const units = (from: number, count: number): string =>
      Array.from({ length: count }, (_, i) => `<a${from + i}>[b${from + i}](`).join('');
    const cache = new LintCache();
    const settings = defaultSettings();
    const knowledge = builtInKnowledge();
    let text = units(0, 15_000);
    lintDocument({ text, format: 'markdown', settings, knowledge, cache });
    text = 'X' + text;
    const pieces = piecesOf(text, { start: 0, end: text.length, kind: 'prose' }, 'markdown').length;
    assert.ok(pieces > 10, `${pieces} pieces`);
    const edited = lintDocument({ text, format: 'markdown', settings, knowledge, cache });
    assert.deepEqual(edited.findings, lintDocument({ text, format: 'markdown', settings, knowledge }).findings);
    assert.ok(edited.reusedChunks >= pieces - 2, `${edited.reusedChunks} of ${pieces} pieces reused`);
  });

  it('lints a 1 MB paragraph to its end', () => {
    const text = sentences(20_000);
    const findings = lint(text).findings.filter((f) => f.rule === 'loaded.term');
    assert.equal(findings.length, 20_000);
    assert.ok(findings[findings.length - 1].start > text.length - 100);
  });

  it(`stops after the piece that takes its findings past ${MAX_FINDINGS.toLocaleString('en')} and says where`, () => {
    const outcome = lint('regime '.repeat(MAX_FINDINGS + 20_000));
    assert.ok(outcome.truncatedAt !== undefined && outcome.truncatedAt < 7 * (MAX_FINDINGS + 20_000));
    assert.ok(outcome.count > MAX_FINDINGS && outcome.count <= MAX_FINDINGS + MAX_PIECE_LENGTH / 7 + 1);
  });

  it('stops at the same place with a cache as without one, after an edit before the stop', () => {
    const cache = new LintCache();
    const settings = defaultSettings();
    const knowledge = builtInKnowledge();
    let text = 'regime '.repeat(2 * MAX_FINDINGS);
    lintDocument({ text, format: 'markdown', settings, knowledge, cache });
    text = 'A ' + text;
    const cached = lintDocument({ text, format: 'markdown', settings, knowledge, cache });
    const fresh = lintDocument({ text, format: 'markdown', settings, knowledge });
    assert.deepEqual([cached.count, cached.truncatedAt], [fresh.count, fresh.truncatedAt]);
    assert.ok(cached.reusedChunks > 0);
  });
});
