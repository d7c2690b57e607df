import { createContext, useContext, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import type { FilterableItem } from '../graphql/cache/list-filters';
import type { BlogFilter, RecipeFilter } from '../graphql/generated/graphql';

/** An item someone else created while the app was open, kept out of the lists until the viewer asks. */
export interface HeldItem {
  id: string;
  /** Arrival order; a list counts only what arrived after it last caught up. */
  seq: number;
  item: FilterableItem;
}

/**
 * How many held items a list with this filter would gain if it were fetched afresh: those that
 * match it, arrived after the list last caught up, and are not in it already (a list fetched
 * after an item arrived has it).
 */
export function countNewItems<Filter>(
  held: Iterable<HeldItem>,
  matches: (item: FilterableItem, filter: Filter) => boolean,
  filter: Filter,
  caughtUpAt: number,
  listed: ReadonlySet<string>,
): number {
  let count = 0;
  for (const entry of held) {
    if (entry.seq > caughtUpAt && !listed.has(entry.id) && matches(entry.item, filter)) count += 1;
  }
  return count;
}

/** One key per filter, whatever order its fields were set in. */
export function filterKey(filter: object | null | undefined): string {
  const entries = Object.entries(filter ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

export interface NewItems<Filter> {
  /** Someone else created it (or changed one already held): keep it out of the lists, counted. */
  hold(id: string, item: FilterableItem): void;
  isHeld(id: string): boolean;
  /** It was deleted: nothing to show any more. */
  drop(id: string): void;
  /** The list with this filter is being fetched afresh: what arrived so far will be in it. */
  caughtUp(filter: Filter): void;
  count(filter: Filter, listed: ReadonlySet<string>): number;
  /** Changes whenever a count may have. */
  version(): number;
  subscribe(onChange: () => void): () => void;
}

/**
 * The held items of one viewer's session. The cache updaters hold and drop; a list page counts
 * and, when the viewer asks to see them, catches up and refetches its first page, so the list
 * on screen stays one page long however many arrived.
 */
export function createNewItems<Filter extends object | null>(matches: (item: FilterableItem, filter: Filter) => boolean): NewItems<Filter> {
  const held = new Map<string, HeldItem>();
  const caughtUpAt = new Map<string, number>();
  const listeners = new Set<() => void>();
  let seq = 0;
  let version = 0;
  const emit = () => {
    version += 1;
    for (const listener of listeners) listener();
  };
  return {
    hold(id, item) {
      const known = held.get(id);
      if (known) held.set(id, { ...known, item });
      else {
        seq += 1;
        held.set(id, { id, seq, item });
      }
      emit();
    },
    isHeld: (id) => held.has(id),
    drop(id) {
      if (held.delete(id)) emit();
    },
    caughtUp(filter) {
      caughtUpAt.set(filterKey(filter), seq);
      emit();
    },
    count: (filter, listed) => countNewItems(held.values(), matches, filter, caughtUpAt.get(filterKey(filter)) ?? 0, listed),
    version: () => version,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

/** The held items of each kind of list that has an "N new — show" bar. */
export interface HeldNewItems {
  recipes: NewItems<RecipeFilter | null>;
  blogs: NewItems<BlogFilter | null>;
}

export const NewItemsContext = createContext<HeldNewItems | null>(null);

export interface NewItemsBarState {
  /** How many matching items wait behind the bar; 0 outside an app client. */
  count: number;
  /** The viewer asked to see them: the list catches up and shows its first page afresh, from the top. */
  show(): void;
}

/**
 * The "N new — show" bar of one list: what waits behind it for this filter, and how to show it.
 * A list first shown with a filter has everything that arrived before it, so it catches up before
 * paint (no event slips between the fetch and the count).
 */
export function useNewItemsBar<Kind extends keyof HeldNewItems>(
  kind: Kind,
  filter: Parameters<HeldNewItems[Kind]['count']>[0],
  list: { items: readonly { id: string }[]; loaded: boolean; refresh(): void },
): NewItemsBarState {
  const store = useContext(NewItemsContext)?.[kind] as NewItems<typeof filter> | undefined;
  useSyncExternalStore(
    (onChange) => store?.subscribe(onChange) ?? (() => {}),
    () => store?.version() ?? 0,
    () => 0,
  );
  const listed = useMemo(() => new Set(list.items.map((item) => item.id)), [list.items]);
  const key = filterKey(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a list first shown with this filter is fetched
  useLayoutEffect(() => {
    if (!list.loaded) store?.caughtUp(filter);
  }, [key, store]);
  return {
    count: store ? store.count(filter, listed) : 0,
    show() {
      store?.caughtUp(filter);
      list.refresh();
      window.scrollTo({ top: 0 });
    },
  };
}
