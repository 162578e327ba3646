import type { Block, QuoteReading, SentenceAnalysis } from '../analysis/blockAnalysis';
import { insideAttributedQuote, sentenceEndingAt } from '../analysis/blockAnalysis';
import type { ClaimSignal } from '../analysis/claims';
import type { Knowledge } from '../knowledge/knowledge';
import type { ClaimKind } from '../settings';
import { activeClaimKinds } from '../settings';
import type { Finding, Severity } from '../types';
import { factStated } from './facts/entailment';
import { readSentenceFacts } from './facts/sentenceFacts';
import { factDetail } from './factMessages';
import type { Rule, RuleContext } from './rule';
import { severityOf } from './rule';
import { attributionEdit, creditFor } from './sourcing/credit';

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
};

/** Placeholder the writer replaces with the real source. */
export const SOURCE_PLACEHOLDER = '[SOURCE]';

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
            reason: 'Wire-service practice (Reuters, AP, BBC) asks for named sources; anonymous or plural-vague sourcing is the exception and should say why the source cannot be named and how they know.',
          },
          fixes: [],
          kind: 'vague',
        };
      }),
  );
}

function missingFinding(
  text: string,
  s: SentenceAnalysis,
  claims: ClaimSignal[],
  knowledge: Knowledge,
  severity: Severity,
): Finding {
  const kinds = [...new Set(claims.map((c) => c.kind))];
  const first = claims[0];
  // a fact is cited only when it states what the sentence claims (see factStated)
  const known = factStated(readSentenceFacts(text, s, knowledge.facts), knowledge);
  const credit = known ? creditFor(known, knowledge) : undefined;
  const fixes = [
    ...(credit ? [{ title: `Attribute to ${credit} (as the source did)`, edits: [attributionEdit(text, s, credit, false)], preferred: true }] : []),
    { title: 'Insert an attribution to fill in', edits: [attributionEdit(text, s, SOURCE_PLACEHOLDER, false)] },
  ];
  const reason = `A ${kinds.map((k) => KIND_NAMES[k]).join(' and ')} the reporter did not witness needs its source in the same sentence or unmistakably nearby.`;
  return {
    rule: 'attribution.missing',
    severity,
    start: first.start,
    end: first.end,
    message: `Unattributed ${kinds.map((k) => KIND_NAMES[k]).join(', ')}: who says so?${credit ? ` The fact base has it from ${credit}.` : ''}`,
    ...(known ? { entryId: known.id } : {}),
    detail: known ? factDetail(reason, `reported by ${credit}`, known) : { reason },
    fixes,
    kind: first.kind,
  };
}

/** "Fund Our Schools", "Shiite Crescent": a name or title in quotation marks, not words someone said. */
function isQuotedName(text: string, quote: QuoteReading): boolean {
  const words = text.slice(quote.quote.innerStart, quote.quote.innerEnd).match(/[\p{L}\p{N}'\u2019-]+/gu) ?? [];
  const minor = /^(a|an|the|of|and|or|for|to|in|on|at|by|with|our|my|your)$/i;
  return words.length <= 6 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || minor.test(w)) && /^[\p{Lu}\p{N}]/u.test(words[0] ?? '');
}

function quoteFindings(block: Block, text: string, severity: Severity): Finding[] {
  if (block.quoted) return [];
  return block.speakers
    .filter((q) => !q.speaker && q.words >= 3 && !isQuotedName(text, q))
    .map((q): Finding => {
      const sentence = sentenceEndingAt(block.sentences, q.quote.end) ?? block.sentences[block.sentences.length - 1];
      return {
        rule: 'attribution.missing',
        severity,
        start: q.quote.start,
        end: q.quote.end,
        message: 'Quotation with no speaker: say who said it.',
        detail: { reason: 'Every direct quotation needs a named speaker in the same sentence or paragraph.' },
        fixes: [{ title: 'Insert a speaker to fill in', edits: [attributionEdit(text, sentence, '[SPEAKER]', true)] }],
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
  const findings: Finding[] = [];
  for (const block of context.chunk.blocks) {
    if (vague) for (const finding of vagueFindings(block, text, vague)) findings.push(finding);
    if (!missing || block.kind !== 'paragraph') continue;
    if (kinds.has('quotes')) for (const finding of quoteFindings(block, text, missing)) findings.push(finding);
    if (block.quoted) continue;
    for (const s of block.sentences) {
      if (s.frames.some((f) => f.kind !== 'none' && f.stated) || insideAttributedQuote(block.speakers, s)) continue;
      if (/\?["\u201D\u2019]?$/.test(text.slice(s.start, s.end))) continue;
      // words inside what a frame attributes are the source's: "X thinks prices will rise"
      const claims = s.claims.filter((c) => kinds.has(c.kind) && !s.frames.some((f) => f.kind !== 'none' && f.content && f.content.start <= c.start && f.content.end >= c.end));
      if (claims.length > 0) findings.push(missingFinding(text, s, claims, knowledge, missing));
    }
  }
  return findings;
}

/** The attribution rule engine. */
export const attributionRule: Rule = { ids: ['attribution.missing', 'attribution.vague'], run: findAttributionProblems };
