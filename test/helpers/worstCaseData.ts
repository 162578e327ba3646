/**
 * Builds knowledge from the worst data files the limits let through, one at a time, and prints the heap
 * in use after each as JSON. Run by `dataLimits.test.ts` in a child process with the server's flags and a
 * lowered heap ceiling: if a worst case did not fit, the child would die of heap exhaustion.
 */
import { parseConfigFile, CONFIG_FILE_LIMITS } from '../../server/src/engine/config';
import { DATA_FILE_LIMITS } from '../../server/src/engine/knowledge/dataFile';
import { buildKnowledge } from '../../server/src/engine/knowledge/knowledge';
import { readBuiltInFiles } from '../../server/src/workspace/dataFiles';
import { ROOT } from './knowledge';
import * as path from 'node:path';

/** A flow list of one-letter items, `[a, a, …]`: the most parse work per byte (about two tokens per item). */
const flowList = (key: string, tokens: number): string =>
  `${key}: [${Array(Math.floor(tokens / 2) - 4)
    .fill('a')
    .join(',')}]\n`;
const entry = (i: number): string =>
  `  - id: t${i}\n    term: zq${i} word\n    category: editorialising\n    why: w\n    alternatives: [x]\n    examples:\n      flagged: [a zq${i} word b]\n      neutral: [c]\n`;

const builtIn = readBuiltInFiles(path.join(ROOT, 'seeds'));
const heapMb = (): number => Math.round(process.memoryUsage().heapUsed / 1e6);
const report: Record<string, { chars: number; problems: number; heapMb: number }> = {};

const cases: [string, 'lexicon' | 'facts' | 'config', string][] = [
  ['lexicon flow list', 'lexicon', flowList('entries', DATA_FILE_LIMITS.maxTokens)],
  ['fact base flow list', 'facts', flowList('facts', DATA_FILE_LIMITS.maxTokens)],
  [
    'lexicon of valid entries',
    'lexicon',
    'entries:\n' + Array.from({ length: Math.floor(DATA_FILE_LIMITS.maxTokens / 70) }, (_, i) => entry(i)).join(''),
  ],
  [
    'mapping of distinct keys',
    'facts',
    Array.from({ length: Math.floor(DATA_FILE_LIMITS.maxTokens / 5) }, (_, i) => `k${i}: a`).join('\n'),
  ],
  ['configuration flow list', 'config', flowList('allow', CONFIG_FILE_LIMITS.maxTokens)],
];
for (const [name, kind, text] of cases) {
  let problems: number;
  if (kind === 'config') {
    problems = parseConfigFile('/team/.claimlint.yaml', text).problems.length;
  } else {
    const file = { file: `/team/${kind}.yaml`, text };
    const knowledge = buildKnowledge(
      kind === 'lexicon' ? { ...builtIn, lexicons: [...builtIn.lexicons, file] } : { ...builtIn, factFiles: [...builtIn.factFiles, file] },
    );
    problems = knowledge.problems.length;
  }
  report[name] = { chars: text.length, problems, heapMb: heapMb() };
}
process.stdout.write(JSON.stringify(report));
