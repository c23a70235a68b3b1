/** The runner as a worker thread (the default): run-file.ts starts it with the lesson as workerData. */
import { parentPort, workerData } from 'node:worker_threads';
import { runLessonIn, type WorkerInput } from './lesson-run.ts';

await runLessonIn(workerData as WorkerInput, (message) => parentPort!.postMessage(message));
