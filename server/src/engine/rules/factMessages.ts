import type { Fact } from '../knowledge/factTypes';
import type { FindingDetail, SourceRef } from '../types';

/** A passage shortened for a one-line message. */
export function excerpt(passage: string, max = 90): string {
  const flat = passage.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max).replace(/\s+\S*$/, '') + ' \u2026';
}

/**
 * `"200,000": the source says up to 140,000 Shiite forces — “Iran deployed up to 140,000 Shiite forces …”
 * (Breitbart News, 2017-11-22)`: the draft's words, what the source says, and where. With `reporterSays`
 * ("A spokesman says"), the draft's words are that reporter's: `A spokesman says "200,000"; the source says …`.
 */
export function sourceMessage(draft: string, expected: string, source: SourceRef | undefined, reporterSays?: string): string {
  const words = `"${draft.replace(/\s+/g, ' ')}"`;
  const head = reporterSays ? `${reporterSays} ${words}; the source says ${expected}` : `${words}: the source says ${expected}`;
  if (!source) return `${head}.`;
  const where = [source.outlet, source.date].filter(Boolean).join(', ');
  // a misquote's expected words are already the source's own sentence: say where, not the sentence again
  const fold = (t: string): string => t.replace(/[\s\u00a0"\u201C\u201D]+/g, ' ').trim();
  if (fold(source.passage).startsWith(fold(expected).slice(0, 40))) return `${head}${where ? ` (${where})` : ''}`;
  const quoted = excerpt(source.passage);
  const passage = /^["\u201C]/.test(quoted) ? quoted : `\u201C${quoted}\u201D`;
  return `${head} \u2014 ${passage}${where ? ` (${where})` : ''}`;
}

/** Hover details for a finding that relies on `fact`, with both sides of any dispute. */
export function factDetail(reason: string, expected: string, fact: Fact): FindingDetail {
  return {
    reason,
    expected,
    fact: fact.statement,
    sources: [fact.sourceRef],
    ...(fact.disputedBy.length > 0 ? { disputedBy: fact.disputedBy.map((d) => ({ statement: d.statement, source: d.sourceRef })) } : {}),
  };
}
