import type { Snippet } from "svelte";

/** One column of a data table. */
export interface DataColumn<T> {
  /** Stable id (also the cell's `data-column`). */
  id: string;
  /** The header's text (also the cell's label on narrow screens). */
  header: string;
  /** The server's sort key for this column (`?sort=<key>` / `-<key>`): the header becomes a sort button. */
  sortKey?: string;
  /** Sort descending first (dates, amounts: newest / largest first). */
  firstDesc?: boolean;
  /** Rich content; without it the cell shows `value`. */
  cell?: Snippet<[T]>;
  /** Plain text of the cell (also what TanStack reads as the column's value). */
  value?: (row: T) => string | number | null | undefined;
  /** Classes of the `<td>`; `headClass` of the `<th>`. */
  class?: string;
  headClass?: string;
  /** Right-aligned numbers (amounts, counts). */
  numeric?: boolean;
}

/** What the bulk bar's snippet gets: the selected rows' ids (in list order) and a way to clear them. */
export interface BulkContext<T> {
  ids: string[];
  rows: T[];
  clear: () => void;
}
