import * as assert from 'node:assert/strict';
import { analyseChunk, splitChunks, tagSentences } from '../../server/src/engine/document';
import { builtInKnowledge } from '../helpers/knowledge';
import { maskMarkdown, isPlainParagraph } from '../../server/src/engine/text/markdown';
import { maskPlainText } from '../../server/src/engine/text/plaintext';
import { findQuotations } from '../../server/src/engine/text/quotes';
import { tokenize } from '../../server/src/engine/text/tokens';
import { findTimes } from '../../server/src/engine/text/dates';
import { findNumbers } from '../../server/src/engine/text/numbers';
import { pluralOf, verbForms } from '../../server/src/engine/text/inflections';

const sentencesOf = (text: string): string[] => tagSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('splits at full stops, question and exclamation marks, keeping closing quotes', () => {
    assert.deepEqual(sentencesOf('He left. "Why?" she asked! Then rain.'), ['He left.', '"Why?" she asked!', 'Then rain.']);
    assert.deepEqual(sentencesOf('\u201CWe won.\u201D He smiled.'), ['\u201CWe won.\u201D', 'He smiled.']);
  });
  it('does not split after titles, initials, decimals or dotted abbreviations before a name', () => {
    assert.deepEqual(sentencesOf('Mr. Smith met Gen. Jones and J. R. Ewing. Prices rose 3.5 percent.'), [
      'Mr. Smith met Gen. Jones and J. R. Ewing.',
      'Prices rose 3.5 percent.',
    ]);
    assert.deepEqual(sentencesOf('The U.S. Army left. The U.S. The end.'), ['The U.S. Army left.', 'The U.S.', 'The end.']);
    assert.deepEqual(sentencesOf('It reached the U.S.-backed forces. They won.'), ['It reached the U.S.-backed forces.', 'They won.']);
  });
  it('does not split before a lower-case continuation', () => {
    assert.deepEqual(sentencesOf('Talks resumed in Vienna at 10 a.m. on Monday. They ended.'), [
      'Talks resumed in Vienna at 10 a.m. on Monday.',
      'They ended.',
    ]);
    assert.deepEqual(sentencesOf('He said no. and left'), ['He said no. and left']);
  });
});

describe('tokens', () => {
  it('keeps apostrophes inside words and records possessives and hyphen links', () => {
    const tokens = tokenize("Iran\u2019s narco-terrorist proxies don't");
    assert.deepEqual(
      tokens.filter((t) => t.kind !== 'punct').map((t) => [t.norm, t.possessive, t.afterHyphen]),
      [
        ['iran', true, false],
        ['narco', false, false],
        ['terrorist', false, true],
        ['proxies', false, false],
        ["don't", false, false],
      ],
    );
  });
  it('reads numbers with separators as one token', () => {
    assert.deepEqual(
      tokenize('up to 140,000 and 3.5')
        .filter((t) => t.kind === 'number')
        .map((t) => t.text),
      ['140,000', '3.5'],
    );
  });
  it('keeps offsets in UTF-16 code units around astral characters', () => {
    const text = '\u{1F600} regime';
    const word = tokenize(text).find((t) => t.norm === 'regime');
    assert.equal(text.slice(word?.start, word?.end), 'regime');
  });
});

describe('dates and timings', () => {
  it('reads months, days, years, weekdays and relative timings', () => {
    const times = findTimes(tokenize('On Tuesday, November 24, 2015, two days after the talks, he left.'));
    assert.deepEqual(
      times.dates.map((d) => [d.month, d.day, d.year]),
      [[11, 24, 2015]],
    );
    assert.deepEqual(
      times.weekdays.map((w) => w.weekday),
      ['tuesday'],
    );
    assert.deepEqual(
      times.relatives.map((r) => [r.amount, r.unit, r.direction]),
      [[2, 'day', 'after']],
    );
  });
  it('never reads names of built-in object properties as months or units', () => {
    const times = findTimes(tokenize('Constructor talks: a toString after the Valueof meeting and two hasOwnProperty before it.'));
    assert.deepEqual(times, { dates: [], weekdays: [], relatives: [], relativeYears: [] });
  });
  it('reads years told relative to another, and dates a sentence speaks from', () => {
    const text =
      'As of November 2017, talks begun early last year, two years earlier and the previous year, but not two years before the war.';
    const times = findTimes(tokenize(text));
    assert.deepEqual(
      times.dates.map((d) => [d.year, d.reference]),
      [[2017, true]],
    );
    const seasons = findTimes(tokenize('In the summer of 2016 and next spring, prices may fall; a summer offensive.')).dates;
    assert.deepEqual(
      seasons.map((d) => [d.season, d.year]),
      [
        ['summer', 2016],
        ['spring', undefined],
      ],
    );
    assert.deepEqual(
      times.relativeYears.map((r) => [text.slice(r.start, r.end), r.offset, r.part]),
      [
        ['early last year', -1, 'early'],
        ['two years earlier', -2, undefined],
        ['the previous year', -1, undefined],
      ],
    );
  });
});

describe('numbers and inflections', () => {
  it('reads digits, written numbers, scales and ordinals with their qualifiers', () => {
    const numbers = findNumbers(tokenize('Up to 140,000 fighters, one hundred and forty tanks, 1.5 million people and the third convoy.'));
    assert.deepEqual(
      numbers.map((n) => [n.value, n.qualifier, n.ordinal]),
      [
        [140000, 'up-to', false],
        [140, 'exact', false],
        [1500000, 'exact', false],
        [3, 'exact', true],
      ],
    );
  });
  it('reads dozens and counts given by their order of magnitude as ranges', () => {
    const numbers = findNumbers(
      tokenize('Two dozen nations, half a dozen envoys, dozens of towns and tens of thousands of fighters; in the hundreds.'),
    );
    assert.deepEqual(
      numbers.map((n) => [n.value, n.range]),
      [
        [24, undefined],
        [6, undefined],
        [24, [24, 99]],
        [20000, [20000, 99999]],
      ],
    );
    assert.deepEqual(
      findNumbers(tokenize('nearly a hundred miles')).map((n) => [n.value, n.qualifier]),
      [[100, 'nearly']],
    );
  });
  it('never reads names of built-in object properties as numbers, scales or irregular forms', () => {
    assert.deepEqual(
      findNumbers(tokenize('The constructor of toString and valueOf, two hasOwnProperty.')).map((n) => n.value),
      [2],
    );
    assert.equal(pluralOf('constructor'), 'constructors');
    assert.deepEqual(verbForms('constructor').slice(0, 2), ['constructor', 'constructors']);
  });
});

describe('quotations', () => {
  it('finds curly, straight and single quotations and continued quotes', () => {
    const text = '\u201CA,\u201D he said. "B" and \u2018C\u2019 but not Iran\u2019s. \u201CD runs on';
    const quotes = findQuotations(text, { start: 0, end: text.length }).map((q) => text.slice(q.innerStart, q.innerEnd));
    assert.deepEqual(quotes, ['A,', 'B', 'C', 'D runs on']);
  });
});

describe('markdown masking', () => {
  const masked = (md: string): string => maskMarkdown(md).masked;
  it('keeps prose and link text, blanks code, HTML, URLs and markup at the same length', () => {
    const md = 'A *b* `code` [link text](http://x.y/regime) <span title="regime">c</span> <!-- d -->';
    const out = masked(md);
    assert.equal(out.length, md.length);
    assert.match(out, /A {2}b {2}/);
    assert.ok(!out.includes('code'));
    assert.ok(out.includes('link text'));
    assert.ok(!out.includes('regime'));
    assert.ok(out.includes(' c '));
  });
  it('blanks fenced and indented code, keeps headings, lists, tables and block quotes', () => {
    const md = '# Head\n\n- item one\n\n> quoted words\n\n| a | b |\n|---|---|\n| cell | x |\n\n```\nregime\n```\n\n    regime too\n';
    const out = masked(md);
    for (const kept of ['Head', 'item one', 'quoted words', 'cell']) assert.ok(out.includes(kept), kept);
    assert.ok(!out.includes('regime'));
    const blocks = maskMarkdown(md).blocks;
    assert.deepEqual(blocks.map((b) => [b.kind, b.quoted]).slice(0, 3), [
      ['heading', false],
      ['paragraph', false],
      ['paragraph', true],
    ]);
  });
  it('blanks autolinks and bare URLs but keeps line breaks', () => {
    const out = masked('See <https://a.b/regime> and https://c.d/regime\nnow');
    assert.ok(!out.includes('regime'));
    assert.equal(out.split('\n').length, 2);
  });
  it('skips the parser only for chunks that are certainly one plain paragraph', () => {
    assert.ok(isPlainParagraph('Russia said on Tuesday that it would stay.\nIt added more.'));
    for (const md of ['# Head', '- item', '1. item', 'a `b`', 'a [b](c)', 'a <b>', '    code', 'x\n===', 'a http://x.y', 'a *b*']) {
      assert.ok(!isPlainParagraph(md), md);
    }
  });
});

describe('plain-text masking', () => {
  it('blanks URLs and directive lines, keeping offsets', () => {
    const text = 'Read https://x.y/regime now.\nclaimlint-disable loaded.term\nMore.';
    const { masked, comments } = maskPlainText(text);
    assert.equal(masked.length, text.length);
    assert.ok(!masked.includes('regime'));
    assert.equal(comments[0].body, 'claimlint-disable loaded.term');
    assert.equal(text.slice(comments[0].bodyStart, comments[0].bodyStart + 9), 'claimlint');
  });
});

describe('chunks', () => {
  it('splits Markdown at blank lines but never inside fences, HTML comments or front matter', () => {
    const md =
      '---\na: 1\n\nb: 2\n---\n\nPara one.\n\n```\ncode\n\nmore\n```\n\n<!--\nnote\n\nmore\n-->\n\n- item\n\n  continued\n\nPara two.';
    const chunks = splitChunks(md, 'markdown').map((c) => md.slice(c.start, c.end));
    assert.deepEqual(chunks, [
      '---\na: 1\n\nb: 2\n---',
      'Para one.',
      '```\ncode\n\nmore\n```',
      '<!--\nnote\n\nmore\n-->',
      '- item\n\n  continued',
      'Para two.',
    ]);
  });
  it('treats CRLF, CR and LF alike', () => {
    const text = 'One.\r\n\r\nTwo.\r\rThree.\n\nFour.';
    assert.deepEqual(
      splitChunks(text, 'plaintext').map((c) => text.slice(c.start, c.end)),
      ['One.', 'Two.', 'Three.', 'Four.'],
    );
  });
  it('gives each chunk sentences with their tokens', () => {
    const chunk = analyseChunk('First one. Second one here.', 'plaintext', builtInKnowledge());
    assert.deepEqual(
      chunk.blocks[0].sentences.map((s) => s.tokens.filter((t) => t.kind === 'word').length),
      [2, 3],
    );
  });
});
