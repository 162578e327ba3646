import type { DataProblem } from './types';
import type { DataFileLimits } from './knowledge/dataFile';
import { parseDataFile } from './knowledge/dataFile';
import { globListProblem, globProblem } from './globs';
import type { LintSettings } from './settings';
import { defaultSettings } from './settings';
import type { ClaimLintConfig, SettingValue, SharedKey } from './settingsTable';
import { combined, GLOB_KEYS, SETTINGS, settingInfo } from './settingsTable';
import configSchema from '../../../seeds/schema/claimlint-config.schema.json';

export type { ClaimLintConfig } from './settingsTable';
export { GLOB_KEYS } from './settingsTable';

/** The configuration file name looked for from a draft's folder upwards. */
export const CONFIG_FILE_NAME = '.claimlint.yaml';

/** The JSON Schema of `.claimlint.yaml`. */
export const CONFIG_SCHEMA: object = configSchema;

/**
 * Limits of a `.claimlint.yaml`: the settings and an allow-list of the 10,000 terms the schema allows fit;
 * the worst case parses in about 20 MB of heap.
 */
export const CONFIG_FILE_LIMITS: DataFileLimits = { maxLength: 256 * 1024, maxTokens: 50_000, maxFlowDepth: 16 };

/**
 * Parses a `.claimlint.yaml`. On problems the valid keys are still returned (a key with a wrong value is
 * dropped), so a typo in one setting never disables the others.
 */
export function parseConfigFile(file: string, text: string): { config: ClaimLintConfig; problems: DataProblem[] } {
  // empty or comments only (files over the size limit go on to be refused with a message)
  if (text.length <= CONFIG_FILE_LIMITS.maxLength && text.replace(/#.*$/gm, '').trim() === '') return { config: {}, problems: [] };
  const parsed = parseDataFile<ClaimLintConfig>(file, text, configSchema, CONFIG_FILE_LIMITS);
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const problems = parsed.problems.length > 0 ? parsed.problems : [parsed.problemAt([], 'should be a mapping of settings')];
    return { config: {}, problems };
  }
  // globs the schema lets through but that cannot be matched as meant (a glob is checked only once its key is valid)
  const schemaBadKeys = new Set(parsed.problems.map((p) => p.path?.[0]));
  for (const key of GLOB_KEYS) {
    const globs = (value as ClaimLintConfig)[key];
    if (!Array.isArray(globs) || schemaBadKeys.has(key)) continue;
    const ignored = `Until it is fixed, this file's ${key} is ignored (the editor's or the default ${key} applies)`;
    let malformed = false;
    globs.forEach((glob, index) => {
      const problem = typeof glob === 'string' ? globProblem(glob) : undefined;
      if (!problem) return;
      malformed = true;
      const shown = JSON.stringify(glob.length > 60 ? `${glob.slice(0, 60)}…` : glob);
      parsed.problems.push(parsed.problemAt([key, index], `${key}[${index}]: ${shown} ${problem}. ${ignored}`));
    });
    const tooMany = malformed ? undefined : globListProblem(globs as string[]);
    if (tooMany) parsed.problems.push(parsed.problemAt([key], `${key}: ${tooMany}. ${ignored}`));
  }
  // a problem inside `rules` drops only that rule's entry; a problem elsewhere drops its key
  const badRules = new Set<string>();
  const badKeys = new Set<string>();
  for (const problem of parsed.problems) {
    const [key, rule] = problem.path ?? [];
    if (key === 'rules' && typeof rule === 'string') badRules.add(rule);
    else if (key === 'rules' && /unknown key "([^"]+)"/.test(problem.message))
      badRules.add(/unknown key "([^"]+)"/.exec(problem.message)?.[1] ?? '');
    else if (typeof key === 'string') badKeys.add(key);
  }
  const config = Object.fromEntries(Object.entries(value).filter(([key]) => !badKeys.has(key))) as ClaimLintConfig;
  if (config.rules && typeof config.rules === 'object') {
    config.rules = Object.fromEntries(Object.entries(config.rules).filter(([id]) => !badRules.has(id))) as ClaimLintConfig['rules'];
  }
  return { config, problems: parsed.problems };
}

/**
 * The value of the shared key `key` across configuration layers (lowest precedence first), combined as the
 * settings table says (the highest layer wins, or lists merge), else the table's default. Paths are as the
 * layers give them (see `absolutize` in workspace/configResolver.ts).
 */
export function resolvedSetting<K extends SharedKey>(layers: readonly ClaimLintConfig[], key: K): SettingValue<K> {
  const info = settingInfo(key);
  if (!info) throw new Error(`${key} is not in the settings table`);
  const value = combined(info, layers as readonly Record<string, unknown>[]) ?? structuredClone(info.default);
  return value as SettingValue<K>;
}

/**
 * Resolves configuration layers (lowest precedence first) into engine settings: every `lint` setting of the
 * table, combined by its rule (scalars from later layers win, rule levels rule by rule, allow-lists merge).
 */
export function resolveLintSettings(layers: readonly ClaimLintConfig[]): LintSettings {
  const settings = defaultSettings() as Record<string, unknown>;
  for (const info of SETTINGS) {
    if (!('lint' in info) || !info.lint) continue;
    const base = info.shape.type === 'ruleLevels' ? (settings[info.key] as Record<string, unknown>) : undefined;
    const value = combined(info, layers as readonly Record<string, unknown>[], base);
    if (value !== undefined) settings[info.key] = value;
  }
  return settings as LintSettings;
}
