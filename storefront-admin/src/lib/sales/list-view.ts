import type { SortState } from "$lib/components/data-table/url-state";

/** The quotation or invoice list as the URL states it. */
export interface SalesListView {
  q: string;
  status: string;
  /** null: commerce's default order, the newest created first. */
  sort: SortState | null;
  page: number;
}

/** The order the list shows: without a sort, the newest first, which is the number descending. */
export const shownSort = (view: SalesListView): SortState => view.sort ?? { key: "number", desc: true };
