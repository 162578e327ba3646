import type { RuleId, Severity } from './types';

/** Public description of a rule: its stable id, default severity and a one-line summary. */
export interface RuleInfo {
  id: RuleId;
  family: string;
  defaultSeverity: Severity;
  summary: string;
}

/** Every rule ClaimLint can report, in the order the docs list them. */
export const RULES: readonly RuleInfo[] = [
  {
    id: 'fact.contradiction',
    family: 'fact',
    defaultSeverity: 'error',
    summary: 'A number, date, weekday, place, person, title, outlet or stance that conflicts with the fact base.',
  },
  {
    id: 'fact.misquote',
    family: 'fact',
    defaultSeverity: 'error',
    summary: 'Quoted words given to a known speaker differ from what the source records.',
  },
  {
    id: 'fact.misattribution',
    family: 'fact',
    defaultSeverity: 'error',
    summary: 'A quote the fact base records from one speaker is given to another.',
  },
  {
    id: 'fact.disputed-report',
    family: 'fact',
    defaultSeverity: 'warning',
    summary: 'Someone the draft reports states a value the sources contradict ("a spokesman said the vote is in May").',
  },
  {
    id: 'attribution.missing',
    family: 'attribution',
    defaultSeverity: 'warning',
    summary: 'A check-worthy claim (figure, date, accusation, prediction, quote) with no source.',
  },
  {
    id: 'attribution.vague',
    family: 'attribution',
    defaultSeverity: 'information',
    summary: 'Sourcing that names nobody a reader could check ("officials say", "reportedly").',
  },
  {
    id: 'loaded.term',
    family: 'loaded',
    defaultSeverity: 'warning',
    summary: 'Loaded, pejorative or value-laden wording in the writer\u2019s own voice.',
  },
  {
    id: 'loaded.scare-quote',
    family: 'loaded',
    defaultSeverity: 'information',
    summary: 'Quotation marks around a word of the writer\u2019s own sentence, with nobody to give it to, that cast doubt on it.',
  },
  {
    id: 'directive.unknown',
    family: 'directive',
    defaultSeverity: 'warning',
    summary: 'A claimlint-disable/enable comment names a rule that does not exist.',
  },
];

/** The catalogue entry of `id`. */
export function ruleInfo(id: RuleId): RuleInfo {
  const info = RULES.find((r) => r.id === id);
  if (!info) throw new Error(`rule ${id} is not in the catalogue`);
  return info;
}

const RULE_IDS = new Set<string>(RULES.map((r) => r.id));
const FAMILIES = new Set<string>(RULES.map((r) => r.family));

/** True for a rule id or a family name (`fact`, `loaded`, …) usable in inline directives. */
export function isRuleSelector(value: string): boolean {
  return RULE_IDS.has(value) || FAMILIES.has(value);
}

/** True when `selector` (a rule id or family name) covers `rule`. */
export function selectorCovers(selector: string, rule: RuleId): boolean {
  return selector === rule || rule.startsWith(selector + '.');
}
