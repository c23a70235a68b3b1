/**
 * "Download project": the lesson, with the learner's code, as a forked project in a zip (the same
 * project `npm run fork` writes). Loaded only when asked: it brings the TypeScript parser, which
 * finds what each cell shares, and fflate to zip.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { planFork, withEdits, type ForkKit } from '../fork/kit.ts';
import type { Lesson } from '../notebook/lesson.ts';

export async function forkZip(lesson: Lesson, sources: readonly string[], base: string): Promise<{ name: string; blob: Blob }> {
  const response = await fetch(`${base}fork-kit.json`);
  if (!response.ok) throw new Error(`could not load the project template (HTTP ${response.status})`);
  const kit = (await response.json()) as ForkKit;
  const plan = planFork(withEdits(lesson, sources), kit);
  const folder = `${lesson.slug}-prototype`;
  const files: Zippable = {};
  for (const file of plan.files) files[`${folder}/${file.path}`] = strToU8(file.text);
  await Promise.all(
    plan.copies.map(async ({ from, to }) => {
      const data = await fetch(`${base}${from}`);
      if (!data.ok) throw new Error(`could not fetch ${from} (HTTP ${data.status})`);
      files[`${folder}/${to}`] = new Uint8Array(await data.arrayBuffer());
    }),
  );
  const zipped = zipSync(files, { level: 6 });
  return { name: `${folder}.zip`, blob: new Blob([zipped as BlobPart], { type: 'application/zip' }) };
}
