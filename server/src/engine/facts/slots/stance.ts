import type { Mention } from '../../knowledge/entityMatcher';
import type { Fact } from '../../knowledge/factTypes';
import { PhraseMatcher } from '../../text/phrases';
import type { Token } from '../../text/tokens';
import { tokenize } from '../../text/tokens';
import { memo } from '../memo';
import type { SentenceFacts } from '../sentenceFacts';
import { isNegation, negatedBefore, previousWord } from '../sentenceQueries';
import { agreement } from '../slotResult';
import { phraseList } from './schemaPieces';
import type { SlotKind } from './slotKind';

/** Where someone stands on a topic, on a scale of seeds/vocabulary.yaml ("legitimate" on legitimacy). */
export interface StanceSlot {
  type: 'stance';
  /** A scale id from seeds/vocabulary.yaml (legitimacy, support, intent, agreement). */
  scale: string;
  polarity: 'positive' | 'negative';
  /** Phrases naming what the stance is about. */
  topic: string[];
}

/** Polarity words of a scale in the sentence, with negation applied. */
function stanceReadings(
  sentence: SentenceFacts,
  scale: PhraseMatcher<'positive' | 'negative'>,
): { start: number; end: number; polarity: 'positive' | 'negative'; negated: boolean }[] {
  const tokens = sentence.sentence.tokens;
  return scale.findAll(sentence.text, tokens).map((m) => {
    const negated = negatedBefore(tokens, m.first);
    const polarity = negated ? (m.value === 'positive' ? 'negative' : 'positive') : m.value;
    let start = m.start;
    if (negated) {
      let i = previousWord(tokens, m.first);
      while (i >= 0 && !isNegation(tokens[i].norm)) i = previousWord(tokens, i);
      if (i >= 0) start = tokens[i].start;
    }
    return { start, end: m.end, polarity, negated };
  });
}

/** A matcher of the slot's topic phrases, built once per slot. */
const topicMatcher = memo((slot: StanceSlot): PhraseMatcher<true> => {
  const topics = new PhraseMatcher<true>();
  for (const t of slot.topic ?? []) topics.add(t, true);
  return topics;
});

/** Entities that hold stances (a place only through what it stands for: "Moscow" for Russia). */
const STANCE_HOLDER_TYPES = new Set(['person', 'country', 'organisation', 'place']);

/** A fact's source passage in tokens, read once per fact. */
const passageTokens = memo((fact: Fact): Token[] => tokenize(fact.source.passage));

/** The scale word the source itself uses for the fact's stance ("legitimate", "opposed"). */
function sourceStanceWord(
  fact: Fact,
  scale: PhraseMatcher<'positive' | 'negative'>,
  polarity: 'positive' | 'negative',
): string | undefined {
  const passage = fact.source.passage;
  const match = scale.findAll(passage, passageTokens(fact)).find((m) => m.value === polarity);
  return match ? passage.slice(match.start, match.end) : undefined;
}

/** Stance words of the slot's scale next to its topic, read for the fact's holder. */
export const stance: SlotKind<StanceSlot> = {
  type: 'stance',
  name: 'stance',
  core: true,
  check(slot, sentence, fact, knowledge) {
    const scale = slot.scale ? knowledge.vocabulary.scales.get(slot.scale) : undefined;
    if (!scale || !slot.polarity) return undefined;
    const topic = topicMatcher(slot).findAll(sentence.text, sentence.sentence.tokens)[0];
    if (!topic) return undefined;
    const readings = stanceReadings(sentence, scale).filter((r) => r.end <= topic.start || r.start >= topic.end);
    if (readings.length === 0) return undefined;
    // the stance word of the fact's holder: nearest to a mention of the first `about` group (Russia, not the
    // United States in "The U.S. has opposed Assad's rule, but Russia continues to stand by him"), else to the topic
    const holders = new Set([(fact.about ?? [])[0] ?? []].flat());
    const holderAt = sentence.mentions
      .filter((m) => holders.has(m.entity.id) || (m.entity.standsFor ?? []).some((id) => holders.has(id)))
      .map((m) => m.start);
    const distance = (r: { start: number }): number =>
      holderAt.length > 0
        ? holderAt.reduce((nearest, h) => Math.min(nearest, Math.abs(r.start - h)), Infinity)
        : Math.abs(r.start - topic.start);
    const nearest = [...readings].sort((a, b) => distance(a) - distance(b))[0];
    // "…, while Washington remains opposed to his government": a stance word right after another party, a
    // party the fact is not about, is that party's
    const tokens = sentence.sentence.tokens;
    // a leader's country speaks for them ("Putin told Assad that Russia would …")
    const parties = new Set((fact.about ?? []).flat());
    for (const id of [...parties]) {
      const country = knowledge.facts.entities.get(id)?.country;
      if (country && knowledge.facts.entities.get(id)?.type === 'person') parties.add(country);
    }
    const owner = [...sentence.mentions]
      .reverse()
      .find((m) => m.end <= nearest.start && m.kind !== 'adjective' && STANCE_HOLDER_TYPES.has(m.entity.type));
    const isParty = (m: Mention): boolean => parties.has(m.entity.id) || (m.entity.standsFor ?? []).some((id) => parties.has(id));
    // the party is the subject: a verb joins it to the stance word ("remains opposed") or is the stance word
    const between = owner ? tokens.filter((t) => t.start >= owner.end && t.end <= nearest.start && t.kind !== 'punct') : [];
    const joined =
      between.some((t) => t.pos === 'VERB' || t.pos === 'AUX') ||
      (between.length === 0 && tokens.some((t) => t.start === nearest.start && t.pos === 'VERB'));
    const object = owner !== undefined && tokens[previousWord(tokens, owner.first)]?.pos === 'ADP';
    if (owner && !isParty(owner) && !object && !tokens[owner.last].possessive && between.length <= 2 && joined) return undefined;
    if (nearest.polarity === slot.polarity) return agreement(nearest);
    if (
      fact.disputedBy.some((other) =>
        other.slots?.some((s) => s.type === 'stance' && s.scale === slot.scale && s.polarity === nearest.polarity),
      )
    )
      return undefined;
    const word = sourceStanceWord(fact, scale, slot.polarity) ?? slot.polarity;
    return { start: nearest.start, end: nearest.end, expected: word };
  },
  describe(slot, knowledge) {
    const word = knowledge.vocabulary.scaleNames.get(slot.scale ?? '')?.[slot.polarity ?? 'positive'] ?? `${slot.polarity} ${slot.scale}`;
    const topic = slot.topic?.[0];
    return topic ? `${topic}: ${word}` : word;
  },
  schema: {
    properties: {
      scale: { type: 'string', description: 'stance: a scale id from seeds/vocabulary.yaml (legitimacy, support, intent, agreement).' },
      polarity: { enum: ['positive', 'negative'] },
      topic: phraseList('stance: phrases naming what the stance is about.'),
    },
    requires: { required: ['scale', 'polarity', 'topic'] },
  },
};
