/**
 * `claimlint [--format text|json|sarif] [--config FILE] [--include GLOB] [--exclude GLOB] [--no-ignore]
 * [--workers N] PATH…` — the command-line front end
 * over the same engine as the language server. Exit codes: 0 clean, 1 when an error-severity finding was
 * printed, 2 on usage or input errors (other files are still linted).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatJson, formatSarif, formatText, FORMATS } from './cliReport';
import type { OutputFormat } from './cliReport';
import type { DataProblem } from './engine';
import { formatProblem, shownProblems } from './engine';
import { ConfigResolver, isInside } from './workspace/configResolver';
import { readDataFile } from './workspace/dataFiles';
import { findDrafts } from './workspace/draftFiles';
import type { FileFilterSpec } from './workspace/fileFilter';
import { checkedGlobs, describeIgnore, ignoredBy } from './workspace/fileFilter';
import type { DraftToLint, FileResult } from './workspace/fileLinter';
import { FileLinter } from './workspace/fileLinter';

const VERSION = '0.1.0';

const USAGE = `Usage: claimlint [options] PATH...

Lints news drafts (.md, .markdown, .txt; folders are searched recursively) for unattributed claims,
loaded terminology and contradictions with the fact base.

Options:
  --format text|json|sarif  output format (default: text)
  --config FILE             use this configuration instead of the nearest .claimlint.yaml
  --sources PATH            source documents (.txt, .md) or a folder of them to check drafts against, besides
                            the configuration's sources (repeatable); they are not linted themselves
  --include GLOB            lint only files matching GLOB (relative to the current folder; repeatable)
  --exclude GLOB            also leave out files matching GLOB (relative to the current folder; repeatable)
  --no-ignore               lint files the configuration's include/exclude leave out (the defaults too)
  --workers N               worker threads for many files (default and most: number of CPU cores)
  --no-exit                 exit 0 even when error findings are printed (usage and input errors still exit 2)
  -h, --help                show this help
  -v, --version             show the version

The nearest .claimlint.yaml applies, searched upwards from each draft to the repository root (the folder
holding .git) or, outside a repository, to the folder given. Its include/exclude (by default: README,
CHANGELOG, LICENSE and other repository documents are left out) apply to files found in folders and to
files named on the command line, which are skipped with a note; --include/--exclude narrow this further.

Exit status: 0 no error findings, 1 error findings, 2 usage or input errors.
`;

/** Worker threads beyond the machine's cores only cost memory (each holds the engine and its data). */
const MAX_WORKERS = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

interface CliOptions {
  format: OutputFormat;
  noExit: boolean;
  configFile?: string;
  /** `--sources`: absolute paths of source documents or folders. */
  sources: string[];
  workers: number;
  paths: string[];
  include: string[];
  exclude: string[];
  noIgnore: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[], notices: string[]): CliOptions | 'help' | 'version' {
  const options: CliOptions = {
    format: 'text',
    noExit: false,
    sources: [],
    workers: MAX_WORKERS,
    paths: [],
    include: [],
    exclude: [],
    noIgnore: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const inline = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (inline === undefined || inline === '') throw new UsageError(`${arg.split('=')[0]} needs a value`);
      return inline;
    };
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '--format' || arg.startsWith('--format=')) {
      const format = value();
      if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
      options.format = format as OutputFormat;
    } else if (arg === '--config' || arg.startsWith('--config=')) {
      options.configFile = path.resolve(value());
    } else if (arg === '--sources' || arg.startsWith('--sources=')) {
      options.sources.push(path.resolve(value()));
    } else if (arg === '--workers' || arg.startsWith('--workers=')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--workers needs a whole number of at least 1');
      if (n > MAX_WORKERS) notices.push(`--workers ${n} is more than this machine's ${MAX_WORKERS} core(s); using ${MAX_WORKERS}`);
      options.workers = Math.min(n, MAX_WORKERS);
    } else if (arg === '--include' || arg.startsWith('--include=') || arg === '--exclude' || arg.startsWith('--exclude=')) {
      options[arg.startsWith('--include') ? 'include' : 'exclude'].push(value());
    } else if (arg === '--no-ignore') {
      options.noIgnore = true;
    } else if (arg === '--no-exit') {
      options.noExit = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      options.paths.push(arg);
    }
  }
  for (const key of ['include', 'exclude'] as const) {
    const problem = checkedGlobs(options[key], `--${key}`).problems[0];
    if (problem) throw new UsageError(problem.replace(/; it is ignored$/, ''));
  }
  if (options.paths.length === 0) throw new UsageError('no PATH given');
  return options;
}

/** The repository root above `dir` (the nearest folder holding `.git`), if any. */
function repositoryRoot(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** What the search for drafts found: files to lint, and files left out by include/exclude. */
interface CollectedFiles {
  files: DraftToLint[];
  /** Problems of the configuration files consulted for include/exclude. */
  problems: DataProblem[];
}

/**
 * Drafts to lint, each with the name it is shown under (as given, joined with the path inside a folder) and
 * the folder where its configuration search stops. What cannot be read is reported in `errors`; files left
 * out by include/exclude are dropped, with a line in `notes` when the file was named on the command line (as
 * ESLint does) or a folder held nothing else.
 */
function collectFiles(options: CliOptions, errors: string[], notes: string[]): CollectedFiles {
  const collected: CollectedFiles = { files: [], problems: [] };
  const resolver = new ConfigResolver(readDataFile);
  const configsSeen = new Set<string>();
  const cwd = process.cwd();
  const commandLine: FileFilterSpec = {
    include: { globs: options.include, base: cwd, origin: '--include' },
    exclude: { globs: options.exclude, base: cwd, origin: '--exclude' },
  };
  for (const given of options.paths) {
    if (!fs.existsSync(given)) {
      errors.push(`${given}: no such file or folder`);
      continue;
    }
    const isDir = fs.statSync(given).isDirectory();
    const folder = path.resolve(isDir ? given : path.dirname(given));
    const searchRoot = repositoryRoot(folder) ?? folder;
    const search = findDrafts(given);
    for (const skipped of search.skipped) errors.push(`${skipped.file}: skipped: ${skipped.reason}`);
    let left = 0;
    for (const file of search.files) {
      const absolute = path.resolve(file);
      const config = options.noIgnore
        ? undefined
        : resolver.resolve(absolute, options.configFile ? { configFile: options.configFile } : { searchRoot });
      if (config?.configFile && !configsSeen.has(config.configFile)) {
        configsSeen.add(config.configFile);
        for (const problem of config.problems) collected.problems.push(problem);
      }
      // source documents are what drafts are checked against, not drafts
      if ([...options.sources, ...(config?.sourcePaths ?? [])].some((source) => isInside(absolute, source))) continue;
      const reason = (config && ignoredBy(absolute, config.files)) ?? ignoredBy(absolute, commandLine);
      if (reason) {
        left++;
        const hint = reason.origin.startsWith('--') ? '' : '; use --no-ignore to lint it';
        if (!isDir) notes.push(`${given}: ignored: ${describeIgnore(reason)}${hint}`);
        continue;
      }
      collected.files.push({ path: absolute, shownAs: isDir ? path.join(given, path.relative(given, file)) : given, searchRoot });
    }
    if (isDir && left > 0 && left === search.files.length)
      notes.push(`${given}: all ${left} draft(s) found are left out by include/exclude`);
  }
  return collected;
}

/** Files per worker message: small enough to balance, large enough to amortise messaging. */
const BATCH = 25;
/** Below this many files, start-up of workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;

async function lintInWorkers(
  files: DraftToLint[],
  workers: number,
  configFile: string | undefined,
  sources: readonly string[],
): Promise<FileResult[]> {
  const results: FileResult[][] = [];
  const batches: { index: number; files: typeof files }[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ index: batches.length, files: files.slice(i, i + BATCH) });
  let next = 0;
  await Promise.all(
    Array.from(
      { length: Math.min(workers, batches.length) },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(path.join(__dirname, 'cliWorker.js'), { workerData: { configFile, sources } });
          let current = -1;
          const send = (): void => {
            if (next >= batches.length) {
              void worker.terminate().then(() => resolve());
              return;
            }
            current = next++;
            worker.postMessage({ files: batches[current].files });
          };
          worker.on('message', (batch: FileResult[]) => {
            results[batches[current].index] = batch;
            send();
          });
          worker.on('error', reject);
          send();
        }),
    ),
  );
  return results.flat();
}

/** Why `--config FILE` cannot be used, if it cannot. */
function configFileProblem(file: string): string | undefined {
  if (!fs.existsSync(file)) return `configuration file ${file} not found`;
  if (!fs.statSync(file).isFile()) return `--config needs a file; ${file} is not a regular file`;
  return undefined;
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: readonly string[], out = process.stdout, err = process.stderr): Promise<number> {
  let options: CliOptions | 'help' | 'version';
  const notices: string[] = [];
  try {
    options = parseArgs(argv, notices);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`claimlint: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    out.write(USAGE);
    return 0;
  }
  if (options === 'version') {
    out.write(`${VERSION}\n`);
    return 0;
  }
  for (const notice of notices) err.write(`claimlint: ${notice}\n`);
  const configProblem = options.configFile && configFileProblem(options.configFile);
  if (configProblem) {
    err.write(`claimlint: ${configProblem}\n\n${USAGE}`);
    return 2;
  }
  const inputErrors: string[] = [];
  const ignoredNotes: string[] = [];
  const { files, problems: filterProblems } = collectFiles(options, inputErrors, ignoredNotes);
  const useWorkers = options.workers > 1 && files.length >= MIN_FILES_FOR_WORKERS && fs.existsSync(path.join(__dirname, 'cliWorker.js'));
  const results = useWorkers
    ? await lintInWorkers(files, options.workers, options.configFile, options.sources)
    : (() => {
        const linter = new FileLinter(options.configFile, options.sources);
        return files.map((f) => linter.lint(f));
      })();
  const problems = new Map<string, DataProblem>();
  for (const problem of filterProblems) problems.set(formatProblem(problem), problem);
  for (const result of results) {
    if (result.skipped) inputErrors.push(`${result.file}: skipped: ${result.skipped}`);
    if (result.truncatedAt !== undefined)
      err.write(
        `claimlint: ${result.file}: only the first ${result.truncatedAt} characters were checked, because ${result.truncatedBecause ?? 'the draft is too long'}\n`,
      );
    for (const problem of result.problems) problems.set(formatProblem(problem), problem);
  }
  for (const problem of shownProblems([...problems.values()])) err.write(`claimlint: ${formatProblem(problem)}\n`);
  for (const message of inputErrors) err.write(`claimlint: ${message}\n`);
  for (const note of ignoredNotes) err.write(`claimlint: ${note}\n`);
  const linted = results.filter((r) => !r.skipped);
  out.write(
    options.format === 'json' ? formatJson(linted) : options.format === 'sarif' ? formatSarif(linted, VERSION) : formatText(linted),
  );
  if (inputErrors.length > 0) return 2;
  return !options.noExit && linted.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  // a reader that stops early (`claimlint … | head`) closes the pipe: the rest of the output is not wanted
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`claimlint: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
