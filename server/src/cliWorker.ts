/** A CLI worker thread: lints the files it is sent and posts the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { FileLinter } from './workspace/fileLinter';

interface WorkerJob {
  files: { path: string; shownAs: string }[];
}

const { configFile } = workerData as { configFile?: string };
const linter = new FileLinter(configFile);
parentPort?.on('message', (job: WorkerJob) => {
  parentPort?.postMessage(job.files.map((f) => linter.lint(f.path, f.shownAs)));
});
