import { SEARCH_KINDS, type SearchHit, type SearchKind } from "@voltura/contracts";

/** A hit with the console page that opens it. */
export interface PaletteHit extends SearchHit {
  href: string;
}

/** One kind's hits, in the order the search ranked them. */
export interface PaletteGroup {
  kind: SearchKind;
  label: string;
  hits: PaletteHit[];
}

export interface PaletteAnswer {
  groups: PaletteGroup[];
}

/**
 * The console page of a hit. A repair invoice is shown on its job; an item's stock on its
 * inventory item (a service, which keeps no stock, opens the inventory list on its name).
 */
export function hitHref(hit: SearchHit): string {
  const id = encodeURIComponent(hit.id);
  switch (hit.kind) {
    case "job":
      return `/jobs/${id}`;
    case "customer":
      return `/customers/${id}`;
    case "item":
      return hit.page_id ? `/inventory/${encodeURIComponent(hit.page_id)}` : `/inventory?${new URLSearchParams({ q: hit.title })}`;
    case "invoice":
      return hit.id.startsWith("rinv_") && hit.page_id ? `/jobs/${encodeURIComponent(hit.page_id)}` : `/invoicing/invoices/${id}`;
    case "quotation":
      return `/invoicing/quotations/${id}`;
    case "receipt":
      return `/pos/sales/${id}`;
    case "chat":
      return `/inbox/${id}`;
  }
}

/** The hits grouped by kind (kinds in SEARCH_KINDS order, empty kinds left out), each with its href. */
export function groupHits(hits: readonly SearchHit[], label: (kind: SearchKind) => string): PaletteGroup[] {
  return SEARCH_KINDS.flatMap((kind) => {
    const mine = hits.filter((hit) => hit.kind === kind);
    return mine.length ? [{ kind, label: label(kind), hits: mine.map((hit) => ({ ...hit, href: hitHref(hit) })) }] : [];
  });
}
