/**
 * The ClaimLint VS Code client: starts the language server over IPC and registers the commands and the
 * status bar. Everything else happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { DEFAULT_LANGUAGES } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { SERVER_EXEC_ARGV } from './serverFlags';
import { ClaimLintStatusBar } from './statusBar';

let client: LanguageClient | undefined;

function documentSelector(): LanguageClientOptions['documentSelector'] {
  const languages = vscode.workspace.getConfiguration('claimlint').get<string[]>('languages') ?? [...DEFAULT_LANGUAGES];
  return [
    ...languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    { scheme: 'file', language: 'yaml' },
  ];
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('ClaimLint', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: 'claimlint',
      // data files, and source documents (the server ignores the drafts among them)
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,md,markdown,txt}'),
    },
    outputChannel,
    markdown: { isTrusted: { enabledCommands: ['claimlint.openSourcePassage'] } },
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('claimlint', 'ClaimLint', serverOptions, clientOptions);
  const statusBar = new ClaimLintStatusBar(client);
  context.subscriptions.push(statusBar, outputChannel);
  registerCommands(context, () => client, outputChannel);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('claimlint.languages') && client) {
        client.clientOptions.documentSelector = documentSelector();
        await client.restart();
      }
    }),
  );
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (!client) return;
      client.clientOptions.initializationOptions = { workspaceTrusted: true };
      await client.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
