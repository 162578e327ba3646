import { ATTRIBUTION_MISSING, ATTRIBUTION_VAGUE, attributionRule } from './attribution';
import { contradictionRule, FACT_CONTRADICTION, FACT_DISPUTED_REPORT } from './contradiction';
import { LOADED_TERM, loadedTermsRule } from './loadedTerms';
import { FACT_MISATTRIBUTION, FACT_MISQUOTE, quotesRule } from './quotes';
import { LOADED_SCARE_QUOTE, scareQuotesRule } from './scareQuotes';
import { DIRECTIVE_UNKNOWN } from '../directives';
import type { RuleDeclaration } from '../types';
import type { Finding, RuleId } from '../types';
import type { Knowledge } from '../knowledge/knowledge';
import type { Rule } from './rule';

/**
 * The rule registry: every rule ClaimLint reports, as its module declares it, in the order the settings, the
 * docs and SARIF list them. `npm run generate` writes it into engine/ruleRegistry.ts (which the lower layers,
 * the manifest and the client read); test/unit/registry.test.ts fails while that file is stale.
 */
export const RULE_DECLARATIONS: readonly RuleDeclaration[] = [
  FACT_CONTRADICTION,
  FACT_MISQUOTE,
  FACT_MISATTRIBUTION,
  FACT_DISPUTED_REPORT,
  ATTRIBUTION_MISSING,
  ATTRIBUTION_VAGUE,
  LOADED_TERM,
  LOADED_SCARE_QUOTE,
  DIRECTIVE_UNKNOWN,
];

/** Every rule engine, in the order their findings are produced. */
export const ALL_RULES: readonly Rule[] = [contradictionRule, quotesRule, attributionRule, loadedTermsRule, scareQuotesRule];

/**
 * One finding per span: where a quote finding and a value finding cover the same words, the quote
 * finding explains them best (the words are the speaker's, and the source's own words are shown), so
 * the value finding is dropped. "Lavrov called the presence “illegitimate”" is a misquote, not also a
 * contradiction.
 */
const OUTRANKED_BY: Partial<Record<RuleId, readonly RuleId[]>> = {
  'fact.contradiction': ['fact.misquote', 'fact.misattribution'],
  'fact.disputed-report': ['fact.misquote', 'fact.misattribution'],
};

/** The findings without those another finding on the same words outranks (see `OUTRANKED_BY`). */
export function withoutOutranked(findings: readonly Finding[]): Finding[] {
  // the few findings that outrank others, looked through once instead of the whole chunk's per finding
  const outranking = new Set(Object.values(OUTRANKED_BY).flat());
  const ranking = findings.filter((f) => outranking.has(f.rule));
  if (ranking.length === 0) return [...findings];
  return findings.filter((f) => {
    const over = OUTRANKED_BY[f.rule];
    return !over || !ranking.some((o) => over.includes(o.rule) && o.start < f.end && o.end > f.start);
  });
}

/**
 * Findings against facts extraction read from source documents are warnings at most: extraction may misread
 * a speaker or what a figure counts, where a curated fact was checked by hand.
 */
export function softenedForExtracted(findings: readonly Finding[], knowledge: Knowledge): Finding[] {
  return findings.map((f) =>
    f.severity === 'error' && f.entryId && f.rule.startsWith('fact.') && knowledge.facts.facts.get(f.entryId)?.extracted
      ? { ...f, severity: 'warning' }
      : f,
  );
}
