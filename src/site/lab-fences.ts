/**
 * A markdown-it plugin for the prose fences the lab adds: ```hint for=X, ```question id=X and
 * ```control. Lesson pages get hints and questions interactive (hidden hints the page reveals one
 * at a time, answer fields the page judges); previews of files from elsewhere (open page, sandbox)
 * get a static form that needs no script: hints in <details>, questions as text. A control is for
 * the lesson's tests, not its reader: it renders as nothing anywhere (the Markdown keeps it).
 * No DOM here: the site renders at build time.
 */
import type MarkdownItClass from 'markdown-it';

type MarkdownIt = InstanceType<typeof MarkdownItClass>;
import { isQuestionProblem, parseQuestion, type Question } from '../notebook/question.ts';

export interface LabFenceOptions {
  /** true on lesson pages, where page scripts make hints and questions work. */
  interactive: boolean;
}

export function labFences(md: MarkdownIt, { interactive }: LabFenceOptions): void {
  const fallback = md.renderer.rules.fence!;
  const escapeHtml = md.utils.escapeHtml;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const [kind] = token.info.trim().split(/\s+/);
    if (kind === 'control') return '';
    if (kind === 'hint') {
      const forId = /for=([\w-]+)/.exec(token.info)?.[1] ?? '';
      // Numbered per document: callers pass one env object for all of a lesson's prose blocks.
      const holder = (env ?? {}) as { labHints?: Map<string, number> };
      const counts = (holder.labHints ??= new Map<string, number>());
      const n = (counts.get(forId) ?? 0) + 1;
      counts.set(forId, n);
      const body = md.render(token.content);
      return interactive
        ? `<div class="hint" data-hint-for="${escapeHtml(forId)}" tabindex="-1" hidden><p class="hint-label">Hint ${n}</p>${body}</div>\n`
        : `<details class="hint"><summary>Hint ${n}</summary>${body}</details>\n`;
    }
    if (kind === 'question') {
      const question = parseQuestion(token.info, token.content);
      // The lesson parser has refused bad questions already; a preview shows the fence as written.
      if (isQuestionProblem(question)) return fallback(tokens, index, options, env, self);
      return interactive ? questionForm(md, question) : questionText(md, question);
    }
    return fallback(tokens, index, options, env, self);
  };
}

function questionText(md: MarkdownIt, question: Question): string {
  const choices =
    question.kind === 'choice' ? `<ul>${question.choices.map((c) => `<li>${md.renderInline(c.text)}</li>`).join('')}</ul>` : '';
  return `<div class="question"><p class="question-label">Question</p>${md.render(question.prompt)}${choices}</div>\n`;
}

/** The form a lesson page makes live (src/client/questions.ts); its spec travels in data-spec. */
function questionForm(md: MarkdownIt, question: Question): string {
  const escapeHtml = md.utils.escapeHtml;
  const id = `question-${question.id}`;
  let field: string;
  if (question.kind === 'choice') {
    const type = question.choices.filter((c) => c.correct).length > 1 ? 'checkbox' : 'radio';
    const hint = type === 'checkbox' ? '<p class="question-note">Pick every right answer.</p>' : '';
    field = `${hint}<ul class="question-choices">${question.choices
      .map((choice, i) => `<li><label><input type="${type}" name="${id}" value="${i}"> ${md.renderInline(choice.text)}</label></li>`)
      .join('')}</ul>`;
  } else if (question.kind === 'number') {
    field = `<label class="question-field">Your answer (a number) <input type="text" inputmode="decimal" autocomplete="off" name="${id}"></label>`;
  } else {
    field = `<label class="question-field">Your answer <span class="question-note">(saved with your progress)</span><textarea name="${id}" rows="3"></textarea></label>`;
  }
  const button = question.kind === 'open' ? '' : '<button type="button" data-action="check-answer">Check answer</button>';
  const explain = question.explain ? `<div class="question-explain" hidden>${md.render(question.explain)}</div>` : '';
  return (
    `<div class="question" role="group" aria-labelledby="${id}" data-question="${escapeHtml(question.id)}" data-kind="${question.kind}" data-spec="${escapeHtml(JSON.stringify(question))}">` +
    `<div class="question-prompt" id="${id}"><span class="question-label">Question</span>${md.render(question.prompt)}</div>` +
    `${field}<div class="question-actions">${button}<span class="question-feedback" role="status"></span></div>${explain}</div>\n`
  );
}
