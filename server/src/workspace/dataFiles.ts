import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KnowledgeFiles, DataFileText } from '../engine';
import { MAX_DATA_FILE_BYTES } from '../engine';
import type { FileRead } from './boundedRead';
import { decodeUtf8, readRegularFile, readUtf8File } from './boundedRead';

/**
 * The folder holding the built-in data (`seeds/`): found by walking up from this module, which works for
 * the bundle in `dist/` and for sources run by tests alike.
 */
export function builtInDataDir(from = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'seeds', 'metadata.yaml'))) return path.join(dir, 'seeds');
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`ClaimLint data folder (seeds/metadata.yaml) not found above ${from}`);
    dir = parent;
  }
}

/** Reads a built-in data file; a broken installation is an error, not a finding. */
function readBuiltInDataFile(file: string, shownAs = file): DataFileText {
  const read = readUtf8File(file, MAX_DATA_FILE_BYTES);
  if (!read.ok) throw new Error(`ClaimLint built-in data file ${file}: ${read.reason}`);
  return { file: shownAs, text: read.value };
}

/** Reads a user's data or configuration file (see `readRegularFile` for what is refused). */
export function readDataFile(file: string): FileRead<string> {
  const read = readRegularFile(file, MAX_DATA_FILE_BYTES);
  if (!read.ok) return read;
  if (read.value.includes(0)) return { ok: false, missing: false, reason: 'looks binary (it contains NUL bytes), not YAML' };
  return decodeUtf8(read.value);
}

/** Most bytes of one source document read from disk (`sourceIndex.ts` bounds its characters too). */
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** Reads a source document (`.txt`, `.md`): refused when binary, not UTF-8, too large or not a regular file. */
export function readSourceDocument(file: string): FileRead<string> {
  const read = readRegularFile(file, MAX_SOURCE_BYTES);
  if (!read.ok) return read;
  if (read.value.includes(0)) return { ok: false, missing: false, reason: 'looks binary (it contains NUL bytes), not a text document' };
  return decodeUtf8(read.value);
}

/** The YAML files of a folder, sorted by name, or the file itself. */
export function yamlFilesIn(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => path.join(target, name));
}

/** Reads the built-in data files. File names are relative to the data folder's parent (`seeds/…`). */
export function readBuiltInFiles(dataDir = builtInDataDir()): KnowledgeFiles {
  const root = path.dirname(dataDir);
  const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const seedFiles = fs
    .readdirSync(dataDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readBuiltInDataFile(path.join(dataDir, name), name));
  return {
    metadata: readBuiltInDataFile(path.join(dataDir, 'metadata.yaml'), rel(path.join(dataDir, 'metadata.yaml'))),
    seeds: seedFiles,
    vocabulary: readBuiltInDataFile(path.join(dataDir, 'vocabulary.yaml'), rel(path.join(dataDir, 'vocabulary.yaml'))),
    attribution: readBuiltInDataFile(path.join(dataDir, 'attribution.yaml'), rel(path.join(dataDir, 'attribution.yaml'))),
    lexicons: yamlFilesIn(path.join(dataDir, 'lexicon')).map((f) => readBuiltInDataFile(f, rel(f))),
    factFiles: [path.join(dataDir, 'entities.yaml'), ...yamlFilesIn(path.join(dataDir, 'facts'))].map((f) =>
      readBuiltInDataFile(f, rel(f)),
    ),
  };
}
