import type { Finding } from '../types';
import { readSentenceFacts } from './facts/sentenceFacts';
import { SLOT_CHECKS } from './facts/slotChecks';
import { findTitleConflicts } from './facts/titles';
import { factDetail, sourceMessage } from './factMessages';
import type { Rule, RuleContext } from './rule';
import { severityOf } from './rule';

const SLOT_NAMES: Record<string, string> = {
  quantity: 'number',
  ordinal: 'ordinal',
  date: 'date',
  weekday: 'weekday',
  relative: 'timing',
  place: 'place',
  person: 'person',
  outlet: 'outlet',
  stance: 'stance',
};

/**
 * `fact.contradiction`: numbers, dates, weekdays, timings, places, people, titles, outlets and stances that
 * conflict with the fact base. A sentence is compared with a fact only when it mentions the fact's
 * entities and uses one of its cue words; each slot then looks for the draft's own value of that kind and
 * reports it only when no value of that kind in the sentence agrees with the source.
 */
export function findContradictions(context: RuleContext): Finding[] {
  const severity = severityOf(context.settings, 'fact.contradiction');
  if (!severity) return [];
  const { knowledge } = context;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const push = (finding: Finding): void => {
    const key = `${finding.start}:${finding.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  for (const block of context.chunk.blocks) {
    for (const sentence of block.sentences) {
      const facts = readSentenceFacts(context.chunk.text, sentence, knowledge.facts);
      if (facts.mentions.length === 0) continue;
      for (const conflict of findTitleConflicts(facts, knowledge)) {
        const original = context.chunk.text.slice(conflict.start, conflict.end);
        push({
          rule: 'fact.contradiction',
          severity,
          start: conflict.start,
          end: conflict.end,
          message: sourceMessage(`${conflict.person.name} is ${conflict.expected}${conflict.role.asOf ? ` (as of ${conflict.role.asOf})` : ''}`, conflict.source),
          entryId: conflict.person.id,
          detail: {
            reason: `The sources give ${conflict.person.name} a different title than "${original}".`,
            expected: conflict.expected,
            fact: `${conflict.person.name}: ${conflict.expected}`,
            ...(conflict.source ? { sources: [conflict.source] } : {}),
          },
          fixes: [{ title: `Replace with "${conflict.replacement}"`, edits: [{ start: conflict.start, end: conflict.end, newText: conflict.replacement }], preferred: true }],
        });
      }
      for (const fact of facts.candidates) {
        for (const slot of fact.slots ?? []) {
          const conflict = SLOT_CHECKS[slot.type](slot, facts, fact, knowledge);
          if (!conflict) continue;
          const original = context.chunk.text.slice(conflict.start, conflict.end);
          push({
            rule: 'fact.contradiction',
            severity,
            start: conflict.start,
            end: conflict.end,
            message: sourceMessage(conflict.expected, fact.sourceRef),
            entryId: fact.id,
            detail: factDetail(`The draft's ${SLOT_NAMES[slot.type]} "${original}" conflicts with what the source says.`, conflict.expected, fact),
            fixes: conflict.replacement
              ? [{ title: `Replace with the source's "${conflict.replacement}"`, edits: [{ start: conflict.start, end: conflict.end, newText: conflict.replacement }], preferred: true }]
              : [],
          });
        }
      }
    }
  }
  return findings;
}

/** The fact-contradiction rule engine. */
export const contradictionRule: Rule = { ids: ['fact.contradiction'], run: findContradictions };
