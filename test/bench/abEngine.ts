/**
 * In-process A/B of the engine against an earlier revision: `npm run bench:ab -- <git-rev> [--size N]
 * [--rounds N]`. Day-to-day drift on this machine moves absolute times by a third, so a change is judged
 * by linting the same draft alternately with both builds loaded in one process, plus a second copy of the
 * current build as the noise floor (A/A). Also reports whether the two builds' findings are identical.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { DRAFT_SEED, generateDraft, seedSentences } from './drafts';

const ROOT = path.resolve(__dirname, '..', '..');

/** What each build exports: the engine with the built-in knowledge of its own tree. */
interface EngineBuild {
  prepare(text: string): () => number;
  findingsJson(text: string): string;
}

/** Entry module for one tree (imports by absolute path), so that each build lints with its own code and data. */
const entryFor = (tree: string): string => `
import * as path from 'node:path';
import { buildKnowledge } from '${tree}/server/src/engine/knowledge/knowledge';
import { lintDocument } from '${tree}/server/src/engine/lint';
import { defaultSettings } from '${tree}/server/src/engine/settings';
import { readBuiltInFiles } from '${tree}/server/src/workspace/dataFiles';
const knowledge = buildKnowledge(readBuiltInFiles(path.join(${JSON.stringify(tree)}, 'seeds')));
const settings = defaultSettings();
const lint = (text: string) => lintDocument({ text, format: 'markdown', settings, knowledge });
export const prepare = (text: string) => () => lint(text).count;
export const findingsJson = (text: string) => JSON.stringify(lint(text).findings);
`;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function bundle(tree: string, outfile: string): Promise<void> {
  const entry = `${outfile}.entry.ts`;
  fs.writeFileSync(entry, entryFor(tree));
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
    nodePaths: [path.join(ROOT, 'node_modules')],
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main(): Promise<void> {
  const revision = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (!revision) throw new Error('usage: npm run bench:ab -- <git-rev> [--size BYTES] [--rounds N]');
  const size = option('--size', 100_000);
  const rounds = option('--rounds', Math.min(40, Math.max(10, Math.round(3e6 / size))));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-ab-'));
  try {
    const baseTree = path.join(work, 'base');
    fs.mkdirSync(baseTree);
    execFileSync('bash', ['-c', `git -C "$0" archive "$1" | tar -x -C "$2"`, ROOT, revision, baseTree]);
    await bundle(baseTree, path.join(work, 'base.js'));
    await bundle(ROOT, path.join(work, 'current.js'));
    fs.copyFileSync(path.join(work, 'current.js'), path.join(work, 'current-copy.js'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundles built at run time
    const builds = ['base.js', 'current.js', 'current-copy.js'].map((f) => require(path.join(work, f)) as EngineBuild);
    const text = generateDraft(seedSentences(path.join(ROOT, 'seeds')), size, DRAFT_SEED);
    const same = builds[0].findingsJson(text) === builds[1].findingsJson(text);
    const runs = builds.map((b) => b.prepare(text));
    const reps = Math.max(1, Math.round(3e5 / size));
    for (const run of runs) for (let i = 0; i < 3 * reps; i++) run();
    const cpu: number[][] = [[], [], []];
    for (let round = 0; round < rounds; round++) {
      // rotate the order so that no build always runs right after another one's garbage
      for (let k = 0; k < 3; k++) {
        const which = (round + k) % 3;
        const before = process.cpuUsage();
        for (let i = 0; i < reps; i++) runs[which]();
        const used = process.cpuUsage(before);
        cpu[which].push((used.user + used.system) / 1000 / reps);
      }
    }
    const ratio = (a: number, b: number): number => median(cpu[b].map((t, i) => t / cpu[a][i]));
    console.log(`draft ${(text.length / 1000).toFixed(0)} KB, ${rounds} rounds of ${reps} lint(s) per build, CPU ms per lint (median)`);
    console.log(
      `  ${revision}: ${median(cpu[0]).toFixed(2)} ms   current: ${median(cpu[1]).toFixed(2)} ms   current again: ${median(cpu[2]).toFixed(2)} ms`,
    );
    console.log(`  current / ${revision}: ${ratio(0, 1).toFixed(3)}×   noise floor (current again / current): ${ratio(1, 2).toFixed(3)}×`);
    console.log(`  findings: ${same ? 'identical' : 'DIFFERENT'}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
