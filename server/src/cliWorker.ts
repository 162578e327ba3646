/** A CLI worker thread: lints the files it is sent and posts the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { DraftToLint } from './workspace/fileLinter';
import { FileLinter } from './workspace/fileLinter';

interface WorkerJob {
  files: DraftToLint[];
}

const { configFile } = workerData as { configFile?: string };
const linter = new FileLinter(configFile);
parentPort?.on('message', (job: WorkerJob) => {
  parentPort?.postMessage(job.files.map((f) => linter.lint(f)));
});
