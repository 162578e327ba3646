import type { SentenceAnalysis } from '../document';
import type { FactBase } from '../knowledge/factBase';
import { ANY_CUE } from '../knowledge/factBase';
import type { Mention } from '../knowledge/entityMatcher';
import type { Fact } from '../knowledge/factTypes';
import { wordForms } from '../text/inflections';
import { unitWord } from '../text/numbers';
import type { PhraseMatch } from '../text/phrases';
import type { Token } from '../text/tokens';
import { PhraseMatcher, phraseKeys } from '../text/phrases';

/** What a sentence says, as far as matching facts goes: who it mentions and which cue words it uses. */
export interface SentenceFacts {
  sentence: SentenceAnalysis;
  text: string;
  /** Entity mentions, without names nested in longer names ("Jerusalem" in "Jerusalem Post"). */
  mentions: Mention[];
  /** Every entity mention, nested ones included (titles read "Iranian" in "Iranian President"). */
  allMentions: Mention[];
  /** Ids of every mentioned entity, plus what they stand for (Moscow -> russia). */
  mentioned: Set<string>;
  cues: PhraseMatch<string>[];
  /** Facts whose `about` entities and at least one cue appear in the sentence. */
  candidates: Fact[];
}

const aboutGroups = new WeakMap<Fact, readonly (readonly string[])[]>();

/** True when the sentence mentions, for each of the fact's `about` groups, one of the group's entities. */
function aboutSatisfied(fact: Fact, mentioned: ReadonlySet<string>): boolean {
  let groups = aboutGroups.get(fact);
  if (!groups) {
    groups = (fact.about ?? []).map((group) => (Array.isArray(group) ? group : [group]));
    aboutGroups.set(fact, groups);
  }
  for (const group of groups) if (!group.some((id) => mentioned.has(id))) return false;
  return true;
}

const contextMatchers = new WeakMap<Fact, PhraseMatcher<true>>();

/** True when a fact has no `context` words or the sentence uses one of them (inflected forms included). */
function contextSatisfied(fact: Fact, text: string, sentence: SentenceAnalysis): boolean {
  return !fact.context?.length || contextMatches(fact, text, sentence).length > 0;
}

/** Where the sentence uses the fact's `context` words (inflected forms and separated particles included). */
export function contextMatches(fact: Fact, text: string, sentence: SentenceAnalysis): PhraseMatch<true>[] {
  if (!fact.context?.length) return [];
  let matcher = contextMatchers.get(fact);
  if (!matcher) {
    matcher = new PhraseMatcher<true>();
    for (const phrase of fact.context) {
      const keys = phraseKeys(phrase);
      if (keys.length === 0) continue;
      for (const form of [...new Set([...wordForms(keys[0], 'verb'), ...wordForms(keys[0], 'noun')])])
        matcher.addKeys([form, ...keys.slice(1)], true);
    }
    contextMatchers.set(fact, matcher);
  }
  return [...matcher.findAll(text, sentence.tokens), ...separatedParticleCues(sentence.tokens, matcher)];
}

/** Particles of phrasal verbs that may stand apart from their verb ("pull Russian forces out"). */
const PARTICLES = new Set(['out', 'back', 'home', 'down', 'up', 'off', 'away']);
/** How many words may stand between a verb and its particle. */
const PARTICLE_GAP = 4;

/**
 * Cue phrases of a verb and its particle with the object between them ("pulling Russian forces out",
 * "bring the troops home"): the phrase matcher reads words only side by side. The words between must
 * hold no punctuation and no other verb.
 */
function separatedParticleCues<T>(tokens: readonly Token[], cues: PhraseMatcher<T>): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].pos !== 'VERB') continue;
    for (let j = i + 2; j < tokens.length && j <= i + PARTICLE_GAP + 1; j++) {
      const t = tokens[j];
      if (t.kind === 'punct' || t.pos === 'VERB' || t.pos === 'AUX') break;
      if (!PARTICLES.has(t.norm)) continue;
      for (const value of cues.valuesOf([tokens[i].norm, t.norm]))
        found.push({ first: i, last: j, start: tokens[i].start, end: t.end, value });
      break;
    }
  }
  return found;
}

/**
 * Reads a sentence for fact matching, once per sentence and fact base (the contradiction, quote and
 * attribution rules all ask). Candidate lookup goes through the (entity, cue) index, so its cost depends
 * on the sentence, not on the size of the fact base.
 */
const readings = new WeakMap<SentenceAnalysis, { facts: FactBase; reading: SentenceFacts }>();

export function readSentenceFacts(text: string, sentence: SentenceAnalysis, facts: FactBase): SentenceFacts {
  const hit = readings.get(sentence);
  if (hit && hit.facts === facts) return hit.reading;
  const reading = computeSentenceFacts(text, sentence, facts);
  readings.set(sentence, { facts, reading });
  return reading;
}

/** `readSentenceFacts` without its cache (the fact-lookup benchmark times this). */
export function computeSentenceFacts(text: string, sentence: SentenceAnalysis, facts: FactBase): SentenceFacts {
  const all = sentence.mentions;
  // "the Syrian leader" names Assad, not Syria; "Jerusalem Post" names a newspaper, not Jerusalem: an
  // adjective inside another entity's name or descriptor, or a name inside a longer name, is not a mention
  // of its own (a name inside a descriptor is: "Kremlin spokesman" mentions the Kremlin)
  const mentions = all.filter(
    (m) =>
      !all.some(
        (o) =>
          o.entity !== m.entity &&
          o.start <= m.start &&
          o.end >= m.end &&
          ((m.kind === 'adjective' && o.kind !== 'adjective') ||
            (m.kind === 'alias' && o.kind === 'alias' && o.end - o.start > m.end - m.start)),
      ),
  );
  const mentioned = new Set<string>();
  for (const mention of mentions) {
    mentioned.add(mention.entity.id);
    for (const id of mention.entity.standsFor ?? []) mentioned.add(id);
    // a sentence about the Tartus base is about Syria: a named place brings the places that contain it
    if (mention.entity.type === 'place') for (const id of mention.entity.within ?? []) mentioned.add(id);
  }
  // figures from source documents that name nobody are found by their unit word ("new berths") and a cue
  const units = facts.unanchored.size > 0 ? sentence.tokens.flatMap((t) => facts.unanchored.get(unitWord(t)) ?? []) : [];
  const cues =
    mentions.length > 0 || units.length > 0
      ? [...facts.cues.findAll(text, sentence.tokens), ...separatedParticleCues(sentence.tokens, facts.cues)]
      : [];
  const cueKeys = new Set<string>();
  for (const cue of cues) cueKeys.add(cue.value);
  cueKeys.add(ANY_CUE);
  // a fact indexed under several of the sentence's entities and cues is judged once
  const judged = new Map<Fact, boolean>();
  const candidates: Fact[] = [];
  for (const id of mentioned) {
    const byCue = facts.index.get(id);
    if (!byCue) continue;
    for (const key of cueKeys) {
      for (const fact of byCue.get(key) ?? []) {
        if (judged.has(fact)) continue;
        const accepted = aboutSatisfied(fact, mentioned) && contextSatisfied(fact, text, sentence);
        judged.set(fact, accepted);
        if (accepted) candidates.push(fact);
      }
    }
  }
  for (const byCue of units) {
    for (const key of cueKeys) {
      for (const fact of byCue.get(key) ?? []) {
        if (judged.has(fact)) continue;
        // the noun the source's sentence is about must be there too ("The scheme will create …")
        const accepted = contextSatisfied(fact, text, sentence);
        judged.set(fact, accepted);
        if (accepted) candidates.push(fact);
      }
    }
  }
  return { sentence, text, mentions, allMentions: all, mentioned, cues, candidates };
}

/** Words that open a sentence by pointing back at what the sentence before named ("The new base, …"). */
const POINTING_BACK = new Set(['the', 'this', 'that', 'these', 'those', 'it', 'they', 'he', 'she', 'its', 'their', 'his', 'her']);
/** Personal pronouns for someone the sentence before named, wherever they stand ("After the visit, he flew"). */
const PERSONAL = new Set(['he', 'she', 'they']);

/**
 * The reading of a sentence that opens by pointing back ("The new base would be built some 80 kilometres
 * from the Golan Heights", after a sentence about Iran) or has a personal pronoun ("he flew to …"), with
 * the facts whose `about` groups the sentence names only in part, the rest named by the sentence before,
 * added to its candidates. The sentence must name one of the fact's groups itself and use one of its
 * cues, as for any candidate.
 */
export function withEntitiesCarried(reading: SentenceFacts, before: SentenceFacts | undefined, facts: FactBase): SentenceFacts {
  const first = reading.sentence.tokens.find((t) => t.kind !== 'punct');
  const pointsBack =
    first !== undefined && (POINTING_BACK.has(first.norm) || reading.sentence.tokens.some((t) => PERSONAL.has(t.norm) && t.pos === 'PRON'));
  if (!before || before.mentioned.size === 0 || !pointsBack || reading.mentions.length === 0) return reading;
  const both = new Set([...reading.mentioned, ...before.mentioned]);
  const cueKeys = new Set(reading.cues.map((c) => c.value));
  cueKeys.add(ANY_CUE);
  const extra: Fact[] = [];
  const seen = new Set<Fact>(reading.candidates);
  // a fact is indexed under its first group, which the sentence before may be the one to name
  const namesAGroup = (fact: Fact): boolean => (fact.about ?? []).some((group) => [group].flat().some((id) => reading.mentioned.has(id)));
  for (const id of both) {
    for (const key of cueKeys) {
      for (const fact of facts.index.get(id)?.get(key) ?? []) {
        if (seen.has(fact)) continue;
        seen.add(fact);
        if (namesAGroup(fact) && aboutSatisfied(fact, both) && contextSatisfied(fact, reading.text, reading.sentence)) extra.push(fact);
      }
    }
  }
  return extra.length > 0 ? { ...reading, candidates: [...reading.candidates, ...extra] } : reading;
}
