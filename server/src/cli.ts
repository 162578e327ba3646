/**
 * `claimlint [--format text|json|sarif] [--config FILE] [--workers N] PATH…` — the command-line front end
 * over the same engine as the language server. Exit codes: 0 clean, 1 when an error-severity finding was
 * printed, 2 on usage or input errors (other files are still linted).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatJson, formatSarif, formatText, FORMATS } from './cliReport';
import type { OutputFormat } from './cliReport';
import { formatProblem } from './engine/knowledge/dataFile';
import { findDrafts } from './workspace/draftFiles';
import type { FileResult } from './workspace/fileLinter';
import { FileLinter } from './workspace/fileLinter';

const VERSION = '0.1.0';

const USAGE = `Usage: claimlint [options] PATH...

Lints news drafts (.md, .markdown, .txt; folders are searched recursively) for unattributed claims,
loaded terminology and contradictions with the fact base.

Options:
  --format text|json|sarif  output format (default: text)
  --config FILE             use this configuration instead of the nearest .claimlint.yaml
  --workers N               worker threads for many files (default: number of CPU cores)
  --no-exit                 exit 0 even when error findings are printed (usage and input errors still exit 2)
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 no error findings, 1 error findings, 2 usage or input errors.
`;

interface CliOptions {
  format: OutputFormat;
  noExit: boolean;
  configFile?: string;
  workers: number;
  paths: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): CliOptions | 'help' | 'version' {
  const options: CliOptions = { format: 'text', noExit: false, workers: Math.max(1, os.availableParallelism?.() ?? os.cpus().length), paths: [] };
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
    } else if (arg === '--workers' || arg.startsWith('--workers=')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--workers needs a whole number of at least 1');
      options.workers = n;
    } else if (arg === '--no-exit') {
      options.noExit = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError('no PATH given');
  return options;
}

/** Files to lint with the name each is shown under (as given, joined with the path inside a folder). */
function collectFiles(paths: readonly string[], errors: string[]): { path: string; shownAs: string }[] {
  const files: { path: string; shownAs: string }[] = [];
  for (const given of paths) {
    if (!fs.existsSync(given)) {
      errors.push(`${given}: no such file or folder`);
      continue;
    }
    const isDir = fs.statSync(given).isDirectory();
    for (const file of findDrafts(given)) {
      files.push({ path: path.resolve(file), shownAs: isDir ? path.join(given, path.relative(given, file)) : given });
    }
  }
  return files;
}

/** Files per worker message: small enough to balance, large enough to amortise messaging. */
const BATCH = 25;
/** Below this many files, start-up of workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;

async function lintInWorkers(files: { path: string; shownAs: string }[], workers: number, configFile?: string): Promise<FileResult[]> {
  const results: FileResult[][] = [];
  const batches: { index: number; files: typeof files }[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ index: batches.length, files: files.slice(i, i + BATCH) });
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, batches.length) }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(path.join(__dirname, 'cliWorker.js'), { workerData: { configFile } });
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

/** Runs the CLI; returns the exit status. */
export async function main(argv: readonly string[], out = process.stdout, err = process.stderr): Promise<number> {
  let options: CliOptions | 'help' | 'version';
  try {
    options = parseArgs(argv);
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
  if (options.configFile && !fs.existsSync(options.configFile)) {
    err.write(`claimlint: configuration file ${options.configFile} not found\n`);
    return 2;
  }
  const inputErrors: string[] = [];
  const files = collectFiles(options.paths, inputErrors);
  const useWorkers = options.workers > 1 && files.length >= MIN_FILES_FOR_WORKERS && fs.existsSync(path.join(__dirname, 'cliWorker.js'));
  const results = useWorkers
    ? await lintInWorkers(files, options.workers, options.configFile)
    : (() => {
        const linter = new FileLinter(options.configFile);
        return files.map((f) => linter.lint(f.path, f.shownAs));
      })();
  const problems = new Set<string>();
  for (const result of results) {
    if (result.skipped) inputErrors.push(`${result.file}: skipped: ${result.skipped}`);
    if (result.truncatedAt !== undefined) err.write(`claimlint: ${result.file}: only the first ${result.truncatedAt} characters were checked (draft too long)\n`);
    for (const problem of result.problems) problems.add(formatProblem(problem));
  }
  for (const problem of problems) err.write(`claimlint: ${problem}\n`);
  for (const message of inputErrors) err.write(`claimlint: ${message}\n`);
  const linted = results.filter((r) => !r.skipped);
  out.write(options.format === 'json' ? formatJson(linted) : options.format === 'sarif' ? formatSarif(linted, VERSION) : formatText(linted));
  if (inputErrors.length > 0) return 2;
  return !options.noExit && linted.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
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
