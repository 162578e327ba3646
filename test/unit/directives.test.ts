import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Directive } from '../../server/src/engine/directives';
import { directiveFilter } from '../../server/src/engine/directives';
import { selectorCovers } from '../../server/src/engine/ruleCatalog';
import type { RuleId } from '../../server/src/engine/types';
import { lint } from '../helpers/knowledge';

/**
 * The directive semantics spelled out for one finding at a time: replay every directive before it in order;
 * a `disable-next-line` covers the line after the one its comment ends on.
 */
function silencedByReplay(text: string, directives: readonly Directive[], rule: RuleId, start: number): boolean {
  const covers = (d: Directive) => d.selectors.length === 0 || d.selectors.some((s) => selectorCovers(s.name, rule));
  let disabled = false;
  for (const d of directives) {
    if (d.start >= start || !covers(d)) continue;
    if (d.kind === 'disable-next-line') {
      const lineBreak = /\r\n|\r|\n/g;
      lineBreak.lastIndex = d.end;
      const first = lineBreak.exec(text);
      // on the last line, the "next line" is the empty end of the text
      const lineStart = first ? first.index + first[0].length : text.length;
      const next = /\r|\n/.exec(text.slice(lineStart));
      const lineEnd = next ? lineStart + next.index : text.length;
      if (start >= lineStart && start <= lineEnd) return true;
    } else {
      disabled = d.kind === 'disable';
    }
  }
  return disabled && rule !== 'directive.unknown';
}

const rules = (text: string, format: 'markdown' | 'plaintext' = 'markdown') =>
  lint(text, { format }).findings.map((f) => `${f.rule} ${text.slice(f.start, f.end)}`);

describe('inline directives', () => {
  it('disable and enable a rule for a stretch of the draft', () => {
    const text =
      'The regime fell.\n\n<!-- claimlint-disable loaded.term -->\n\nThe regime fell.\n\n<!-- claimlint-enable loaded.term -->\n\nThe regime fell.\n';
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

  it('end at their own --> when a note follows on the same line', () => {
    assert.deepEqual(rules('Hello.\n\n<!-- claimlint-disable loaded.term --> <!-- the desk agreed -->\n\nThe regime fell.\n'), []);
    assert.deepEqual(rules('<!-- note --> <!-- claimlint-disable loaded.term -->\n\nThe regime fell.\n'), []);
    assert.deepEqual(rules('<!-- claimlint-disable loaded.term --> <!-- claimlint-enable loaded.term -->\n\nThe regime fell.\n'), [
      'loaded.term regime',
    ]);
  });

  it('work in plain text as directive lines, which are not linted themselves', () => {
    const text =
      'claimlint-disable-next-line loaded.term\nThe regime fell.\n# claimlint-disable-next-line\nThe dictator fell.\nThe thugs ran.\n';
    assert.deepEqual(rules(text, 'plaintext'), ['loaded.term thugs']);
  });

  it('directiveFilter answers any finding in any order as replaying the directives before it would, and mayHide never misses one', () => {
    const RULE_IDS: RuleId[] = ['fact.contradiction', 'loaded.term', 'attribution.missing', 'attribution.vague', 'directive.unknown'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('abc', '\n', '\r\n', '\r', 'de f'), { minLength: 1, maxLength: 40 }).map((parts) => parts.join('')),
        fc.array(
          fc.record({
            kind: fc.constantFrom<Directive['kind']>('disable', 'enable', 'disable-next-line'),
            at: fc.nat(),
            length: fc.nat(6),
            selectors: fc.subarray(['loaded.term', 'fact', 'attribution', 'directive.unknown', 'bogus']),
          }),
          { maxLength: 6 },
        ),
        fc.array(fc.tuple(fc.constantFrom(...RULE_IDS), fc.nat()), { maxLength: 20 }),
        (text, drafts, findings) => {
          const directives: Directive[] = drafts
            .map((d) => {
              const start = d.at % (text.length + 1);
              return {
                kind: d.kind,
                start,
                end: Math.min(text.length, start + d.length),
                selectors: d.selectors.map((name) => ({ name, start: 0, end: 0 })),
              };
            })
            .sort((a, b) => a.start - b.start);
          const filter = directiveFilter(directives, text);
          for (const [rule, at] of findings) {
            const start = at % (text.length + 1);
            const silenced = silencedByReplay(text, directives, rule, start);
            assert.equal(filter ? filter.visible(rule, start) : true, !silenced, `${rule} at ${start}`);
            // mayHide may say yes too often, never too rarely
            if (silenced) assert.ok(filter?.mayHide(Math.max(0, start - (at % 7)), start + (at % 5)), `mayHide misses ${rule} at ${start}`);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
