import type { Fact } from '../../knowledge/factTypes';
import type { Knowledge } from '../../knowledge/knowledge';
import { tokenize } from '../../text/tokens';
import { memo } from '../memo';
import { outletIsChannel } from '../outletChannel';
import { agreement } from '../slotResult';
import { ENTITY_VALUE } from './schemaPieces';
import type { SlotKind } from './slotKind';

/** The outlet that carried or obtained a report: an outlet entity. */
export interface OutletSlot {
  type: 'outlet';
  /** The outlet's entity id. */
  value: string;
}

/** Ids of the entities a fact's source passage names, found once per fact and knowledge. */
const passageEntities = memo((fact: Fact) =>
  memo((knowledge: Knowledge): Set<string> => {
    const passage = fact.source.passage;
    return new Set(knowledge.facts.mentions.find(passage, tokenize(passage)).map((m) => m.entity.id));
  }),
);

/** Outlets the sentence credits with the claim ("told CNN", "according to Reuters"). */
export const outlet: SlotKind<OutletSlot> = {
  type: 'outlet',
  name: 'outlet',
  eventDetail: true,
  entity: true,
  channel: true,
  check(slot, sentence, fact, knowledge) {
    const outlet = typeof slot.value === 'string' ? knowledge.facts.entities.get(slot.value) : undefined;
    if (!outlet) return undefined;
    const tokens = sentence.sentence.tokens;
    const outlets = sentence.mentions.filter((m) => m.entity.type === 'outlet' && m.kind === 'alias');
    const right = outlets.find((m) => m.entity.id === outlet.id || (m.entity.standsFor ?? []).includes(outlet.id));
    if (right) return agreement(right);
    // outlets the source passage itself names relayed the report ("Haaretz noted that RIA Novosti cited …")
    const relays = passageEntities(fact)(knowledge);
    const channel = outlets.find((m) => !relays.has(m.entity.id) && outletIsChannel(tokens, m.first, m.last));
    return channel ? { start: channel.start, end: channel.end, expected: outlet.name, replacement: outlet.name } : undefined;
  },
  describe: (slot, knowledge) => `reported by ${knowledge.facts.entities.get(String(slot.value))?.name ?? String(slot.value)}`,
  schema: { value: 'an entity id', requires: ENTITY_VALUE },
};
