import { RULE_FAMILIES, RULES } from './ruleRegistry';
import type { RuleId } from './ruleRegistry';
import type { RuleDeclaration } from './types';

export { RULE_FAMILIES, RULES } from './ruleRegistry';
export type { RuleId } from './ruleRegistry';

/**
 * The rule catalogue: what the engine knows of every rule, from ruleRegistry.ts, which `npm run generate`
 * writes from the declarations of the rule modules (rules/index.ts lists them). test/unit/registry.test.ts
 * fails while it is stale, and checks that each rule has its page in docs/rules/.
 */

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
