import type { ClaimKind } from './types';
import { CLAIM_KINDS } from './types';
import { RULES } from './ruleCatalog';
import type { RuleId, RuleLevel } from './types';

/** Presets of which claim kinds need a source. */
export const SENSITIVITIES = ['relaxed', 'standard', 'strict'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

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

/** Everything that changes what the engine reports for a given text. */
export interface LintSettings {
  rules: Record<RuleId, RuleLevel>;
  sensitivity: Sensitivity;
  /** Explicit claim kinds; when absent the sensitivity preset applies. */
  claimKinds?: readonly ClaimKind[];
  /** Allow-listed terms and lexicon ids: never reported as loaded. Compared case-insensitively. */
  allow: readonly string[];
}

/** The rule levels ClaimLint ships with. */
export function defaultRuleLevels(): Record<RuleId, RuleLevel> {
  return Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])) as Record<RuleId, RuleLevel>;
}

/** The settings ClaimLint uses when nothing is configured. */
export function defaultSettings(): LintSettings {
  return { rules: defaultRuleLevels(), sensitivity: 'standard', allow: [] };
}

/** The claim kinds in force under `settings`. */
export function activeClaimKinds(settings: LintSettings): ReadonlySet<ClaimKind> {
  return new Set(settings.claimKinds ?? CLAIM_KINDS_BY_SENSITIVITY[settings.sensitivity]);
}

/** A stable key for caching results computed under `settings`. */
export function settingsKey(settings: LintSettings): string {
  return JSON.stringify([settings.rules, settings.sensitivity, settings.claimKinds ?? null, [...settings.allow].sort()]);
}
