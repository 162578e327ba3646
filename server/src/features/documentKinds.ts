import * as path from 'node:path';
import type { DocumentFormat } from '../engine';
import { CONFIG_FILE_NAME } from '../engine';

/** What the server does with an open document. */
export type DocumentRole = { kind: 'draft'; format: DocumentFormat } | { kind: 'config' } | { kind: 'data' } | { kind: 'ignored' };

const DATA_FILE = /\.(facts|lexicon)\.ya?ml$/i;

/**
 * Classifies an open document: drafts (languages configured for linting), `.claimlint.yaml`, fact or
 * lexicon files (`*.facts.yaml`, `*.lexicon.yaml`, or files configured as such), or nothing to do.
 */
export function documentRole(
  languageId: string,
  file: string | undefined,
  languages: readonly string[],
  dataFiles: ReadonlySet<string>,
): DocumentRole {
  const base = file ? path.basename(file) : '';
  if (base === CONFIG_FILE_NAME) return { kind: 'config' };
  if (file && (DATA_FILE.test(base) || dataFiles.has(path.resolve(file)))) return { kind: 'data' };
  if (!languages.includes(languageId)) return { kind: 'ignored' };
  return { kind: 'draft', format: languageId === 'markdown' ? 'markdown' : 'plaintext' };
}
