/**
 * The reporter's source documents on disk: found under the `sources` paths, read with the same bounds as
 * every user file, and kept read (metadata and extracted facts) per file until its text or the knowledge it
 * was read under changes — so editing one source re-reads that source only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataProblem, Knowledge, ReadSource } from '../engine';
import { readSource } from '../engine';
import type { TextReader } from './configResolver';
import { wholeFileProblem } from './configResolver';

/** Most source documents one configuration may name (folders are walked until this many are found). */
export const MAX_SOURCE_FILES = 10_000;
/** Most characters of one source document: a longer one is skipped with a message. */
export const MAX_SOURCE_CHARS = 1_000_000;
/** Most characters of all source documents together, so memory stays bounded. */
export const MAX_SOURCE_TOTAL_CHARS = 64 * 1_000_000;

const SOURCE_FILE = /\.(txt|md|markdown)$/i;

/** The source documents under `paths` (files, or folders walked without following links or hidden folders), sorted. */
export function sourceFilesIn(paths: readonly string[], problems: DataProblem[]): string[] {
  const found = new Set<string>();
  const walk = (target: string, depth: number): void => {
    if (found.size >= MAX_SOURCE_FILES) return;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(target);
    } catch {
      problems.push(wholeFileProblem(target, 'source documents: not found; nothing is read from it'));
      return;
    }
    if (stat.isFile()) {
      if (SOURCE_FILE.test(target) || depth === 0) found.add(target);
      return;
    }
    if (!stat.isDirectory() || depth > 8) return;
    for (const name of fs.readdirSync(target).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      walk(path.join(target, name), depth + 1);
    }
  };
  for (const target of paths) walk(target, 0);
  if (found.size >= MAX_SOURCE_FILES)
    problems.push(wholeFileProblem(paths[0], `source documents: only the first ${MAX_SOURCE_FILES} files are read`));
  return [...found].sort();
}

/** Each source document as last read, with the text and knowledge version it was read under. */
export class SourceIndex {
  private readonly read = new Map<string, { text: string; baseVersion: string; source: ReadSource }>();
  /** Why a document could not be read, until it can. */
  private readonly skipped = new Map<string, DataProblem>();

  constructor(private readonly readText: TextReader) {}

  /** The files of `files` not read under `base` with their current text (their text is read to know). */
  stale(files: readonly string[], base: Knowledge): string[] {
    return files.filter((file) => {
      if (this.skipped.has(file)) return false;
      const known = this.read.get(file);
      if (!known || known.baseVersion !== base.version) return true;
      const now = this.readText(file);
      return !now.ok || now.value !== known.text;
    });
  }

  /** Forgets why documents were skipped, so the next lookup tries them again (after files changed). */
  retrySkipped(): void {
    this.skipped.clear();
  }

  /** Reads one document under `base` (unless read already with the same text), or notes why it cannot be. */
  readOne(file: string, base: Knowledge): void {
    const now = this.readText(file);
    const skip = (why: string): void => {
      this.read.delete(file);
      this.skipped.set(file, wholeFileProblem(file, `source document: ${why}; it is skipped`));
    };
    if (!now.ok) return skip(now.reason);
    if (now.value.length > MAX_SOURCE_CHARS) return skip(`longer than ${MAX_SOURCE_CHARS} characters`);
    this.skipped.delete(file);
    const known = this.read.get(file);
    if (known && known.text === now.value && known.baseVersion === base.version) return;
    this.read.set(file, { text: now.value, baseVersion: base.version, source: readSource(file, now.value, base) });
  }

  /** The documents of `files` read so far (in order), within the total size bound. */
  current(files: readonly string[], problems: DataProblem[]): ReadSource[] {
    const sources: ReadSource[] = [];
    let chars = 0;
    for (const file of files) {
      const skipped = this.skipped.get(file);
      if (skipped) problems.push(skipped);
      const known = this.read.get(file);
      if (!known) continue;
      chars += known.text.length;
      if (chars > MAX_SOURCE_TOTAL_CHARS) {
        problems.push(
          wholeFileProblem(file, `source document skipped: source documents together may hold ${MAX_SOURCE_TOTAL_CHARS} characters`),
        );
        break;
      }
      sources.push(known.source);
    }
    return sources;
  }
}
