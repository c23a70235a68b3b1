/**
 * The lesson scope: one object holding every cell's top-level names, and the lookup proxy that
 * compiled cells use for names they did not declare themselves (scope first, then globalThis).
 * Never globalThis itself: browser globals such as `name` and `status` swallow assignments.
 */
export type LessonScope = Record<string, unknown>;

export function createScope(): LessonScope {
  return Object.create(null) as LessonScope;
}

export function createLookup(scope: LessonScope, explainMissing: (name: string) => string): LessonScope {
  const global = globalThis as unknown as LessonScope;
  return new Proxy(scope, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name];
      if (name in global) return global[name];
      throw new ReferenceError(`${name} is not defined${explainMissing(name)}`);
    },
    set(target, name, value) {
      if (typeof name !== 'string') return false;
      // An assignment to a name nobody declared defines it in the lesson, as in a notebook.
      if (name in target || !(name in global)) target[name] = value;
      else global[name] = value;
      return true;
    },
    has(target, name) {
      return typeof name === 'string' && (name in target || name in global);
    },
  });
}
