/**
 * Every reader of a paragraph is linear (or n log n) in its length: the work of linting hostile shapes of
 * text, counted deterministically (see `test/helpers/workMeter.ts`: executed blocks plus characters scanned
 * by regular expressions and native methods, no timing), grows about tenfold when the text does.
 */
import * as assert from 'node:assert/strict';
import { MAX_PIECE_LENGTH } from '../../server/src/engine/text/pieces';
import type { Measurement, Shape, ShapeWork } from '../helpers/shapeWork';
import { measureShapes } from '../helpers/shapeWork';

/**
 * The most work ten times the text may take: n log n from 1,000 to 10,000 characters is 13 times the work;
 * a reader quadratic in the paragraph gives 30 to 100 here.
 */
const MAX_RATIO = 20;

/** Regression fixtures: shapes that were quadratic (issue #17 and what its probe turned up). */
const REGRESSIONS: Shape[] = [
  { name: 'quotation marks (100 KB of ")', unit: '"', format: 'markdown' },
  { name: 'quotation marks in plain text', unit: '"', format: 'plaintext' },
  { name: 'a quotation opened in every sentence', unit: 'He said "no. ', format: 'markdown' },
  { name: 'curly quotations with a speaker each', unit: '\u201CYes,\u201D she said. ', format: 'markdown' },
  {
    name: 'directive lines in one plain-text paragraph',
    unit: '<!-- claimlint-disable loaded.term -->\nThe regime fell.\n',
    format: 'plaintext',
  },
  { name: 'directive lines in one Markdown chunk', unit: '<!-- claimlint-disable loaded.term -->\nThe regime fell.\n', format: 'markdown' },
  { name: 'plain text with single newlines', unit: 'The minister said the regime fell on Monday {i}.\n', format: 'plaintext' },
  { name: 'list items', unit: '- a\n', format: 'markdown' },
  { name: 'headings', unit: '# a\n', format: 'markdown' },
];

/**
 * Shapes on which the Markdown parser (micromark) itself is superlinear: thousands of bracketed words or
 * pipe-separated lines in one paragraph (each run of text it merges moves every later event). Only the piece bound keeps them linear, so they are measured from one piece to ten.
 */
const PARSER_BOUND: Shape[] = [
  { name: 'unclosed links ([a]( ×n)', unit: '[a](', format: 'markdown' },
  { name: 'bracketed words ([a] ×n)', unit: '[a]', format: 'markdown' },
  { name: 'table rows without a header', unit: '| a | b |\n', format: 'markdown' },
];

/** Other hostile shapes and ordinary prose, held to the same bound. */
const HOSTILE: Shape[] = [
  {
    name: 'ordinary prose in one paragraph',
    unit: 'Officials said {i} people died in the city on Monday, according to the ministry. "We will rebuild," the mayor said. ',
    format: 'markdown',
  },
  {
    name: 'ordinary prose in paragraphs',
    unit: 'The regime fell on day {i}, officials said. Putin met Assad in Moscow on Friday.\n\n',
    format: 'markdown',
  },
  { name: 'one loaded word per sentence', unit: 'The regime fell. ', format: 'markdown' },
  { name: 'emphasis marks', unit: '*a _b ', format: 'markdown' },
  { name: 'inline HTML', unit: '<a>', format: 'markdown' },
  { name: 'images', unit: '![a](b) ', format: 'markdown' },
  { name: 'commas', unit: 'a, ', format: 'markdown' },
  { name: 'dates', unit: 'Monday, December 11, 2017 ', format: 'markdown' },
  { name: 'figures', unit: '1,000 ', format: 'markdown' },
  { name: 'code spans', unit: '`a ', format: 'markdown' },
  { name: 'block quotes', unit: '> a\n', format: 'markdown' },
  { name: 'nested quote markers', unit: '>', format: 'markdown' },
  { name: 'brackets', unit: '(', format: 'markdown' },
  { name: 'apostrophes', unit: "'", format: 'markdown' },
  { name: 'curly single quotes', unit: '\u2018a ', format: 'markdown' },
  { name: 'em dashes', unit: '\u2014', format: 'markdown' },
  { name: 'backslashes', unit: '\\', format: 'markdown' },
  { name: 'emoji (surrogate pairs)', unit: '\u{1F600} ', format: 'markdown' },
  { name: 'one long word', unit: 'a', format: 'markdown' },
  { name: 'abbreviations', unit: 'Mr. ', format: 'markdown' },
  { name: 'speakers and quotations', unit: 'Smith said, "x" ', format: 'markdown' },
  { name: 'bare URLs in plain text', unit: 'http://a ', format: 'plaintext' },
];

const SIZES = [1_000, 10_000, 100_000];
const PIECE_SIZES = [MAX_PIECE_LENGTH, 10 * MAX_PIECE_LENGTH];

/** Why a shape's work grew too fast: the ratios and where the work of the largest text went. */
function explain(work: ShapeWork[string]): string {
  const largest = work[work.length - 1];
  const top = largest.top.map(([what, n]) => `  ${n.toLocaleString('en')}  ${what}`).join('\n');
  return `work ${work.map((w) => w.total.toLocaleString('en')).join(' → ')}; the largest text's top contributors:\n${top}`;
}

describe('linear work on hostile paragraphs (work counted, not timed)', function () {
  this.timeout(300_000);
  let measured: ShapeWork;

  before(() => {
    const measurements: Measurement[] = [
      ...[...REGRESSIONS, ...HOSTILE].map((shape) => ({ shape, bytes: SIZES })),
      ...PARSER_BOUND.map((shape) => ({ shape, bytes: PIECE_SIZES })),
    ];
    measured = measureShapes(measurements);
  });

  for (const shape of [...REGRESSIONS, ...PARSER_BOUND, ...HOSTILE]) {
    it(`${shape.name}: at most ${MAX_RATIO} times the work for ten times the text`, () => {
      const work = measured[shape.name];
      for (let i = 1; i < work.length; i++) {
        const ratio = work[i].total / work[i - 1].total;
        assert.ok(ratio <= MAX_RATIO, `ratio ${ratio.toFixed(1)}: ${explain(work)}`);
      }
    });
  }
});
