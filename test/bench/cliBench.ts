/**
 * Many drafts through the command line: small drafts in a temporary folder, linted by
 * `node dist/cli.js --format json --workers N DIR` for each N; drafts per second.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT } from '../helpers/knowledge';
import { now, round } from './stats';

export interface CliRun {
  workers: number;
  seconds: number;
  draftsPerSecond: number;
  exitCode: number | null;
  /** Files with at least one finding in the JSON report. */
  filesWithFindings: number;
  findings: number;
}

export interface CliResult {
  drafts: number;
  totalBytes: number;
  runs: CliRun[];
  /** CPU actually available to two threads on this machine right now (see `effectiveCores`). */
  effectiveCores: number;
  /**
   * Throughput of two single-worker CLI processes side by side over one alone, each on half the drafts:
   * the most any in-process parallelism can reach on this machine for this workload (see `runCliBench`).
   */
  twoProcessSpeedup: number;
}

const SPIN = `const { parentPort } = require('node:worker_threads');
let x = 0;
const t = performance.now();
for (let i = 0; i < 3e8; i++) x = (x + i) % 1000003;
parentPort.postMessage(performance.now() - t + x * 0);`;

function spin(): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SPIN, { eval: true });
    worker.once('message', (ms: number) => void worker.terminate().then(() => resolve(ms)));
    worker.once('error', reject);
  });
}

/**
 * How many cores two busy threads really get (2.0 on an idle 2-core machine): the same CPU-bound loop run
 * alone, then twice at once. A shared machine with other load gives less, and then --workers 2 cannot gain.
 */
export async function effectiveCores(): Promise<number> {
  const alone = await spin();
  const both = await Promise.all([spin(), spin()]);
  return round((2 * alone) / Math.max(...both), 2);
}

function runCli(args: string[], outFile: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(outFile, 'w');
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.closeSync(out);
      resolve({ code, stderr });
    });
  });
}

/** Findings in the CLI's JSON report (a flat list, each with its file) and the files they are in. */
function countReport(json: string): { files: number; findings: number } {
  const findings = JSON.parse(json) as { file: string }[];
  return { files: new Set(findings.map((f) => f.file)).size, findings: findings.length };
}

export async function runCliBench(
  drafts: string[],
  workerCounts: readonly number[],
  log: (line: string) => void = () => undefined,
): Promise<CliResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-bench-cli-'));
  try {
    const draftDir = path.join(dir, 'drafts');
    let totalBytes = 0;
    drafts.forEach((text, i) => {
      // a few sub-folders, as a newsroom's drafts folder would have
      const sub = path.join(draftDir, `desk-${i % 8}`);
      fs.mkdirSync(sub, { recursive: true });
      fs.writeFileSync(path.join(sub, `draft-${String(i).padStart(5, '0')}.md`), text);
      totalBytes += Buffer.byteLength(text);
    });
    const cores = await effectiveCores();
    log(`  effective cores for two threads: ${cores}`);
    // a busy loop scales with cores; linting (memory-bound, with V8's own GC and compiler threads already
    // using the second core) may not: two independent processes on the two halves show what can be had
    const halves = [0, 1].map((h) => ({ dir: path.join(dir, `half-${h}`), out: path.join(dir, `half-${h}.json`) }));
    drafts.forEach((text, i) => {
      const half = halves[i % 2];
      fs.mkdirSync(half.dir, { recursive: true });
      fs.writeFileSync(path.join(half.dir, `draft-${String(i).padStart(5, '0')}.md`), text);
    });
    const aloneFrom = now();
    await runCli(['--format', 'json', '--workers', '1', halves[0].dir], halves[0].out);
    const alone = now() - aloneFrom;
    const bothFrom = now();
    await Promise.all(halves.map((half) => runCli(['--format', 'json', '--workers', '1', half.dir], half.out)));
    const twoProcessSpeedup = round((2 * alone) / (now() - bothFrom), 2);
    log(`  two single-worker CLI processes side by side: ${twoProcessSpeedup}× the throughput of one`);
    const runs: CliRun[] = [];
    for (const workers of workerCounts) {
      const outFile = path.join(dir, `report-${workers}.json`);
      const t = now();
      const { code, stderr } = await runCli(['--format', 'json', '--workers', String(workers), draftDir], outFile);
      const seconds = (now() - t) / 1000;
      let counted = { files: 0, findings: 0 };
      try {
        counted = countReport(fs.readFileSync(outFile, 'utf8'));
      } catch (error) {
        log(`  cli --workers ${workers}: unreadable report (${(error as Error).message}); stderr: ${stderr.slice(0, 500)}`);
      }
      runs.push({
        workers,
        seconds: round(seconds, 2),
        draftsPerSecond: round(drafts.length / seconds, 1),
        exitCode: code,
        filesWithFindings: counted.files,
        findings: counted.findings,
      });
      log(
        `  cli --workers ${workers}: ${drafts.length} drafts in ${seconds.toFixed(1)} s (${(drafts.length / seconds).toFixed(0)}/s), exit ${code}`,
      );
    }
    return { drafts: drafts.length, totalBytes, runs, effectiveCores: cores, twoProcessSpeedup };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
