import type { Connection, WorkspaceFolder } from 'vscode-languageserver/node';
import type { ClaimLintConfig } from '../engine/config';
import type { Knowledge } from '../engine/knowledge/knowledge';
import type { ConfigResolver, ResolvedConfig } from '../workspace/configResolver';
import { isInside } from '../workspace/configResolver';
import { checkedGlobs } from '../workspace/fileFilter';
import type { KnowledgeStore } from '../workspace/knowledgeStore';
import { EDITOR_PROBLEMS_PER_FILE } from './problemLimit';
import { uriToPath } from './uris';

/** VS Code's `claimlint.*` settings for one resource: the shared configuration keys plus editor-only ones. */
export interface EditorSettings extends ClaimLintConfig {
  debounceMs?: number;
  maxProblems?: number;
}

/** The configuration and knowledge that apply to one document. */
export interface DocumentContext {
  config: ResolvedConfig;
  knowledge: Knowledge;
  debounceMs: number;
  /** Most diagnostics published for the draft, the notice of those left out included; 0: no limit. */
  maxProblems: number;
}

const DEFAULT_DEBOUNCE_MS = 250;

/**
 * Reads `claimlint.*` per resource through `workspace/configuration` (cached until the client reports a
 * change), layers the nearest `.claimlint.yaml` on top, and picks the knowledge for the result.
 */
export class SettingsProvider {
  private readonly editorSettings = new Map<string, Promise<EditorSettings>>();
  workspaceFolders: WorkspaceFolder[] = [];
  /** True when the client reports workspace-folder changes. */
  supportsWorkspaceFolders = false;
  canRequestConfiguration = false;
  /**
   * False in an untrusted workspace (the client says so at start-up): extra lexicons and fact bases named by
   * the workspace are then ignored, so nothing outside the built-in data is read on the workspace's say-so.
   */
  workspaceTrusted = true;

  constructor(
    private readonly connection: Connection,
    readonly resolver: ConfigResolver,
    readonly knowledge: KnowledgeStore,
  ) {}

  private readonly warned = new Set<string>();

  /** Logs a problem in the editor's settings once (they have no file to show it in). */
  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    if (this.warned.size < 1000) this.warned.add(message);
    this.connection.console.warn(`ClaimLint settings: ${message}`);
  }

  /** Forgets cached editor settings (after `workspace/didChangeConfiguration`). */
  invalidateEditorSettings(): void {
    this.editorSettings.clear();
  }

  /** Forgets a closed document's cached editor settings. */
  forget(uri: string): void {
    this.editorSettings.delete(uri);
  }

  /** Forgets parsed configuration files and built knowledge (after a data file changed). */
  invalidateFiles(): void {
    this.resolver.invalidate();
    this.knowledge.invalidate();
  }

  /** The workspace folder path containing `file`, if any. */
  folderOf(file: string | undefined): string | undefined {
    if (!file) return undefined;
    const folders = this.workspaceFolders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    return folders.filter((f) => isInside(file, f)).sort((a, b) => b.length - a.length)[0];
  }

  private fetchEditorSettings(uri: string): Promise<EditorSettings> {
    if (!this.canRequestConfiguration) return Promise.resolve({});
    let pending = this.editorSettings.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'claimlint' })
        .then((value: unknown) => (value && typeof value === 'object' ? (value as EditorSettings) : {}))
        .catch(() => ({}));
      this.editorSettings.set(uri, pending);
    }
    return pending;
  }

  async forDocument(uri: string): Promise<DocumentContext> {
    const editor = await this.fetchEditorSettings(uri);
    const file = uriToPath(uri);
    const folder = this.folderOf(file);
    const resolved = this.resolver.resolve(file, {
      editorLayer: editorLayer(editor, (m) => this.warnOnce(m)),
      ...(folder ? { editorBaseDir: folder, searchRoot: folder } : {}),
    });
    const config = this.workspaceTrusted ? resolved : { ...resolved, lexiconPaths: [], factBasePaths: [], sourcePaths: [] };
    return {
      config,
      knowledge: this.knowledge.get(config.lexiconPaths, config.factBasePaths, config.sourcePaths),
      debounceMs: typeof editor.debounceMs === 'number' && editor.debounceMs >= 0 ? editor.debounceMs : DEFAULT_DEBOUNCE_MS,
      maxProblems: isCount(editor.maxProblems) ? editor.maxProblems : EDITOR_PROBLEMS_PER_FILE,
    };
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Keeps only the shared configuration keys of the editor's settings, dropping empty defaults and unusable globs. */
function editorLayer(settings: EditorSettings, warn: (message: string) => void): ClaimLintConfig {
  const layer: ClaimLintConfig = {};
  if (typeof settings.enable === 'boolean') layer.enable = settings.enable;
  if (settings.rules && typeof settings.rules === 'object') layer.rules = settings.rules;
  if (settings.sensitivity) layer.sensitivity = settings.sensitivity;
  if (Array.isArray(settings.claimKinds) && settings.claimKinds.length > 0) layer.claimKinds = settings.claimKinds;
  if (Array.isArray(settings.allow)) layer.allow = settings.allow.filter((t) => typeof t === 'string');
  if (Array.isArray(settings.lexicons)) layer.lexicons = settings.lexicons.filter((t) => typeof t === 'string');
  if (Array.isArray(settings.factBases)) layer.factBases = settings.factBases.filter((t) => typeof t === 'string');
  if (Array.isArray(settings.sources)) layer.sources = settings.sources.filter((t) => typeof t === 'string');
  if (Array.isArray(settings.languages) && settings.languages.length > 0) layer.languages = settings.languages;
  // an empty exclude is meaningful (nothing left out); include and exclude replace the defaults as given
  for (const key of ['include', 'exclude'] as const) {
    const value: unknown = settings[key];
    if (!Array.isArray(value)) continue;
    const { globs, problems } = checkedGlobs(value, `claimlint.${key}`);
    for (const problem of problems) warn(problem);
    layer[key] = globs;
  }
  return layer;
}
