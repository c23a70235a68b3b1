import { describe, expect, it } from 'vitest';
import { decodeLesson, encodeLesson } from '../../../src/client/share-codec.ts';

describe('share links', () => {
  it('carry a lesson there and back', async () => {
    const text = '---\ntitle: T\nstage: intro\nsummary: S\n---\n\n```ts id=a\n1 + 1\n```\n';
    expect(await decodeLesson(await encodeLesson(text))).toBe(text);
  });

  it('refuse a link that would unpack to far more than a lesson, without unpacking it all', async () => {
    const bomb = await encodeLesson('x'.repeat(20 * 1024 * 1024)); // 20 MB of one letter: a link of some 30 KB
    expect(bomb.length).toBeLessThan(60_000);
    await expect(decodeLesson(bomb)).rejects.toThrow(/this link is too large: it unpacks to more than 2 MB/);
  });

  it('say what is wrong with a cut or garbled link', async () => {
    const good = await encodeLesson('---\ntitle: T\n---\n'.repeat(50));
    await expect(decodeLesson(good.slice(0, good.length / 2))).rejects.toThrow(/cut short/);
    await expect(decodeLesson('!!!not base64!!!')).rejects.toThrow(/not in the form a link makes/);
  });
});
