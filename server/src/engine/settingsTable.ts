/**
 * The settings table: every ClaimLint setting, once. It drives the editor layer (features/settings.ts), the
 * layering of the editor's settings and `.claimlint.yaml` files (engine/config.ts, workspace/configResolver.ts),
 * the engine's `LintSettings` type and its cache key (engine/settings.ts), and the generated package.json
 * `contributes.configuration`, `.claimlint.yaml` schema and settings list of docs/configuration.md
 * (`npm run generate`, test/tools/contributions.ts). Pure: the VS Code client may import it.
 */
import type { RuleId, RuleLevel } from './types';
import { CLAIM_KINDS } from './types';

/** Presets of which claim kinds need a source. */
export const SENSITIVITIES = ['relaxed', 'standard', 'strict'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** The levels a rule can be set to: a severity, or `off`. */
export const RULE_LEVELS = ['off', 'error', 'warning', 'information', 'hint'] as const satisfies readonly RuleLevel[];

/** Language ids linted when none are configured. */
export const DEFAULT_LANGUAGES = ['markdown', 'plaintext'] as const;

/** Files never linted unless a layer says otherwise: repository documents that are not news copy. */
export const DEFAULT_EXCLUDE = [
  '**/README*.md',
  '**/CHANGELOG*.md',
  '**/CONTRIBUTING*.md',
  '**/CODE_OF_CONDUCT*.md',
  '**/SECURITY*.md',
  '**/LICENSE*',
  '**/.github/**',
  '**/node_modules/**',
] as const;

/** The shape of a setting's value. */
export type SettingShape =
  | { type: 'boolean' }
  | { type: 'number' | 'integer'; minimum?: number }
  | { type: 'enum'; values: readonly string[]; enumDescriptions?: readonly string[] }
  /** A list of strings, or of `items` when given. */
  | { type: 'list'; items?: readonly string[]; uniqueItems?: boolean }
  /** A level per rule id of the registry (ruleCatalog.ts). */
  | { type: 'ruleLevels' };

/**
 * How the layers (built-in default, then the editor's settings, then the nearest `.claimlint.yaml`) combine:
 * `last`: the highest layer that sets the key wins; `union`: the lists of all layers are merged;
 * `perRule`: each rule's level comes from the highest layer that sets it.
 */
export type Combine = 'last' | 'union' | 'perRule';

/** One setting. */
export interface SettingInfo {
  /** The key: `claimlint.<key>` in the editor, `<key>` in `.claimlint.yaml`. */
  key: string;
  shape: SettingShape;
  /** The default the editor shows (package.json). */
  default: unknown;
  /** `shared`: also a key of `.claimlint.yaml`; `editor`: VS Code only. */
  scope: 'shared' | 'editor';
  /** VS Code's configuration scope. */
  vscodeScope: 'resource' | 'window';
  /** How layers combine (shared keys). */
  combine?: Combine;
  /**
   * Paths relative to the layer's folder (the workspace folder, or the folder of the `.claimlint.yaml`):
   * `absolute`: resolved at once; `globs`: kept as globs, matched from that folder.
   */
  paths?: 'absolute' | 'globs';
  /** An empty list in the editor's settings (its default) means "not set". */
  emptyIsUnset?: boolean;
  /** Part of the engine's `LintSettings`: it changes findings (and so the cache key). */
  lint?: boolean;
  /** Ignored in an untrusted workspace (package.json `restrictedConfigurations`). */
  restricted?: boolean;
  /** The editor's description (package.json): plain, or Markdown. */
  description?: string;
  markdownDescription?: string;
  /** The `.claimlint.yaml` schema's description and limits (shared keys). */
  file?: { description: string; minLength?: number; maxLength?: number; maxItems?: number };
}

const STRING_LIST = { type: 'list' } as const;

/** Every setting, in the order the editor lists them. */
export const SETTINGS = [
  {
    key: 'enable',
    shape: { type: 'boolean' },
    default: true,
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'last',
    description: 'Lint drafts with ClaimLint.',
    file: { description: 'Lint drafts at all.' },
  },
  {
    key: 'rules',
    shape: { type: 'ruleLevels' },
    default: {},
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'perRule',
    lint: true,
    markdownDescription:
      'Level of each rule: `off`, `error`, `warning`, `information` or `hint`. Rules left out keep their default. See the rule table in the README.',
    file: { description: 'Level of each rule: off, error, warning, information or hint.' },
  },
  {
    key: 'sensitivity',
    shape: {
      type: 'enum',
      values: SENSITIVITIES,
      enumDescriptions: [
        'Only figures, accusations and quotes need a source.',
        'Figures, trends, comparisons, superlatives, causal claims, predictions, accusations, intentions, opinions stated as fact and quotes need a source, unless the claim detector scores the sentence as surely no claim.',
        'Every kind of claim needs a source: also dates, and factual claims with no cue word that the claim detector scores as check-worthy.',
      ],
    },
    default: 'standard',
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'last',
    lint: true,
    description: 'Which kinds of claim attribution.missing asks a source for.',
    file: { description: 'Which kinds of claim need a source (attribution.missing).' },
  },
  {
    key: 'claimKinds',
    shape: { type: 'list', items: CLAIM_KINDS, uniqueItems: true },
    default: [],
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'last',
    emptyIsUnset: true,
    lint: true,
    description: 'Explicit kinds of claim that need a source; overrides claimlint.sensitivity when not empty.',
    file: { description: 'Explicit claim kinds that need a source; overrides sensitivity.' },
  },
  {
    key: 'allow',
    shape: STRING_LIST,
    default: [],
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'union',
    lint: true,
    description: 'Terms (or lexicon ids) never reported as loaded.',
    file: { description: 'Terms (or lexicon ids) never reported as loaded.', minLength: 1, maxLength: 200, maxItems: 10000 },
  },
  {
    key: 'lexicons',
    shape: STRING_LIST,
    default: [],
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'union',
    paths: 'absolute',
    restricted: true,
    description: 'Extra loaded-term lexicon files or folders (YAML), relative to the workspace folder.',
    file: { description: 'Extra loaded-term lexicon files or folders (YAML).', minLength: 1 },
  },
  {
    key: 'factBases',
    shape: STRING_LIST,
    default: [],
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'union',
    paths: 'absolute',
    restricted: true,
    description: 'Extra fact files or folders (YAML), relative to the workspace folder.',
    file: { description: 'Extra fact files or folders (YAML).', minLength: 1 },
  },
  {
    key: 'sources',
    shape: STRING_LIST,
    default: [],
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'union',
    paths: 'absolute',
    restricted: true,
    markdownDescription:
      'Source documents (`.txt`, `.md`) or folders of them, relative to the workspace folder: their quotations and figures are read into the fact base in the background, and drafts are checked against them (misquotes, misattributions, wrong figures). Not linted as drafts.',
    file: {
      description:
        'Source documents (.txt, .md) or folders of them: their quotations and figures are read into the fact base, and drafts are checked against them.',
      minLength: 1,
    },
  },
  {
    key: 'languages',
    shape: STRING_LIST,
    default: DEFAULT_LANGUAGES,
    scope: 'shared',
    vscodeScope: 'window',
    combine: 'last',
    emptyIsUnset: true,
    description: 'Language ids of the documents ClaimLint lints.',
    file: { description: 'VS Code language ids to lint.', minLength: 1 },
  },
  {
    key: 'include',
    shape: STRING_LIST,
    default: [],
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'last',
    paths: 'globs',
    markdownDescription:
      'Globs of the drafts to lint, relative to the workspace folder (for example `stories/**`); a glob that matches a folder takes in everything in it. Empty: every document of `#claimlint.languages#`. A `.claimlint.yaml` that sets `include` replaces this for the files under its folder. Untitled documents are always linted. See docs/configuration.md.',
    file: {
      description:
        "Globs of the drafts to lint, relative to this file's folder (for example stories/**). Empty: every draft. Replaces the editor's claimlint.include for the files under this folder.",
      minLength: 1,
      maxLength: 500,
      maxItems: 200,
    },
  },
  {
    key: 'exclude',
    shape: STRING_LIST,
    default: DEFAULT_EXCLUDE,
    scope: 'shared',
    vscodeScope: 'resource',
    combine: 'last',
    paths: 'globs',
    markdownDescription:
      'Globs of files never linted, relative to the workspace folder: by default the repository documents that are not news copy. A glob that matches a folder leaves out everything in it. Matching is case-sensitive and `*` also matches names starting with a dot. A `.claimlint.yaml` that sets `exclude` replaces this list for the files under its folder (list the defaults again there to keep them). Excluded files get no diagnostics and are skipped by Lint Workspace and the CLI. See docs/configuration.md.',
    file: {
      description:
        "Globs of files never linted, relative to this file's folder; a glob that matches a folder leaves out everything in it. Replaces the editor's claimlint.exclude (and its default: README, CHANGELOG and other repository documents) for the files under this folder.",
      minLength: 1,
      maxLength: 500,
      maxItems: 200,
    },
  },
  {
    key: 'debounceMs',
    shape: { type: 'number', minimum: 0 },
    default: 250,
    scope: 'editor',
    vscodeScope: 'resource',
    description: 'Delay after typing before the draft is linted again (milliseconds).',
  },
  {
    key: 'maxProblems',
    shape: { type: 'integer', minimum: 0 },
    default: 1000,
    scope: 'editor',
    vscodeScope: 'resource',
    markdownDescription:
      'Most problems shown for one draft, counting the notice of those left out. In a longer list ClaimLint shows the problems nearest your last edit. VS Code itself shows at most 1000 per file, so a higher value only helps other editors. `0`: no limit. The CLI always reports everything.',
  },
  {
    key: 'trace.server',
    shape: { type: 'enum', values: ['off', 'messages', 'verbose'] },
    default: 'off',
    scope: 'editor',
    vscodeScope: 'window',
    description: 'Traces the communication between VS Code and the ClaimLint language server.',
  },
] as const satisfies readonly SettingInfo[];

type Setting = (typeof SETTINGS)[number];
export type SettingKey = Setting['key'];
type SharedSetting = Extract<Setting, { scope: 'shared' }>;
export type SharedKey = SharedSetting['key'];

/** The value type of a shape. */
type ValueOf<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'number' | 'integer' }
    ? number
    : S extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : S extends { type: 'list'; items: readonly (infer V)[] }
        ? V[]
        : S extends { type: 'list' }
          ? string[]
          : S extends { type: 'ruleLevels' }
            ? Partial<Record<RuleId, RuleLevel>>
            : never;

/** The value of setting `K` as a layer gives it. */
export type SettingValue<K extends SettingKey> = ValueOf<Extract<Setting, { key: K }>['shape']>;

/**
 * One layer of configuration: VS Code settings (`claimlint.*`) or a `.claimlint.yaml`, which share keys.
 * Every key is optional; absent keys fall through to the layer below.
 */
export type ClaimLintConfig = { [S in SharedSetting as S['key']]?: ValueOf<S['shape']> };

/** VS Code's `claimlint.*` settings for one resource: the shared keys plus the editor-only ones. */
export type EditorSettings = { [S in Setting as S['key']]?: ValueOf<S['shape']> };

type LintSetting = Extract<Setting, { lint: true }>;
/** A setting's value in the engine: a complete rule map; lists read-only. */
type LintValueOf<S> = S extends { type: 'ruleLevels' }
  ? Record<RuleId, RuleLevel>
  : ValueOf<S> extends (infer V)[]
    ? readonly V[]
    : ValueOf<S>;

/**
 * Everything that changes what the engine reports for a given text: the settings marked `lint`. One whose
 * editor default is an empty list meaning "not set" (`emptyIsUnset`) is optional: `claimKinds` absent means
 * the sensitivity preset applies.
 */
export type LintSettings = { [S in Exclude<LintSetting, { emptyIsUnset: true }> as S['key']]: LintValueOf<S['shape']> } & {
  [S in Extract<LintSetting, { emptyIsUnset: true }> as S['key']]?: LintValueOf<S['shape']>;
};

/** The table entry of `key`. */
export function settingInfo(key: string): SettingInfo | undefined {
  return (SETTINGS as readonly SettingInfo[]).find((s) => s.key === key);
}

/** The shared settings (also keys of `.claimlint.yaml`). */
export const SHARED_SETTINGS: readonly SettingInfo[] = SETTINGS.filter((s) => s.scope === 'shared');

/** The keys whose values are globs relative to the layer's folder (`include`, `exclude`). */
export const GLOB_KEYS = SHARED_SETTINGS.filter((s) => s.paths === 'globs').map((s) => s.key) as Extract<
  SharedSetting,
  { paths: 'globs' }
>['key'][];

/**
 * What the editor's value of a setting contributes, or undefined when it is unusable or means "not set".
 * List items that are not strings (or not among `items`) and rule levels that are not levels are dropped.
 * Globs are checked further by the caller (features/settings.ts), which can warn.
 */
export function editorValue(info: SettingInfo, value: unknown): unknown {
  const shape = info.shape;
  switch (shape.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'number':
    case 'integer':
      return typeof value === 'number' &&
        Number.isFinite(value) &&
        (shape.type === 'number' || Number.isInteger(value)) &&
        value >= (shape.minimum ?? -Infinity)
        ? value
        : undefined;
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value) ? value : undefined;
    case 'list': {
      if (!Array.isArray(value)) return undefined;
      const items = value.filter((v): v is string => typeof v === 'string' && (!shape.items || shape.items.includes(v)));
      return info.emptyIsUnset && items.length === 0 ? undefined : items;
    }
    case 'ruleLevels':
      if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
      return Object.fromEntries(
        Object.entries(value).filter(([, level]) => typeof level === 'string' && (RULE_LEVELS as readonly string[]).includes(level)),
      );
  }
}

/**
 * The value of a shared key across `layers` (lowest precedence first) by its `combine` rule, or undefined
 * when no layer sets it. `perRule` maps start from `base` (the rules' default levels); ids not in `base`
 * are ignored.
 */
export function combined(info: SettingInfo, layers: readonly Record<string, unknown>[], base?: Record<string, unknown>): unknown {
  const values = layers.map((layer) => layer[info.key]).filter((value) => value !== undefined && value !== null);
  switch (info.combine) {
    case 'union':
      return values.length === 0 ? undefined : [...new Set(values.flatMap((value) => (Array.isArray(value) ? value : [])))];
    case 'perRule': {
      const levels: Record<string, unknown> = { ...base };
      for (const value of values) {
        for (const [id, level] of Object.entries(value as object)) if (Object.hasOwn(levels, id) && level) levels[id] = level;
      }
      return levels;
    }
    default:
      return values.at(-1);
  }
}
