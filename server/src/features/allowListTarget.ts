import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, allowListEdit } from '../engine';
import type { AllowListTarget } from './codeActions';
import type { SettingsProvider } from './settings';
import { pathToUri, uriToPath } from './uris';

/**
 * Where allowing `term` for the draft at `draftUri` goes: the `.claimlint.yaml` that applies to the draft,
 * searched no higher than its workspace folder, or a new one at that folder's top. An allow-list edit never
 * leaves the workspace (the draft's own folder outside one). Undefined when the term is already allowed.
 */
export function allowListTarget(
  settings: SettingsProvider,
  textOf: (file: string) => string | undefined,
  draftUri: string,
  term: string,
): AllowListTarget | undefined {
  const file = uriToPath(draftUri);
  if (!file) return undefined;
  const root = settings.folderOf(file) ?? path.dirname(file);
  const existing = settings.resolver.findConfigFile(path.dirname(file), root);
  const target = existing ?? path.join(root, CONFIG_FILE_NAME);
  const text = textOf(target) ?? '';
  const edit = allowListEdit(text, term);
  if (!edit) return undefined;
  const doc = TextDocument.create(pathToUri(target), 'yaml', 0, text);
  return {
    uri: pathToUri(target),
    exists: existing !== undefined,
    edit: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end), newText: edit.newText },
  };
}
