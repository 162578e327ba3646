import type { AnalysedChunk } from '../document';
import type { Knowledge } from '../knowledge/knowledge';
import type { Genre } from '../text/genre';
import type { LintSettings } from '../settings';
import type { Finding, RuleId, Severity } from '../types';

/** What a rule sees: one analysed chunk (offsets relative to it), the knowledge and the settings. */
export interface RuleContext {
  chunk: AnalysedChunk;
  knowledge: Knowledge;
  settings: LintSettings;
  /** The whole document's genre (`documentGenre`): technical documentation asks no sources for claims. */
  genre: Genre;
}

/** A rule engine: reports findings for one or more rule ids over a chunk. */
export interface Rule {
  ids: readonly RuleId[];
  run(context: RuleContext): Finding[];
}

/** The configured severity of `id`, or undefined when the rule is off. */
export function severityOf(settings: LintSettings, id: RuleId): Severity | undefined {
  const level = settings.rules[id];
  return level === 'off' ? undefined : level;
}
