import type { Block, QuoteReading, SentenceAnalysis } from '../analysis/blockAnalysis';
import { insideAttributedQuote, sentenceEndingAt } from '../analysis/blockAnalysis';
import type { ClaimSignal } from '../analysis/claims';
import type { Knowledge } from '../knowledge/knowledge';
import type { ClaimKind, RuleDeclaration } from '../types';
import { activeClaimKinds } from '../settings';
import { partitionPoint } from '../partitionPoint';
import { mergedSpans, withinAny } from '../spans';
import type { Finding, Fix, Severity, Span } from '../types';
import { factStated } from '../facts/entailment';
import { readSentenceFacts } from '../facts/sentenceFacts';
import { excerpt, factDetail } from './factMessages';
import type { Rule, RuleContext } from './rule';
import { severityOf } from './rule';
import { attributionEdit, creditFor } from './attributionCredit';
import grammar from '../../../../seeds/language/grammar.json';
import quotes from '../../../../seeds/language/quotes.json';
import { asciiLower, wordSet } from '../text/wordLists';

/** The rules this module reports, as the registry (rules/index.ts) lists them. */
export const ATTRIBUTION_MISSING = {
  id: 'attribution.missing',
  family: 'attribution',
  defaultSeverity: 'warning',
  summary: 'A check-worthy claim (figure, date, accusation, prediction, quote) with no source.',
} as const satisfies RuleDeclaration;

export const ATTRIBUTION_VAGUE = {
  id: 'attribution.vague',
  family: 'attribution',
  defaultSeverity: 'information',
  summary: 'Sourcing that names nobody a reader could check ("officials say", "reportedly").',
} as const satisfies RuleDeclaration;

/** Small words a quoted name or title may hold in lower case (compared ignoring the case of ASCII letters, as the `i` flag did). */
const TITLE_MINOR_WORDS = wordSet(quotes.lists.titleMinorWords);
/** Forms of "be" and "have" that, outside a quotation, act as its speaker's verb (a modal does not). */
const ACTING_AUXILIARIES = wordSet(quotes.lists.actingAuxiliaries);

const KIND_NAMES: Record<ClaimKind, string> = {
  figures: 'figure',
  dates: 'date',
  superlatives: 'superlative',
  comparisons: 'comparison',
  causal: 'causal claim',
  predictions: 'prediction',
  accusations: 'accusation',
  intentions: 'statement of intent',
  quotes: 'quotation',
  opinions: 'opinion stated as fact',
  statements: 'factual claim',
  trends: 'trend',
};

/** Placeholder the writer replaces with the real source. */
export const SOURCE_PLACEHOLDER = '[SOURCE]';
/** Placeholder the writer replaces with the speaker of a quotation. */
export const SPEAKER_PLACEHOLDER = '[SPEAKER]';
/** Placeholder the writer replaces with why a source cannot be named. */
export const REASON_PLACEHOLDER = '[REASON]';
const PLACEHOLDERS = /\[(?:SOURCE|SPEAKER|REASON)\]/g;

/** What each placeholder still asks of the writer. */
const PLACEHOLDER_ASKS: Record<string, string> = {
  [SOURCE_PLACEHOLDER]: 'name who says so',
  [SPEAKER_PLACEHOLDER]: 'name who said it',
  [REASON_PLACEHOLDER]: 'say why the source cannot be named',
};

/**
 * The placeholders the "fill in" fixes insert, each its own finding until it is replaced: the sentence (or
 * quotation) it stands in counts as sourced meanwhile, so the writer sees one warning, on the placeholder.
 */
function placeholderFindings(block: Block, text: string, severity: Severity): Finding[] {
  const findings: Finding[] = [];
  PLACEHOLDERS.lastIndex = 0;
  const body = text.slice(block.start, block.end);
  for (let m = PLACEHOLDERS.exec(body); m; m = PLACEHOLDERS.exec(body)) {
    const start = block.start + m.index;
    findings.push({
      rule: 'attribution.missing',
      severity,
      start,
      end: start + m[0].length,
      message: `Placeholder ${m[0]} still to fill in: ${PLACEHOLDER_ASKS[m[0]]}.`,
      detail: { reason: 'A placeholder inserted by a quick fix stays flagged until it is replaced by the real source.' },
      fixes: [],
      kind: 'placeholder',
    });
  }
  return findings;
}

const holdsPlaceholder = (text: string, span: { start: number; end: number }): boolean => {
  const body = text.slice(span.start, span.end);
  return Object.keys(PLACEHOLDER_ASKS).some((placeholder) => body.includes(placeholder));
};

/**
 * What a desk editor asks of vague sourcing, as fixes: name the source (its words become a placeholder), or
 * keep it and say why it cannot be named (Reuters style: "…, who asked not to be named because …,"). Offered
 * where the sentence has a source phrase to work on ("Officials", "people familiar with the matter"); a
 * sourceless hedge ("reportedly") has none.
 */
function vagueSourcingFixes(text: string, source: Span | undefined): Fix[] {
  if (!source) return [];
  const words = text.slice(source.start, source.end);
  return [
    {
      title: `Name the source: replace "${words}" with ${SOURCE_PLACEHOLDER} to fill in`,
      edits: [{ start: source.start, end: source.end, newText: SOURCE_PLACEHOLDER }],
    },
    {
      title: 'Say why the source cannot be named',
      edits: [{ start: source.end, end: source.end, newText: `, who asked not to be named because ${REASON_PLACEHOLDER},` }],
    },
  ];
}

/**
 * Vague sourcing. A reason for anonymity ("who asked not to be named because …") does not clear it: the
 * project's annotators still want a named source noted, at information severity.
 */
function vagueFindings(block: Block, text: string, severity: Severity): Finding[] {
  return block.sentences.flatMap((s) =>
    s.frames
      .filter((frame) => frame.kind === 'vague' && !frame.carriedFrom)
      .map((frame): Finding => {
        // the source and its cue when they stand together ("Officials said"), else the source alone
        const source = frame.source ?? frame.cue;
        const together = frame.cue.start - source.end <= 2 && frame.cue.start >= source.end;
        const start = Math.min(source.start, frame.cue.start);
        const end = together || source === frame.cue ? Math.max(source.end, frame.cue.end) : source.end;
        const words = text.slice(start, end);
        return {
          rule: 'attribution.vague',
          severity,
          start,
          end,
          message: `Vague sourcing: "${words}" names nobody a reader could check. Name the source, or say why it cannot be named.`,
          detail: {
            reason:
              'Wire-service practice (Reuters, AP, BBC) asks for named sources; anonymous or plural-vague sourcing is the exception and should say why the source cannot be named and how they know.',
          },
          fixes: vagueSourcingFixes(text, frame.source),
          kind: 'vague',
        };
      }),
  );
}

function missingFinding(text: string, s: SentenceAnalysis, claims: ClaimSignal[], knowledge: Knowledge, severity: Severity): Finding {
  const kinds = [...new Set(claims.map((c) => c.kind))];
  const first = claims[0];
  // a fact is cited only when it states what the sentence claims (see factStated)
  const known = factStated(readSentenceFacts(text, s, knowledge.facts), knowledge);
  const credit = known ? creditFor(known, knowledge) : undefined;
  const fixes = [
    ...(credit
      ? [{ title: `Attribute to ${credit} (as the source did)`, edits: [attributionEdit(text, s, credit, false)], preferred: true }]
      : []),
    { title: 'Insert an attribution to fill in', edits: [attributionEdit(text, s, SOURCE_PLACEHOLDER, false)] },
  ];
  const reason = `A ${kinds.map((k) => KIND_NAMES[k]).join(' and ')} the reporter did not witness needs its source in the same sentence or unmistakably nearby.`;
  return {
    rule: 'attribution.missing',
    severity,
    start: first.start,
    end: first.end,
    message: `Unattributed ${kinds.map((k) => KIND_NAMES[k]).join(', ')} "${excerpt(text.slice(first.start, first.end), 60)}": who says so?${credit ? ` The fact base has it from ${credit}.` : ''}`,
    ...(known ? { entryId: known.id } : {}),
    detail: known ? factDetail(reason, `reported by ${credit}`, known) : { reason },
    fixes,
    kind: first.kind,
  };
}

/**
 * "One Tweet Sums Up The Absurd Double Standard": a line in title case is a headline or a caption's title,
 * not a sentence of copy (plain text has no heading marks to say so).
 */
function isHeadline(s: SentenceAnalysis): boolean {
  const words = s.tokens.filter((t) => t.kind === 'word' && t.text.length >= 4);
  return words.length >= 4 && words.every((t) => /^\p{Lu}/u.test(t.text));
}

/**
 * Claim kinds that are a columnist's own argument: in a paragraph where the writer speaks in the first
 * person ("I believe", "my father"), forecasts and judgements are the writer's, openly; figures, accusations
 * and quotations still need their sources.
 */
const ARGUMENT = new Set<ClaimKind>(['predictions', 'opinions', 'comparisons', 'causal', 'superlatives', 'intentions']);
const FIRST_SINGULAR = wordSet(grammar.lists.firstSingular);
/** True when the writer speaks in the first person somewhere in the paragraph, outside quotations and sources' words. */
function writerSpeaks(block: Block): boolean {
  return block.sentences.some((s) => {
    let contents: Span[] | undefined;
    return s.tokens.some((t) => {
      if (t.kind !== 'word' || !FIRST_SINGULAR.has(t.norm) || withinAny(block.quotes, t)) return false;
      contents ??= mergedSpans(s.frames.flatMap((f) => (f.content ? [f.content] : [])));
      return !withinAny(contents, t);
    });
  });
}

/** A claim with no cue word, found by the claim detector's score: the sentence up to its last word. */
function statementSignal(s: SentenceAnalysis): ClaimSignal {
  const words = s.tokens.filter((t) => t.kind !== 'punct');
  return { kind: 'statements', start: words[0]?.start ?? s.start, end: words[words.length - 1]?.end ?? s.end };
}

/** "Fund Our Schools", "Shiite Crescent": a name or title in quotation marks, not words someone said. */
function isQuotedName(text: string, quote: QuoteReading): boolean {
  const words = text.slice(quote.quote.innerStart, quote.quote.innerEnd).match(/[\p{L}\p{N}'\u2019-]+/gu) ?? [];
  return (
    words.length <= 6 &&
    words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_MINOR_WORDS.has(asciiLower(w))) &&
    /^[\p{Lu}\p{N}]/u.test(words[0] ?? '')
  );
}

/** True when some sentence of the paragraph names a source: the speaker a reader looks for is there. */
function paragraphNamesSource(block: Block): boolean {
  return block.sentences.some((s) => s.frames.some((f) => f.kind !== 'vague' && f.kind !== 'none' && !f.carriedFrom));
}

/**
 * "Tribe likened the rules to "burning the Constitution"", ""This is a big year!" Price shouted to the
 * crowd": a named party acting in the quotation's own sentence, outside quoted words, is who the words are
 * given to, whatever the verb (the frame finder knows reporting verbs only).
 */
function namedActorInSentence(sentence: SentenceAnalysis, quotes: readonly Span[]): boolean {
  const outside = sentence.tokens.filter((t) => !withinAny(quotes, t));
  // "Dunmore was blunt.": a form of "be" or "have" acts too, a modal does not ("Europe must now "stand …"")
  return (
    outside.some((t) => t.pos === 'PROPN') && outside.some((t) => t.pos === 'VERB' || (t.pos === 'AUX' && ACTING_AUXILIARIES.has(t.norm)))
  );
}

function quoteFindings(block: Block, text: string, severity: Severity): Finding[] {
  if (block.quoted || paragraphNamesSource(block)) return [];
  const sentenceOf = (q: QuoteReading): SentenceAnalysis =>
    sentenceEndingAt(block.sentences, q.quote.end) ?? block.sentences[block.sentences.length - 1];
  // the quotation's sentence or its neighbours (""This is a big year!" Price shouted."): a quotation ending
  // in "!" or "?" ends its sentence before the speaker's
  const actors = new Map<SentenceAnalysis, boolean>();
  const actorIn = (s: SentenceAnalysis): boolean => {
    let named = actors.get(s);
    if (named === undefined) actors.set(s, (named = namedActorInSentence(s, block.quotes)));
    return named;
  };
  const actorNear = (q: QuoteReading): boolean => {
    const first = partitionPoint(block.sentences, (s) => s.end <= q.quote.start);
    const last = Math.max(
      first,
      partitionPoint(block.sentences, (s) => s.end < q.quote.end),
    );
    return block.sentences.slice(Math.max(0, first - 1), last + 2).some(actorIn);
  };
  // one quotation given to a named party gives the paragraph's other quotations their speaker too
  if (block.speakers.some((q) => q.speaker || actorNear(q))) return [];
  return block.speakers
    .filter((q) => q.words >= 3 && !isQuotedName(text, q))
    .map((q): Finding => {
      const sentence = sentenceOf(q);
      return {
        rule: 'attribution.missing',
        severity,
        start: q.quote.start,
        end: q.quote.end,
        message: `Quotation with no speaker, "${excerpt(text.slice(q.quote.innerStart, q.quote.innerEnd), 60)}": say who said it.`,
        detail: { reason: 'Every direct quotation needs a named speaker in the same sentence or paragraph.' },
        fixes: [{ title: 'Insert a speaker to fill in', edits: [attributionEdit(text, sentence, SPEAKER_PLACEHOLDER, true)] }],
        kind: 'quotes',
      };
    });
}

/**
 * `attribution.missing` and `attribution.vague`: check-worthy claims with no source in their sentence,
 * quotations with no speaker in their paragraph, and sourcing that names nobody. Headings and table cells
 * are not asked for sources; quoted words belong to their speaker.
 */
export function findAttributionProblems(context: RuleContext): Finding[] {
  const missing = severityOf(context.settings, 'attribution.missing');
  const vague = severityOf(context.settings, 'attribution.vague');
  const { knowledge } = context;
  const text = context.chunk.text;
  const kinds = activeClaimKinds(context.settings);
  const model = knowledge.claimModel;
  const threshold = model.thresholds[context.settings.sensitivity];
  const findings: Finding[] = [];
  for (const block of context.chunk.blocks) {
    if (vague) for (const finding of vagueFindings(block, text, vague)) findings.push(finding);
    if (!missing || block.kind !== 'paragraph' || context.genre === 'technical') continue;
    for (const finding of placeholderFindings(block, text, missing)) findings.push(finding);
    if (kinds.has('quotes') && !holdsPlaceholder(text, block))
      for (const finding of quoteFindings(block, text, missing)) findings.push(finding);
    if (block.quoted) continue;
    const column = writerSpeaks(block);
    for (const s of block.sentences) {
      if (s.frames.some((f) => f.kind !== 'none' && f.stated) || insideAttributedQuote(block.speakers, s)) continue;
      if (/\?["\u201D\u2019]?$/.test(text.slice(s.start, s.end))) continue;
      if (isHeadline(s) || holdsPlaceholder(text, s)) continue;
      // words inside what a frame attributes are the source's: "X thinks prices will rise"
      const claims = s.claims.filter(
        (c) =>
          kinds.has(c.kind) &&
          !(column && ARGUMENT.has(c.kind)) &&
          !s.frames.some((f) => f.kind !== 'none' && f.content && f.content.start <= c.start && f.content.end >= c.end),
      );
      if (claims.length > 0 && s.claimScore >= model.cueGate) findings.push(missingFinding(text, s, claims, knowledge, missing));
      else if (claims.length === 0 && kinds.has('statements') && s.claimScore >= threshold)
        findings.push(missingFinding(text, s, [statementSignal(s)], knowledge, missing));
    }
  }
  return findings;
}

/** The attribution rule engine. */
export const attributionRule: Rule = { ids: ['attribution.missing', 'attribution.vague'], run: findAttributionProblems };
