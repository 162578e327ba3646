import * as path from 'node:path';
import type { DocumentFormat } from '../../server/src/engine/types';
import type { Knowledge } from '../../server/src/engine/knowledge/knowledge';
import { buildKnowledge } from '../../server/src/engine/knowledge/knowledge';
import type { LintOutcome } from '../../server/src/engine/lint';
import { lintDocument } from '../../server/src/engine/lint';
import type { LintSettings } from '../../server/src/engine/settings';
import { defaultSettings } from '../../server/src/engine/settings';
import type { Finding, RuleId } from '../../server/src/engine/types';
import { readSource } from '../../server/src/engine/sources/readSource';
import { readBuiltInFiles } from '../../server/src/workspace/dataFiles';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

let builtIn: Knowledge | undefined;

/** Knowledge from the built-in data, built once per test run. */
export function builtInKnowledge(): Knowledge {
  builtIn ??= buildKnowledge(readBuiltInFiles(path.join(ROOT, 'seeds')));
  return builtIn;
}

/** Knowledge from the built-in data plus one more lexicon file (a team's), as a folder's configuration adds it. */
export function withUserLexicon(text: string, file = '/team/user.lexicon.yaml'): Knowledge {
  const files = readBuiltInFiles(path.join(ROOT, 'seeds'));
  return buildKnowledge({ ...files, lexicons: [...files.lexicons, { file, text }] });
}

/** Knowledge from the built-in data plus source documents (absolute path and text), read as the server reads them. */
export function withSources(documents: readonly { file: string; text: string }[]): Knowledge {
  const base = builtInKnowledge();
  const sources = documents.map((d) => readSource(d.file, d.text, base));
  return buildKnowledge({ ...readBuiltInFiles(path.join(ROOT, 'seeds')), sources });
}

/** Lints `text` with the built-in knowledge and (optionally adjusted) default settings. */
export function lint(
  text: string,
  options: { format?: DocumentFormat; settings?: Partial<LintSettings>; knowledge?: Knowledge } = {},
): LintOutcome {
  return lintDocument({
    text,
    format: options.format ?? 'markdown',
    settings: { ...defaultSettings(), ...options.settings },
    knowledge: options.knowledge ?? builtInKnowledge(),
  });
}

/** Findings of `rule` (hints included) as `[severity, flagged text]` pairs, for compact assertions. */
export function flagged(text: string, rule: RuleId, options: Parameters<typeof lint>[1] = {}): [string, string][] {
  return lint(text, options)
    .findings.filter((f: Finding) => f.rule === rule)
    .map((f) => [f.severity, text.slice(f.start, f.end)]);
}
