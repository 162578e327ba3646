import type { Fact } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import type { SentenceAnalysis } from '../analysis/blockAnalysis';
import { partitionPoint } from '../partitionPoint';
import type { Finding, FindingDetail, RuleDeclaration, Span } from '../types';
import type { SentenceFacts } from '../facts/sentenceFacts';
import type { Agreement, Conflict, SlotResult } from '../facts/slotResult';
import { readSentenceFacts, withEntitiesCarried } from '../facts/sentenceFacts';
import { findTimes } from '../text/dates';
import {
  durationOutOfTime,
  factScope,
  happensElsewhere,
  happensInOtherYear,
  inFactScope,
  QUANTITY_SLACK,
  wordPosition,
} from '../facts/eventScope';
import { consistentWithClaim } from '../facts/entailment';
import { isAgreement } from '../facts/slotResult';
import type { Slot } from '../facts/slots';
import { checkSlot, slotFlag, slotName, slotsOf } from '../facts/slots';
import { findTitleConflicts } from '../facts/titles';
import { factDetail, sourceMessage } from './factMessages';
import type { Rule, RuleContext } from './rule';
import { severityOf } from './rule';

/** The rules this module reports, as the registry (rules/index.ts) lists them. */
export const FACT_CONTRADICTION = {
  id: 'fact.contradiction',
  family: 'fact',
  defaultSeverity: 'error',
  summary: 'A number, date, weekday, place, person, title, outlet or stance that conflicts with the fact base.',
} as const satisfies RuleDeclaration;

export const FACT_DISPUTED_REPORT = {
  id: 'fact.disputed-report',
  family: 'fact',
  defaultSeverity: 'warning',
  summary: 'Someone the draft reports states a value the sources contradict ("a spokesman said the vote is in May").',
} as const satisfies RuleDeclaration;

type SlotReading = { slot: Slot; result: SlotResult };

/**
 * How well a fact fits the event a sentence tells at `span`: how many of its other values the sentence
 * states (a place, a person, a date), and how near the nearest of them stands. A sentence that tells two
 * events ("visited Hmeimim on Tuesday, a week after hosting Assad in Sochi") gives each value to the fact
 * that fits it best.
 */
function fitAt(readings: readonly SlotReading[], span: Span): { agreeing: number; distance: number } {
  let agreeing = 0;
  let distance = Infinity;
  for (const { result } of readings) {
    if (!isAgreement(result) || (result.start < span.end && result.end > span.start)) continue;
    agreeing++;
    distance = Math.min(distance, result.start >= span.end ? result.start - span.end : span.start - result.end);
  }
  return { agreeing, distance };
}

/** True when fact reading `a` fits the event at `span` at least as well as `b` does. */
function fitsAtLeastAsWell(a: readonly SlotReading[], b: readonly SlotReading[], span: Span): boolean {
  const fa = fitAt(a, span);
  const fb = fitAt(b, span);
  return fa.agreeing !== fb.agreeing ? fa.agreeing > fb.agreeing : fa.distance <= fb.distance;
}

/** A conflict with the fact that fits the sentence's event best, and another that fits it as well. */
type RankedConflict = { fact: Fact; slot: Slot; conflict: Conflict; runnerUp?: Fact };

/**
 * The conflicts between a sentence and its candidate facts, after the precision guards. A conflict is
 * dropped when another candidate fact that fits the sentence's event at least as well agrees on the same
 * kind of value (two facts, two events); when a fact the sources record as disputing this one agrees; for
 * a place, person or outlet, when the sentence also names the fact's own value of that kind (it
 * acknowledges the event and adds another); when both the person and the place conflict (another event);
 * and an outlet conflict needs the sentence to state the fact's claim, and is no conflict when the outlet
 * carried another candidate's recorded quote. Conflicts come best-fitting fact first.
 */
function slotConflicts(sentence: SentenceFacts, knowledge: Knowledge): RankedConflict[] {
  const agreements: { type: Slot['type']; span: Agreement; readings: SlotReading[] }[] = [];
  const found: { fact: Fact; slot: Slot; conflict: Conflict; readings: SlotReading[] }[] = [];
  const tokens = sentence.sentence.tokens;
  const years = findTimes(tokens).dates.flatMap((d) => (d.year !== undefined ? [d.year] : []));
  for (const fact of sentence.candidates) {
    if (happensInOtherYear(fact, years)) continue;
    const results: SlotReading[] = slotsOf(fact).map((slot) => ({ slot, result: checkSlot(slot, sentence, fact, knowledge) }));
    if (!results.some((r) => r.result && !isAgreement(r.result))) {
      for (const { slot, result } of results)
        if (isAgreement(result)) agreements.push({ type: slot.type, span: result, readings: results });
      continue;
    }
    // someone else met somewhere else ("stopped in Ankara, holding talks with Erdogan" against talks with
    // el-Sisi in Cairo): another event, not two errors about this one
    const conflicting = new Set(results.filter((r) => r.result && !isAgreement(r.result)).map((r) => r.slot.type));
    if (conflicting.has('person') && conflicting.has('place') && !results.some((r) => isAgreement(r.result))) continue;
    const scope = factScope(sentence, fact);
    const elsewhere = happensElsewhere(sentence, fact, knowledge);
    // a credit ("…, officials told CNN") may stand anywhere in the sentence
    // (from the value's first or last word: "More than 200,000" also sits where "200,000" does); a value in
    // the same stretch of words as one of the fact's cues, with no punctuation between, reaches as far as a
    // quantity ("which began supplying the Assad regime with drone strikes and military assistance in 2013")
    const inScope = (conflict: Conflict, type: Slot['type']): boolean => {
      const slack = slotFlag(type, 'reachesFar') || sameStretchAsCue(sentence, fact, conflict) ? QUANTITY_SLACK : undefined;
      return (
        slotFlag(type, 'channel') ||
        inFactScope(scope, wordPosition(tokens, conflict.start), slack) ||
        inFactScope(scope, wordPosition(tokens, conflict.end) - 1, slack)
      );
    };
    const acknowledged = new Set(results.filter((r) => slotFlag(r.slot.type, 'entity') && isAgreement(r.result)).map((r) => r.slot.type));
    // the sentence states the fact's claim when none of its other values conflicts and its core values
    // (a stance, a number) are stated, not merely absent
    const sameClaim = consistentWithClaim(results.filter((r) => !slotFlag(r.slot.type, 'channel')));
    for (const { slot, result } of results) {
      if (isAgreement(result)) agreements.push({ type: slot.type, span: result, readings: results });
      else if (
        !result ||
        acknowledged.has(slot.type) ||
        !inScope(result, slot.type) ||
        (elsewhere && slotFlag(slot.type, 'eventDetail')) ||
        durationOutOfTime(fact, slot, years)
      )
        continue;
      // crediting another outlet contradicts the source only when the sentence states the same claim
      else if (!slotFlag(slot.type, 'channel') || sameClaim) found.push({ fact, slot, conflict: result, readings: results });
    }
  }
  const agreedWith = (type: Slot['type'], conflict: Conflict, readings: SlotReading[]): boolean =>
    agreements.some(
      (a) =>
        a.type === type && a.span.start < conflict.end && a.span.end > conflict.start && fitsAtLeastAsWell(a.readings, readings, conflict),
    );
  // an outlet the sentence credits with another candidate fact's recorded quote is that quote's channel
  // ("…, according to TASS" after Putin's words TASS carried), not a wrong channel for this fact
  const quoteOutlets = new Set(sentence.candidates.flatMap((f) => (f.quote?.outlet ? [f.quote.outlet] : [])));
  const creditsAnotherQuote = (slot: Slot, conflict: Conflict): boolean =>
    slotFlag(slot.type, 'channel') && sentence.mentions.some((m) => m.start === conflict.start && quoteOutlets.has(m.entity.id));
  const kept = found.filter(({ fact, slot, conflict, readings }) => {
    if (agreedWith(slot.type, conflict, readings) || creditsAnotherQuote(slot, conflict)) return false;
    return !fact.disputedBy.some((other) =>
      slotsOf(other).some((s) => s.type === slot.type && isAgreement(checkSlot(s, sentence, other, knowledge))),
    );
  });
  // where two facts conflict at one span, the one that fits the event best speaks for it; a fact that fits
  // exactly as well and expects another value (a real tie) is named as the runner-up
  const ranked = [...kept].sort((a, b) =>
    fitsAtLeastAsWell(a.readings, b.readings, a.conflict) ? (fitsAtLeastAsWell(b.readings, a.readings, a.conflict) ? 0 : -1) : 1,
  );
  const withRunnersUp = ranked.map(({ fact, slot, conflict, readings }) => {
    const tie = ranked.find(
      (other) =>
        other.fact !== fact &&
        other.slot.type === slot.type &&
        other.conflict.start === conflict.start &&
        other.conflict.end === conflict.end &&
        // a tie that says something else: another event with another value, not the same event twice
        other.conflict.expected !== conflict.expected &&
        fitsAtLeastAsWell(other.readings, readings, conflict) &&
        fitsAtLeastAsWell(readings, other.readings, conflict),
    );
    return { fact, slot, conflict, ...(tie ? { runnerUp: tie.fact } : {}) };
  });
  return mergeAdjacent(withRunnersUp, sentence.text);
}

/** True when one of the fact's cues and the conflicting value stand with no punctuation between them. */
function sameStretchAsCue(sentence: SentenceFacts, fact: Fact, conflict: Span): boolean {
  const tokens = sentence.sentence.tokens;
  const at = partitionPoint(tokens, (t) => t.start < conflict.start);
  return sentence.cues.some((cue) => {
    if (!fact.cueKeys.includes(cue.value)) return false;
    const [from, to] = cue.last < at ? [cue.last + 1, at] : [at, cue.first];
    for (let k = from; k < to; k++) if (tokens[k].kind === 'punct' && tokens[k].text !== '-') return false;
    return true;
  });
}

/** One finding for neighbouring conflicts with the same fact ("Tuesday, November 24, 2015"). */
function mergeAdjacent(conflicts: RankedConflict[], text: string): RankedConflict[] {
  const sorted = [...conflicts].sort((a, b) => a.conflict.start - b.conflict.start);
  const merged: typeof sorted = [];
  for (const item of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.fact === item.fact && /^[\s,]{0,3}$/.test(text.slice(previous.conflict.end, item.conflict.start))) {
      const replacement =
        previous.conflict.replacement !== undefined && item.conflict.replacement !== undefined
          ? `${previous.conflict.replacement}${text.slice(previous.conflict.end, item.conflict.start)}${item.conflict.replacement}`
          : undefined;
      previous.conflict = {
        start: previous.conflict.start,
        end: item.conflict.end,
        expected: `${previous.conflict.expected}${text.slice(previous.conflict.end, item.conflict.start)}${item.conflict.expected}`,
        ...(replacement !== undefined ? { replacement } : {}),
      };
      continue;
    }
    merged.push({ ...item });
  }
  return merged;
}

/**
 * `fact.contradiction`: numbers, dates, weekdays, timings, places, people, titles, outlets and stances that
 * conflict with the fact base. A sentence is compared with a fact only when it mentions the fact's
 * entities and uses one of its cue words; each slot then looks for the draft's own value of that kind and
 * reports it only when no value of that kind in the sentence agrees with the source.
 */
export function findContradictions(context: RuleContext): Finding[] {
  const severity = severityOf(context.settings, 'fact.contradiction');
  const disputed = severityOf(context.settings, 'fact.disputed-report');
  if (!severity && !disputed) return [];
  const { knowledge } = context;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const push = (finding: Finding): void => {
    const key = `${finding.start}:${finding.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  const text = context.chunk.text;
  /** A contradiction finding on a conflict's words, with the source's value as the preferred fix. */
  const report = (
    span: Span,
    fields: Pick<Finding, 'message' | 'entryId' | 'detail' | 'kind'>,
    replacement: string | undefined,
    fixTitle: string,
  ): void => {
    if (!severity) return;
    push({
      rule: 'fact.contradiction',
      severity,
      start: span.start,
      end: span.end,
      ...fields,
      fixes:
        replacement !== undefined
          ? [{ title: fixTitle, edits: [{ start: span.start, end: span.end, newText: replacement }], preferred: true }]
          : [],
    });
  };
  // the sentence before, within this chunk: chunks are analysed on their own, so a sentence never reads
  // past its paragraph
  let before: SentenceFacts | undefined;
  for (const block of context.chunk.blocks) {
    // a speaker's quoted words are theirs: the quote rules check them against what the speaker said
    const spoken = block.speakers.filter((q) => q.speaker).map((q) => ({ start: q.quote.innerStart, end: q.quote.innerEnd }));
    const quoted = (span: Span): boolean => spoken.some((q) => q.start <= span.start && q.end >= span.end);
    for (const sentence of block.sentences) {
      const own = readSentenceFacts(text, sentence, knowledge.facts);
      const facts = withEntitiesCarried(own, before, knowledge.facts);
      before = own;
      // a sentence that names nobody can still state a figure a source document gives (see FactBase.unanchored)
      if (facts.mentions.length === 0 && facts.candidates.length === 0) continue;
      for (const conflict of severity ? findTitleConflicts(facts, knowledge) : []) {
        const original = text.slice(conflict.start, conflict.end);
        const asOf = conflict.role.asOf ? ` (as of ${conflict.role.asOf})` : '';
        const detail = {
          reason: `The sources give ${conflict.person.name} a different title than "${original}".`,
          expected: conflict.expected,
          fact: `${conflict.person.name}: ${conflict.expected}`,
          ...(conflict.source ? { sources: [conflict.source] } : {}),
        };
        const message = sourceMessage(original, `${conflict.person.name} is ${conflict.expected}${asOf}`, conflict.source);
        report(
          conflict,
          { message, entryId: conflict.person.id, detail, kind: 'title' },
          conflict.replacement,
          `Replace with "${conflict.replacement}"`,
        );
      }
      for (const { fact, slot, conflict, runnerUp } of slotConflicts(facts, knowledge)) {
        if (quoted(conflict)) continue;
        const original = text.slice(conflict.start, conflict.end);
        const reporter = reportedBy(text, sentence, conflict, fact, slot);
        if (reporter) {
          if (!disputed) continue;
          const reason = `${reporter} "${original}" (a ${slotName(slot.type)}); the source says ${conflict.expected}. The draft may report a wrong claim, but should not leave it standing: say that the source says otherwise, or check the quote.`;
          push({
            rule: 'fact.disputed-report',
            severity: disputed,
            start: conflict.start,
            end: conflict.end,
            message: sourceMessage(original, conflict.expected, fact.sourceRef, reporter),
            entryId: fact.id,
            detail: {
              ...withRunnerUp(factDetail(reason, conflict.expected, fact), runnerUp),
              reported: { by: reporter.replace(/ says?$/, ''), claim: original },
            },
            kind: slot.type,
            fixes: [],
          });
          continue;
        }
        if (!severity) continue;
        const detail = withRunnerUp(
          factDetail(`The draft's ${slotName(slot.type)} "${original}" conflicts with what the source says.`, conflict.expected, fact),
          runnerUp,
        );
        const message = sourceMessage(original, conflict.expected, fact.sourceRef);
        report(
          conflict,
          { message, entryId: fact.id, detail, kind: slot.type },
          conflict.replacement,
          `Replace with the source's "${conflict.replacement}"`,
        );
      }
    }
  }
  return findings;
}

/** A finding's detail that also names a second fact the sentence fits as well, with its source. */
function withRunnerUp(detail: FindingDetail, runnerUp: Fact | undefined): FindingDetail {
  if (!runnerUp) return detail;
  return {
    ...detail,
    reason: `${detail.reason} Another recorded event fits the sentence as well: ${runnerUp.statement}`,
    sources: [...(detail.sources ?? []), runnerUp.sourceRef],
  };
}

/**
 * Who the draft says states the conflicting value, with the verb ("A spokesman says", "Analysts say"), when
 * the value lies inside what a stated frame attributes to someone other than the fact's own source ("A
 * spokesman said the vote is in May"); "A report says" for a source-less frame ("reportedly"). Undefined when
 * the writer states it, or when the frame names the fact's own source, outlet or subject (then the draft
 * misreports the source: a plain contradiction).
 */
function reportedBy(text: string, sentence: SentenceAnalysis, conflict: Span, fact: Fact, slot: Slot): string | undefined {
  // an outlet is part of the attribution itself ("Assad told The New York Times")
  if (slotFlag(slot.type, 'channel')) return undefined;
  // the sentence's own frame: an account carried from the sentence before is too weak a reading to demote
  // a contradiction ("… were claimed by Islamic State. A week later, twelve nations …")
  const frame = sentence.frames.find(
    (f) =>
      f.kind !== 'none' && f.stated && !f.carriedFrom && f.content && f.content.start <= conflict.start && f.content.end >= conflict.end,
  );
  if (!frame || inWritersAside(sentence, conflict)) return undefined;
  // "reportedly", an agentless passive: no one is named, so the claim is a report's
  const words = frame.source ? text.slice(frame.source.start, frame.source.end).replace(/\s+/g, ' ').trim() : 'a report';
  // the fact is about the speaker ("Putin said he was open to …" against Putin's recorded stance): a misreport.
  // The speaker is an entity the source phrase names, not one a complement of it names ("a source close to
  // the Kremlin", "officials in Moscow")
  const { mention, source } = frame;
  const inComplement =
    mention !== undefined &&
    source !== undefined &&
    sentence.tokens.some((t) => t.pos === 'ADP' && t.start >= source.start && t.end <= mention.start);
  const speaker = inComplement ? undefined : mention?.entity;
  const parties = new Set([
    ...(fact.about ?? []).flat(),
    ...(fact.slots ?? []).flatMap((s) => (s.type === 'person' && typeof s.value === 'string' ? [s.value] : [])),
  ]);
  if (speaker && (parties.has(speaker.id) || (speaker.standsFor ?? []).some((id) => parties.has(id)))) return undefined;
  // the fact's own source or outlet ("Western officials" where the source cites anonymous Western officials)
  const own = `${fact.source.attribution} ${fact.sourceRef?.outlet ?? ''}`.toLowerCase();
  const names = speaker ? [speaker.name, ...(speaker.aliases ?? [])] : [];
  const heads = words.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  if (names.some((n) => n.length > 2 && own.includes(n.toLowerCase())) || (heads.length > 0 && heads.every((w) => own.includes(w))))
    return undefined;
  // "Analysts say", "A spokesman says", "Reuters says": a plural common noun takes "say"
  const last = words.split(' ').pop() ?? '';
  const plural = !speaker && /[^s']s$/.test(last);
  return `${words.replace(/^\p{Ll}/u, (c) => c.toUpperCase())} ${plural ? 'say' : 'says'}`;
}

/**
 * "Islamic State, which swept into Iraq in 2012, remains the main target, according to Moscow": a value in a
 * ", which …" or ", who …" aside is the writer's description, not the reported claim.
 */
function inWritersAside(sentence: SentenceAnalysis, conflict: Span): boolean {
  const tokens = sentence.tokens;
  for (let i = partitionPoint(tokens, (t) => t.start < conflict.start) - 1; i > 0; i--) {
    if (tokens[i].text === ',' || tokens[i].text === ';') return false;
    if ((tokens[i].norm === 'which' || tokens[i].norm === 'who') && tokens[i - 1].text === ',') return true;
  }
  return false;
}

/** The fact-contradiction rule engine: contradictions in the writer's voice, and disputed reports. */
export const contradictionRule: Rule = { ids: ['fact.contradiction', 'fact.disputed-report'], run: findContradictions };
