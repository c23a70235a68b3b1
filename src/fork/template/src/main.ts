/** The page's entry: set up the browser, then run the lesson's cells in order. */
import { setUpBrowser } from './host/browser.ts';
import { runLesson } from './run.ts';

const status = document.querySelector('#status')!;
await setUpBrowser();
status.textContent = 'Running…';
const { failed, checks } = await runLesson();
status.textContent = failed.length ? `${failed.length} of ${checks.length} checks failed` : `Done: all ${checks.length} checks pass`;
