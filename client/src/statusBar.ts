import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';
import { CONFIG_PROBLEM_CODE, COUNTED_FAMILIES } from '../../server/src/protocol';

const FAMILIES = COUNTED_FAMILIES;

/** Status bar item: findings in the active draft by rule family, and the server's state. */
export class ClaimLintStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('claimlint.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  private serverState = 'starting';

  constructor(client: LanguageClient) {
    this.item.name = 'ClaimLint';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      client.onDidChangeState((event) => {
        this.serverState = event.newState === State.Running ? 'running' : event.newState === State.Starting ? 'starting' : 'stopped';
        this.update();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
    this.item.show();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const counts = new Map<string, number>(FAMILIES.map((f) => [f, 0]));
    let configProblem: string | undefined;
    if (editor) {
      for (const diagnostic of vscode.languages.getDiagnostics(editor.document.uri)) {
        if (diagnostic.source !== 'claimlint' || diagnostic.severity === vscode.DiagnosticSeverity.Hint) continue;
        const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
        // the server's notice that the draft's configuration could not be read in full
        if (code === CONFIG_PROBLEM_CODE) configProblem = diagnostic.message;
        const family = code.split('.')[0];
        if (counts.has(family)) counts.set(family, (counts.get(family) ?? 0) + 1);
      }
    }
    const icon =
      this.serverState !== 'running'
        ? this.serverState === 'starting'
          ? '$(sync~spin)'
          : '$(error)'
        : configProblem
          ? '$(warning)'
          : '$(law)';
    const summary = FAMILIES.map((f) => `${f} ${counts.get(f)}`).join(' · ');
    this.item.text = `${icon} ClaimLint${configProblem ? ' (configuration problem)' : ''}: ${summary}`;
    this.item.tooltip =
      `ClaimLint server ${this.serverState}. Findings in this draft — ${summary}. Click to open the Problems panel.` +
      (configProblem ? `\n\n${configProblem}` : '');
    this.item.backgroundColor = configProblem ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
