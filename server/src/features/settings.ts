import type { Connection, WorkspaceFolder } from 'vscode-languageserver/node';
import type { ClaimLintConfig, EditorSettings, Knowledge } from '../engine';
import { SHARED_SETTINGS, editorValue, settingInfo } from '../engine';
import type { ConfigResolver, ResolvedConfig } from '../workspace/configResolver';
import { isInside } from '../workspace/configResolver';
import { checkedGlobs } from '../workspace/fileFilter';
import type { KnowledgeStore } from '../workspace/knowledgeStore';
import { uriToPath } from './uris';

export type { EditorSettings } from '../engine';

/** The configuration and knowledge that apply to one document. */
export interface DocumentContext {
  config: ResolvedConfig;
  knowledge: Knowledge;
  debounceMs: number;
  /** Most diagnostics published for the draft, the notice of those left out included; 0: no limit. */
  maxProblems: number;
}

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
    // in an untrusted workspace the settings the table marks restricted are ignored in every layer
    const config = this.resolver.resolve(file, {
      editorLayer: editorLayer(editor, (m) => this.warnOnce(m)),
      ...(folder ? { editorBaseDir: folder, searchRoot: folder } : {}),
      trusted: this.workspaceTrusted,
    });
    return {
      config,
      knowledge: this.knowledge.get(config.lexiconPaths, config.factBasePaths, config.sourcePaths),
      debounceMs: editorSetting(editor, 'debounceMs'),
      maxProblems: editorSetting(editor, 'maxProblems'),
    };
  }
}

/** An editor-only setting: the editor's value when the table's shape accepts it, else the table's default. */
function editorSetting(settings: EditorSettings, key: 'debounceMs' | 'maxProblems'): number {
  const info = settingInfo(key)!;
  return (editorValue(info, settings[key]) ?? info.default) as number;
}

/**
 * Keeps only the shared configuration keys of the editor's settings, each as the settings table's shape
 * accepts it: wrong types and empty lists that mean "not set" are dropped, and unusable globs are dropped
 * with a warning (an empty exclude is meaningful: nothing left out).
 */
function editorLayer(settings: EditorSettings, warn: (message: string) => void): ClaimLintConfig {
  const layer: Record<string, unknown> = {};
  for (const info of SHARED_SETTINGS) {
    const raw: unknown = settings[info.key as keyof EditorSettings];
    if (info.paths === 'globs' && Array.isArray(raw)) {
      const { globs, problems } = checkedGlobs(raw, `claimlint.${info.key}`);
      for (const problem of problems) warn(problem);
      layer[info.key] = globs;
      continue;
    }
    const value = editorValue(info, raw);
    if (value !== undefined) layer[info.key] = value;
  }
  return layer as ClaimLintConfig;
}
