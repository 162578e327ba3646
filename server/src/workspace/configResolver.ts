import * as path from 'node:path';
import type { ClaimLintConfig } from '../engine/config';
import { CONFIG_FILE_NAME, mergedList, parseConfigFile, resolveLintSettings } from '../engine/config';
import type { DataProblem } from '../engine/types';
import type { LintSettings } from '../engine/settings';
import type { FileRead } from './boundedRead';
import type { FileFilterSpec, GlobList } from './fileFilter';
import { DEFAULT_EXCLUDE } from './fileFilter';

/** Reads a file's text, or says why it could not (`missing` when it does not exist). Lets editors overlay unsaved text. */
export type TextReader = (file: string) => FileRead<string>;

/** A problem about a whole file (one that could not be read), placed at its start. */
export function wholeFileProblem(file: string, message: string): DataProblem {
  return { file, start: 0, end: 0, line: 1, column: 1, message, severity: 'error' };
}

/** True when `file` is `folder` or lies inside it. */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Configuration in force for one draft, with every path absolute. */
export interface ResolvedConfig {
  enabled: boolean;
  settings: LintSettings;
  languages: string[];
  lexiconPaths: string[];
  factBasePaths: string[];
  /** Source documents and folders of them, read into the fact base (see engine/sources/). */
  sourcePaths: string[];
  /** Which files are drafts to lint (`include` / `exclude`); see `ignoredBy` in `fileFilter.ts`. */
  files: FileFilterSpec;
  /** The `.claimlint.yaml` that applies, if any. */
  configFile?: string;
  /** Problems in that file; its valid keys still apply. */
  problems: DataProblem[];
}

/** Where a resolution's layers come from besides the built-in defaults. */
export interface ResolveOptions {
  /** VS Code settings for the resource. */
  editorLayer?: ClaimLintConfig;
  /** Folder the editor layer's relative paths are relative to. */
  editorBaseDir?: string;
  /** A configuration file to use instead of discovering the nearest `.claimlint.yaml`. */
  configFile?: string;
  /**
   * The folder where the search for `.claimlint.yaml` stops (the workspace folder, or for the CLI the
   * repository root or the folder given); without it, the draft's own folder. Files above it never apply.
   */
  searchRoot?: string;
}

/** Default languages linted when none are configured. */
export const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];

function absolutize(config: ClaimLintConfig, baseDir: string | undefined): ClaimLintConfig {
  if (!baseDir) return config;
  const resolve = (list?: string[]): string[] | undefined => list?.map((p) => path.resolve(baseDir, p));
  const out: ClaimLintConfig = { ...config };
  if (config.lexicons) out.lexicons = resolve(config.lexicons);
  if (config.factBases) out.factBases = resolve(config.factBases);
  if (config.sources) out.sources = resolve(config.sources);
  return out;
}

/**
 * Finds and parses `.claimlint.yaml` files by walking up from a draft's folder, caching parsed files
 * until `invalidate` is called.
 */
export class ConfigResolver {
  private readonly parsed = new Map<string, { config: ClaimLintConfig; problems: DataProblem[] } | null>();

  constructor(private readonly readText: TextReader) {}

  /** Forgets cached files (call when a configuration file changed). */
  invalidate(): void {
    this.parsed.clear();
  }

  /**
   * The nearest `.claimlint.yaml` at or above `dir` and at or below `root` (`dir` itself when `root` is not
   * an ancestor of it): a file outside the workspace never turns linting off or receives edits.
   */
  findConfigFile(dir: string, root = dir): string | undefined {
    const top = path.resolve(isInside(path.resolve(dir), path.resolve(root)) ? root : dir);
    for (let current = path.resolve(dir); ;) {
      const candidate = path.join(current, CONFIG_FILE_NAME);
      if (this.load(candidate)) return candidate;
      const parent = path.dirname(current);
      if (current === top || parent === current) return undefined;
      current = parent;
    }
  }

  /** Parsed contents of a configuration file, or null when it does not exist. */
  load(file: string): { config: ClaimLintConfig; problems: DataProblem[] } | null {
    let entry = this.parsed.get(file);
    if (entry === undefined) {
      const read = this.readText(file);
      if (read.ok) entry = parseConfigFile(file, read.value);
      else
        entry = read.missing
          ? null
          : { config: {}, problems: [wholeFileProblem(file, `configuration file: ${read.reason}; it is ignored`)] };
      this.parsed.set(file, entry);
    }
    return entry;
  }

  /**
   * The configuration for the draft at `file`: built-in defaults, then `editorLayer` (VS Code settings,
   * paths relative to `editorBaseDir`), then the nearest `.claimlint.yaml` (paths relative to it), or
   * `configFile` instead of the nearest one when given. `include` and `exclude` are taken whole from the
   * highest layer that sets them; the editor's and the defaults are relative to `editorBaseDir` or `searchRoot`.
   */
  resolve(file: string | undefined, layer: ResolveOptions = {}): ResolvedConfig {
    const { editorLayer = {}, editorBaseDir } = layer;
    const configFile = layer.configFile ?? (file ? this.findConfigFile(path.dirname(file), layer.searchRoot) : undefined);
    const fileEntry = configFile ? this.load(configFile) : null;
    const layers = [absolutize(editorLayer, editorBaseDir)];
    if (fileEntry && configFile) layers.push(absolutize(fileEntry.config, path.dirname(configFile)));
    const languages = [...layers].reverse().find((l) => l.languages)?.languages ?? DEFAULT_LANGUAGES;
    // include and exclude: the nearest layer that sets the key replaces the ones below, each relative to its own folder
    const globs = (key: 'include' | 'exclude', byDefault: readonly string[]): GlobList => {
      const fromFile = fileEntry?.config[key];
      if (fromFile && configFile) return { globs: fromFile, base: path.dirname(configFile), origin: configFile };
      const base = editorBaseDir ?? layer.searchRoot;
      const fromEditor = editorLayer[key];
      return { globs: fromEditor ?? byDefault, ...(base ? { base } : {}), origin: fromEditor ? `claimlint.${key}` : 'default' };
    };
    return {
      enabled: [...layers].reverse().find((l) => l.enable !== undefined)?.enable ?? true,
      settings: resolveLintSettings(layers),
      languages,
      lexiconPaths: mergedList(layers, 'lexicons'),
      factBasePaths: mergedList(layers, 'factBases'),
      sourcePaths: mergedList(layers, 'sources'),
      files: { include: globs('include', []), exclude: globs('exclude', DEFAULT_EXCLUDE) },
      ...(configFile ? { configFile } : {}),
      problems: fileEntry?.problems ?? [],
    };
  }
}
