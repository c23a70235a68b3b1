/**
 * Monaco editors for the cells, loaded on the first click into one (Monaco is the page's largest
 * download) and opened one cell at a time. Each edit goes to the edits store, which owns the code.
 */
import type { CellBlock } from '../notebook/lesson.ts';
import type { CellView } from './cell-view.ts';
import type { CellEditor, EditorKit } from './editor.ts';
import type { EditsStore } from './edits-store.ts';

export interface CellEditors {
  get(index: number): CellEditor | undefined;
  open(index: number): Promise<CellEditor>;
  all(): Iterable<CellEditor>;
  /** Monaco and the lesson's types, once the first editor asked for them. */
  kit(): Promise<EditorKit> | undefined;
  /** Loads Monaco and the lesson's types without opening a cell (the source editor needs them). */
  loadKit(): Promise<EditorKit>;
}

export function cellEditors(options: {
  cells: readonly CellBlock[];
  typesUrl: string;
  store: EditsStore;
  view: CellView;
  onRun(index: number, advance: boolean): void;
}): CellEditors {
  const { cells, store, view } = options;
  const editors = new Map<number, CellEditor>();
  let kitPromise: Promise<EditorKit> | undefined;
  const loadKit = () =>
    (kitPromise ??= import('./editor.ts').then(({ EditorKit }) => EditorKit.load(cells, store.sources, options.typesUrl)));
  return {
    get: (index) => editors.get(index),
    all: () => editors.values(),
    kit: () => kitPromise,
    loadKit,
    async open(index) {
      const open = editors.get(index);
      if (open) return open;
      const kit = await loadKit();
      const again = editors.get(index);
      if (again) return again;
      const code = view.part(index, '.cell-code');
      const host = document.createElement('div');
      host.className = 'cell-editor';
      code.replaceChildren(host);
      code.removeAttribute('tabindex');
      code.removeAttribute('role');
      kit.setSource(index, store.sources[index]!);
      const editor = kit.open(cells[index]!, host, {
        onChange: (source) => store.set(index, source),
        onRun: (advance) => options.onRun(index, advance),
        onLeave: () => view.part(index, '[data-action="run"]').focus(),
      });
      editors.set(index, editor);
      return editor;
    },
  };
}
