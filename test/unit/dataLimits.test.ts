import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { SERVER_EXEC_ARGV } from '../../client/src/serverFlags';
import { DATA_FILE_LIMITS, parseDataFile } from '../../server/src/engine/knowledge/dataFile';
import { readBuiltInFiles } from '../../server/src/workspace/dataFiles';
import { KnowledgeStore, MAX_USER_DATA_CHARS } from '../../server/src/workspace/knowledgeStore';
import { ROOT } from '../helpers/knowledge';

/** Old-generation ceiling for the worst-case run: well under the server's 512 MB, so "fits" means with room. */
const TEST_HEAP_MB = 256;

describe('data-file limits', function () {
  this.timeout(180000);

  it('the worst file each limit lets through fits in half the server heap (server flags, 256 MB ceiling)', () => {
    const flags = [...SERVER_EXEC_ARGV.filter((f) => !f.startsWith('--max-old-space-size')), `--max-old-space-size=${TEST_HEAP_MB}`];
    const child = spawnSync(process.execPath, [...flags, '--import', 'tsx', path.join(ROOT, 'test/helpers/worstCaseData.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(child.status, 0, `worst case did not fit: ${child.stderr.slice(-600)}`);
    const report = JSON.parse(child.stdout) as Record<string, { chars: number; problems: number; heapMb: number }>;
    assert.equal(Object.keys(report).length, 5);
    for (const [name, figures] of Object.entries(report)) assert.ok(figures.heapMb < TEST_HEAP_MB, `${name}: ${JSON.stringify(figures)}`);
  });

  it('user lexicons and fact bases together stay within their budget: the files past it are refused by name', () => {
    const big = `entries: []\n# ${'x'.repeat(DATA_FILE_LIMITS.maxLength - 20)}\n`;
    const files = Array.from({ length: 6 }, (_, i) => `/team/lexicon${i}.yaml`);
    const store = new KnowledgeStore(readBuiltInFiles(path.join(ROOT, 'seeds')), () => ({ ok: true, value: big }));
    const refused = store
      .get(files, [])
      .problems.filter((p) => /together may hold/.test(p.message))
      .map((p) => p.file);
    const fitting = Math.floor(MAX_USER_DATA_CHARS / big.length);
    assert.deepEqual(refused, files.slice(fitting));
    assert.equal(fitting, 4);
  });

  it('refuses flow collections nested past the depth limit, at the first one too deep', () => {
    const text = 'entries: ' + '['.repeat(100) + ']'.repeat(100) + '\n';
    const parsed = parseDataFile('/team/deep.yaml', text, {});
    assert.equal(parsed.value, undefined);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /^lists or mappings are nested more than 64 deep$/);
    assert.deepEqual([parsed.problems[0].line, parsed.problems[0].column], [1, 10 + 64]);
  });

  it('finds a repeated key among 40,000 and says where', () => {
    const lines = Array.from({ length: 40000 }, (_, i) => `k${i}: a`);
    lines.push('k17: b');
    const parsed = parseDataFile('/team/keys.yaml', lines.join('\n'), {});
    assert.equal(parsed.value, undefined);
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.column, p.message]),
      [[40001, 1, 'YAML syntax: Map keys must be unique ("k17" is repeated)']],
    );
  });
});
