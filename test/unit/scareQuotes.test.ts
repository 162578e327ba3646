import * as assert from 'node:assert/strict';
import { defaultSettings } from '../../server/src/engine/settings';
import { builtInKnowledge, flagged, lint } from '../helpers/knowledge';

const scare = (text: string) => flagged(text, 'loaded.scare-quote').map(([, words]) => words);

describe('loaded.scare-quote', () => {
  before(function () {
    this.timeout(60_000);
    builtInKnowledge();
  });

  it('flags quotation marks around an ordinary word that nobody in the sentence is given', () => {
    assert.deepEqual(scare('North Korea held another "election" on Sunday, with one candidate on each ballot.'), ['"election"']);
    assert.deepEqual(scare('The ministry hired three \u201Cexperts\u201D to review the dam.'), ['\u201Cexperts\u201D']);
  });

  it('leaves alone quoted phrases and hyphenated coinages, mostly terms of art or a speaker\u2019s words', () => {
    assert.deepEqual(scare('Donors gave to a "super PAC" supporting her.'), []);
    assert.deepEqual(scare('The deal is a "pre-agreement" for now.'), []);
  });

  it('leaves alone a quotation when another quotation of the paragraph has a speaker', () => {
    assert.deepEqual(scare('"We will win," Smith said. Supporters waved "victory" signs.'), []);
  });

  it('leaves alone a quotation given to a speaker in the sentence, however the speaker is tied to it', () => {
    for (const text of [
      'The minister called the plan "reckless" on Monday.',
      'Pompeo told the committee the "sonic attack" in China resembled the incidents in Cuba.',
      'They braced for what the president called a looming "invasion" of the border.',
      '"Unacceptable," the minister said.',
    ])
      assert.deepEqual(scare(text), [], text);
  });

  it('leaves alone a term a possessive attributes, and names, titles and words mentioned as words', () => {
    for (const text of [
      'Russia\u2019s "measures" have now lasted two years.',
      'Her "strategy" took her to all 50 states.',
      'He portrayed the migrants as "rapists" at the rally.',
      'Fans queued for "Oppenheimer" at midnight.',
      'The operation, code-named "Sunrise", began at dawn.',
      'Armed men calling themselves "patriots" guarded ballot boxes overnight.',
      'The word "woke" first appeared in print in 1962.',
      'Protesters carried signs reading "enough" through the square.',
    ])
      assert.deepEqual(scare(text), [], text);
  });

  it('leaves alone a loaded term kept at a distance, a quoted clause and a long quotation', () => {
    for (const text of [
      'State television praised the sacrifice of the "martyrs" at a ceremony.',
      'This is not "boys will be boys" behaviour.',
      'The banner said it plainly: "we will not go back to the old ways again".',
      'The report is due on Friday. "It will be thorough and fair to everyone involved."',
    ])
      assert.deepEqual(scare(text), [], text);
  });

  it('leaves technical documents alone, where quotation marks hold literal values', () => {
    const text = 'Set `explicitArray` to "false" to get single values.\n\n```js\nparse(xml)\n```\n';
    assert.deepEqual(scare(text), []);
    assert.deepEqual(scare('Set the option to "false" to get single values.'), ['"false"']);
  });

  it('leaves block quotes alone', () => {
    assert.deepEqual(scare('> North Korea held another "election" on Sunday.'), []);
  });

  it('is information by default, offers to remove the marks, and keeps every edit inside the quotation', () => {
    const text = 'North Korea held another "election" on Sunday.';
    const finding = lint(text).findings.find((f) => f.rule === 'loaded.scare-quote');
    assert.equal(finding?.severity, 'information');
    const edits = finding?.fixes[0].edits ?? [];
    let fixed = text;
    for (const edit of [...edits].sort((a, b) => b.start - a.start))
      fixed = fixed.slice(0, edit.start) + edit.newText + fixed.slice(edit.end);
    assert.equal(fixed, 'North Korea held another election on Sunday.');
  });

  it('follows the rule setting', () => {
    const text = 'North Korea held another "election".';
    const rules = (level: 'off' | 'warning') => ({ rules: { ...defaultSettings().rules, 'loaded.scare-quote': level } });
    assert.deepEqual(flagged(text, 'loaded.scare-quote', { settings: rules('off') }), []);
    assert.deepEqual(flagged(text, 'loaded.scare-quote', { settings: rules('warning') }), [['warning', '"election"']]);
  });
});
