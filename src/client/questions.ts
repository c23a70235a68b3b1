/**
 * The lesson's questions made live: "Check answer" judges a choice or a number (the judging is in
 * notebook/question.ts), open answers save as the learner types. Answers and verdicts are kept with
 * progress and restored on the next visit.
 */
import { judgeAnswer, type Question } from '../notebook/question.ts';
import { loadProgress, updateLesson } from './progress-store.ts';

export function wireQuestions(slug: string, onChange: () => void): void {
  const saved = loadProgress().lessons[slug]?.questions ?? {};
  for (const element of document.querySelectorAll<HTMLElement>('.question[data-spec]')) {
    const question = JSON.parse(element.dataset.spec!) as Question;
    const feedback = element.querySelector<HTMLElement>('.question-feedback')!;
    const explain = element.querySelector<HTMLElement>('.question-explain');
    const inputs = [...element.querySelectorAll<HTMLInputElement>('input')];
    const textarea = element.querySelector<HTMLTextAreaElement>('textarea');
    const given = (): string | number[] =>
      question.kind === 'choice'
        ? inputs.filter((i) => i.checked).map((i) => Number(i.value))
        : question.kind === 'number'
          ? inputs[0]!.value
          : textarea!.value;

    const show = (verdict: { correct?: boolean; message: string }) => {
      feedback.textContent = verdict.message;
      element.dataset.verdict = verdict.correct === undefined ? '' : verdict.correct ? 'right' : 'wrong';
      if (explain && verdict.correct !== undefined) explain.hidden = false;
    };
    const store = () => {
      const answer = given();
      const verdict = judgeAnswer(question, answer);
      // "Pick an answer first" is not an answer: it must not replace one given before.
      if (question.kind !== 'open' && verdict.correct === undefined) return verdict;
      updateLesson(slug, (lesson) => {
        (lesson.questions ??= {})[question.id] = { answer, correct: verdict.correct, at: new Date().toISOString() };
      });
      onChange();
      return verdict;
    };

    const before = saved[question.id];
    if (before) {
      if (Array.isArray(before.answer))
        inputs.forEach((input) => {
          input.checked = (before.answer as number[]).includes(Number(input.value));
        });
      else if (textarea) textarea.value = before.answer;
      else if (inputs[0]) inputs[0].value = before.answer;
      if (question.kind !== 'open') show(judgeAnswer(question, before.answer));
    }

    element.querySelector('[data-action="check-answer"]')?.addEventListener('click', () => show(store()));
    // Enter in a number field checks it, as people expect from a one-line form.
    if (question.kind === 'number') {
      inputs[0]!.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          show(store());
        }
      });
    }
    if (textarea) {
      let timer = 0;
      textarea.addEventListener('input', () => {
        clearTimeout(timer);
        timer = window.setTimeout(() => show(store()), 400);
      });
    }
  }
}
