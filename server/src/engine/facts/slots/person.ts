import type { Mention } from '../../knowledge/entityMatcher';
import { cueKey } from '../../knowledge/factBase';
import type { Fact } from '../../knowledge/factTypes';
import { isCapitalized } from '../../text/tokens';
import type { SentenceFacts } from '../sentenceFacts';
import { nextWord } from '../sentenceQueries';
import { agreement } from '../slotResult';
import { ENTITY_VALUE } from './schemaPieces';
import type { SlotKind } from './slotKind';

/** Who did something (the agent) or whom they did it with (the counterpart): a person entity. */
export interface PersonSlot {
  type: 'person';
  /** The person's entity id. */
  value: string;
  role?: 'agent' | 'counterpart';
}

/** The person in a role next to one of the fact's cues: the subject before it, or who follows "with" or the cue. */
function personInRole(sentence: SentenceFacts, fact: Fact, role: PersonSlot['role']): Mention | undefined {
  const tokens = sentence.sentence.tokens;
  // roles are read next to the fact's own cue words only, not the wider cue groups
  const own = new Set((fact.cues ?? []).map(cueKey));
  const people = sentence.mentions.filter((m) => m.entity.type === 'person' && m.kind === 'alias');
  for (const cue of sentence.cues.filter((c) => own.has(c.value))) {
    if (role === 'counterpart') {
      let i = nextWord(tokens, cue.last);
      if (i >= 0 && tokens[i].norm === 'with') i = nextWord(tokens, i);
      for (let steps = 0; i >= 0 && steps < 4; steps++, i = nextWord(tokens, i)) {
        const found = people.find((m) => m.first === i);
        if (found) return found;
        if (!isCapitalized(tokens[i].text) && !/^(the|a|an)$/.test(tokens[i].norm)) break;
      }
    } else {
      const subject = [...people].reverse().find((m) => m.end <= cue.start);
      if (subject && nextWord(tokens, subject.last) >= cue.first - 2) return subject;
    }
  }
  return undefined;
}

/** People named in the sentence, or in the slot's role next to the fact's cue. */
export const person: SlotKind<PersonSlot> = {
  type: 'person',
  name: 'person',
  eventDetail: true,
  entity: true,
  check(slot, sentence, fact, knowledge) {
    const person = typeof slot.value === 'string' ? knowledge.facts.entities.get(slot.value) : undefined;
    if (!person) return undefined;
    const named = sentence.mentions.find((m) => m.entity.id === person.id);
    if (named) return agreement(named);
    const inRole = personInRole(sentence, fact, slot.role);
    return inRole ? { start: inRole.start, end: inRole.end, expected: person.name, replacement: person.name } : undefined;
  },
  describe: (slot, knowledge) =>
    `${slot.role === 'counterpart' ? 'with' : 'by'} ${knowledge.facts.entities.get(String(slot.value))?.name ?? String(slot.value)}`,
  schema: {
    value: 'an entity id',
    properties: { role: { enum: ['agent', 'counterpart'] } },
    requires: ENTITY_VALUE,
  },
};
