import * as assert from 'node:assert/strict';
import { claimFeatures } from '../../server/src/engine/analysis/claimFeatures';
import { claimScore, SHIPPED_CLAIM_MODEL } from '../../server/src/engine/knowledge/claimModel';
import { analyseChunk } from '../../server/src/engine/document';
import { documentGenre } from '../../server/src/engine/text/genre';
import { builtInKnowledge, flagged, lint } from '../helpers/knowledge';

const missing = (text: string, sensitivity: 'relaxed' | 'standard' | 'strict' = 'standard') =>
  flagged(text, 'attribution.missing', { settings: { sensitivity } }).map(([, words]) => words);

/** The features and score of the first sentence of `text`. */
function read(text: string): { features: string[]; score: number } {
  const knowledge = builtInKnowledge();
  const sentence = analyseChunk(text, 'markdown', knowledge).blocks[0].sentences[0];
  return {
    features: claimFeatures({ tokens: sentence.tokens, claims: sentence.claims, vocabulary: knowledge.attribution }),
    score: sentence.claimScore,
  };
}

describe('claim detector', function () {
  this.timeout(20000);

  it('reads grammar, not words: person, modality, questions, numbers, tense', () => {
    const plan = read('We will build a new hospital in every county.').features;
    for (const f of ['person:we', 'modal:future', 'we-will']) assert.ok(plan.includes(f), f);
    assert.ok(read('Who will pay for it?').features.includes('question'));
    const figure = read('Unemployment rose to 4.6 percent, with 1.5 million people out of work.').features;
    for (const f of ['number', 'number:large', 'percent', 'tense:past', 'kind:figures']) assert.ok(figure.includes(f), f);
    // every feature is a grammatical class or a curated one, never a word of the sentence
    for (const f of [...plan, ...figure]) assert.ok(!/hospital|county|unemployment/.test(f), f);
  });

  it('ships thresholds in order and a cue gate below the standard threshold', () => {
    const { thresholds, cueGate } = SHIPPED_CLAIM_MODEL;
    assert.ok(thresholds.relaxed > thresholds.standard && thresholds.standard > thresholds.strict, JSON.stringify(thresholds));
    assert.ok(cueGate > 0 && cueGate <= thresholds.standard);
    assert.ok(SHIPPED_CLAIM_MODEL.weights.size > 50);
  });

  it('scores a figure above courtesies and first-person plans', () => {
    const figure = read('The strikes killed 42 civilians in the city last week.').score;
    for (const text of [
      'Thank you all very much for coming tonight.',
      'I will fight for you every single day.',
      'Is that what you want?',
    ]) {
      assert.ok(read(text).score < figure, text);
    }
    assert.ok(figure >= SHIPPED_CLAIM_MODEL.thresholds.standard);
  });

  it('weighs only known features: an unknown one changes nothing', () => {
    assert.equal(claimScore(SHIPPED_CLAIM_MODEL, ['bias', 'no-such-feature']), claimScore(SHIPPED_CLAIM_MODEL, ['bias']));
  });
});

describe('attribution.missing reads claims in context', function () {
  this.timeout(20000);

  const notClaims: [string, string][] = [
    ['routine market data', 'The FTSE 100 closed at 7,512, down 0.4 percent, while sterling slipped against the dollar.'],
    ['a prediction phrase before a scheduled act', 'The company is expected to announce its results on Tuesday.'],
    ['a hypothetical', 'Even if voters wanted to change the rule, the courts would have the last word.'],
    ['a public candidacy', 'Putin is seeking a fourth term.'],
    ['people already in the story', 'The two men spent months trading insults.'],
    ['"plans" as a noun', 'The mayor did not unveil plans to pay for the stadium.'],
    ['a descriptive superlative', 'She has climbed the highest peaks on all seven continents.'],
    ['a headline in title case', 'One Tweet Sums Up The Absurd Double Standard In This Race'],
  ];
  for (const [what, text] of notClaims) it(`does not flag ${what}`, () => assert.deepEqual(missing(text), [], text));

  const claims: [string, string, string][] = [
    ['a superlative predicated of its subject', 'Power plants are the largest source of carbon emissions in the country.', 'largest'],
    ['a superlative with a scope', 'The strike was the deadliest single attack on the city since 2011.', 'deadliest'],
    ['an intention with its verb', 'The government plans to cut 300 jobs.', 'plans to'],
    ['a prediction of being done', 'The facility is expected to be built near the border.', 'is expected to'],
    ['a count of people killed', 'Two soldiers were killed in the ambush.', 'Two soldiers'],
  ];
  for (const [what, text, words] of claims)
    it(`flags ${what}`, () => assert.ok(missing(text).includes(words), `${text} -> ${JSON.stringify(missing(text))}`));

  it('names a trend a trend', () => {
    const finding = lint('Unemployment has risen for three straight months.').findings.find((f) => f.rule === 'attribution.missing');
    assert.equal(finding?.kind, 'trends');
    assert.match(finding?.message ?? '', /Unattributed trend/);
  });

  it('flags a claim with no cue word only at strict sensitivity', () => {
    const text = 'The factories that once employed half the town are all closed now.';
    assert.deepEqual(missing(text, 'standard'), []);
    assert.deepEqual(missing(text, 'strict'), ['The factories that once employed half the town are all closed now']);
  });

  it('carries a closing attribution to the next sentence of the paragraph', () => {
    assert.deepEqual(
      missing('Clinton leads Trump by 46 percent to 42 percent, according to the poll. Twelve percent of voters are undecided.'),
      [],
    );
    assert.ok(
      missing('Clinton leads Trump by 46 percent to 42 percent, according to the poll.\n\nTwelve percent of voters are undecided.').length >
        0,
    );
  });

  it("gives a paragraph's quotations to the named party acting in it", () => {
    const text = '"This is a big year for us!" Price shouted to the crowd. "The nation is watching Virginia."';
    assert.deepEqual(missing(text), []);
    assert.deepEqual(missing('The deal is "a historic turning point for the region."'), ['"a historic turning point for the region."']);
  });

  it('keeps a fill-in placeholder flagged, once, until it is replaced', () => {
    const text = 'Unemployment has climbed to 4.6 percent, according to [SOURCE].';
    const findings = lint(text).findings.filter((f) => f.rule === 'attribution.missing');
    assert.deepEqual(
      findings.map((f) => [text.slice(f.start, f.end), f.kind]),
      [['[SOURCE]', 'placeholder']],
    );
    assert.deepEqual(missing('"We will never give up the fight for this town," [SPEAKER] said.'), ['[SPEAKER]']);
    assert.deepEqual(missing('Unemployment has climbed to 4.6 percent, according to the statistics office.'), []);
  });

  it('asks no sources in technical Markdown, and still does in a news draft', () => {
    const prose = 'The cache will be rebuilt when a file changes, because the index is faster than a scan.';
    assert.ok(missing(prose).length > 0);
    assert.deepEqual(missing(`${prose}\n\n\`\`\`sh\nnpm install\n\`\`\`\n`), []);
  });
});

describe('document genre', () => {
  it('reads code fences, release headings and inline code as technical', () => {
    assert.equal(documentGenre('Intro.\n\n```js\nx()\n```\n', 'markdown'), 'technical');
    assert.equal(documentGenre('# Changelog\n\n## [1.2.0] - 2024-05-01\n\nFixed.', 'markdown'), 'technical');
    assert.equal(documentGenre('Use `a`, `b` and `c`.', 'markdown'), 'technical');
    assert.equal(documentGenre('Use `a` and `b`.', 'markdown'), 'news');
    assert.equal(documentGenre('```\ncode\n```', 'plaintext'), 'news');
    assert.equal(documentGenre('The minister resigned on Monday.', 'markdown'), 'news');
  });
});
