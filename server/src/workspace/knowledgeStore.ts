import * as fs from 'node:fs';
import type { Knowledge, KnowledgeFiles } from '../engine/knowledge/knowledge';
import { buildKnowledge } from '../engine/knowledge/knowledge';
import type { DataProblem } from '../engine/knowledge/dataFile';
import type { SourceFile } from '../engine/knowledge/sourceFiles';
import type { TextReader } from './configResolver';
import { wholeFileProblem } from './configResolver';
import { yamlFilesIn } from './dataFiles';

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
      const lexicons = this.readAll(lexiconPaths, 'lexicon', problems);
      const factFiles = this.readAll(factBasePaths, 'fact base', problems);
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

  private readAll(paths: readonly string[], what: string, problems: DataProblem[]): SourceFile[] {
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
        if (read.ok) files.push({ file, text: read.value });
        else problems.push(wholeFileProblem(file, `${what}: ${read.reason}; it is ignored`));
      }
    }
    return files;
  }
}
