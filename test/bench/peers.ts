/**
 * Peer prose linters run on the same text as ClaimLint: write-good (CommonJS), alex (ESM only, loaded with a
 * dynamic import) and harper.js (WebAssembly, runs offline from the binary shipped in the package).
 *
 * They are looked up in the project's node_modules (as devDependencies) and, failing that, in the folder
 * named by CLAIMLINT_BENCH_PEERS (a scratch `npm install write-good alex harper.js` elsewhere), so the bench
 * runs without them and says so.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Peer {
  name: string;
  version: string;
  /** Lints `text` and returns the number of findings. */
  lint(text: string): Promise<number>;
}

export interface PeerLoad {
  peers: Peer[];
  /** Peers that could not be loaded, with the reason. */
  missing: { name: string; reason: string }[];
  /** One-off setup cost (harper.js compiles its WebAssembly), ms. */
  setupMs: Record<string, number>;
}

function packageDir(name: string, roots: readonly string[]): string | undefined {
  for (const root of roots) {
    const dir = path.join(root, 'node_modules', name);
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

interface PackageJson {
  version: string;
  main?: string;
  exports?: Record<string, string | { import?: string; default?: string; require?: string }>;
}

/** The file an ESM import of `name` + `subpath` ('.' or './binary') resolves to. */
function esmEntry(dir: string, subpath: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  const target = pkg.exports?.[subpath];
  const file = typeof target === 'string' ? target : (target?.import ?? target?.default);
  if (file) return path.join(dir, file);
  if (subpath !== '.') throw new Error(`${dir} exports no ${subpath}`);
  return path.join(dir, pkg.main ?? 'index.js');
}

function versionOf(dir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson).version;
}

/** alex and harper.js are ESM only: loaded with a dynamic import of the resolved file. */
const importEsm = (file: string): Promise<Record<string, unknown>> => import(pathToFileURL(file).href) as Promise<Record<string, unknown>>;

export async function loadPeers(projectRoot: string): Promise<PeerLoad> {
  const roots = [projectRoot, ...(process.env.CLAIMLINT_BENCH_PEERS ? [path.resolve(process.env.CLAIMLINT_BENCH_PEERS)] : [])];
  const result: PeerLoad = { peers: [], missing: [], setupMs: {} };

  const writeGoodDir = packageDir('write-good', roots);
  if (!writeGoodDir) result.missing.push({ name: 'write-good', reason: 'not installed' });
  else {
    try {
      const writeGood = createRequire(path.join(writeGoodDir, 'package.json'))(writeGoodDir) as (text: string) => unknown[];
      result.peers.push({ name: 'write-good', version: versionOf(writeGoodDir), lint: async (text) => writeGood(text).length });
    } catch (error) {
      result.missing.push({ name: 'write-good', reason: (error as Error).message });
    }
  }

  const alexDir = packageDir('alex', roots);
  if (!alexDir) result.missing.push({ name: 'alex', reason: 'not installed' });
  else {
    try {
      const alex = await importEsm(esmEntry(alexDir, '.'));
      const markdown = alex.markdown as (text: string) => { messages: unknown[] };
      result.peers.push({ name: 'alex', version: versionOf(alexDir), lint: async (text) => markdown(text).messages.length });
    } catch (error) {
      result.missing.push({ name: 'alex', reason: (error as Error).message });
    }
  }

  const harperDir = packageDir('harper.js', roots);
  if (!harperDir) result.missing.push({ name: 'harper.js', reason: 'not installed' });
  else {
    try {
      const harper = await importEsm(esmEntry(harperDir, '.'));
      const { binary } = await importEsm(esmEntry(harperDir, './binary'));
      type Linter = { setup(): Promise<void>; lint(text: string, options?: { language?: string }): Promise<unknown[]> };
      const LocalLinter = harper.LocalLinter as new (init: { binary: unknown }) => Linter;
      const linter = new LocalLinter({ binary });
      const started = performance.now();
      await linter.setup();
      result.setupMs['harper.js'] = performance.now() - started;
      result.peers.push({
        name: 'harper.js',
        version: versionOf(harperDir),
        lint: async (text) => (await linter.lint(text, { language: 'markdown' })).length,
      });
    } catch (error) {
      result.missing.push({ name: 'harper.js', reason: (error as Error).message });
    }
  }
  return result;
}
