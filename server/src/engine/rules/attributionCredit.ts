import type { Fact } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import type { Span, TextEdit } from '../types';

/** Who a draft should credit for a fact: the outlet that carried it, the speaker, or the article itself. */
export function creditFor(fact: Fact, knowledge: Knowledge): string {
  const entities = knowledge.facts.entities;
  const outletSlot = fact.slots?.find((s) => s.type === 'outlet' && typeof s.value === 'string');
  const outlet = entities.get(String(outletSlot?.value ?? fact.quote?.outlet ?? ''));
  if (outlet) return outlet.name;
  const speaker = entities.get(fact.quote?.speakers?.[0] ?? '');
  if (speaker) return speaker.name;
  return fact.sourceRef.outlet || fact.source.attribution;
}

const CLOSERS = /["\u201D\u2019']$/;

/**
 * The edit that attributes a sentence: ", according to X." before the final stop, or for a sentence ending
 * in a quotation, `…," X said.` in news style.
 */
export function attributionEdit(text: string, sentence: Span, credit: string, asSpeaker: boolean): TextEdit {
  const body = text.slice(sentence.start, sentence.end);
  const m = /([.!?\u2026]*)(["\u201D\u2019']?)\s*$/.exec(body) as RegExpExecArray;
  const stop = m[1] || '.';
  const at = sentence.start + m.index;
  if (m[2] && CLOSERS.test(m[2])) {
    return { start: at, end: sentence.end, newText: `,${m[2]} ${credit} said${stop === '.' ? '.' : stop}` };
  }
  return { start: at, end: at + m[1].length, newText: asSpeaker ? `, ${credit} said${stop}` : `, according to ${credit}${stop}` };
}
