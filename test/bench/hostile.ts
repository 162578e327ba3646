/**
 * `npm run bench:hostile`: the language server, started with the flags VS Code uses, against the hostile
 * files of the robustness issue. Each draft is opened, then edited at its start; prints the time to each
 * publish, a hover's latency and the server's peak resident memory. Drafts are built of numbered units so
 * that no two pieces of a long paragraph are alike (identical pieces would be analysed once).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import type { ServerSession } from '../helpers/lspClient';
import { startServer } from '../helpers/lspClient';

interface HostileCase {
  name: string;
  language: 'markdown' | 'plaintext';
  /** Repeated to `size` characters; `{i}` is replaced by the unit's number. */
  unit: string;
  size: number;
  /** Makes the workspace's `.claimlint.yaml`. */
  config?: (file: string) => void;
}

const CASES: HostileCase[] = [
  {
    name: '.claimlint.yaml -> /dev/zero',
    language: 'markdown',
    unit: 'The dictator spoke. ',
    size: 20,
    config: (f) => fs.symlinkSync('/dev/zero', f),
  },
  {
    name: '.claimlint.yaml is a FIFO',
    language: 'markdown',
    unit: 'The dictator spoke. ',
    size: 20,
    config: (f) => spawnSync('mkfifo', [f]),
  },
  {
    name: '2 MB .claimlint.yaml, 1M allow items',
    language: 'markdown',
    unit: 'The dictator spoke. ',
    size: 20,
    config: (f) => fs.writeFileSync(f, `allow: [${Array(1_000_000).fill('a').join(',')}]\n`),
  },
  { name: '100 KB of "a{i}', language: 'markdown', unit: '"a{i} ', size: 100_000 },
  { name: '[a{i}]( x 400 KB', language: 'markdown', unit: '[a{i}](', size: 400_000 },
  {
    name: 'directive lines, plain text, 700 KB',
    language: 'plaintext',
    unit: '<!-- claimlint-disable loaded.term -->\nThe regime fell {i}.\n',
    size: 700_000,
  },
  {
    name: 'single newlines, plain text, 4.5 MB',
    language: 'plaintext',
    unit: 'The minister said the regime fell on Monday {i}.\n',
    size: 4_500_000,
  },
  { name: '*a{i} _b{i} x 4.8 MB', language: 'markdown', unit: '*a{i} _b{i} ', size: 4_800_000 },
  { name: '<a{i}> x 4.8 MB', language: 'markdown', unit: '<a{i}>', size: 4_800_000 },
  { name: 'one 4.8 MB paragraph of "The regime fell {i}."', language: 'markdown', unit: 'The regime fell {i}. ', size: 4_800_000 },
];

function draftOf({ unit, size }: HostileCase): string {
  const parts: string[] = [];
  for (let i = 0, length = 0; length < size; i++) {
    const part = unit.replace(/\{i\}/g, String(i));
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

const peakRssMb = (pid: number): number => Number(/^VmHWM:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function published(
  server: ServerSession,
  uri: string,
  version: number,
  send: () => Promise<void>,
): Promise<{ ms: number; shown: number }> {
  const start = performance.now();
  const publish = server.diagnostics(uri, (p) => p.version === version);
  await send();
  const { diagnostics } = await publish;
  return { ms: performance.now() - start, shown: diagnostics.length };
}

async function measure(hostile: HostileCase): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-hostile-bench-'));
  hostile.config?.(path.join(dir, '.claimlint.yaml'));
  const server = await startServer(dir, { debounceMs: 0 });
  try {
    const uri = `file://${dir}/draft.${hostile.language === 'markdown' ? 'md' : 'txt'}`;
    const text = draftOf(hostile);
    const open = await published(server, uri, 1, () =>
      server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: hostile.language, version: 1, text },
      }),
    );
    const edit = await published(server, uri, 2, () =>
      server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }],
      }),
    );
    const hoverStart = performance.now();
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    const hoverMs = performance.now() - hoverStart;
    const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    return `| ${hostile.name} | ${seconds(open.ms)} | ${seconds(edit.ms)} | ${hoverMs.toFixed(0)} ms | ${peakRssMb(server.process.pid ?? 0).toFixed(0)} MB | ${open.shown} |`;
  } finally {
    await server.connection.sendRequest(ShutdownRequest.type);
    await server.connection.sendNotification(ExitNotification.type);
    await server.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log('| case | open → publish | edit → publish | hover | peak RSS | problems shown |\n|---|---|---|---|---|---|');
  for (const hostile of CASES) console.log(await measure(hostile));
}

void main();
