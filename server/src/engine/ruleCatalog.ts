/** Severity names as the CLI prints them; LSP severities are mapped from these at the edge. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * The rule registry: every rule ClaimLint can report. `RuleId` (types.ts) is derived from it, the
 * editor's `claimlint.rules` setting and the `.claimlint.yaml` schema are generated from it
 * (`npm run generate`), and test/unit/registry.test.ts checks that each rule has its page in docs/rules/.
 *
 * Each rule is one declaration below, grouped by the module that reports it, so a group can later move into
 * that module by cut-and-paste (export it there and import it here; the order of `RULES` stays as it is).
 */

/** A rule family: the part of a rule id before the dot, usable as a selector in inline directives. */
export interface RuleFamilyInfo {
  name: string;
  /** Counted in the editor's status bar (findings in the active draft by family). */
  statusBar: boolean;
}

/** The rule families, in the order the status bar shows them. */
export const RULE_FAMILIES = [
  { name: 'fact', statusBar: true },
  { name: 'attribution', statusBar: true },
  { name: 'loaded', statusBar: true },
  { name: 'directive', statusBar: false },
] as const satisfies readonly RuleFamilyInfo[];

export type RuleFamily = (typeof RULE_FAMILIES)[number]['name'];

/** What a rule declares: its stable id (`family.kind`), default severity and a one-line summary. */
export interface RuleDeclaration {
  id: `${RuleFamily}.${string}`;
  family: RuleFamily;
  defaultSeverity: Severity;
  summary: string;
}

// --- declared by rules/contradiction.ts (to move there) ---

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

// --- declared by rules/quotes.ts (to move there) ---

export const FACT_MISQUOTE = {
  id: 'fact.misquote',
  family: 'fact',
  defaultSeverity: 'error',
  summary: 'Quoted words given to a known speaker differ from what the source records.',
} as const satisfies RuleDeclaration;

export const FACT_MISATTRIBUTION = {
  id: 'fact.misattribution',
  family: 'fact',
  defaultSeverity: 'error',
  summary: 'A quote the fact base records from one speaker is given to another.',
} as const satisfies RuleDeclaration;

// --- declared by rules/attribution.ts (to move there) ---

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

// --- declared by rules/loadedTerms.ts (to move there) ---

export const LOADED_TERM = {
  id: 'loaded.term',
  family: 'loaded',
  defaultSeverity: 'warning',
  summary: 'Loaded, pejorative or value-laden wording in the writer\u2019s own voice.',
} as const satisfies RuleDeclaration;

// --- declared by rules/scareQuotes.ts (to move there) ---

export const LOADED_SCARE_QUOTE = {
  id: 'loaded.scare-quote',
  family: 'loaded',
  defaultSeverity: 'information',
  summary: 'Quotation marks around a word of the writer\u2019s own sentence, with nobody to give it to, that cast doubt on it.',
} as const satisfies RuleDeclaration;

// --- declared by directives.ts (to move there) ---

export const DIRECTIVE_UNKNOWN = {
  id: 'directive.unknown',
  family: 'directive',
  defaultSeverity: 'warning',
  summary: 'A claimlint-disable/enable comment names a rule that does not exist.',
} as const satisfies RuleDeclaration;

/** Every rule ClaimLint can report, in the order the docs, the settings and SARIF list them. */
export const RULES = [
  FACT_CONTRADICTION,
  FACT_MISQUOTE,
  FACT_MISATTRIBUTION,
  FACT_DISPUTED_REPORT,
  ATTRIBUTION_MISSING,
  ATTRIBUTION_VAGUE,
  LOADED_TERM,
  LOADED_SCARE_QUOTE,
  DIRECTIVE_UNKNOWN,
] as const satisfies readonly RuleDeclaration[];

/** Stable public rule ids (`family.kind`), derived from the registry. */
export type RuleId = (typeof RULES)[number]['id'];

/** Public description of a rule: its stable id, family, default severity and a one-line summary. */
export interface RuleInfo extends RuleDeclaration {
  id: RuleId;
}

/** The page documenting `rule`, relative to the extension's (or repository's) root. */
export function ruleDocPath(rule: string): string {
  return `docs/rules/${rule}.md`;
}

/** The catalogue entry of `id`. */
export function ruleInfo(id: RuleId): RuleInfo {
  const info = (RULES as readonly RuleInfo[]).find((r) => r.id === id);
  if (!info) throw new Error(`rule ${id} is not in the catalogue`);
  return info;
}

const RULE_IDS = new Set<string>(RULES.map((r) => r.id));
const FAMILIES = new Set<string>(RULE_FAMILIES.map((f) => f.name));

/** True for a rule id or a family name (`fact`, `loaded`, …) usable in inline directives. */
export function isRuleSelector(value: string): boolean {
  return RULE_IDS.has(value) || FAMILIES.has(value);
}

/** True when `selector` (a rule id or family name) covers `rule`. */
export function selectorCovers(selector: string, rule: RuleId): boolean {
  return selector === rule || rule.startsWith(selector + '.');
}
