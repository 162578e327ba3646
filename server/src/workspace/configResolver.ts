import * as path from 'node:path';
import type { ClaimLintConfig, DataProblem, LintSettings } from '../engine';
import {
  CONFIG_FILE_NAME,
  GLOB_KEYS,
  SHARED_SETTINGS,
  parseConfigFile,
  resolveLintSettings,
  resolvedSetting,
  settingInfo,
} from '../engine';
import type { FileRead } from './boundedRead';
import type { FileFilterSpec, GlobList } from './fileFilter';

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
  /**
   * False in an untrusted workspace: the settings the table marks `restricted` (extra lexicons, fact bases,
   * sources) are ignored in every layer, so nothing outside the built-in data is read on the workspace's say-so.
   */
  trusted?: boolean;
}

/** The layer with every path the settings table marks `absolute` resolved against `baseDir`. */
function absolutize(config: ClaimLintConfig, baseDir: string | undefined): ClaimLintConfig {
  if (!baseDir) return config;
  const out: Record<string, unknown> = { ...config };
  for (const info of SHARED_SETTINGS) {
    const list = out[info.key];
    if (info.paths === 'absolute' && Array.isArray(list)) out[info.key] = list.map((p: string) => path.resolve(baseDir, p));
  }
  return out as ClaimLintConfig;
}

/** The layer without the keys the settings table marks `restricted` (an untrusted workspace's say-so). */
function withoutRestricted(config: ClaimLintConfig): ClaimLintConfig {
  const out: Record<string, unknown> = { ...config };
  for (const info of SHARED_SETTINGS) if (info.restricted) delete out[info.key];
  return out as ClaimLintConfig;
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
    const { editorLayer = {}, editorBaseDir, trusted = true } = layer;
    const configFile = layer.configFile ?? (file ? this.findConfigFile(path.dirname(file), layer.searchRoot) : undefined);
    const fileEntry = configFile ? this.load(configFile) : null;
    const trust = (config: ClaimLintConfig): ClaimLintConfig => (trusted ? config : withoutRestricted(config));
    // the layers above the built-in defaults, each with the folder its relative paths and globs start from
    const editorBase = editorBaseDir ?? layer.searchRoot;
    const sources: { config: ClaimLintConfig; base?: string; origin: (key: string) => string }[] = [
      {
        config: trust(absolutize(editorLayer, editorBaseDir)),
        ...(editorBase ? { base: editorBase } : {}),
        origin: (key) => `claimlint.${key}`,
      },
    ];
    if (fileEntry && configFile) {
      const base = path.dirname(configFile);
      sources.push({ config: trust(absolutize(fileEntry.config, base)), base, origin: () => configFile });
    }
    const layers = sources.map((s) => s.config);
    // globs (include, exclude; combined `last`): the highest layer that sets the key wins, matched from its folder
    const globs = (key: (typeof GLOB_KEYS)[number]): GlobList => {
      const from = [...sources].reverse().find((s) => s.config[key] != null);
      const base = from ? from.base : editorBase;
      return {
        globs: from?.config[key] ?? [...(settingInfo(key)?.default as readonly string[])],
        ...(base ? { base } : {}),
        origin: from ? from.origin(key) : 'default',
      };
    };
    return {
      enabled: resolvedSetting(layers, 'enable'),
      settings: resolveLintSettings(layers),
      languages: resolvedSetting(layers, 'languages'),
      lexiconPaths: resolvedSetting(layers, 'lexicons'),
      factBasePaths: resolvedSetting(layers, 'factBases'),
      sourcePaths: resolvedSetting(layers, 'sources'),
      files: Object.fromEntries(GLOB_KEYS.map((key) => [key, globs(key)])) as Record<(typeof GLOB_KEYS)[number], GlobList>,
      ...(configFile ? { configFile } : {}),
      problems: fileEntry?.problems ?? [],
    };
  }
}
