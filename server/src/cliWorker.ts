/** A CLI worker thread: lints the files it is sent and posts the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { DraftToLint } from './workspace/fileLinter';
import { FileLinter } from './workspace/fileLinter';

interface WorkerJob {
  files: DraftToLint[];
}

const { configFile, sources } = workerData as { configFile?: string; sources?: string[] };
const linter = new FileLinter(configFile, sources ?? []);
parentPort?.on('message', (job: WorkerJob) => {
  parentPort?.postMessage(job.files.map((f) => linter.lint(f)));
});
