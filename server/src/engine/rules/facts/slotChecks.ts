import type { Mention } from '../../knowledge/entityMatcher';
import { cueKey } from '../../knowledge/factBase';
import type { Fact, Slot } from '../../knowledge/factTypes';
import type { Knowledge } from '../../knowledge/knowledge';
import { pluralOf, wordForms } from '../../text/inflections';
import type { NumberMention } from '../../text/numbers';
import { claimedInterval, currencyBefore, describeQuantity, percentAfter, quantityInterval } from '../../text/numbers';
import { PhraseMatcher, phraseKeys } from '../../text/phrases';
import type { Token } from '../../text/tokens';
import { isCapitalized, tokenize } from '../../text/tokens';
import type { SentenceFacts } from './sentenceFacts';
import { checkPlace } from './placeCheck';
import type { SlotCheck } from './slotResult';
import { agreement, analysis, written } from './slotResult';
import { checkDate, checkRelative, checkWeekday } from './timeChecks';
import { isNegation, negatedBefore, nextWord, previousWord, wordBeforeSkippingArticles } from './sentenceQueries';

const ORDINAL_WORDS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** Conversion of distance and duration units to a common base (metres, days). */
type UnitScale = { dimension: 'distance' | 'duration'; factor: number };
const UNIT_SCALE = new Map<string, UnitScale>([
  ['mile', { dimension: 'distance', factor: 1609.344 }],
  ['km', { dimension: 'distance', factor: 1000 }],
  ['kilometre', { dimension: 'distance', factor: 1000 }],
  ['kilometer', { dimension: 'distance', factor: 1000 }],
  ['metre', { dimension: 'distance', factor: 1 }],
  ['meter', { dimension: 'distance', factor: 1 }],
  ['year', { dimension: 'duration', factor: 365 }],
  ['month', { dimension: 'duration', factor: 30 }],
  ['week', { dimension: 'duration', factor: 7 }],
  ['day', { dimension: 'duration', factor: 1 }],
]);

function singular(word: string): string {
  if (UNIT_SCALE.has(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.endsWith('s') && UNIT_SCALE.has(word.slice(0, -1))) return word.slice(0, -1);
  return word;
}

const unitSets = new WeakMap<Slot, Set<string>>();

/** Every form of a slot's unit words ("fighter", "fighters"), built once per slot. */
function unitSet(slot: Slot): Set<string> {
  let words = unitSets.get(slot);
  if (words) return words;
  words = new Set<string>();
  for (const phrase of [slot.unit ?? '', ...(slot.unitWords ?? [])]) {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) continue;
    for (const form of wordForms(keys[keys.length - 1], 'noun')) words.add(form);
  }
  unitSets.set(slot, words);
  return words;
}

const unitScales = new WeakMap<Slot, { scale: UnitScale | undefined }>();

/** The distance or duration scale of a slot's unit, if it has one. */
function slotUnitScale(slot: Slot): UnitScale | undefined {
  let found = unitScales.get(slot);
  if (!found) {
    found = { scale: UNIT_SCALE.get(singular(phraseKeys(slot.unit ?? '').pop() ?? '')) };
    unitScales.set(slot, found);
  }
  return found.scale;
}

/** The unit word (normalised) that follows a number within a few words, or undefined. */
function unitAfter(tokens: readonly Token[], mention: NumberMention, accepts: (word: string) => boolean, window = 4): string | undefined {
  let i = mention.last;
  for (let seen = 0; seen < window; seen++) {
    const j = nextWord(tokens, i);
    if (j < 0) return undefined;
    for (let k = i + 1; k < j; k++) if (!/^[-\u2010\u2011]$/.test(tokens[k].text)) return undefined;
    if (accepts(tokens[j].norm)) return tokens[j].norm;
    if (/^(and|or|but|of|in|to|from|with|by)$/.test(tokens[j].norm) && seen > 0) return undefined;
    i = j;
  }
  return undefined;
}

const measureMatchers = new WeakMap<Slot, PhraseMatcher<true>>();

/** Verbs that give a length ("runs for 47 miles"). */
const LENGTH_VERBS = new Set([
  'runs',
  'run',
  'ran',
  'stretches',
  'stretch',
  'stretched',
  'extends',
  'extend',
  'extended',
  'spans',
  'span',
  'spanned',
  'measures',
  'measured',
]);

/** For a slot naming what it measures: a test that one of those words follows the number's unit closely. */
function measuredBy(slot: Slot, text: string): ((tokens: readonly Token[], n: NumberMention) => boolean) | undefined {
  if (!slot.measures?.length) return undefined;
  let matcher = measureMatchers.get(slot);
  if (!matcher) {
    matcher = new PhraseMatcher<true>();
    for (const m of slot.measures) matcher.add(m, true);
    measureMatchers.set(slot, matcher);
  }
  const words = matcher;
  return (tokens, n) => {
    const after = nextWord(tokens, n.last);
    const window = tokens.slice(after < 0 ? tokens.length : after, Math.min(tokens.length, (after < 0 ? tokens.length : after) + 6));
    if (words.findAll(text, window).length > 0) return true;
    // "a frontier between Israel and Syria that runs for some 90 miles": what is measured, then a verb of
    // length, before the number
    const before = tokens.slice(Math.max(0, n.first - 9), n.first);
    const lengthVerb = before.findIndex((t) => LENGTH_VERBS.has(t.norm));
    return lengthVerb > 0 && words.findAll(text, before.slice(0, lengthVerb)).length > 0;
  };
}

/**
 * "the two countries", "both sides": a small number after a definite article points back at parties the
 * story already named; it does not count anything the source counts.
 */
function refersBack(tokens: readonly Token[], n: NumberMention): boolean {
  if (n.value > 4 || n.qualifier !== 'exact' || tokens[n.first].kind === 'number') return false;
  const before = previousWord(tokens, n.first);
  return before >= 0 && /^(the|these|those|its|their)$/.test(tokens[before].norm);
}

/** Qualifiers that give a value and the side it lies on. */
const ONE_SIDED = new Set(['nearly', 'more-than', 'at-least']);

const checkQuantity: SlotCheck = (slot, sentence) => {
  const stated = slot.value;
  if (typeof stated !== 'number') return undefined;
  const units = unitSet(slot);
  const factUnit = slotUnitScale(slot);
  const tokens = sentence.sentence.tokens;
  const accepts = (word: string): boolean =>
    units.has(word) || (factUnit !== undefined && UNIT_SCALE.get(singular(word))?.dimension === factUnit.dimension);
  const factInterval = quantityInterval(stated, slot.qualifier ?? 'exact');
  // two upper bounds compare as bounds: "up to 40,000" is not the source's "up to 140,000"
  const boundInterval = claimedInterval(stated, slot.qualifier ?? 'exact');
  const measured = measuredBy(slot, sentence.text);
  const readings = analysis(sentence)
    .numbers.filter((n) => !n.year && !n.ordinal && !refersBack(tokens, n))
    .flatMap((n) => {
      const currency = currencyBefore(tokens, n);
      const percent = percentAfter(tokens, n) && accepts('cent') ? 'cent' : undefined;
      const unit = percent ?? unitAfter(tokens, n, accepts) ?? (currency && accepts(currency) ? currency : undefined);
      if (!unit || (measured && !measured(tokens, n))) return [];
      const unitScale = factUnit && UNIT_SCALE.get(singular(unit));
      const scale = factUnit && unitScale ? unitScale.factor / factUnit.factor : 1;
      const [a, b] = claimedInterval(n.value * scale, n.qualifier, n.range && [n.range[0] * scale, n.range[1] * scale]);
      const [low, high] = n.qualifier === 'up-to' && slot.qualifier === 'up-to' ? boundInterval : factInterval;
      // rounding: a draft may round to the precision it writes
      const slack = factUnit && scale !== 1 ? 0.1 : 0;
      // the same one-sided bound states its value: "nearly 9,800" is not the source's "nearly 9,500"
      if (n.qualifier === slot.qualifier && ONE_SIDED.has(n.qualifier))
        return [{ mention: n, agrees: Math.abs(n.value * scale - stated) <= stated * Math.max(slack, 0.01) }];
      return [{ mention: n, agrees: a <= high * (1 + slack) && b >= low * (1 - slack) }];
    });
  if (readings.length === 0) return undefined;
  const right = readings.find((r) => r.agrees);
  if (right) return agreement(right.mention);
  const wrong = readings[0].mention;
  const value = slot.qualifier === 'exact' || !slot.qualifier ? written(stated) : describeQuantity(stated, slot.qualifier);
  // "47 miles", "four years": a one-word unit agrees with its number (units written plural stay so)
  const unit =
    slot.unit && slot.value !== 1 && !slot.unit.includes(' ') && !slot.unit.endsWith('s') ? pluralOf(slot.unit) : (slot.unit ?? '');
  return { start: wrong.start, end: wrong.end, expected: `${value} ${unit}`.trim(), replacement: value };
};

const checkOrdinal: SlotCheck = (slot, sentence) => {
  if (typeof slot.value !== 'number') return undefined;
  const units = unitSet(slot);
  const tokens = sentence.sentence.tokens;
  const readings = analysis(sentence).numbers.filter((n) => n.ordinal && unitAfter(tokens, n, (w) => units.has(w), 5));
  if (readings.length === 0) return undefined;
  const right = readings.find((n) => n.value === slot.value);
  if (right) return agreement(right);
  const word = ORDINAL_WORDS[slot.value] ?? `${slot.value}th`;
  const original = sentence.text.slice(readings[0].start, readings[0].end);
  return {
    start: readings[0].start,
    end: readings[0].end,
    expected: word,
    replacement: isCapitalized(original) ? word[0].toUpperCase() + word.slice(1) : word,
  };
};

/** The person in a role next to one of the fact's cues: the subject before it, or who follows "with" or the cue. */
function personInRole(sentence: SentenceFacts, fact: Fact, role: Slot['role']): Mention | undefined {
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

const checkPerson: SlotCheck = (slot, sentence, fact, knowledge) => {
  const person = typeof slot.value === 'string' ? knowledge.facts.entities.get(slot.value) : undefined;
  if (!person) return undefined;
  const named = sentence.mentions.find((m) => m.entity.id === person.id);
  if (named) return agreement(named);
  const inRole = personInRole(sentence, fact, slot.role);
  return inRole ? { start: inRole.start, end: inRole.end, expected: person.name, replacement: person.name } : undefined;
};

/** Words around an outlet that make it the channel of a claim: "told X", "according to X", "X reported". */
export function outletIsChannel(tokens: readonly Token[], first: number, last: number): boolean {
  const before = wordBeforeSkippingArticles(tokens, first);
  const beforeTwo = (() => {
    const i = previousWord(tokens, first);
    const j = i >= 0 ? previousWord(tokens, i) : -1;
    return j >= 0 ? `${tokens[j].norm} ${tokens[i].norm}` : '';
  })();
  let after = nextWord(tokens, last);
  while (
    after >= 0 &&
    /^(news|agency|newspaper|daily|television|tv|channel|website|radio|network|broadcaster|outlet|service)$/.test(tokens[after].norm)
  )
    after = nextWord(tokens, after);
  const afterWord = after >= 0 ? tokens[after].norm : '';
  return (
    /^(told|to|by|with|from|in|via|on)$/.test(before) ||
    /^(according to|quoted by|cited by|reported by|interview with|speaking to|told the|talking to)$/.test(beforeTwo) ||
    /^(reported|reports|quoted|quotes|cited|cites|said|says|noted|notes|learned|learnt|wrote|reiterated|carried|aired|broadcast|broadcasts|showed|shows|published|revealed|claimed)$/.test(
      afterWord,
    )
  );
}

const passageEntityCache = new WeakMap<Fact, { knowledge: Knowledge; ids: Set<string> }>();

/** Ids of the entities a fact's source passage names, found once per fact and knowledge. */
function passageEntities(fact: Fact, knowledge: Knowledge): Set<string> {
  const hit = passageEntityCache.get(fact);
  if (hit && hit.knowledge === knowledge) return hit.ids;
  const passage = fact.source.passage;
  const ids = new Set(knowledge.facts.mentions.find(passage, tokenize(passage)).map((m) => m.entity.id));
  passageEntityCache.set(fact, { knowledge, ids });
  return ids;
}

const checkOutlet: SlotCheck = (slot, sentence, fact, knowledge) => {
  const outlet = typeof slot.value === 'string' ? knowledge.facts.entities.get(slot.value) : undefined;
  if (!outlet) return undefined;
  const tokens = sentence.sentence.tokens;
  const outlets = sentence.mentions.filter((m) => m.entity.type === 'outlet' && m.kind === 'alias');
  const right = outlets.find((m) => m.entity.id === outlet.id || (m.entity.standsFor ?? []).includes(outlet.id));
  if (right) return agreement(right);
  // outlets the source passage itself names relayed the report ("Haaretz noted that RIA Novosti cited …")
  const relays = passageEntities(fact, knowledge);
  const channel = outlets.find((m) => !relays.has(m.entity.id) && outletIsChannel(tokens, m.first, m.last));
  return channel ? { start: channel.start, end: channel.end, expected: outlet.name, replacement: outlet.name } : undefined;
};

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

const topicMatchers = new WeakMap<Slot, PhraseMatcher<true>>();

/** Entities that hold stances (a place only through what it stands for: "Moscow" for Russia). */
const STANCE_HOLDER_TYPES = new Set(['person', 'country', 'organisation', 'place']);

const checkStance: SlotCheck = (slot, sentence, fact, knowledge) => {
  const scale = slot.scale ? knowledge.vocabulary.scales.get(slot.scale) : undefined;
  if (!scale || !slot.polarity) return undefined;
  let topics = topicMatchers.get(slot);
  if (!topics) {
    topics = new PhraseMatcher<true>();
    for (const t of slot.topic ?? []) topics.add(t, true);
    topicMatchers.set(slot, topics);
  }
  const topic = topics.findAll(sentence.text, sentence.sentence.tokens)[0];
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
};

/** The scale word the source itself uses for the fact's stance ("legitimate", "opposed"). */
const passageTokens = new WeakMap<Fact, Token[]>();

function sourceStanceWord(
  fact: Fact,
  scale: PhraseMatcher<'positive' | 'negative'>,
  polarity: 'positive' | 'negative',
): string | undefined {
  const passage = fact.source.passage;
  let tokens = passageTokens.get(fact);
  if (!tokens) {
    tokens = tokenize(passage);
    passageTokens.set(fact, tokens);
  }
  const match = scale.findAll(passage, tokens).find((m) => m.value === polarity);
  return match ? passage.slice(match.start, match.end) : undefined;
}

export type { Agreement, Conflict, SlotResult } from './slotResult';
export { isAgreement } from './slotResult';

/** The comparison for each slot type. */
export const SLOT_CHECKS: Record<Slot['type'], SlotCheck> = {
  quantity: checkQuantity,
  ordinal: checkOrdinal,
  date: checkDate,
  weekday: checkWeekday,
  relative: checkRelative,
  place: checkPlace,
  person: checkPerson,
  outlet: checkOutlet,
  stance: checkStance,
};
