import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/knowledge';

/**
 * The engine's layers, bottom first: a file may import files of its own layer or of layers below it, never
 * above. Each entry is a path under server/src/engine/ (a folder ends in `/`). The README's "How it is built"
 * draws the same table.
 */
const ENGINE_LAYERS: readonly (readonly string[])[] = [
  ['ruleRegistry.ts', 'ruleCatalog.ts', 'types.ts', 'hash.ts', 'partitionPoint.ts', 'spans.ts'],
  ['text/'],
  ['settingsTable.ts', 'settings.ts', 'findings.ts', 'globs.ts', 'configEdits.ts', 'directives.ts'],
  ['knowledge/'],
  ['config.ts', 'analysis/'],
  ['document.ts'],
  ['facts/'],
  ['rules/', 'sources/'],
  ['chunkedFindings.ts', 'lint.ts', 'citations.ts'],
  ['index.ts'],
];

const SERVER = path.join(ROOT, 'server', 'src');
const ENGINE = path.join(SERVER, 'engine');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The relative modules a file imports or re-exports (`import type` too), resolved to absolute `.ts` paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
    const target = path.resolve(path.dirname(file), match[1]);
    if (!target.endsWith('.json')) found.push(fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts'));
  }
  return found;
}

/** The layer of an engine file: the most specific entry that covers it. */
function layerOf(file: string): number {
  const relative = path.relative(ENGINE, file).split(path.sep).join('/');
  let best: { layer: number; length: number } | undefined;
  ENGINE_LAYERS.forEach((entries, layer) => {
    for (const entry of entries) {
      const covers = entry.endsWith('/') ? relative.startsWith(entry) : relative === entry;
      if (covers && (!best || entry.length > best.length)) best = { layer, length: entry.length };
    }
  });
  if (!best) throw new Error(`engine/${relative} is in no layer: add it to ENGINE_LAYERS in test/unit/layers.test.ts`);
  return best.layer;
}

const show = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

describe('layers', () => {
  it('every engine import runs down or across a layer, never up', () => {
    const upward: string[] = [];
    for (const file of tsFiles(ENGINE)) {
      for (const target of importsOf(file)) {
        if (!target.startsWith(ENGINE + path.sep)) {
          upward.push(`${show(file)} imports ${show(target)}, outside the engine`);
        } else if (layerOf(target) > layerOf(file)) {
          upward.push(`${show(file)} (layer ${layerOf(file)}) imports ${show(target)} (layer ${layerOf(target)})`);
        }
      }
    }
    assert.deepEqual(upward, []);
  });

  it('code outside the engine enters it only through engine/index.ts', () => {
    const outside = [...tsFiles(SERVER).filter((f) => !f.startsWith(ENGINE + path.sep)), ...tsFiles(path.join(ROOT, 'client', 'src'))];
    const side = outside.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(ENGINE + path.sep) && target !== path.join(ENGINE, 'index.ts'))
        .map((target) => `${show(file)} imports ${show(target)}`),
    );
    assert.deepEqual(side, []);
  });

  it('the engine never imports the editor, the protocol or the file system', () => {
    const impure = tsFiles(ENGINE).filter((file) =>
      /^import\b[^;]*?\bfrom\s+'(vscode|vscode-languageserver[^']*|node:fs|fs|node:child_process|node:worker_threads)'/ms.test(
        fs.readFileSync(file, 'utf8'),
      ),
    );
    assert.deepEqual(impure.map(show), []);
  });

  it('finds an upward import when there is one (the check can fail)', () => {
    const knowledge = tsFiles(path.join(ENGINE, 'knowledge'))[0];
    assert.ok(layerOf(knowledge) < layerOf(path.join(ENGINE, 'rules', 'attribution.ts')));
    assert.throws(() => layerOf(path.join(ENGINE, 'nowhere', 'x.ts')), /in no layer/);
  });
});
