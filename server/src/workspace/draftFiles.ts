import * as fs from 'node:fs';
import * as path from 'node:path';

/** Extensions of drafts found when linting folders. */
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt'];

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** Drafts are skipped above this size (bytes) with a message rather than read. */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;

/** Every draft file under `target` (a file is returned as is), sorted, skipping dependency folders. */
export function findDrafts(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (entry.isFile() && DRAFT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        found.push(full);
      }
    }
  };
  walk(target);
  return found;
}

/** The outcome of reading a draft: its text, or why it was skipped. */
export type DraftRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads a draft as UTF-8. Binary files (NUL bytes), invalid UTF-8 and files over the size limit are
 * refused with a one-line reason; a UTF-8 byte-order mark is kept (it is part of the text editors show).
 */
export function decodeDraft(bytes: Uint8Array): DraftRead {
  if (bytes.length > MAX_DRAFT_BYTES) return { ok: false, reason: `too large (${bytes.length} bytes; limit ${MAX_DRAFT_BYTES})` };
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text draft' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}

/** Reads and decodes a draft from disk. */
export function readDraft(file: string): DraftRead {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_DRAFT_BYTES) return { ok: false, reason: `too large (${size} bytes; limit ${MAX_DRAFT_BYTES})` };
    return decodeDraft(fs.readFileSync(file));
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/** The document format of a draft file by its extension. */
export function formatOfFile(file: string): 'markdown' | 'plaintext' {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}
