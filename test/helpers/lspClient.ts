import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
  createProtocolConnection,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { SERVER_EXEC_ARGV } from '../../client/src/serverFlags';
import { ROOT } from './knowledge';

/** A real ClaimLint server spawned over stdio, with a minimal LSP client around it. */
export interface ServerSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolves with the first diagnostics for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Settings returned for `workspace/configuration` requests. */
  settings: Record<string, unknown>;
  stderr: string[];
  /** Every `window/logMessage` the server sent. */
  logs: { type: number; message: string }[];
  exited: Promise<number | null>;
}

/**
 * Spawns `dist/server.js --stdio` with the flags VS Code uses and performs `initialize` / `initialized`,
 * with `rootDir` as the one workspace folder, or as a client without workspace folders when it is null.
 */
export async function startServer(rootDir: string | null = ROOT, settings: Record<string, unknown> = {}): Promise<ServerSession> {
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // a server that dies (a crash at start-up) fails what waits on it at once, with its last words, instead of hanging
  const died = exited.then((code) => Promise.reject(new Error(`the server exited (code ${code}): ${stderr.join('').slice(-2000)}`)));
  died.catch(() => undefined);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const session: ServerSession = {
    connection,
    process: child,
    settings,
    stderr,
    logs: [],
    exited,
    diagnostics(uri, accept = () => true) {
      return Promise.race([new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, accept, resolve })), died]);
    },
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => session.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', (params: { type: number; message: string }) => void session.logs.push(params));
  connection.listen();
  const initialized = connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: rootDir === null ? null : [{ uri: `file://${rootDir}`, name: 'root' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: rootDir !== null }, window: { workDoneProgress: true } },
  });
  await Promise.race([initialized, died]);
  await connection.sendNotification('initialized', {});
  return session;
}
