import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeUtf8, readRegularFile } from './boundedRead';

/** Extensions of drafts found when linting folders. */
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt'];

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** Drafts are skipped above this size (bytes) with a message rather than read. */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;

/** A file or folder left out of a search for drafts, and why. */
export interface SkippedPath {
  file: string;
  reason: string;
}

/** What a search for drafts found: draft files in a stable order, and what it could not look into. */
export interface DraftSearch {
  files: string[];
  skipped: SkippedPath[];
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/**
 * Every draft file under `target` (a file is returned as is), sorted, skipping dependency folders. Symbolic
 * links are followed, each real folder is entered once (so link loops end); folders that cannot be read
 * and broken links are reported in `skipped` and the search goes on.
 */
export function findDrafts(target: string): DraftSearch {
  const search: DraftSearch = { files: [], skipped: [] };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    search.skipped.push({ file: target, reason: `cannot be read (${errorCode(error)})` });
    return search;
  }
  if (!stat.isDirectory()) {
    search.files.push(target);
    return search;
  }
  const entered = new Set<string>();
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      const real = fs.realpathSync(dir);
      if (entered.has(real)) return;
      entered.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      search.skipped.push({ file: dir, reason: `folder cannot be read (${errorCode(error)})` });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const linked = fs.statSync(full);
          isDirectory = linked.isDirectory();
          isFile = linked.isFile();
        } catch (error) {
          search.skipped.push({ file: full, reason: `broken symbolic link (${errorCode(error)})` });
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (isFile && DRAFT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        search.files.push(full);
      }
    }
  };
  walk(target);
  return search;
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
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { ok: true, text: decoded.value } : { ok: false, reason: decoded.reason };
}

/** Reads and decodes a draft from disk: regular files only, never more than the size limit (see `readRegularFile`). */
export function readDraft(file: string): DraftRead {
  const read = readRegularFile(file, MAX_DRAFT_BYTES);
  return read.ok ? decodeDraft(read.value) : { ok: false, reason: read.reason };
}

/** The document format of a draft file by its extension. */
export function formatOfFile(file: string): 'markdown' | 'plaintext' {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}
