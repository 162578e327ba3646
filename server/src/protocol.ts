/**
 * What the VS Code client and the language server share: command ids, the Lint Workspace summary, the
 * rule families the status bar counts and the default languages. Pure (no Node or LSP imports), so the
 * client bundle (esbuild.mjs bundles client and server separately) takes it in with the registry and the
 * settings table it reads from.
 */
import { DEFAULT_LANGUAGES as TABLE_LANGUAGES, RULE_FAMILIES } from './engine';

/** Commands the server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  lintWorkspace: 'claimlint.server.lintWorkspace',
  addToAllowList: 'claimlint.server.addToAllowList',
  factBase: 'claimlint.server.factBase',
  factBaseTree: 'claimlint.server.factBaseTree',
} as const;

/** A client command the server's quick fix runs after adding a term to a `.claimlint.yaml` (uri, term). */
export const ALLOW_LIST_EDITED = 'claimlint.allowListEdited';

/** The code of configuration problems, in the files themselves and in the notice a draft shows. */
export const CONFIG_PROBLEM_CODE = 'config.invalid';

/** Outcome of linting the whole workspace (`SERVER_COMMANDS.lintWorkspace`). */
export interface WorkspaceLintSummary {
  files: number;
  findings: number;
  skipped: { file: string; reason: string }[];
  /** Drafts left out by `include` / `exclude` (the editor's settings or a `.claimlint.yaml`'s). */
  excluded: number;
  cancelled: boolean;
}

/** The rule families the status bar counts, in its order. */
export const COUNTED_FAMILIES: readonly string[] = RULE_FAMILIES.filter((f) => f.statusBar).map((f) => f.name);

/** Language ids linted when `claimlint.languages` is not set. */
export const DEFAULT_LANGUAGES: readonly string[] = TABLE_LANGUAGES;
