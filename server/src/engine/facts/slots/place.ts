import type { Mention } from '../../knowledge/entityMatcher';
import { cueKey } from '../../knowledge/factBase';
import type { Token } from '../../text/tokens';
import {
  PLACE_GOVERNING_PREPOSITIONS,
  PLACE_GOVERNING_SUFFIXES,
  PLACE_GOVERNING_WORDS,
  PLACE_PREPOSITIONS,
  PLACING_WORDS,
} from '../factWords';
import { containers, PLACE_CLASSES } from '../places';
import { nextWord, previousWord, previousWordSkippingArticles, wordBeforePlace } from '../sentenceQueries';
import { agreement } from '../slotResult';
import { ENTITY_VALUE } from './schemaPieces';
import type { SlotKind } from './slotKind';

/** Where something happened, or where a trip went or came from: a place entity. */
export interface PlaceSlot {
  type: 'place';
  /** The place's entity id. */
  value: string;
  relation?: 'venue' | 'destination' | 'location' | 'origin';
}

/** For each token index, how many words (non-punctuation tokens) stand before it. */
function wordPositions(tokens: readonly Token[]): number[] {
  const positions: number[] = [];
  let n = 0;
  for (const t of tokens) {
    positions.push(n);
    if (t.kind !== 'punct') n++;
  }
  return positions;
}

/** A place's relation to its event, told by the word before it. */
const PREPOSITIONS = (relation: NonNullable<PlaceSlot['relation']>): ReadonlySet<string> => PLACE_PREPOSITIONS.get(relation) ?? new Set();

/** Nouns (and a few participles) whose "in X" names their own place ("involvement in Syria", "based in Doha"). */
const governsPlace = (word: string): boolean =>
  PLACE_GOVERNING_WORDS.has(word) || PLACE_GOVERNING_SUFFIXES.some((suffix) => word.endsWith(suffix));

function governedByNoun(tokens: readonly Token[], first: number): boolean {
  let i = previousWord(tokens, first);
  while (i >= 0 && /^(the|a|an)$/.test(tokens[i].norm)) i = previousWord(tokens, i);
  if (i < 0 || !PLACE_GOVERNING_PREPOSITIONS.has(tokens[i].norm)) return false;
  const head = previousWord(tokens, i);
  return head >= 0 && governsPlace(tokens[head].norm);
}

/** How many tokens a place may stand from the fact's cue word to count as where the event happened. */
const PLACE_WINDOW = 6;
/** How far (in words) a participant may stand from the fact's cue to place the event by standing near it. */
const PARTICIPANT_REACH = 15;

const PLACE_WORDS: Record<string, string> = { venue: 'at', destination: 'to', location: 'in', origin: 'from' };

/** Places (cities, bases, seas, borders, countries) against a place slot. */
export const place: SlotKind<PlaceSlot> = {
  type: 'place',
  name: 'place',
  entity: true,
  check(slot, sentence, fact, knowledge) {
    const entities = knowledge.facts.entities;
    const place = typeof slot.value === 'string' ? entities.get(slot.value) : undefined;
    if (!place) return undefined;
    const preposition = PREPOSITIONS(slot.relation ?? 'venue');
    const tokens = sentence.sentence.tokens;
    const placeContainers = containers(place, entities);
    const cueStarts = new Set(sentence.cues.map((c) => c.first));
    const ownCues = new Set((fact.cues ?? []).map(cueKey));
    const ownCueEnds = new Set(sentence.cues.filter((c) => ownCues.has(c.value)).map((c) => c.last));
    const located = sentence.mentions.filter(
      (m) =>
        (m.entity.type === 'place' || m.entity.type === 'country') &&
        // a place by its name or a description that names one place ("the Russian capital")
        m.kind !== 'adjective' &&
        // "at Russia's Tartus base": a possessive owns the place that follows; it is not the place itself
        !tokens[m.last].possessive &&
        (slot.relation !== undefined && slot.relation !== 'venue' ? true : !governedByNoun(tokens, m.first)) &&
        // "in Moscow", "to Moscow", attributive ("the Moscow talks"), or the object of the fact's own cue
        // verb ("retaken the Iraqi-Jordanian border")
        (preposition.has(wordBeforePlace(tokens, m.first)) ||
          (m.entity.type === 'place' && !tokens[m.last].possessive && cueStarts.has(nextWord(tokens, m.last))) ||
          // (not a capital that stands for its country: "thanked Moscow" thanks Russia)
          (m.entity.type === 'place' && !m.entity.standsFor?.length && ownCueEnds.has(previousWordSkippingArticles(tokens, m.first)))),
    );
    const relation = (m: (typeof located)[number]): 'agree' | 'conflict' | 'unknown' => {
      if (placeContainers.has(m.entity.id) || containers(m.entity, entities).has(place.id)) return 'agree';
      if (m.entity.type === 'country') return 'conflict';
      const a = PLACE_CLASSES.get(m.entity.kind ?? '');
      return a !== undefined && a === PLACE_CLASSES.get(place.kind ?? '') ? 'conflict' : 'unknown';
    };
    const relations = located.map((m) => ({ m, r: relation(m) }));
    // the place itself or a place inside it agrees; a place that merely contains it ("in Syria") agrees only
    // when no place of the same kind is named against it ("a stop in Syria at the Tartus base")
    // a place of the slot's own kind named against it outweighs a place of another kind inside it ("in
    // Sochi, Russia's Caspian Sea resort": the sea is the claim, Sochi lies on the Black Sea)
    const sameKind = (m: Mention): boolean => PLACE_CLASSES.get(m.entity.kind ?? '') === PLACE_CLASSES.get(place.kind ?? '');
    const kindConflict = relations.some((x) => x.r === 'conflict' && x.m.entity.type === 'place' && sameKind(x.m));
    const exact = relations.find(
      (x) => x.r === 'agree' && containers(x.m.entity, entities).has(place.id) && (sameKind(x.m) || !kindConflict),
    )?.m;
    const container = relations.find((x) => x.r === 'agree')?.m;
    // a place named anywhere agrees, unless it stands for a country there ("Moscow and Tehran showcased …")
    // (a trip's destination places its event too: "went to Tehran for the summit")
    const placed = (m: Mention): boolean => located.includes(m) || PLACING_WORDS.has(wordBeforePlace(tokens, m.first));
    const named = sentence.mentions.find((m) => m.entity.id === place.id && (!m.entity.standsFor?.length || placed(m)));
    const right = exact ?? named;
    if (right) return agreement(right);
    if (container && !relations.some((x) => x.r === 'conflict' && x.m.entity.type === 'place'))
      return { ...agreement(container), loose: true };
    // where the event happened is said next to its cue word, or to the people it is about where they take
    // part in it (near the cue: "While Putin was in Tehran, attention turned to the plan … to start talking"
    // puts Putin in Tehran, not the talks)
    const about = new Set((fact.about ?? []).flat());
    // words between two token indexes, from each token's word position (counted once per sentence)
    const position = wordPositions(tokens);
    const words = (from: number, to: number): number => Math.abs(position[to] - position[from]);
    const cueSpans = sentence.cues.filter((c) => fact.cueKeys.includes(c.value)).map((c) => [c.first, c.last]);
    const anchors = [
      ...cueSpans,
      ...sentence.mentions
        .filter(
          (m) =>
            about.has(m.entity.id) &&
            cueSpans.some(([first, last]) => words(last, m.first) <= PARTICIPANT_REACH && words(m.last, first) <= PARTICIPANT_REACH),
        )
        .map((m) => [m.first, m.last]),
    ];
    const found = relations.find(
      (x) =>
        x.r === 'conflict' &&
        anchors.some(([first, last]) => words(last, x.m.first) <= PLACE_WINDOW || words(x.m.last, first) <= PLACE_WINDOW),
    );
    if (!found) return undefined;
    // a place described, then named in apposition ("the Qatari capital, Doha") is reported by its name
    const named2 =
      found.m.kind === 'alias'
        ? undefined
        : sentence.mentions.find(
            (m) => m.kind === 'alias' && m.entity === found.m.entity && m.first > found.m.last && words(found.m.last, m.first) <= 2,
          );
    const wrong = named2 ? { m: named2 } : found;
    // a name replaces a name; "the Russian capital" needs rewording, not a swapped word
    return {
      start: wrong.m.start,
      end: wrong.m.end,
      expected: place.name,
      ...(wrong.m.kind === 'alias' ? { replacement: place.name } : {}),
    };
  },
  describe: (slot, knowledge) =>
    `${PLACE_WORDS[slot.relation ?? 'location'] ?? 'in'} ${knowledge.facts.entities.get(String(slot.value))?.name ?? String(slot.value)}`,
  schema: {
    value: 'an entity id',
    properties: { relation: { enum: ['venue', 'destination', 'location', 'origin'] } },
    requires: ENTITY_VALUE,
  },
};
