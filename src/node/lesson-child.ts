/**
 * The runner as a child process (--sandbox): run-file.ts forks it under Node's permission model
 * and sends the lesson over IPC; reports go back the same way.
 */
import { runLessonIn, type WorkerInput } from './lesson-run.ts';

process.once('message', (input: WorkerInput) => {
  void runLessonIn(input, (message) => process.send?.(message)).then(() => process.disconnect?.());
});
