/** Inline questions in a cell (no modal dialogs): author-changed edits, inputs not yet run. */

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

function show(notice: HTMLElement, ...children: Node[]): void {
  notice.replaceChildren(...children);
  notice.hidden = false;
}

function close(notice: HTMLElement): void {
  notice.hidden = true;
  notice.replaceChildren();
}

/** The author changed a cell the learner had edited: offer both, apply neither silently. */
export function showAuthorChanged(notice: HTMLElement, mine: string, choose: (useMine: boolean) => void): void {
  const text = document.createElement('p');
  text.textContent = 'This cell was changed in the lesson after you edited it. Which version do you want?';
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Your version';
  const pre = document.createElement('pre');
  pre.textContent = mine;
  details.append(summary, pre);
  const actions = document.createElement('div');
  actions.className = 'notice-actions';
  actions.append(
    button('Use my version', () => {
      close(notice);
      choose(true);
    }),
    button('Keep the new version', () => {
      close(notice);
      choose(false);
    }),
  );
  notice.dataset.notice = 'author-changed';
  show(notice, text, details, actions);
}

/** The cell reads names from cells that have not run: run them first, or just this one. */
export function offerInputs(notice: HTMLElement, cells: number[], names: string[]): Promise<'inputs' | 'above' | 'alone'> {
  return new Promise((resolve) => {
    const list = cells.map((i) => i + 1).join(', ');
    const text = document.createElement('p');
    text.textContent = `This cell uses ${names.map((n) => `“${n}”`).join(', ')} from cell${cells.length > 1 ? 's' : ''} ${list}, which ha${cells.length > 1 ? 've' : 's'} not run yet.`;
    const actions = document.createElement('div');
    actions.className = 'notice-actions';
    const first = button(`Run cell${cells.length > 1 ? 's' : ''} ${list} first`, () => {
      close(notice);
      resolve('inputs');
    });
    // A cell can also depend on what earlier cells did without naming it (a model saved to
    // storage, a file written): running everything above covers that too.
    actions.append(
      first,
      button('Run every cell above first', () => {
        close(notice);
        resolve('above');
      }),
      button('Run only this cell', () => {
        close(notice);
        resolve('alone');
      }),
    );
    notice.dataset.notice = 'inputs';
    show(notice, text, actions);
    first.focus();
  });
}
