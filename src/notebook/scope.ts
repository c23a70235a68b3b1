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

/** The scope's bindings at one moment, to put back later (a headless control's branch). */
export type ScopeSnapshot = PropertyDescriptorMap;

export function snapshotScope(scope: LessonScope): ScopeSnapshot {
  return Object.getOwnPropertyDescriptors(scope);
}

/**
 * Puts the bindings back as they were, in the same object (compiled cells and the lookup proxy
 * hold it). Names declared since are removed; objects the names point to are not rewound.
 */
export function restoreScope(scope: LessonScope, snapshot: ScopeSnapshot): void {
  for (const name of Object.keys(scope)) delete scope[name];
  Object.defineProperties(scope, snapshot);
}
