import * as assert from 'node:assert/strict';
import { lint } from '../helpers/knowledge';

const rules = (text: string, format: 'markdown' | 'plaintext' = 'markdown') =>
  lint(text, { format }).findings.map((f) => `${f.rule} ${text.slice(f.start, f.end)}`);

describe('inline directives', () => {
  it('disable and enable a rule for a stretch of the draft', () => {
    const text = 'The regime fell.\n\n<!-- claimlint-disable loaded.term -->\n\nThe regime fell.\n\n<!-- claimlint-enable loaded.term -->\n\nThe regime fell.\n';
    assert.deepEqual(rules(text), ['loaded.term regime', 'loaded.term regime']);
    assert.equal(lint(text).findings[1].start, text.lastIndexOf('regime'));
  });

  it('disable the next line only', () => {
    const text = '<!-- claimlint-disable-next-line loaded.term -->\nThe regime fell.\nThe regime fell.\n';
    assert.deepEqual(rules(text), ['loaded.term regime']);
    assert.equal(lint(text).findings[0].start, text.lastIndexOf('regime'));
  });

  it('without a rule, disable every rule; a family name covers its rules', () => {
    assert.deepEqual(rules('<!-- claimlint-disable -->\nThe regime said 40 people died.\n'), []);
    assert.deepEqual(rules('<!-- claimlint-disable loaded -->\nThe regime fell.\n'), []);
  });

  it('report unknown rule ids in directives, at the id', () => {
    const text = '<!-- claimlint-disable loaded.trem -->\nThe regime fell.\n';
    const finding = lint(text).findings.find((f) => f.rule === 'directive.unknown');
    assert.equal(text.slice(finding?.start, finding?.end), 'loaded.trem');
    assert.deepEqual(finding?.fixes[0].edits[0].newText, '');
  });

  it('work in plain text as directive lines, which are not linted themselves', () => {
    const text = 'claimlint-disable-next-line loaded.term\nThe regime fell.\n# claimlint-disable-next-line\nThe dictator fell.\nThe thugs ran.\n';
    assert.deepEqual(rules(text, 'plaintext'), ['loaded.term thugs']);
  });
});
