import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { labFences } from '../../../src/site/lab-fences.ts';

const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const lesson = [
  '```hint for=ex',
  `First ${hostile}`,
  '```',
  '',
  '```hint for=ex',
  'Second',
  '```',
  '',
  '```question id=q1',
  `Pick one ${hostile}`,
  `- [ ] a "quoted" ${hostile}`,
  '- [x] b',
  `explain: because ${hostile}`,
  '```',
  '',
  '```question id=q2',
  'A number?',
  'answer: 3 ± 1',
  '```',
  '',
  '```question id=q3',
  'Why?',
  '```',
].join('\n');

const render = (interactive: boolean, html: boolean) => {
  const md = new MarkdownIt({ html });
  labFences(md, { interactive });
  return md;
};

describe('hint and question fences', () => {
  it('on a lesson page: hidden numbered hints, live forms with their spec, author text escaped in attributes', () => {
    const out = render(true, true).render(lesson, {});
    expect(out.match(/<div class="hint" data-hint-for="ex" tabindex="-1" hidden><p class="hint-label">Hint (\d)/g)).toHaveLength(2);
    expect(out).toContain('Hint 2');
    expect(out).toContain('<input type="radio" name="question-q1" value="1">');
    expect(out).toContain('inputmode="decimal"');
    expect(out).toContain('<textarea name="question-q3"');
    const spec = /data-spec="([^"]*)"/.exec(out)![1]!;
    expect(spec).not.toMatch(/[<>"]/); // escaped: the attribute cannot be closed from the lesson
    const parsed = JSON.parse(
      spec
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    expect(parsed).toMatchObject({ id: 'q1', kind: 'choice', choices: [{ correct: false }, { correct: true }] });
  });

  it('in a preview of a file from elsewhere (html: false): static, and HTML stays text', () => {
    const out = render(false, false).render(lesson, {});
    expect(out).toContain('<details class="hint"><summary>Hint 1</summary>');
    expect(out).not.toContain('<input');
    expect(out).not.toMatch(/<img|<script/);
    expect(out).toContain('&lt;script&gt;');
  });

  it('numbers hints per document, not per renderer', () => {
    const md = render(false, false);
    md.render(lesson, {});
    expect(md.render(lesson, {})).toContain('Hint 1');
  });
});
