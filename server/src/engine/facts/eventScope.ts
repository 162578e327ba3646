import type { Entity, Fact } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import type { Token } from '../text/tokens';
import type { SentenceFacts } from './sentenceFacts';
import { contextMatches } from './sentenceFacts';
import { wordBeforePlace } from './sentenceQueries';
import { containers, PLACE_CLASSES } from './places';
import type { Slot } from './slots';

/** How far (in words) a conflicting value may stand from a word that ties the sentence to the fact. */
const SCOPE_SLACK = 8;
/** How far (in words) a cue may stand from the fact's entities to count as speaking of them. */
const TIE = 15;

function wordIndex(tokens: readonly Token[]): Map<number, number> {
  const index = new Map<number, number>();
  let n = 0;
  tokens.forEach((t, i) => {
    if (t.kind !== 'punct') index.set(i, n++);
  });
  return index;
}

/**
 * The word positions of a sentence that speak of a fact: its cue words that stand near a mention of every
 * `about` group, and those mentions. A conflicting value far from all of them belongs to another event the
 * sentence mentions. When no cue is tied to the entities, every cue and mention anchors the scope.
 */
export function factScope(sentence: SentenceFacts, fact: Fact): number[] | undefined {
  const tokens = sentence.sentence.tokens;
  const words = wordIndex(tokens);
  // the fact's context words tie the sentence to it like its cues ("talking about pulling forces out")
  const cues = [
    ...sentence.cues.filter((c) => fact.cueKeys.includes(c.value)).map((c) => words.get(c.first) ?? 0),
    ...contextMatches(fact, sentence.text, sentence.sentence).map((m) => words.get(m.first) ?? 0),
  ];
  const groups = (fact.about ?? []).map((group) => (Array.isArray(group) ? group : [group]));
  const positions = groups.map((ids) =>
    sentence.mentions
      .filter((m) => ids.includes(m.entity.id) || (m.entity.standsFor ?? []).some((id) => ids.includes(id)))
      .map((m) => words.get(m.first) ?? 0),
  );
  if (positions.some((p) => p.length === 0) || cues.length === 0) return undefined;
  const anchors: number[] = [];
  for (const cue of cues) {
    const near = positions.map((p) => p.filter((m) => Math.abs(m - cue) <= TIE));
    if (!near.every((p) => p.length > 0)) continue;
    anchors.push(cue);
    for (const position of near.flat()) anchors.push(position);
  }
  return anchors.length > 0 ? anchors : [...cues, ...positions.flat()];
}

/**
 * True when word position `at` lies within the slack of one of the scope's anchors (or there is no scope).
 * `slack` is wider for a quantity, which its own unit words already tie to the fact ("More than 200,000
 * Shiite fighters, from Hezbollah units to recruits out of Pakistan, have been dispatched by Tehran").
 */
export function inFactScope(scope: number[] | undefined, at: number, slack = SCOPE_SLACK): boolean {
  return scope === undefined || scope.some((a) => Math.abs(a - at) <= slack);
}

/** The scope slack for a quantity whose unit words matched the fact's. */
export const QUANTITY_SLACK = 2 * SCOPE_SLACK;

/** The word position of the token starting at `offset`. */
export function wordPosition(tokens: readonly Token[], offset: number): number {
  let n = 0;
  for (const t of tokens) {
    if (t.start >= offset) return n;
    if (t.kind !== 'punct') n++;
  }
  return n;
}

/**
 * The place a fact happened at: its place slot, or a place among its `about` entities that is named as a
 * place (not a capital standing for its government: "Damascus" among the parties to talks).
 */
function factPlace(fact: Fact, knowledge: Knowledge): Entity | undefined {
  const slot = fact.slots?.find((s) => s.type === 'place' && typeof s.value === 'string');
  const ids = slot ? [String(slot.value)] : (fact.about ?? []).flat();
  return ids
    .map((id) => knowledge.facts.entities.get(id))
    .find((e) => e?.type === 'place' && PLACE_CLASSES.get(e.kind ?? '') && (slot !== undefined || !e.standsFor?.length));
}

/**
 * True when the sentence places its event somewhere else than the fact's place ("Rouhani travelled to
 * Moscow" against a meeting in Tehran): then its dates, people and outlets belong to another event.
 */
export function happensElsewhere(sentence: SentenceFacts, fact: Fact, knowledge: Knowledge): boolean {
  const place = factPlace(fact, knowledge);
  if (!place) return false;
  const tokens = sentence.sentence.tokens;
  const entities = knowledge.facts.entities;
  const around = containers(place, entities);
  return sentence.mentions.some(
    (m) =>
      m.entity.type === 'place' &&
      m.kind !== 'adjective' &&
      PLACE_CLASSES.get(m.entity.kind ?? '') === PLACE_CLASSES.get(place.kind ?? '') &&
      !around.has(m.entity.id) &&
      !containers(m.entity, entities).has(place.id) &&
      /^(in|at|to|into|inside|near)$/.test(wordBeforePlace(tokens, m.first)),
  );
}

/** The year a fact holds in: its `asOf`, else its article's date. */
function factYear(fact: Fact): number | undefined {
  // an extracted figure without its own date holds when its sentence says, not when its document was written
  const date = fact.asOf ?? (fact.extracted ? undefined : fact.sourceRef.date);
  const year = Number(date?.slice(0, 4));
  return Number.isFinite(year) && year > 0 ? year : undefined;
}

/**
 * True when the sentence dates its event to other years than the fact's ("at the time of Putin's Tehran
 * trip in 2015" against a 2017 meeting): its values then belong to another event. Facts that record a
 * year themselves compare it as a date instead.
 */
export function happensInOtherYear(fact: Fact, years: readonly number[]): boolean {
  if (years.length === 0 || fact.slots?.some((s) => s.type === 'date' && s.year !== undefined)) return false;
  const year = factYear(fact);
  return year !== undefined && !years.includes(year);
}

/**
 * True for a duration that holds only as of the fact's date ("the four-year conflict" in 2015): a draft
 * compares with it only when it speaks of that year, since the same war is "nearly seven years" old later.
 */
export function durationOutOfTime(fact: Fact, slot: Slot, years: readonly number[]): boolean {
  if (slot.type !== 'quantity' || !slot.changesOverTime) return false;
  const year = factYear(fact);
  return year === undefined || !years.includes(year);
}
