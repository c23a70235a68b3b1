/**
 * Monaco, loaded once on the first click into a cell and shared by every cell. Each cell is a
 * TypeScript model of its own; models are scripts, so TypeScript sees all cells as one program:
 * a name declared three cells up has its type on hover and in completion. Type errors show as
 * squiggles; they never stop a run (cells are transpiled, not type-checked).
 */
import * as monaco from './monaco.ts';
import type { CellBlock } from '../notebook/lesson.ts';

export interface EditorCallbacks {
  onChange(source: string): void;
  /** Shift+Enter runs and moves on (`advance`), Ctrl/Cmd+Enter runs in place. */
  onRun(advance: boolean): void;
  /** Escape: the learner leaves the editor. */
  onLeave?(): void;
}

export interface CellEditor {
  focus(): void;
  setSource(source: string): void;
  revealLine(fileLine: number): void;
  setFontSize(size: number): void;
}

export interface SourceEditor {
  value(): string;
  focus(): void;
  /** Marks the problem the lesson parser found, or clears the mark. */
  mark(problem: { line: number; column?: number; message: string } | undefined): void;
  reveal(line: number): void;
}

/** Diagnostics that say nothing useful about notebook cells. */
const IGNORED_DIAGNOSTICS = [
  2451, // cannot redeclare block-scoped variable: two cells may declare the same name
  2300, // duplicate identifier: same
  2393, // duplicate function implementation: same
  1375,
  1378, // top-level await outside a module: cells allow it
  2686, // UMD global in a module: tf and Plot are globals in every cell
  1208, // a file with no imports under isolatedModules
];

let ready: Promise<void> | undefined;

async function setUp(typesUrl: string): Promise<void> {
  // Once getWorker exists Monaco asks it for every worker, the TypeScript one included.
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    // `new Worker(new URL(...))` rather than `?worker` imports: Vite bundles both forms for the
    // build, but in dev `?worker` dependencies are discovered late and force a page reload.
    getWorker: (_id: string, label: string) =>
      label === 'typescript' || label === 'javascript'
        ? new Worker(new URL('../../node_modules/monaco-editor/esm/vs/languages/features/typescript/ts.worker.js', import.meta.url), {
            type: 'module',
          })
        : new Worker(new URL('../../node_modules/monaco-editor/esm/vs/editor/editor.worker.js', import.meta.url), { type: 'module' }),
  };
  const ts = monaco.typescript;
  ts.typescriptDefaults.setCompilerOptions({
    // No `lib`: the default library of the target includes the DOM, as a page does.
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: 100 as never, // Bundler
    allowImportingTsExtensions: true,
    allowUmdGlobalAccess: true,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  ts.typescriptDefaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    diagnosticCodesToIgnore: IGNORED_DIAGNOSTICS,
  });
  ts.typescriptDefaults.setEagerModelSync(true);
  const files = (await (await fetch(typesUrl)).json()) as Record<string, string>;
  ts.typescriptDefaults.setExtraLibs(Object.entries(files).map(([filePath, content]) => ({ filePath, content })));
}

const theme = () => (matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs');

export class EditorKit {
  private readonly models: monaco.editor.ITextModel[];

  private constructor(models: monaco.editor.ITextModel[]) {
    this.models = models;
  }

  static async load(cells: readonly CellBlock[], sources: readonly string[], typesUrl: string): Promise<EditorKit> {
    ready ??= setUp(typesUrl);
    await ready;
    const models = cells.map((cell) => {
      const uri = monaco.Uri.parse(`file:///lesson/cell-${cell.index + 1}.ts`);
      return monaco.editor.getModel(uri) ?? monaco.editor.createModel(sources[cell.index] ?? cell.source, 'typescript', uri);
    });
    return new EditorKit(models);
  }

  /** The Monaco namespace, for tests and the console. */
  readonly monaco = monaco;

  /** Problems TypeScript reports in a cell (for tests and the console). */
  markers(index: number): string[] {
    const model = this.models[index];
    return model ? monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => `${m.startLineNumber}: ${m.message}`) : [];
  }

  /** Keeps the model of a cell that has no editor open in step with its source (for types). */
  setSource(index: number, source: string): void {
    const model = this.models[index];
    if (model && model.getValue() !== source) model.setValue(source);
  }

  /** The whole lesson's Markdown in one editor (source-editor.ts); `mark` shows a parse problem at its line. */
  openSource(container: HTMLElement, text: string, onChange: (text: string) => void): SourceEditor {
    const uri = monaco.Uri.parse('file:///lesson/source.md');
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(text, 'markdown', uri);
    const editor = monaco.editor.create(container, {
      model,
      theme: theme(),
      minimap: { enabled: false },
      wordWrap: 'on',
      fontSize: 14,
      lineNumbersMinChars: 4,
      automaticLayout: true,
      ariaLabel: 'The lesson as Markdown: its front matter, prose and cells',
      fixedOverflowWidgets: true,
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => monaco.editor.setTheme(theme()));
    editor.onDidChangeModelContent(() => onChange(model.getValue()));
    return {
      value: () => model.getValue(),
      focus: () => editor.focus(),
      mark(problem) {
        const line = problem && Math.min(Math.max(1, problem.line), model.getLineCount());
        monaco.editor.setModelMarkers(
          model,
          'lesson',
          problem && line
            ? [
                {
                  severity: monaco.MarkerSeverity.Error,
                  message: problem.message,
                  startLineNumber: line,
                  endLineNumber: line,
                  startColumn: problem.column ?? 1,
                  endColumn: model.getLineMaxColumn(line),
                },
              ]
            : [],
        );
      },
      reveal(line) {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column: 1 });
        editor.focus();
      },
    };
  }

  open(cell: CellBlock, container: HTMLElement, callbacks: EditorCallbacks): CellEditor {
    const model = this.models[cell.index]!;
    const editor = monaco.editor.create(container, {
      model,
      theme: theme(),
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordWrap: 'on',
      fontSize: document.body.dataset.view === 'present' ? 20 : 14,
      // The gutter shows the lesson file's line numbers: the ones error messages name.
      lineNumbers: (n) => String(n + cell.line - 1),
      lineNumbersMinChars: 3,
      scrollbar: { alwaysConsumeMouseWheel: false },
      automaticLayout: true,
      ariaLabel: `Code of cell ${cell.index + 1}. Shift+Enter runs it and moves on, Ctrl+Enter runs it.`,
      fixedOverflowWidgets: true,
    });
    const fit = () => {
      container.style.height = `${Math.min(2000, editor.getContentHeight())}px`;
    };
    editor.onDidContentSizeChange(fit);
    fit();
    editor.onDidChangeModelContent(() => callbacks.onChange(model.getValue()));
    // Monaco registers addCommand keybindings once for the whole page, and the editor opened last
    // would take every editor's keys: a context key that only this editor sets scopes them to it.
    const mine = `labCell${cell.index}`;
    editor.createContextKey(mine, true);
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => callbacks.onRun(true), mine);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.onRun(false), mine);
    // Escape leaves the editor (keyboard users are otherwise trapped: Tab indents), unless it is
    // closing one of Monaco's own widgets.
    editor.addCommand(
      monaco.KeyCode.Escape,
      () => callbacks.onLeave?.(),
      `${mine} && !suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible && !inSnippetMode`,
    );
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => monaco.editor.setTheme(theme()));
    return {
      focus: () => editor.focus(),
      setFontSize: (size) => editor.updateOptions({ fontSize: size }),
      setSource: (source) => {
        if (model.getValue() !== source) model.setValue(source);
      },
      revealLine: (fileLine) => {
        const lineNumber = Math.max(1, fileLine - cell.line + 1);
        editor.revealLineInCenter(lineNumber);
        editor.setPosition({ lineNumber, column: 1 });
        editor.focus();
      },
    };
  }
}
