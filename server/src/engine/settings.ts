import type { ClaimKind } from './types';
import { CLAIM_KINDS } from './types';
import { RULES } from './ruleCatalog';
import type { RuleId, RuleLevel } from './types';
import type { LintSettings, Sensitivity } from './settingsTable';
import { SETTINGS } from './settingsTable';

export type { LintSettings, Sensitivity } from './settingsTable';
export { SENSITIVITIES } from './settingsTable';

/** Claim kinds each sensitivity asks a source for. */
export const CLAIM_KINDS_BY_SENSITIVITY: Record<Sensitivity, readonly ClaimKind[]> = {
  relaxed: ['figures', 'accusations', 'quotes'],
  standard: [
    'figures',
    'trends',
    'superlatives',
    'comparisons',
    'causal',
    'predictions',
    'accusations',
    'intentions',
    'quotes',
    'opinions',
  ],
  strict: CLAIM_KINDS,
};

/** The rule levels ClaimLint ships with. */
export function defaultRuleLevels(): Record<RuleId, RuleLevel> {
  return Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])) as Record<RuleId, RuleLevel>;
}

/**
 * The settings ClaimLint uses when nothing is configured: each `lint` setting of the table at its default
 * (rules at their registry levels; a list whose empty default means "not set" left out).
 */
export function defaultSettings(): LintSettings {
  const settings: Record<string, unknown> = {};
  for (const info of SETTINGS) {
    if (!('lint' in info) || !info.lint) continue;
    if (info.shape.type === 'ruleLevels') settings[info.key] = defaultRuleLevels();
    else if (!('emptyIsUnset' in info && info.emptyIsUnset)) settings[info.key] = structuredClone(info.default);
  }
  return settings as LintSettings;
}

/** The claim kinds in force under `settings`. */
export function activeClaimKinds(settings: LintSettings): ReadonlySet<ClaimKind> {
  return new Set(settings.claimKinds ?? CLAIM_KINDS_BY_SENSITIVITY[settings.sensitivity]);
}

/** The keys of `LintSettings` whose lists are sets (merged across layers): their order never matters. */
const ORDERLESS = new Set<string>(SETTINGS.filter((s) => 'combine' in s && s.combine === 'union').map((s) => s.key));

/**
 * A stable key for caching results computed under `settings`: the whole value as JSON with sorted keys
 * (at every depth) and the merged lists (`allow`) sorted, so equal settings give equal keys and a field
 * added to `LintSettings` can never be left out.
 */
export function settingsKey(settings: LintSettings): string {
  const stable = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(stable);
    if (!value || typeof value !== 'object') return value;
    const entries = Object.keys(value).sort();
    return Object.fromEntries(entries.map((k) => [k, stable((value as Record<string, unknown>)[k])]));
  };
  const top = Object.fromEntries(
    Object.keys(settings)
      .sort()
      .map((k) => {
        const value = stable((settings as Record<string, unknown>)[k]);
        return [k, ORDERLESS.has(k) && Array.isArray(value) ? [...value].sort() : value];
      }),
  );
  return JSON.stringify(top);
}
