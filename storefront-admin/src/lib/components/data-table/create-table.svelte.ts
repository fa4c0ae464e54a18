import {
  createTable as createCoreTable,
  type RowData,
  type Table,
  type TableOptions,
  type TableOptionsResolved,
  type TableState,
  type Updater,
} from "@tanstack/table-core";

/**
 * Merges objects lazily: a property is read from the last source that has it, at the moment it is
 * read. So getters in the options (`get data() { return rows }`) and the table's `$state` stay live
 * and Svelte tracks what the template reads through the table.
 */
export function mergeObjects<T extends object>(...sources: Array<Partial<T> | undefined>): T {
  const present = sources.filter((s): s is Partial<T> => !!s);
  const owner = (key: PropertyKey) => {
    for (let i = present.length - 1; i >= 0; i--) if (key in present[i]!) return present[i]!;
    return undefined;
  };
  return new Proxy({} as T, {
    get: (_, key) => (owner(key) as Record<PropertyKey, unknown> | undefined)?.[key],
    has: (_, key) => owner(key) !== undefined,
    ownKeys: () => present.flatMap((s) => Reflect.ownKeys(s)).filter((key, i, all) => all.indexOf(key) === i),
    getOwnPropertyDescriptor: (_, key) => {
      const source = owner(key);
      if (!source) return undefined;
      return { configurable: true, enumerable: true, get: () => (source as Record<PropertyKey, unknown>)[key] };
    },
  });
}

/**
 * A TanStack table (table-core) for Svelte 5: its state is a `$state` the table updates through
 * `onStateChange`, and options are read lazily (pass getters for props). Call it while a component
 * initialises. Controlled parts of the state (`options.state`) win over the table's own.
 */
export function createTable<TData extends RowData>(options: TableOptions<TData>): Table<TData> {
  const resolved = mergeObjects<TableOptionsResolved<TData>>(
    {
      state: {},
      onStateChange: () => undefined,
      renderFallbackValue: null,
      mergeOptions: (defaults: TableOptions<TData>, next: Partial<TableOptions<TData>>) => mergeObjects(defaults, next),
    },
    options,
  );
  const table = createCoreTable(resolved);
  let state = $state.raw<TableState>(table.initialState);

  table.setOptions((prev) =>
    mergeObjects(prev, options, {
      get state() {
        return { ...state, ...options.state } as TableState;
      },
      onStateChange: (updater: Updater<TableState>) => {
        state = typeof updater === "function" ? updater(state) : updater;
        options.onStateChange?.(updater);
      },
    }),
  );
  return table;
}
