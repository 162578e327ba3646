import * as assert from 'node:assert/strict';
import { flagged, lint } from '../helpers/knowledge';

const missing = (text: string) => flagged(text, 'attribution.missing').map(([, words]) => words);
const vague = (text: string) => flagged(text, 'attribution.vague').map(([, words]) => words);

describe('attribution.missing', () => {
  const needs: [string, string][] = [
    ['figure', 'The strikes killed 42 civilians in the city.'],
    ['superlative', 'It was the deadliest week of the war.'],
    ['comparison', 'Prices rose faster than wages last year.'],
    ['causal', 'The sanctions led to a collapse of the currency.'],
    ['prediction', 'The government will fall before the summer.'],
    ['accusation', 'The militia tortured prisoners at the base.'],
    ['intention', 'Tehran plans to build a permanent base near the Golan Heights.'],
    ['opinion', 'The much-needed reform finally passed.'],
    ['trend in any tense', 'Unemployment has risen for three straight months.'],
    ['trend with a figure', 'Burglaries have fallen every year since 2019.'],
  ];
  for (const [kind, text] of needs) it(`flags an unsourced ${kind}`, () => assert.ok(missing(text).length > 0, text));

  it('flags a quotation with no speaker', () =>
    assert.deepEqual(missing('The deal is "a historic turning point for the region."'), ['"a historic turning point for the region."']));

  const sourced: [string, string][] = [
    ['named source after', 'The strikes killed 42 civilians in the city, the health ministry said.'],
    ['according to', 'According to the United Nations, the strikes killed 42 civilians.'],
    ['named source before', 'Lavrov said the presence of Iranian forces was legitimate and would continue.'],
    ['document', 'A report by Human Rights Watch found that prisoners were tortured.'],
    ['quote with speaker after', '"We will win this war within a year," Assad said.'],
    ['quote carried by a later he said', '"We will stay. Our forces will not leave," he said.'],
    ['pronoun carry-over', 'The ministry published its figures on Monday. It said 42 civilians were killed.'],
    ['scene-setting', 'The meeting took place in a hotel ballroom on Tuesday.'],
    ['schedule', 'The council will meet again on Thursday.'],
    ['time of day', 'Polls closed at 8 p.m. on Sunday.'],
    ['a live-blog timestamp', '10:30 a.m.'],
    ['a time in hours and minutes', 'The vote began at 9:30 a.m. on Tuesday.'],
    ['the future progressive of a schedule', 'Trump will be holding a rally at an Elks Lodge in Salem.'],
    [
      'a quotation whose speaker follows an aside ending in an abbreviation',
      '"Both of them scare me," Harry Bond, 30, of Raleigh, N.C., who was among those polled, said in an interview.',
    ],
    ['a change that is not a trend', 'The sun rose over the harbour and he fell asleep.'],
    ['a claim inside what a source says', 'The bank thinks inflation will rise.'],
    [
      'a source after an aside in dashes',
      'His campaign chairman said \u2014 on Twitter, as it happens \u2014 that he raised $4 million that day.',
    ],
    ['a poll named before its finding', 'A poll from Marquette Law School released Wednesday found Clinton leading by 15 points.'],
    ['a statement of intent made by a speaker', 'The governor is promising lawmakers that taxes will fall by 10 percent.'],
  ];
  for (const [what, text] of sourced) it(`does not flag: ${what}`, () => assert.deepEqual(missing(text), [], text));

  it('offers the fact base\u2019s source as a quick fix when it knows the claim', () => {
    const text = 'Iran deployed up to 140,000 Shiite forces to Iraq and Syria.';
    const finding = lint(text).findings.find((f) => f.rule === 'attribution.missing');
    assert.ok(finding);
    assert.match(finding.message, /Breitbart News/);
    assert.equal(finding.fixes[0].edits[0].newText, ', according to Breitbart News.');
    assert.match(finding.fixes[1].edits[0].newText, /according to \[SOURCE\]/);
  });

  it('still asks who says a view held or a statement not yet made', () => {
    assert.deepEqual(missing('Berlin wants to reduce its dependence on Chinese batteries.'), ['wants to']);
    assert.ok(missing('The company is set to announce about 2,000 job cuts.').length > 0);
  });

  it('respects the sensitivity setting', () => {
    const text = 'The much-needed reform finally passed.';
    assert.deepEqual(flagged(text, 'attribution.missing', { settings: { sensitivity: 'relaxed' } }), []);
  });
});

describe('attribution.vague', () => {
  const cases: [string, string][] = [
    ['Officials said the talks had failed.', 'Officials said'],
    ['The minister reportedly resigned.', 'reportedly'],
    ['It is believed that the fire was started deliberately.', 'It is believed'],
    ['Western officials told the BBC that Iran is building a base.', 'Western officials told'],
    ['Experts agree the policy has failed.', 'Experts agree'],
  ];
  for (const [text, words] of cases)
    it(`flags "${words}"`, () =>
      assert.ok(
        vague(text).some((v) => v.includes(words) || words.includes(v)),
        `${vague(text)} in ${text}`,
      ));

  it('offers a desk editor\u2019s fixes: name the source, or say why it cannot be named, each leaving a placeholder flagged', () => {
    const text = 'Officials say the new base will be finished by March.';
    const finding = lint(text).findings.find((f) => f.rule === 'attribution.vague');
    const applied = (title: RegExp) => {
      const fix = finding?.fixes.find((f) => title.test(f.title));
      let result = text;
      for (const edit of [...(fix?.edits ?? [])].sort((a, b) => b.start - a.start))
        result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
      return result;
    };
    const named = applied(/^Name the source/);
    assert.equal(named, '[SOURCE] say the new base will be finished by March.');
    assert.deepEqual(
      flagged(named, 'attribution.missing').map(([, w]) => w),
      ['[SOURCE]'],
    );
    const reasoned = applied(/^Say why/);
    assert.equal(reasoned, 'Officials, who asked not to be named because [REASON], say the new base will be finished by March.');
    assert.ok(
      lint(reasoned).findings.some(
        (f) => f.rule === 'attribution.missing' && /\[REASON\].*say why the source cannot be named/.test(f.message),
      ),
    );
    assert.deepEqual(
      lint('The minister reportedly resigned.').findings.find((f) => f.rule === 'attribution.vague')?.fixes,
      [],
      'a sourceless hedge has no source to replace',
    );
  });

  it('does not flag named institutions or officials', () => {
    for (const text of [
      'The police said two men were arrested.',
      'Pentagon officials said the strikes continued.',
      'Eric Pahon, a Pentagon spokesman, said the strikes continued.',
    ]) {
      assert.deepEqual(vague(text), [], text);
    }
  });
});
