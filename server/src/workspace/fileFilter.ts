/**
 * `include` / `exclude`: which files are drafts to lint. Globs are matched, case-sensitively and with
 * `dot: true`, against the file's path relative to the folder of the layer that set them, with forward
 * slashes; a glob that matches one of the file's folders matches the file too (`archive` leaves out
 * everything in `archive/`). Paths stay out of the pure engine: it only checks the globs' syntax (`globs.ts`).
 */
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { MAX_PATTERNS_PER_LIST, globPatterns, globProblem } from '../engine';

/** Repository documents that are not news copy, left out unless `exclude` is set (the settings table's default). */
export { DEFAULT_EXCLUDE } from '../engine';

/** One list of globs and where it applies. */
export interface GlobList {
  globs: readonly string[];
  /** Folder the globs are relative to; without it (or for a file outside it) the file's own folder. */
  base?: string;
  /** Where the list was set, for messages: a `.claimlint.yaml` path, `claimlint.exclude`, `--exclude`, `default`. */
  origin: string;
}

/** The `include` and `exclude` in force for a file. An empty `include` lets every draft in. */
export interface FileFilterSpec {
  include: GlobList;
  exclude: GlobList;
}

/** Why a file is not linted. */
export type IgnoreReason = { key: 'exclude'; glob: string; origin: string } | { key: 'include'; origin: string };

const MATCH_OPTIONS = { dot: true, nocase: false, nocomment: true, nonegate: true, noext: true, platform: 'linux' } as const;

/** Compiled globs (null: refused by `globProblem`), shared by every filter; cleared if it ever grows large. */
const compiled = new Map<string, Minimatch | null>();
const MAX_COMPILED = 4096;

function matcher(glob: string): Minimatch | null {
  let m = compiled.get(glob);
  if (m === undefined) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    m = globProblem(glob) === undefined ? new Minimatch(glob, MATCH_OPTIONS) : null;
    compiled.set(glob, m);
  }
  return m;
}

/**
 * The path of `file` relative to `base`, with forward slashes: the file name alone when there is no base or
 * the file lies outside it (so `**` patterns still apply to it).
 */
export function relativeGlobPath(file: string, base: string | undefined): string {
  const relative = base === undefined ? '' : path.relative(path.resolve(base), path.resolve(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return path.basename(file);
  return relative.split(path.sep).join('/');
}

/** The first glob of `list` that matches `file` or one of its folders below the list's base. */
export function matchingGlob(file: string, list: GlobList): string | undefined {
  if (list.globs.length === 0) return undefined;
  const relative = relativeGlobPath(file, list.base);
  const names = relative.split('/');
  // the file itself, then each folder from the top: "a/b/c.md", "a", "a/b"
  const candidates = [relative, ...names.slice(0, -1).map((_, i) => names.slice(0, i + 1).join('/'))];
  for (const glob of list.globs) {
    const m = matcher(glob);
    if (m && candidates.some((candidate) => m.match(candidate))) return glob;
  }
  return undefined;
}

/** Why `file` is left out under `spec`, or undefined when it is linted. */
export function ignoredBy(file: string, spec: FileFilterSpec): IgnoreReason | undefined {
  const excluded = matchingGlob(file, spec.exclude);
  if (excluded !== undefined) return { key: 'exclude', glob: excluded, origin: spec.exclude.origin };
  if (spec.include.globs.length > 0 && matchingGlob(file, spec.include) === undefined)
    return { key: 'include', origin: spec.include.origin };
  return undefined;
}

/** A reason as a short phrase: `excluded by "**\/README*.md" (default exclude)`. */
export function describeIgnore(reason: IgnoreReason): string {
  const origin = reason.origin === 'default' ? `default ${reason.key}` : reason.origin;
  return reason.key === 'exclude' ? `excluded by ${JSON.stringify(reason.glob)} (${origin})` : `matched by no include glob (${origin})`;
}

/**
 * The usable globs of a list from the editor or the command line, and a message for each one refused
 * (malformed, or past the patterns a list may expand to).
 */
export function checkedGlobs(globs: readonly unknown[], key: string): { globs: string[]; problems: string[] } {
  const usable: string[] = [];
  const problems: string[] = [];
  let patterns = 0;
  for (const glob of globs) {
    if (typeof glob !== 'string') {
      problems.push(`${key}: ${JSON.stringify(glob)} is not a string; it is ignored`);
      continue;
    }
    const problem = globProblem(glob);
    patterns += globPatterns(glob);
    if (problem) problems.push(`${key}: ${JSON.stringify(glob)} ${problem}; it is ignored`);
    else if (patterns > MAX_PATTERNS_PER_LIST)
      problems.push(`${key}: ${JSON.stringify(glob)} goes past the ${MAX_PATTERNS_PER_LIST} patterns matched for each file; it is ignored`);
    else usable.push(glob);
  }
  return { globs: usable, problems };
}
