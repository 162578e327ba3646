import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { readDocumentMetadata } from '../../server/src/engine/sources/documentMetadata';
import { extractFacts } from '../../server/src/engine/sources/extract';
import { builtInKnowledge, lint, ROOT, withSources } from '../helpers/knowledge';

const SOURCES = path.join(ROOT, 'examples', 'sources');
const exampleSources = (): { file: string; text: string }[] =>
  fs.readdirSync(SOURCES).map((name) => ({ file: path.join(SOURCES, name), text: fs.readFileSync(path.join(SOURCES, name), 'utf8') }));

interface AnswerKey {
  errors: { draft: string; kind: string; draftWords: string; sourceFile: string; sentence: string }[];
  correct: { draft: string; sentence: string; sourceFile: string }[];
}

describe('source documents: metadata', () => {
  it('reads title, outlet and date from front matter, from a header, or infers them and says so', () => {
    const front = readDocumentMetadata('a.md', '---\ntitle: Harbour plan\noutlet: Eastmere Council\ndate: 2026-03-12\n---\n\nText.\n');
    assert.deepEqual(
      [front.title, front.outlet, front.date, front.dateBasis],
      ['Harbour plan', 'Eastmere Council', '2026-03-12', 'stated in the front matter'],
    );
    const header = readDocumentMetadata('b.txt', 'Title: Rail talks\nOutlet: Radio Northfield\nDate: 3 February 2026\n\nText.\n');
    assert.deepEqual(
      [header.title, header.outlet, header.date, header.titleBasis],
      ['Rail talks', 'Radio Northfield', '2026-02-03', 'stated in the header'],
    );
    const bare = readDocumentMetadata('c.txt', 'Drought grips Valdora farms\nVALDORA, June 9, 2026 - Farmers said the wells were dry.\n');
    assert.deepEqual(
      [bare.title, bare.titleBasis, bare.outlet, bare.outletBasis, bare.date, bare.dateBasis],
      [
        'Drought grips Valdora farms',
        'inferred — the first line',
        'unknown outlet',
        'inferred — the document names no outlet',
        '2026-06-09',
        'inferred — the first date in the text',
      ],
    );
    const nothing = readDocumentMetadata('notes.txt', 'the wells were dry.');
    assert.deepEqual([nothing.title, nothing.date, nothing.dateBasis], ['notes.txt', '', 'not known']);
  });
});

describe('source documents: extraction', function () {
  this.timeout(60000);
  const extract = (text: string) =>
    extractFacts({ key: '/desk/sources/release.md', text, format: 'markdown', date: '2026-03-12' }, builtInKnowledge());

  it('reads a quotation with its speaker, a person the document names, with the title before the name as their role', () => {
    const { facts, entities } = extract(
      '\u201CWe will not let the harbour silt up again, whatever it costs,\u201D said Chief Executive Tomas Velde.\n',
    );
    assert.deepEqual(
      facts.map((f) => [f.quote?.speakers, f.quote?.text, f.source.passage]),
      [
        [
          ['x-tomas-velde'],
          'We will not let the harbour silt up again, whatever it costs',
          '\u201CWe will not let the harbour silt up again, whatever it costs,\u201D said Chief Executive Tomas Velde.',
        ],
      ],
    );
    assert.deepEqual(
      entities.map((e) => [e.id, e.name, e.aliases, e.roles?.map((r) => r.title)]),
      [['x-tomas-velde', 'Tomas Velde', ['Velde'], ['chief-executive']]],
    );
  });

  it('reads a double-barrelled name as one, with the rank before it as the role, and finds the person again by surname', () => {
    const { facts, entities } = extract(
      '\u201CWe will not tolerate attacks on the people who care for us,\u201D said Chief Superintendent Ellen Ashdown-Pike.\n\n\u201CEvery assault will be investigated and every offender charged,\u201D Ashdown-Pike added.\n',
    );
    assert.deepEqual(
      entities.map((e) => [e.name, e.aliases, e.roles?.map((r) => r.title)]),
      [['Ellen Ashdown-Pike', ['Ashdown-Pike'], ['superintendent']]],
    );
    assert.deepEqual(
      facts.map((f) => f.quote?.speakers),
      [['x-ellen-ashdown-pike'], ['x-ellen-ashdown-pike']],
    );
  });

  it("reads a transcript's turns as quotations of the named speaker, not of a one-word role", () => {
    const transcript =
      'Title: Briefing\n\nINTERVIEWER: How many officers will take part in the operation?\n\nSUPERINTENDENT JONAS FERREIRA: We will have forty officers on the wards every night until the end of August.\n\nJONAS FERREIRA: Thanks.\n';
    const { facts, entities } = extract(transcript);
    assert.deepEqual(
      facts.filter((f) => f.quote).map((f) => [f.quote?.speakers, f.quote?.text]),
      [[['x-jonas-ferreira'], 'We will have forty officers on the wards every night until the end of August.']],
    );
    assert.deepEqual(
      entities.map((e) => [e.name, e.roles?.map((r) => r.title)]),
      [['Jonas Ferreira', ['superintendent']]],
    );
    const knowledge = withSources([{ file: '/desk/briefing.txt', text: transcript }]);
    const draft = '\u201CWe will have twenty officers on the wards every night until the end of August,\u201D Ferreira said.';
    assert.deepEqual(
      lint(draft, { knowledge })
        .findings.filter((f) => f.rule.startsWith('fact.'))
        .map((f) => [f.rule, draft.slice(f.start, f.end)]),
      [['fact.misquote', 'twenty']],
    );
  });

  it('gives a quotation that goes on in the next sentence to the same speaker, named without an honorific', () => {
    const { facts } = extract(
      '\u201CNo family should spend another winter watching the river,\u201D said Ms Eleanor Whitcombe-Hale. \u201CThis investment is the largest we have ever made in Northvale.\u201D\n',
    );
    assert.deepEqual(
      facts.map((f) => [f.quote?.speakers, f.quote?.text]),
      [
        [['x-eleanor-whitcombe-hale'], 'No family should spend another winter watching the river'],
        [['x-eleanor-whitcombe-hale'], 'This investment is the largest we have ever made in Northvale'],
      ],
    );
  });

  it("reads a share in per cent however it is written, and checks a draft's percentage against it", () => {
    const { facts } = extract('Revenue in the division rose 22 per cent to \u00A3131 million. Margins grew 4% in the year.\n');
    assert.deepEqual(
      facts.map((f) => [f.slots?.[0]?.value, f.slots?.[0]?.unit]),
      [
        [22, 'per cent'],
        [131000000, 'pounds'],
        [4, 'per cent'],
      ],
    );
    const knowledge = withSources([
      { file: '/desk/update.md', text: 'Title: Update\n\nRevenue in the division rose 22 per cent to \u00A3131 million.\n' },
    ]);
    const draft = 'Revenue in the division rose 27% to \u00A3131 million.';
    assert.deepEqual(
      lint(draft, { knowledge })
        .findings.filter((f) => f.rule.startsWith('fact.'))
        .map((f) => [f.rule, draft.slice(f.start, f.end)]),
      [['fact.contradiction', '27']],
    );
  });

  it("reads a title set after the name as the speaker's role", () => {
    const { entities } = extract(
      '\u201CNobody wants a strike in winter, but our members have run out of patience,\u201D said Marta Okafor, general secretary of the Rail Workers\u2019 Union.\n',
    );
    assert.deepEqual(
      entities.filter((e) => e.type === 'person').map((e) => [e.name, e.roles?.map((r) => r.title)]),
      [['Marta Okafor', ['general-secretary']]],
    );
  });

  it('reads figures with their qualifier, unit and currency; names in quotation marks are not quotations', () => {
    const { facts } = extract(
      'The scheme will create up to 1,200 new berths. The court heard that he took \u00A32.3 million from clients. Locals call it \u201CHarbour Town\u201D.\n',
    );
    assert.deepEqual(
      facts.map((f) => f.slots?.[0]).map((s) => [s?.value, s?.unit, s?.qualifier]),
      [
        [1200, 'new berths', 'up-to'],
        [2300000, 'pounds', undefined],
      ],
    );
    assert.ok(facts.every((f) => !f.quote));
  });

  it('reads the weekday or date of an event a sentence tells of someone, not one in quoted words', () => {
    const { facts } = extract(
      'Council Leader Aisha Brennan opened the new quay on Tuesday. \u201CWe will be back on Friday,\u201D said Chief Executive Tomas Velde.\n',
    );
    const events = facts.filter((f) => !f.quote);
    assert.deepEqual(
      events.map((f) => [f.about, f.slots]),
      [[[['x-aisha-brennan']], [{ type: 'weekday', value: 'tuesday' }]]],
    );
    const draft = 'Aisha Brennan opened the new quay on Wednesday.';
    const knowledge = withSources([
      { file: '/desk/release.md', text: 'Title: Quay\n\nCouncil Leader Aisha Brennan opened the new quay on Tuesday.\n' },
    ]);
    assert.deepEqual(
      lint(draft, { knowledge })
        .findings.filter((f) => f.rule.startsWith('fact.'))
        .map((f) => [f.rule, draft.slice(f.start, f.end), f.severity]),
      [['fact.contradiction', 'Wednesday', 'warning']],
    );
    assert.deepEqual(
      lint(draft.replace('Wednesday', 'Tuesday'), { knowledge }).findings.filter((f) => f.rule.startsWith('fact.')),
      [],
    );
  });

  it('recovers the curated quotes and figures of the seeds, with the right speakers', () => {
    const knowledge = builtInKnowledge();
    const extracted = [...knowledge.seeds.articles].flatMap(
      ([file, article]) => extractFacts({ key: file, text: article.text, format: 'plaintext', date: article.date }, knowledge).facts,
    );
    const byQuote = (text: string) => extracted.find((f) => f.quote?.text === text);
    assert.deepEqual(byQuote('saving our country')?.quote?.speakers, ['assad']);
    assert.deepEqual(byQuote('fully liberated')?.quote?.speakers, ['iraqi-military']);
    const deployed = extracted.find((f) => f.slots?.some((s) => s.value === 140000));
    assert.deepEqual(deployed?.slots?.[0], { type: 'quantity', value: 140000, unit: 'Shiite forces', qualifier: 'up-to' });
    // every passage is verbatim in its article
    for (const fact of extracted) assert.ok(knowledge.seeds.articles.get(fact.source.seed)?.text.includes(fact.source.passage), fact.id);
  });
});

describe('source documents: drafts checked against them', function () {
  this.timeout(120000);
  const key = parse(fs.readFileSync(path.join(ROOT, 'examples', 'sources-errors.yaml'), 'utf8')) as AnswerKey;
  let knowledge: ReturnType<typeof withSources>;
  before(() => {
    knowledge = withSources(exampleSources());
  });

  const findingsIn = (draft: string) => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', draft), 'utf8');
    return { text, findings: lint(text, { knowledge }).findings.filter((f) => f.rule.startsWith('fact.')) };
  };

  it('catches every error of the answer key, at its words, with the source document that says otherwise', () => {
    for (const error of key.errors) {
      const { text, findings } = findingsIn(error.draft);
      const sentenceAt = text.indexOf(error.sentence);
      assert.ok(sentenceAt >= 0, `the key's sentence is not in ${error.draft}: ${error.sentence}`);
      const wordsAt = sentenceAt + error.sentence.indexOf(error.draftWords);
      const found = findings.find((f) => f.start <= wordsAt + error.draftWords.length && f.end >= wordsAt);
      assert.ok(found, `${error.kind} "${error.draftWords}" in ${error.draft} is not flagged`);
      assert.equal(found.detail.sources?.[0]?.file, path.join(SOURCES, error.sourceFile), `${error.draftWords}: ${found.message}`);
      // extracted facts are not checked by hand: their findings are warnings at most
      assert.equal(found.severity, 'warning');
    }
  });

  it('flags nothing else in the drafts: correct quotes and figures that agree are left alone', () => {
    for (const draft of new Set(key.errors.map((e) => e.draft))) {
      const { text, findings } = findingsIn(draft);
      const expected = key.errors.filter((e) => e.draft === draft).map((e) => text.indexOf(e.sentence));
      const extra = findings.filter((f) => !expected.some((at) => f.start >= at && f.start < at + 400));
      assert.deepEqual(
        extra.map((f) => `${f.rule} "${text.slice(f.start, f.end)}"`),
        [],
      );
    }
    for (const correct of key.correct) {
      const { text, findings } = findingsIn(correct.draft);
      const at = text.indexOf(correct.sentence);
      assert.ok(at >= 0, correct.sentence);
      assert.deepEqual(
        findings.filter((f) => f.start >= at && f.end <= at + correct.sentence.length).map((f) => f.message),
        [],
      );
    }
  });

  it('two documents that disagree on a figure are linked as disputed, and a draft agreeing with either is not flagged', () => {
    const one = { file: '/desk/a.txt', text: 'Title: A\n\nThe Eastmere ferry carried 40,000 passengers in 2025.\n' };
    const other = { file: '/desk/b.txt', text: 'Title: B\n\nThe Eastmere ferry carried 46,000 passengers in 2025.\n' };
    const both = withSources([one, other]);
    const figures = [...both.facts.facts.values()].filter((f) => f.extracted && f.slots?.some((s) => s.type === 'quantity'));
    assert.equal(figures.length, 2);
    assert.deepEqual(figures[0].disputedBy, [figures[1]]);
    for (const value of ['40,000', '46,000']) {
      assert.deepEqual(
        lint(`The Eastmere ferry carried ${value} passengers in 2025.`, { knowledge: both }).findings.filter((f) =>
          f.rule.startsWith('fact.'),
        ),
        [],
      );
    }
    assert.equal(lint('The Eastmere ferry carried 40,000 passengers in 2025.', { knowledge: withSources([one]) }).findings.length, 0);
    assert.deepEqual(
      lint('The Eastmere ferry carried 90,000 passengers in 2025.', { knowledge: withSources([one]) }).findings.map((f) => [
        f.rule,
        f.severity,
      ]),
      [['fact.contradiction', 'warning']],
    );
  });

  it('a quotation the curated base records is left to the curated fact', () => {
    const seed = builtInKnowledge().seeds.articles.get('002_790c4a0d2069b0ae.txt');
    assert.ok(seed);
    const copied = withSources([{ file: '/desk/observer-copy.txt', text: seed.text }]);
    const extractedQuotes = [...copied.facts.facts.values()].filter((f) => f.extracted && f.quote);
    assert.ok(!extractedQuotes.some((f) => f.quote?.text === 'fully liberated'), extractedQuotes.map((f) => f.quote?.text).join(' | '));
  });
});
