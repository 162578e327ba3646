import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { MAX_ADDED_WORDS, addedWords, resetTagger, tagTokens } from '../../server/src/engine/text/tagger';
import { tokenize } from '../../server/src/engine/text/tokens';
import { ROOT } from '../helpers/knowledge';

const SEED = Number(process.env.CLAIMLINT_FC_SEED ?? 20240611);

/** Tags `text` whole and returns each token as `text/POS/lemma` and where sentences start. */
function tagged(text: string): { tokens: string[]; sentenceStarts: number[] } {
  const tokens = tokenize(text);
  const { sentenceStarts } = tagTokens(tokens);
  return { tokens: tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}`), sentenceStarts };
}

const SEED_PARAGRAPHS = fs
  .readdirSync(path.join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8').split(/\n\s*\n/))
  .filter((p) => p.trim().length > 0);

/** Words wink-nlp reads differently once it has met them before punctuation, and the like. */
const TRICKY = [
  "Clinton's.",
  'Clinton\u2019s,',
  'cannot.',
  'cannot,',
  "don't.",
  'narco-terrorist.',
  'U.S.-led.',
  "forces'.",
  "O'Brien's,",
  '(Zorbax\u2019s).',
  'e-mail,',
  'Hmeimim\u2019s.',
  "rock'n'roll.",
  'self-described,',
];

describe('tagger (wink-nlp)', function () {
  this.timeout(120000);

  it('tags parts of speech and lemmas on the engine\u2019s own tokens', () => {
    const { tokens } = tagged('Lavrov said Clinton\u2019s team didn\u2019t leave. We cannot, he said.');
    assert.ok(tokens.includes('said/VERB/say'));
    assert.ok(tokens.includes('Clinton\u2019s/PROPN/clinton'));
    assert.ok(tokens.includes('didn\u2019t/AUX/do'));
    assert.ok(tokens.some((t) => t.startsWith('cannot/AUX/')));
  });

  it('splits sentences where wink-nlp does, but never before a lower-case word', () => {
    const text = 'He left. "Why?" she asked! Mr. Smith met Gen. Jones in the U.S. Then rain.';
    const { sentenceStarts } = tagged(text);
    const tokens = tokenize(text);
    assert.deepEqual(
      sentenceStarts.map((i) => tokens[i].text),
      ['He', '"', 'Mr', 'Then'],
    );
  });

  it('reads text the same whatever it read before (fresh, then after tricky words and the seed articles)', () => {
    // the probes hold each tricky word mid-sentence; the pollution holds it before punctuation, which is how
    // wink-nlp comes to keep a word whole that it would otherwise split
    const probes = [...TRICKY.map((t) => `They met ${t.replace(/[.,]$/, '')} again today`), ...SEED_PARAGRAPHS.slice(0, 20)];
    resetTagger();
    const fresh = probes.map(tagged);
    for (const t of TRICKY) tagged(`And then ${t}`);
    for (const p of SEED_PARAGRAPHS) tagged(p);
    assert.deepEqual(probes.map(tagged), fresh);
  });

  it("keeps offsets, follows wink-nlp's tokens to the end and starts sentences in order on random Unicode", () => {
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const text = fc.oneof(
      fc.string({ unit: anyCodeUnit, maxLength: 300 }),
      fc.string({ unit: 'grapheme-composite', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const tokens = tokenize(t);
        const before = tokens.map((k) => [k.start, k.end, k.text]);
        const { sentenceStarts, complete } = tagTokens(tokens);
        assert.deepEqual(
          tokens.map((k) => [k.start, k.end, k.text]),
          before,
        );
        if (tokens.length === 0) return assert.deepEqual(sentenceStarts, []);
        assert.equal(sentenceStarts[0], 0);
        for (let i = 1; i < sentenceStarts.length; i++)
          assert.ok(sentenceStarts[i] > sentenceStarts[i - 1] && sentenceStarts[i] < tokens.length);
        // wink-nlp read every token where the rendering put it (it never rewrote the text)
        assert.ok(complete, `lost wink-nlp's tokens in ${JSON.stringify(t)}`);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('is rebuilt before its lexicon grows past its bound, and reads the same after', () => {
    resetTagger();
    const probe = tagged(SEED_PARAGRAPHS[0]);
    // distinct made-up words, as a pasted list of hashes would add
    const word = (n: number): string => 'q' + n.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
    for (let n = 0; n < MAX_ADDED_WORDS + 20_000; n += 20_000) {
      const words: string[] = [];
      for (let k = n; k < n + 20_000; k++) words.push(word(k));
      tagTokens(tokenize(words.join(' ')));
    }
    tagged('One more.');
    assert.ok(addedWords() < MAX_ADDED_WORDS, `lexicon grew to ${addedWords()} added words`);
    assert.deepEqual(tagged(SEED_PARAGRAPHS[0]), probe);
  });
});
