/**
 * The workshop room as a class uses it: two learners join from the index (a link fills the form,
 * they type their names), run a cell of a fixture lesson, and the teacher's page shows both, live; a learner
 * who stops sharing sends nothing more. Served as `node serve.mjs --room` serves it.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createRoom, type Room } from '../../src/shipped/workshop-room.mjs';
import { handler, withRoom } from '../../src/shipped/workshop-serve.mjs';
import { axeBothSchemes } from './axe.ts';
import { runCell, SCREENSHOTS, startLab, type Lab } from './browser.ts';

const KEY = 'class-key-2026';
let lab: Lab;
let room: Room;
let server: Server;
let origin: string;
const base = () => inject('siteBase');

beforeAll(async () => {
  lab = await startLab();
  room = createRoom({ key: KEY });
  server = createServer(withRoom(room, handler(inject('siteDir'), base())));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // As serve.mjs --room tells it the network addresses it found (a documentation address here).
  room.setAddresses([origin, 'http://192.0.2.7:4322']);
}, 120_000);
afterAll(async () => {
  server?.close();
  await lab?.close();
});

async function learner(name: string): Promise<Page> {
  const page = await lab.browser.newPage({ viewport: { width: 1100, height: 900 }, serviceWorkers: 'block' });
  await page.addInitScript(() => {
    if (!localStorage.getItem('lab:backend')) localStorage.setItem('lab:backend', 'webgl');
  });
  await page.goto(`${origin}${base()}?room=${encodeURIComponent(origin)}&key=${KEY}`);
  // the link fills the form; nothing is sent before the learner joins
  expect(await page.inputValue('input[name="room-key"]')).toBe(KEY);
  expect(await page.textContent('.room-status')).toContain('Not sharing yet');
  await page.fill('input[name="room-name"]', name);
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect.poll(() => page.textContent('.room-status'), { timeout: 10_000 }).toContain('Nothing to send yet');
  // one cell run is progress: the room hears of it
  await page.goto(`${origin}${base()}lessons/ui-basics/`);
  await runCell(page, 0);
  return page;
}

describe('the workshop room', () => {
  it('shows the teacher every learner who joined, live, and a learner who stops sharing sends no more', async () => {
    expect(room.state().learners).toEqual([]);
    const ada = await learner('Ada');
    const sam = await learner('Sam');
    // each learner's cell run reaches the room (a record for the visit may come first)
    const ranCells = () =>
      room
        .state()
        .learners.filter((l) => (l.lessons['ui-basics']?.cellsRun ?? 0) > 0)
        .map((l) => l.name)
        .sort();
    await expect.poll(ranCells, { timeout: 15_000 }).toEqual(['Ada', 'Sam']);

    const teacher = await lab.browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    // on the teacher's own computer the page needs no key: the room tells it, for the join QR code
    await teacher.goto(`${origin}${base()}room/`);
    await expect.poll(() => teacher.locator('.room-grid tbody tr').count(), { timeout: 10_000 }).toBe(2);
    expect(await teacher.textContent('.room-live')).toMatch(/^Live: 2 learners/);
    const adaCell = teacher.locator('.room-grid tbody tr', { hasText: 'Ada' }).locator('td[data-lesson="ui-basics"]');
    // the teacher's page shows what the room holds (records may still be arriving: poll until they agree)
    const adaCells = () => room.state().learners.find((l) => l.name === 'Ada')!.lessons['ui-basics']!.cellsRun;
    await expect.poll(async () => (await adaCell.textContent())?.startsWith(`${adaCells()}/`), { timeout: 10_000 }).toBe(true);
    // learners are shown the network address (not this computer's loopback), the key, and the link as a QR code
    const served = `http://192.0.2.7:4322${base()}?room=${encodeURIComponent('http://192.0.2.7:4322')}&key=${KEY}`;
    expect(await teacher.textContent('.room-join-info')).toMatch(/the address\s*http:\/\/192\.0\.2\.7:4322\s*and the key\s*class-key-2026/);
    expect(await teacher.getAttribute('.room-served-link', 'href')).toBe(served);
    expect(
      await teacher
        .getByRole('img', { name: `QR code of ${served}` })
        .locator('path, rect')
        .count(),
    ).toBeGreaterThan(0);
    await teacher.screenshot({ path: `${SCREENSHOTS}/room-teacher.png`, fullPage: true });
    expect(await axeBothSchemes(teacher)).toEqual([]);

    // another page of Ada's lab sends nothing that has not changed (the room would see it as a post)
    const adaSeen = room.state().learners.find((l) => l.name === 'Ada')!.lastSeen;
    await ada.goto(`${origin}${base()}`);
    await ada.waitForTimeout(2500);
    expect(room.state().learners.find((l) => l.name === 'Ada')!.lastSeen).toBe(adaSeen);

    // Sam stops sharing; what Sam does next stays in Sam's browser
    await sam.goto(`${origin}${base()}`);
    await sam.getByRole('button', { name: 'Stop sharing' }).click();
    expect(await sam.textContent('.room-status')).toBe('Not sharing.');
    const samBefore = JSON.stringify(room.state().learners.find((l) => l.name === 'Sam'));
    await sam.evaluate(() => {
      const progress = JSON.parse(localStorage.getItem('lab:progress') ?? '{}');
      progress.lessons['ui-basics'].cellsDone.push('id:extra');
      localStorage.setItem('lab:progress', JSON.stringify(progress));
    });
    await sam.goto(`${origin}${base()}lessons/ui-basics/`);
    await sam.waitForTimeout(2500);
    expect(JSON.stringify(room.state().learners.find((l) => l.name === 'Sam'))).toBe(samBefore);
    await Promise.all([ada.close(), sam.close(), teacher.close()]);
  }, 120_000);

  it('says so when the teacher’s page is not served by a room, or the room a learner typed does not answer', async () => {
    const { page } = await lab.open('room/');
    await expect.poll(() => page.textContent('.room-live'), { timeout: 10_000 }).toContain('No room here');
    await page.goto(page.url().replace(/room\/$/, ''));
    await page.fill('input[name="room-address"]', '127.0.0.1:1');
    await page.fill('input[name="room-key"]', KEY);
    await page.fill('input[name="room-name"]', 'Lee');
    await page.getByRole('button', { name: 'Join the room' }).click();
    await expect.poll(() => page.textContent('.room-status'), { timeout: 10_000 }).toContain('cannot be reached now');
    // a site that is not a room: the lab's own static server answers 405 to OPTIONS
    await page.fill('input[name="room-address"]', new URL(page.url()).origin);
    await page.getByRole('button', { name: 'Join the room' }).click();
    await expect.poll(() => page.textContent('.room-status'), { timeout: 10_000 }).toContain('it is not a workshop room');
    await page.close();
  });
});
