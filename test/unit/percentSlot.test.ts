import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Knowledge } from '../../server/src/engine/knowledge/knowledge';
import { buildKnowledge } from '../../server/src/engine/knowledge/knowledge';
import type { Finding } from '../../server/src/engine/types';
import { factBaseTree } from '../../server/src/features/factBaseView';
import { readBuiltInFiles } from '../../server/src/workspace/dataFiles';
import { lint, ROOT } from '../helpers/knowledge';

/** A team fact file with a turnout in per cent (and one "about" a share), read with the built-in data. */
const FACTS = `
entities:
  - id: team-ruritania
    type: country
    name: Ruritania
    adjectives: [Ruritanian]
facts:
  - id: team-ruritania-turnout
    statement: Turnout in Ruritania's referendum was 27 per cent.
    source: { seed: Ruritanian electoral commission, passage: "Turnout in the referendum was 27 per cent.", attribution: the electoral commission }
    about: [team-ruritania]
    cues: [turnout]
    slots:
      - type: percent
        value: 27
  - id: team-ruritania-unemployment
    statement: About 12 per cent of Ruritanians are out of work.
    source: { seed: Ruritanian statistics office, passage: "Unemployment stands at about 12 per cent.", attribution: the statistics office }
    about: [team-ruritania]
    cues: [unemployment]
    slots:
      - type: percent
        value: 12
        qualifier: about
`;

let knowledge: Knowledge | undefined;
function withPercentFacts(): Knowledge {
  knowledge ??= buildKnowledge({
    ...readBuiltInFiles(path.join(ROOT, 'seeds')),
    factFiles: [...readBuiltInFiles(path.join(ROOT, 'seeds')).factFiles, { file: '/team/turnout.facts.yaml', text: FACTS }],
  });
  return knowledge;
}

const factFindings = (text: string): Finding[] =>
  lint(text, { knowledge: withPercentFacts() }).findings.filter((f) => f.rule.startsWith('fact.'));
const flaggedWords = (text: string): [string, string][] => factFindings(text).map((f) => [f.rule, text.slice(f.start, f.end)]);

describe('percent slots', function () {
  this.timeout(60000);

  it('load without errors from a team fact file', () => {
    const errors = withPercentFacts().problems.filter((p) => p.file === '/team/turnout.facts.yaml' && p.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('flag a wrong percentage with the source\u2019s value in the finding and a fix to it', () => {
    const text = 'Turnout in the Ruritanian referendum was 31%.';
    const [finding] = factFindings(text);
    assert.deepEqual(flaggedWords(text), [['fact.contradiction', '31']]);
    assert.match(finding.message, /^"31": the source says 27% \u2014 \u201CTurnout in the referendum was 27 per cent\.\u201D/);
    assert.match(finding.detail?.reason ?? '', /The draft's percentage "31" conflicts with what the source says/);
    assert.equal(finding.kind, 'percent');
    assert.deepEqual(finding.fixes[0].edits, [{ start: text.indexOf('31'), end: text.indexOf('31') + 2, newText: '27' }]);
  });

  it('flag a wrong percentage however it is written, and a qualified one that cannot hold the value', () => {
    for (const [text, words] of [
      ['Turnout in the Ruritanian referendum was 31 per cent.', '31'],
      ['Turnout in the Ruritanian referendum was 31 percent.', '31'],
      ['Turnout in the Ruritanian referendum was 27.6 per cent.', '27.6'],
      ['Turnout in the Ruritanian referendum was more than 30 per cent.', 'more than 30'],
      ['Unemployment in Ruritania stands at 20%.', '20'],
    ])
      assert.deepEqual(flaggedWords(text), [['fact.contradiction', words]], text);
    const about = factFindings('Unemployment in Ruritania stands at 20%.')[0];
    assert.match(about.message, /the source says about 12%/);
    assert.equal(about.fixes[0].edits[0].newText, 'about 12');
  });

  it('leave a correct percentage alone, as written, qualified or rounded', () => {
    for (const text of [
      'Turnout in the Ruritanian referendum was 27%.',
      'Turnout in the Ruritanian referendum was 27 per cent.',
      'Turnout in the Ruritanian referendum was 27 percent.',
      'Turnout in the Ruritanian referendum was about 27 per cent.',
      'Turnout in the Ruritanian referendum was 27.4 per cent.',
      'Turnout in the Ruritanian referendum was nearly 28 per cent.',
      'Turnout in the Ruritanian referendum was more than a quarter, 27%.',
      'Unemployment in Ruritania stands at 13 per cent.',
    ])
      assert.deepEqual(flaggedWords(text), [], text);
  });

  it('treat an attributed wrong percentage as a disputed report, as quantities are', () => {
    const text = 'The opposition said turnout in the Ruritanian referendum was 31 per cent.';
    assert.deepEqual(flaggedWords(text), [['fact.disputed-report', '31']]);
    assert.match(factFindings(text)[0].message, /^The opposition says "31"; the source says 27%/);
  });

  it('leave unrelated percentages alone: another measure, or a second share beside the right one', () => {
    for (const text of [
      'Inflation in Ruritania reached 31 per cent.',
      'Turnout in the Ruritanian referendum was 27 per cent, and 31% of those who voted were under thirty.',
      'Turnout in the Ruritanian referendum was 27%.\n\nSome 31% of Ruritanians own a bicycle.',
    ])
      assert.deepEqual(flaggedWords(text), [], text);
  });

  it('are named "percentage" and shown as "27%" or "about 12%" in the fact base view', () => {
    const tree = factBaseTree(withPercentFacts(), new Map());
    const values = tree.sources.flatMap((s) => s.facts).filter((f) => f.id.startsWith('team-ruritania'));
    assert.deepEqual(
      values.map((f) => f.values),
      [['27%'], ['about 12%']],
    );
  });

  it('are refused by the schema without a number value', () => {
    const bad = FACTS.replace('value: 27', 'value: most');
    const problems = buildKnowledge({
      ...readBuiltInFiles(path.join(ROOT, 'seeds')),
      factFiles: [{ file: '/team/bad.facts.yaml', text: bad }],
    }).problems.filter((p) => p.file === '/team/bad.facts.yaml');
    assert.ok(
      problems.some((p) => /^facts\[0\]\.slots\[0\]\.value: should be a number$/.test(p.message)),
      problems.map((p) => p.message).join('\n'),
    );
  });
});
