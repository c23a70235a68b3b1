/**
 * The dependency graph between a lesson's cells, from what each declares and reads: which cell
 * provides a name, which cells must run first, and which go stale when a cell changes. Pure: it
 * reads cell records and returns indices; the kernel decides what to do with them.
 */

export interface GraphCell {
  index: number;
  /** Top-level names the cell defines in the lesson scope. */
  declarations: readonly string[];
  /** Names it reads from the lesson scope (other cells' names, or globals). */
  references: readonly string[];
  /** When it last ran, counting runs of any cell from 1; 0 if it has not run. */
  runOrder: number;
}

/** Every cell that declares `name`, in lesson order. */
export function providersOf<C extends GraphCell>(cells: readonly C[], name: string): C[] {
  return cells.filter((cell) => cell.declarations.includes(name));
}

/** The nearest cell above `before` that declares `name`, else any other cell that does. */
export function providerOf(cells: readonly GraphCell[], name: string, before: number): number | undefined {
  for (let at = Math.min(before, cells.length) - 1; at >= 0; at--) {
    if (cells[at]!.declarations.includes(name)) return cells[at]!.index;
  }
  return cells.find((cell) => cell.index !== before && cell.declarations.includes(name))?.index;
}

/**
 * Cells to run before cell `index` because it needs names they declare and the scope lacks
 * (`inScope` says false): their own missing inputs too, in lesson order ("run inputs first").
 */
export function missingInputs(cells: readonly GraphCell[], index: number, inScope: (name: string) => boolean): number[] {
  const missing = new Set<number>();
  const visit = (at: number) => {
    for (const name of cells[at]!.references) {
      if (inScope(name)) continue;
      const provider = providerOf(cells, name, at);
      if (provider === undefined || missing.has(provider) || provider === index) continue;
      missing.add(provider);
      visit(provider);
    }
  };
  visit(index);
  return [...missing].sort((a, b) => a - b);
}

/**
 * Cells that read any of `names` (declared by `changed`) and so go stale: after an edit, every
 * one that ran; after a run (`onlyEarlier`), those that ran before it, which saw the old values.
 */
export function staleUsers(cells: readonly GraphCell[], changed: GraphCell, names: readonly string[], onlyEarlier = false): number[] {
  if (names.length === 0) return [];
  return cells
    .filter((other) => other !== changed && other.runOrder !== 0)
    .filter((other) => !onlyEarlier || other.runOrder < changed.runOrder)
    .filter((other) => other.references.some((name) => names.includes(name)))
    .map((other) => other.index);
}
