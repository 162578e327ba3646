import * as fs from 'node:fs';
import type { Knowledge, KnowledgeFiles } from '../engine/knowledge/knowledge';
import { buildKnowledge } from '../engine/knowledge/knowledge';
import type { DataProblem } from '../engine/knowledge/dataFile';
import { DATA_FILE_LIMITS } from '../engine/knowledge/dataFile';
import type { SourceFile } from '../engine/knowledge/sourceFiles';
import type { TextReader } from './configResolver';
import { wholeFileProblem } from './configResolver';
import { yamlFilesIn } from './dataFiles';

/**
 * Characters of user lexicons and fact bases one knowledge may hold, all files together: each file has its
 * own limits (`DATA_FILE_LIMITS`), and this bounds how many of them stay in memory at once (four files at
 * the limit; files past it are refused with a message).
 */
export const MAX_USER_DATA_CHARS = 4 * DATA_FILE_LIMITS.maxLength;

/**
 * Builds knowledge for each combination of user lexicons and fact bases, once, on top of the built-in
 * data. A broken user file only adds problems: the built-in data keeps working.
 */
export class KnowledgeStore {
  private readonly cache = new Map<string, Knowledge>();

  constructor(
    private readonly builtIn: KnowledgeFiles,
    private readonly readText: TextReader,
  ) {}

  invalidate(): void {
    this.cache.clear();
  }

  /** Knowledge with the given extra lexicon and fact-base files or folders (absolute paths). */
  get(lexiconPaths: readonly string[], factBasePaths: readonly string[]): Knowledge {
    const key = JSON.stringify([lexiconPaths, factBasePaths]);
    let knowledge = this.cache.get(key);
    if (!knowledge) {
      const problems: DataProblem[] = [];
      const budget = { chars: MAX_USER_DATA_CHARS };
      const lexicons = this.readAll(lexiconPaths, 'lexicon', problems, budget);
      const factFiles = this.readAll(factBasePaths, 'fact base', problems, budget);
      knowledge = buildKnowledge({
        ...this.builtIn,
        lexicons: [...this.builtIn.lexicons, ...lexicons],
        factFiles: [...this.builtIn.factFiles, ...factFiles],
      });
      for (const problem of problems) knowledge.problems.push(problem);
      this.cache.set(key, knowledge);
    }
    return knowledge;
  }

  private readAll(paths: readonly string[], what: string, problems: DataProblem[], budget: { chars: number }): SourceFile[] {
    const files: SourceFile[] = [];
    for (const target of paths) {
      let list: string[];
      try {
        list = fs.statSync(target).isDirectory() ? yamlFilesIn(target) : [target];
      } catch {
        list = [target];
      }
      for (const file of list) {
        const read = this.readText(file);
        if (!read.ok) {
          problems.push(wholeFileProblem(file, `${what}: ${read.reason}; it is ignored`));
        } else if (read.value.length > budget.chars) {
          problems.push(wholeFileProblem(file, `${what} ignored: lexicons and fact bases together may hold ${MAX_USER_DATA_CHARS} characters`));
        } else {
          budget.chars -= read.value.length;
          files.push({ file, text: read.value });
        }
      }
    }
    return files;
  }
}
