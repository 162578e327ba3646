import * as fs from 'node:fs';
import type { DataProblem, Knowledge, KnowledgeFiles, DataFileText } from '../engine';
import { DATA_FILE_LIMITS, buildKnowledge } from '../engine';
import type { TextReader } from './configResolver';
import { isInside, wholeFileProblem } from './configResolver';
import { readSourceDocument, yamlFilesIn } from './dataFiles';
import { SourceIndex, sourceFilesIn } from './sourceIndex';

/**
 * Characters of user lexicons and fact bases one knowledge may hold, all files together: each file has its
 * own limits (`DATA_FILE_LIMITS`), and this bounds how many of them stay in memory at once (four files at
 * the limit; files past it are refused with a message).
 */
export const MAX_USER_DATA_CHARS = 4 * DATA_FILE_LIMITS.maxLength;

/**
 * Reads source documents that are not read yet: `readOne` reads one, `finished` says the batch is done. The
 * language server does it in the background with progress; without an indexer (the CLI) they are read at
 * once.
 */
export type SourceIndexer = (files: readonly string[], readOne: (file: string) => void, finished: () => void) => void;

/**
 * Builds knowledge for each combination of user lexicons, fact bases and source documents, once, on top of
 * the built-in data. A broken user file only adds problems: the built-in data keeps working. Source
 * documents not read yet are read by the indexer; until it finishes, knowledge holds those read so far.
 */
export class KnowledgeStore {
  private readonly cache = new Map<string, Knowledge>();
  /** The last knowledge built with sources, per configuration, with what it was built from. */
  private readonly lastBuilt = new Map<string, { signature: string; knowledge: Knowledge }>();
  private readonly userFiles = new Map<string, { lexicons: DataFileText[]; factFiles: DataFileText[]; problems: DataProblem[] }>();
  private readonly sources: SourceIndex;
  private indexing = false;
  /** Every source path and document the store has been asked for, to tell which file changes concern it. */
  private readonly sourcePathsSeen = new Set<string>();

  /**
   * `readText` reads lexicons and fact bases, `readSourceText` source documents (both may overlay the editor's
   * unsaved text); `indexer` reads source documents in the background (the language server).
   */
  constructor(
    private readonly builtIn: KnowledgeFiles,
    private readonly readText: TextReader,
    readSourceText: TextReader = readSourceDocument,
    private readonly indexer?: SourceIndexer,
  ) {
    this.sources = new SourceIndex(readSourceText);
  }

  invalidate(): void {
    this.cache.clear();
    this.userFiles.clear();
    this.sources.retrySkipped();
  }

  /** True when `file` is, or lies in a folder of, source documents some configuration names. */
  isSourceDocument(file: string): boolean {
    return [...this.sourcePathsSeen].some((target) => isInside(file, target));
  }

  /** Knowledge with the given extra lexicon, fact-base and source files or folders (absolute paths). */
  get(lexiconPaths: readonly string[], factBasePaths: readonly string[], sourcePaths: readonly string[] = []): Knowledge {
    const key = JSON.stringify([lexiconPaths, factBasePaths, sourcePaths]);
    let knowledge = this.cache.get(key);
    if (knowledge) return knowledge;
    const base = this.withoutSources(lexiconPaths, factBasePaths);
    if (sourcePaths.length === 0) return base;
    const problems: DataProblem[] = [];
    for (const target of sourcePaths) this.sourcePathsSeen.add(target);
    const files = sourceFilesIn(sourcePaths, problems);
    const stale = this.sources.stale(files, base);
    const readOne = (file: string): void => this.sources.readOne(file, base);
    if (stale.length > 0 && this.indexer) {
      if (!this.indexing) {
        this.indexing = true;
        this.indexer(stale, readOne, () => {
          this.indexing = false;
          this.cache.clear();
        });
      }
    } else {
      for (const file of stale) readOne(file);
    }
    const sources = this.sources.current(files, problems);
    // a file change that left the sources and the rest as they were (a draft saved, a setting touched) keeps
    // the knowledge built from them: rebuilding thousands of documents' facts takes seconds
    const signature = [
      base.version,
      ...sources.map((s) => `${s.document.file}\u0000${s.hash}`),
      ...problems.map((p) => `${p.file}\u0000${p.message}`),
    ].join('\u0001');
    const previous = this.lastBuilt.get(key);
    if (previous?.signature === signature) {
      this.cache.set(key, previous.knowledge);
      return previous.knowledge;
    }
    const user = this.filesOf(lexiconPaths, factBasePaths);
    knowledge = buildKnowledge({ ...user.files, sources });
    for (const problem of [...user.problems, ...problems]) knowledge.problems.push(problem);
    this.lastBuilt.set(key, { signature, knowledge });
    // while the indexer reads, this holds what was read before it started; it is dropped when it finishes
    this.cache.set(key, knowledge);
    return knowledge;
  }

  private withoutSources(lexiconPaths: readonly string[], factBasePaths: readonly string[]): Knowledge {
    const key = JSON.stringify([lexiconPaths, factBasePaths, []]);
    let knowledge = this.cache.get(key);
    if (!knowledge) {
      const { files, problems } = this.filesOf(lexiconPaths, factBasePaths);
      knowledge = buildKnowledge(files);
      for (const problem of problems) knowledge.problems.push(problem);
      this.cache.set(key, knowledge);
    }
    return knowledge;
  }

  /** The built-in files with the user's lexicons and fact bases, and the problems reading them (read once until invalidated). */
  private filesOf(
    lexiconPaths: readonly string[],
    factBasePaths: readonly string[],
  ): { files: KnowledgeFiles; problems: readonly DataProblem[] } {
    const key = JSON.stringify([lexiconPaths, factBasePaths]);
    let user = this.userFiles.get(key);
    if (!user) {
      const problems: DataProblem[] = [];
      const budget = { chars: MAX_USER_DATA_CHARS };
      user = {
        lexicons: this.readAll(lexiconPaths, 'lexicon', problems, budget),
        factFiles: this.readAll(factBasePaths, 'fact base', problems, budget),
        problems,
      };
      this.userFiles.set(key, user);
    }
    return {
      files: {
        ...this.builtIn,
        lexicons: [...this.builtIn.lexicons, ...user.lexicons],
        factFiles: [...this.builtIn.factFiles, ...user.factFiles],
      },
      problems: user.problems,
    };
  }

  private readAll(paths: readonly string[], what: string, problems: DataProblem[], budget: { chars: number }): DataFileText[] {
    const files: DataFileText[] = [];
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
          problems.push(
            wholeFileProblem(file, `${what} ignored: lexicons and fact bases together may hold ${MAX_USER_DATA_CHARS} characters`),
          );
        } else {
          budget.chars -= read.value.length;
          files.push({ file, text: read.value });
        }
      }
    }
    return files;
  }
}
