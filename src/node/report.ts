/** What a headless run reports per file and per cell: the `--json` document's shape. */
import type { CellState } from '../notebook/kernel.ts';
import { plainOutput } from '../notebook/outputs.ts';

export interface CellReport {
  index: number;
  line: number;
  id?: string;
  status: string;
  ran?: 'starter' | 'solution';
  outputs: { kind: string; text: string; pass?: boolean; id?: string; margin?: number; svg?: string }[];
  ms: number;
  /** Of `ms`, time spent training convolutional models. */
  convMs: number;
  leakedTensors: number;
}

export interface FileReport {
  file: string;
  ok: boolean;
  error?: string;
  cells: CellReport[];
}

export function cellReport(cell: CellState): CellReport {
  return {
    index: cell.index,
    line: cell.block.line,
    ...(cell.block.options.id ? { id: cell.block.options.id } : {}),
    status: cell.status,
    ...(cell.ran ? { ran: cell.ran } : {}),
    outputs: cell.outputs.map((output) => {
      const plain = plainOutput(output);
      return {
        kind: output.kind,
        text: output.text,
        ...(output.kind === 'check'
          ? {
              pass: output.pass,
              ...(output.id ? { id: output.id } : {}),
              ...(output.margin === undefined ? {} : { margin: output.margin }),
            }
          : {}),
        ...(output.kind === 'chart' ? { svg: String(plain.svg) } : {}),
      };
    }),
    ms: cell.ms ?? 0,
    convMs: cell.convMs ?? 0,
    leakedTensors: cell.leakedTensors,
  };
}
