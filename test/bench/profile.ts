/**
 * CPU profile of one benchmark workload, summarised by function: where the time of a cold lint (or of a
 * knowledge build) goes.
 *
 *   npx tsx test/bench/profile.ts [lint|knowledge] [--size BYTES] [--facts N] [--top N]
 *
 * Uses V8's sampling CPU profiler (the one behind `node --cpu-prof`) through node:inspector, writes the
 * .cpuprofile to test/bench/results/ (open it in Chrome DevTools or VS Code) and prints the hottest
 * functions by self time and by total time, with their file and line.
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { buildKnowledge } from '../../server/src/engine/knowledge/knowledge';
import { lintDocument } from '../../server/src/engine/lint';
import { defaultSettings } from '../../server/src/engine/settings';
import { readBuiltInFiles } from '../../server/src/workspace/dataFiles';
import { ROOT } from '../helpers/knowledge';
import { DRAFT_SEED, generateDraft, seedSentences } from './drafts';
import { fmtMs } from './stats';
import { seedPassages, syntheticFactBase } from './syntheticFacts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  name: string;
  location: string;
  selfMs: number;
  totalMs: number;
  selfPct: number;
  totalPct: number;
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

/** Profiles `work` with the V8 sampling profiler (100 µs interval). */
export async function profile(work: () => void): Promise<CpuProfile> {
  const session = new inspector.Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
  await post(session, 'Profiler.start');
  work();
  const { profile: result } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
  session.disconnect();
  return result;
}

const sources = new Map<string, string[]>();

/**
 * The line where `name` is defined in a TypeScript source. tsx transpiles without keeping line numbers in
 * the profile, so the definition is looked up by name (first match; good enough to find the function).
 */
function definitionLine(file: string, name: string): number | undefined {
  if (!file.endsWith('.ts') || !name || name === '(anonymous)') return undefined;
  let lines = sources.get(file);
  if (!lines) {
    try {
      lines = fs.readFileSync(file, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    sources.set(file, lines);
  }
  const escaped = name.replace(/[$]/g, '\\$');
  const patterns = [
    new RegExp(`\\bfunction\\*?\\s+${escaped}\\b`),
    new RegExp(`\\b(const|let|var)\\s+${escaped}\\s*[=:]`),
    new RegExp(`^\\s*(static\\s+|private\\s+|public\\s+|protected\\s+|readonly\\s+|async\\s+|get\\s+|\\*\\s*)*${escaped}\\s*[<(]`),
    new RegExp(`\\b${escaped}\\s*[:=]\\s*(async\\s*)?(\\(|function)`),
  ];
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

function shortLocation(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return '(native)';
  const file = frame.url.replace(/^file:\/\//, '');
  const rel = path.relative(ROOT, file);
  const shown = rel.startsWith('..') ? file : rel;
  const line = definitionLine(file, frame.functionName) ?? (file.endsWith('.ts') ? undefined : frame.lineNumber + 1);
  return line === undefined ? shown : `${shown}:${line}`;
}

/** Self and total time per function (a function's recursive frames are counted once in its total). */
export function summarise(result: CpuProfile): { functions: HotFunction[]; totalMs: number } {
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of result.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  const samples = result.samples ?? [];
  const deltas = result.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  const key = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'}\u0000${shortLocation(n.callFrame)}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    self.set(key(node), (self.get(key(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const functions = [...total.keys()].map((k) => {
    const [name, location] = k.split('\u0000');
    const selfMs = (self.get(k) ?? 0) / 1000;
    const totalMs = (total.get(k) ?? 0) / 1000;
    return { name, location, selfMs, totalMs, selfPct: (100 * selfMs * 1000) / totalUs, totalPct: (100 * totalMs * 1000) / totalUs };
  });
  return { functions, totalMs: totalUs / 1000 };
}

export function printHot(title: string, summary: ReturnType<typeof summarise>, top: number): void {
  const skip = new Set(['(root)', '(program)', '(idle)']);
  const rows = summary.functions.filter((f) => !skip.has(f.name));
  console.log(`\n${title}: ${fmtMs(summary.totalMs)} sampled`);
  console.log('  by self time:');
  for (const f of [...rows].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) {
    console.log(`    ${f.selfPct.toFixed(1).padStart(5)}%  ${fmtMs(f.selfMs).padStart(9)}  ${f.name}  ${f.location}`);
  }
  console.log('  by total time (engine functions):');
  for (const f of [...rows]
    .filter((r) => r.location.startsWith('server/src/engine'))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, top)) {
    console.log(`    ${f.totalPct.toFixed(1).padStart(5)}%  ${fmtMs(f.totalMs).padStart(9)}  ${f.name}  ${f.location}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const what = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'lint';
  const top = option('--top', 25);
  const outDir = path.join(__dirname, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const builtIn = readBuiltInFiles(path.join(ROOT, 'seeds'));
  let result: CpuProfile;
  if (what === 'knowledge') {
    const facts = option('--facts', 10000);
    const base = syntheticFactBase(facts, seedPassages(builtIn.seeds));
    result = await profile(() => buildKnowledge({ ...builtIn, factFiles: [...builtIn.factFiles, ...base.files] }));
  } else {
    const size = option('--size', 1_000_000);
    const knowledge = buildKnowledge(builtIn);
    const text = generateDraft(seedSentences(path.join(ROOT, 'seeds')), size, DRAFT_SEED);
    const lint = (): void => void lintDocument({ text, format: 'markdown', settings: defaultSettings(), knowledge });
    // one small lint first so lazily built indexes are not charged to the profile
    lintDocument({
      text: generateDraft(seedSentences(path.join(ROOT, 'seeds')), 10_000, 7),
      format: 'markdown',
      settings: defaultSettings(),
      knowledge,
    });
    result = await profile(lint);
  }
  const file = path.join(outDir, `${what}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(result));
  printHot(`CPU profile of ${what}`, summarise(result), top);
  console.log(`\nprofile written to ${path.relative(ROOT, file)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
