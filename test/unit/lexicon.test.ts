import * as assert from 'node:assert/strict';
import lexiconSchema from '../../seeds/schema/lexicon.schema.json';
import { LEXICON_CATEGORIES } from '../../server/src/engine/knowledge/lexiconCategories';
import { defaultSettings } from '../../server/src/engine/settings';
import { builtInKnowledge, flagged, lint, withUserLexicon } from '../helpers/knowledge';

const loaded = (text: string) => flagged(text, 'loaded.term');
const warnings = (text: string) => loaded(text).filter(([severity]) => severity !== 'hint');

describe('loaded-term lexicon', () => {
  const entries = [...builtInKnowledge().lexicon.entries.values()];

  it('has at least 250 curated entries, each with a reason, alternatives and examples', () => {
    assert.ok(entries.length >= 250, `${entries.length} entries`);
    for (const entry of entries) {
      assert.ok(entry.why.length > 10, entry.id);
      assert.ok(entry.alternatives.length > 0, entry.id);
      assert.ok(entry.examples.flagged.length > 0 && entry.examples.neutral.length > 0, entry.id);
    }
  });

  describe('every entry\u2019s own examples', () => {
    for (const entry of builtInKnowledge().lexicon.entries.values()) {
      it(entry.id, () => {
        for (const example of entry.examples.flagged) {
          const findings = lint(example).findings.filter((f) => f.rule === 'loaded.term' && f.severity !== 'hint');
          assert.ok(
            findings.some((f) => f.entryId === entry.id),
            `not flagged: ${example}`,
          );
        }
        for (const example of entry.examples.neutral) {
          const findings = lint(example).findings.filter(
            (f) => f.rule === 'loaded.term' && f.severity !== 'hint' && f.entryId === entry.id,
          );
          assert.deepEqual(
            findings.map((f) => example.slice(f.start, f.end)),
            [],
            `flagged: ${example}`,
          );
        }
      });
    }
  });
});

describe('loaded.term matching', () => {
  it('matches inflections, possessives and case', () => {
    assert.deepEqual(
      warnings('Dictator\u2019s thugs beat a thug.').map(([, w]) => w),
      ['Dictator\u2019s', 'thugs', 'thug'],
    );
  });
  it('skips a one-word term capitalised mid-sentence as a name (the Crusaders, a rugby team)', () => {
    assert.deepEqual(warnings('The Crusaders beat the Chiefs on Saturday.'), []);
  });
  it('treats hyphen, space and closed forms alike', () => {
    for (const text of ['a narco-terrorist group', 'a narco terrorist group', 'a narcoterrorist group'])
      assert.equal(warnings(text).length, 1, text);
  });
  it('skips word-sense exceptions', () => {
    assert.deepEqual(warnings('Washington ruled out regime change; the sanctions regime stays; she keeps a strict diet regime.'), []);
  });
  it('reports quoted wording as a hint at most', () => {
    assert.deepEqual(loaded('"The regime must go," the opposition leader said.'), [['hint', 'regime']]);
  });
  it('does not lint code, URLs or link targets', () => {
    assert.deepEqual(loaded('Use `regime` in code, see [the report](https://x.org/regime) or https://example.com/thugs.'), []);
  });
  it('honours the allow-list by term or id', () => {
    assert.deepEqual(flagged('The regime fell.', 'loaded.term', { settings: { allow: ['Regime'] } }), []);
    assert.deepEqual(flagged('The dictator fell.', 'loaded.term', { settings: { allow: ['dictator'] } }), []);
  });
  it('offers each alternative as a fix, inflected like the match', () => {
    const text = 'The thugs ran.';
    const finding = lint(text).findings.find((f) => f.rule === 'loaded.term');
    assert.deepEqual(finding?.fixes.map((f) => f.edits[0].newText).slice(0, 2), ['attackers', 'assailants']);
    assert.equal(finding?.fixes[0].preferred, true);
  });
  it('shows how the seed articles used the term', () => {
    const finding = lint('The dictator spoke.').findings.find((f) => f.rule === 'loaded.term');
    assert.ok(finding?.detail.sources?.some((s) => /dictator/i.test(s.passage) && s.seed.endsWith('.txt')));
  });
});

describe('loaded.term categories and context', function () {
  // several cases build knowledge with an extra lexicon (about a second each on a slow machine): not a timing test
  this.timeout(30_000);

  it('describes every category of the schema, and no other', () => {
    assert.deepEqual(Object.keys(LEXICON_CATEGORIES).sort(), [...lexiconSchema.definitions.entry.properties.category.enum].sort());
  });
  it('gives each finding its category’s default severity: evaluative words information, labels warning', () => {
    assert.deepEqual(warnings('The reckless plan was drafted by thugs.'), [
      ['information', 'reckless'],
      ['warning', 'thugs'],
    ]);
  });
  it('applies a level the user sets for loaded.term to every category', () => {
    const settings = { rules: { ...defaultSettings().rules, 'loaded.term': 'error' as const } };
    assert.deepEqual(flagged('The reckless plan was drafted by thugs.', 'loaded.term', { settings }), [
      ['error', 'reckless'],
      ['error', 'thugs'],
    ]);
  });
  it('reads a verdict in a named or vague speaker’s reported statement as theirs, a label as the writer’s', () => {
    assert.deepEqual(warnings('The senator said the plan was reckless.'), []);
    assert.deepEqual(warnings('Critics say the plan is reckless.'), []);
    assert.deepEqual(warnings('The senator said the mullah regime had fallen.'), [['warning', 'mullah regime']]);
  });
  it('keeps the writer’s own "we" and sourceless hedges in the writer’s voice', () => {
    assert.deepEqual(warnings('We said the plan was reckless.'), [['information', 'reckless']]);
    assert.deepEqual(warnings('The plan was allegedly reckless.'), [['information', 'reckless']]);
  });
  it('flags an entry with partOfSpeech only where the tagger reads the head word so', () => {
    const entry = [
      '  - id: test-wild',
      '    term: wild',
      '    inflect: adjective',
      '    partOfSpeech: [ADJ, ADV]',
      '    category: editorialising',
      '    why: A verdict on a claim.',
      '    alternatives: [(describe the claim)]',
      '    examples: { flagged: [a wild claim], neutral: [in the wild] }',
    ].join('\n');
    const knowledge = withUserLexicon(`entries:\n${entry}\n`, 'test.lexicon.yaml');
    assert.deepEqual(
      knowledge.problems.filter((p) => p.file === 'test.lexicon.yaml'),
      [],
    );
    const wild = (text: string) => flagged(text, 'loaded.term', { knowledge }).map(([, w]) => w);
    assert.deepEqual(wild('He made a wild claim about the vote.'), ['wild']);
    assert.deepEqual(wild('Only 400 of the cats survive in the wild.'), []);
  });
  it('takes a label as someone else\u2019s when a naming verb applies it, named or not, before it or in an "as" clause', () => {
    for (const text of [
      'Ankara considers the PKK a terrorist organisation.',
      'Beijing has branded the protesters thugs.',
      'Officials in Kyiv describe the separatists as terrorists.',
      'The dictator, as the opposition calls him, fled.',
      'According to the ministry, the thugs fled.',
      'He was branded a traitor by the court.',
    ])
      assert.deepEqual(warnings(text), [], text);
  });
  it('keeps a label the writer\u2019s in an agentless passive or with an attribution only after it', () => {
    assert.deepEqual(warnings('He was branded a traitor.'), [['warning', 'traitor']]);
    assert.deepEqual(warnings('Troops killed 12 terrorists in the raid, the army said.'), [['warning', 'terrorists']]);
    assert.deepEqual(warnings('The thugs fled as police arrived.'), [['warning', 'thugs']]);
  });
  it('offers to drop an intensifier or a certainty marker, with its commas, capitalising what then opens the sentence', () => {
    const dropped = (text: string) => {
      const fix = lint(text)
        .findings.flatMap((f) => f.fixes)
        .find((f) => f.title.startsWith('Remove'));
      let result = text;
      for (const edit of [...(fix?.edits ?? [])].sort((a, b) => b.start - a.start))
        result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
      return result;
    };
    assert.equal(dropped('The plan is utterly inadequate.'), 'The plan is inadequate.');
    assert.equal(dropped('Clearly, the plan will fail.'), 'The plan will fail.');
    assert.equal(dropped('The plan will, of course, fail.'), 'The plan will fail.');
    assert.equal(dropped('The plan will fail, of course.'), 'The plan will fail.');
  });
  it('takes a label applied by a vague subject as theirs even where the tagger reads the verb as a noun', () => {
    assert.deepEqual(warnings('Critics call the governor a dictator.'), []);
  });
  it('settles each match\u2019s sense before choosing the longest, so an excepted longer match hides nothing', () => {
    const entry = (id: string, term: string, except: string[]) =>
      [
        `  - id: ${id}`,
        `    term: ${term}`,
        '    category: loaded-framing',
        '    why: A test entry.',
        '    alternatives: [(describe)]',
        `    except: [${except.join(', ')}]`,
        '    examples: { flagged: [x], neutral: [y] }',
      ].join('\n');
    const text = `entries:\n${entry('test-long', 'tiger economy of the east', ['tiger economy of the east asian'])}\n${entry('test-short', 'tiger economy', [])}\n`;
    const knowledge = withUserLexicon(text, 'test.lexicon.yaml');
    const found = lint('It was the tiger economy of the East Asian region.', { knowledge }).findings.filter(
      (f) => f.rule === 'loaded.term',
    );
    assert.deepEqual(
      found.map((f) => f.entryId),
      ['test-short'],
    );
  });
  it('reads an adjective\u2019s position when an entry asks for one: before its noun, or after a linking verb', () => {
    const entry = (id: string, position: string) =>
      [
        `  - id: ${id}`,
        '    term: splendiferous',
        '    inflect: adjective',
        `    position: ${position}`,
        '    category: editorialising',
        '    why: A test entry.',
        '    alternatives: [(describe)]',
        '    examples: { flagged: [x], neutral: [y] }',
      ].join('\n');
    const only = (position: string) => {
      const knowledge = withUserLexicon(`entries:\n${entry(`test-${position}`, position)}\n`, 'test.lexicon.yaml');
      return (text: string) => flagged(text, 'loaded.term', { knowledge }).map(([, w]) => w);
    };
    const attributive = only('attributive');
    assert.deepEqual(attributive('It was a splendiferous quarter for the bank.'), ['splendiferous']);
    assert.deepEqual(attributive('The quarter was splendiferous for the bank.'), []);
    const predicative = only('predicative');
    assert.deepEqual(predicative('The quarter was truly splendiferous for the bank.'), ['splendiferous']);
    assert.deepEqual(predicative('It was a splendiferous quarter for the bank.'), []);
  });
});
