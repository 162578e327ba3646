/**
 * The real language server over stdio (`node dist/server.js --stdio`, via test/helpers/lspClient.ts):
 * open-to-diagnostics, edit-to-diagnostics for a one-character edit in the middle of the draft
 * (incremental didChange, debounce 0), and the server's RSS with a large draft open and after many edits.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import type { ServerSession } from '../helpers/lspClient';
import { startServer } from '../helpers/lspClient';
import { median, now, Random, round } from './stats';

/** Resident and peak memory of a process, MB (Linux /proc). */
export function processMemoryMb(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Offsets to LSP positions (UTF-16 code units, like JavaScript strings). */
class Positions {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  at(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}

/** True when the line holding `offset` is a plain prose line (not a heading, list, quote, comment or code). */
function inProseLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return !/^(#|-|>|<|`|\s)/.test(text.slice(lineStart, lineStart + 2)) && lineStart < offset;
}

/** Offset inside a word of a prose line at or after `from` (between its second and third letters). */
export function wordOffsetNear(text: string, from: number): number {
  const word = /(?<=\s)[a-z]{5,}(?=[\s,.])/g;
  word.lastIndex = from;
  for (let m = word.exec(text); m; m = word.exec(text)) if (inProseLine(text, m.index)) return m.index + 2;
  throw new Error('no word to edit');
}

export interface ServerSizeResult {
  bytes: number;
  /** `claimlint.maxProblems` of the run; undefined: the default. */
  maxProblems?: number;
  /** Open-to-diagnostics samples (ms); each opens the draft under a fresh URI. */
  openMs: number[];
  openMedianMs: number;
  /** Edit-to-diagnostics samples (ms), one-character insert or delete in the middle, debounce 0. */
  editMs: number[];
  editMedianMs: number;
  diagnostics: number;
  /** Edit-to-diagnostics with the default 250 ms debounce (only measured for the smallest size). */
  editDefaultDebounceMedianMs?: number;
  rssOpenMb?: number;
}

export interface SoakResult {
  /** Why the soak stopped early (the server crashed or stopped answering). */
  error?: string;
  bytes: number;
  edits: number;
  batches: number;
  seconds: number;
  rssBeforeOpenMb?: number;
  rssOpenMb?: number;
  rssAfterMb?: number;
  /** RSS after the edits and `idleMs` without any. */
  rssAfterIdleMb?: number;
  rssMaxMb?: number;
  peakRssMb?: number;
  /** RSS after each batch (MB). */
  rssSeries: number[];
  /** Median wait for the diagnostics of a batch's last version (ms). */
  batchSettleMedianMs: number;
}

async function shutdown(server: ServerSession): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) {
    server.connection.dispose();
    return;
  }
  const timer = setTimeout(() => server.process.kill(), 10_000);
  try {
    await server.connection.sendRequest(ShutdownRequest.type);
    await server.connection.sendNotification(ExitNotification.type);
    await server.exited;
  } catch {
    server.process.kill();
  } finally {
    clearTimeout(timer);
    server.connection.dispose();
  }
}

/** Waits for `promise`, failing after `ms` or as soon as the server exits (with the end of its stderr). */
function withTimeout<T>(server: ServerSession, promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
    server.exited.then((code) => {
      clearTimeout(timer);
      throw new Error(`the server exited (${code}) while waiting for ${what}: ${server.stderr.join('').slice(-2000)}`);
    }),
  ]);
}

class Draft {
  version = 1;

  constructor(
    readonly server: ServerSession,
    readonly uri: string,
    public text: string,
  ) {}

  async open(): Promise<PublishDiagnosticsParams> {
    const published = this.server.diagnostics(this.uri, (p) => p.version === this.version);
    await this.server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: this.uri, languageId: 'markdown', version: this.version, text: this.text },
    });
    return withTimeout(this.server, published, 120_000, `diagnostics of ${this.uri}`);
  }

  async close(): Promise<void> {
    const cleared = this.server.diagnostics(this.uri, (p) => p.diagnostics.length === 0);
    await this.server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri } });
    await withTimeout(this.server, cleared, 30_000, `cleared diagnostics of ${this.uri}`);
  }

  /** Sends one incremental change (without waiting); the caller keeps `positions` valid. */
  async change(start: { line: number; character: number }, end: { line: number; character: number }, newText: string): Promise<number> {
    this.version++;
    await this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [{ range: { start, end }, text: newText }],
    });
    return this.version;
  }

  settled(version = this.version): Promise<PublishDiagnosticsParams> {
    return withTimeout(
      this.server,
      this.server.diagnostics(this.uri, (p) => p.version === version),
      120_000,
      `diagnostics of version ${version}`,
    );
  }
}

/** A one-character edit in the middle of the draft, alternately inserting and deleting a letter. */
async function timeMiddleEdits(draft: Draft, count: number): Promise<number[]> {
  const offset = wordOffsetNear(draft.text, Math.floor(draft.text.length / 2));
  const positions = new Positions(draft.text);
  const at = positions.at(offset);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const insert = i % 2 === 0;
    const done = draft.settled(draft.version + 1);
    const t = now();
    if (insert) await draft.change(at, at, 'x');
    else await draft.change(at, { line: at.line, character: at.character + 1 }, '');
    await done;
    samples.push(now() - t);
  }
  return samples;
}

/** Opens, edits and closes a draft of each size in its own server. */
export async function runServerLatency(
  drafts: { bytes: number; text: string; maxProblems?: number }[],
  options: { openRuns: (bytes: number) => number; editRuns: number; warmupText: string },
  log: (line: string) => void = () => undefined,
): Promise<ServerSizeResult[]> {
  const results: ServerSizeResult[] = [];
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-bench-'));
  try {
    for (const [index, { bytes, text, maxProblems }] of drafts.entries()) {
      const server = await startServer(workspace, { debounceMs: 0, ...(maxProblems !== undefined ? { maxProblems } : {}) });
      try {
        // knowledge is built on the first lint: a small draft takes that cost before the timings
        const warm = new Draft(server, `file://${workspace}/warmup.md`, options.warmupText);
        await warm.open();
        await warm.close();
        const openMs: number[] = [];
        let diagnostics = 0;
        for (let run = 0; run < options.openRuns(bytes); run++) {
          const draft = new Draft(server, `file://${workspace}/open-${bytes}-${run}.md`, text);
          const t = now();
          diagnostics = (await draft.open()).diagnostics.length;
          openMs.push(now() - t);
          await draft.close();
        }
        const draft = new Draft(server, `file://${workspace}/draft-${bytes}.md`, text);
        await draft.open();
        const rssOpen = processMemoryMb(server.process.pid!)?.rss;
        const editMs = await timeMiddleEdits(draft, options.editRuns);
        const result: ServerSizeResult = {
          bytes,
          ...(maxProblems !== undefined ? { maxProblems } : {}),
          openMs: openMs.map((v) => round(v, 2)),
          openMedianMs: round(median(openMs), 2),
          editMs: editMs.map((v) => round(v, 2)),
          editMedianMs: round(median(editMs), 2),
          diagnostics,
          ...(rssOpen !== undefined ? { rssOpenMb: round(rssOpen, 1) } : {}),
        };
        if (index === 0) {
          // the editor's default debounce, for reference: the delay a user actually sees
          server.settings = { ...(maxProblems !== undefined ? { maxProblems } : {}) };
          const relinted = draft.settled(draft.version);
          await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
          await relinted;
          result.editDefaultDebounceMedianMs = round(median(await timeMiddleEdits(draft, 4)), 2);
        }
        await draft.close();
        results.push(result);
        log(
          `  server ${bytes} B${maxProblems !== undefined ? ` (maxProblems ${maxProblems})` : ''}: open ${result.openMedianMs.toFixed(1)} ms, edit ${result.editMedianMs.toFixed(1)} ms, ${diagnostics} diagnostics`,
        );
      } finally {
        await shutdown(server);
      }
    }
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  return results;
}

/**
 * Opens the draft and sends `edits` one-letter replacements at random places in its middle half, in batches,
 * waiting for the diagnostics of each batch's last version; samples the server's RSS throughout.
 */
export async function runServerSoak(
  text: string,
  options: { edits: number; batch: number; budgetMs: number; idleMs: number; warmupText: string },
  log: (line: string) => void = () => undefined,
): Promise<SoakResult> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-bench-'));
  const server = await startServer(workspace, { debounceMs: 0 });
  const pid = server.process.pid!;
  try {
    const warm = new Draft(server, `file://${workspace}/warmup.md`, options.warmupText);
    await warm.open();
    await warm.close();
    const rssBeforeOpen = processMemoryMb(pid)?.rss;
    const draft = new Draft(server, `file://${workspace}/soak.md`, text);
    await draft.open();
    const rssOpen = processMemoryMb(pid)?.rss;
    // letters of prose lines in the middle half of the draft; replacing one letter by another keeps the
    // lines (and so the positions) where they are
    const letters: number[] = [];
    for (let i = Math.floor(text.length / 4); i < Math.floor((3 * text.length) / 4); i++) {
      const c = text.charCodeAt(i);
      if (c >= 97 && c <= 122 && i % 7 === 0 && inProseLine(text, i)) letters.push(i);
    }
    const chars = new Map<number, string>();
    const positions = new Positions(text);
    const r = new Random(4242);
    const rssSeries: number[] = [];
    const settle: number[] = [];
    const started = now();
    let sent = 0;
    let batches = 0;
    let error: string | undefined;
    try {
      while (sent < options.edits && now() - started < options.budgetMs) {
        for (let i = 0; i < options.batch && sent < options.edits; i++, sent++) {
          const offset = r.pick(letters);
          const current = chars.get(offset) ?? text[offset];
          let next = String.fromCharCode(97 + r.int(0, 25));
          if (next === current) next = current === 'e' ? 'a' : 'e';
          chars.set(offset, next);
          const from = positions.at(offset);
          await draft.change(from, { line: from.line, character: from.character + 1 }, next);
        }
        const t = now();
        await draft.settled();
        settle.push(now() - t);
        batches++;
        const memory = processMemoryMb(pid);
        if (memory) rssSeries.push(round(memory.rss, 1));
      }
    } catch (failure) {
      // a server that runs out of memory is a result too
      error = (failure as Error).message.slice(0, 600);
      log(`  soak stopped after ${sent} edits: ${error}`);
    }
    const seconds = (now() - started) / 1000;
    const final = processMemoryMb(pid);
    if (!error) await new Promise((resolve) => setTimeout(resolve, options.idleMs));
    const idle = error ? undefined : processMemoryMb(pid);
    log(
      `  soak: ${sent} edits in ${batches} batches, ${seconds.toFixed(1)} s, RSS ${rssOpen?.toFixed(0)} -> ${final?.rss.toFixed(0)} MB (${idle?.rss.toFixed(0)} MB after idle)`,
    );
    if (!error) await draft.close();
    return {
      ...(error ? { error } : {}),
      bytes: Buffer.byteLength(text),
      edits: sent,
      batches,
      seconds: round(seconds, 1),
      ...(rssBeforeOpen !== undefined ? { rssBeforeOpenMb: round(rssBeforeOpen, 1) } : {}),
      ...(rssOpen !== undefined ? { rssOpenMb: round(rssOpen, 1) } : {}),
      ...(final ? { rssAfterMb: round(final.rss, 1), peakRssMb: round(final.peak, 1) } : {}),
      ...(idle ? { rssAfterIdleMb: round(idle.rss, 1) } : {}),
      ...(rssSeries.length ? { rssMaxMb: Math.max(...rssSeries) } : {}),
      rssSeries,
      batchSettleMedianMs: round(median(settle), 1),
    };
  } finally {
    await shutdown(server);
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
