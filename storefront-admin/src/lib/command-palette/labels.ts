import type { SearchKind } from "@voltura/contracts";
import { m } from "$lib/paraglide/messages.js";

const KIND_LABELS: Record<SearchKind, () => string> = {
  job: m.palette_kind_job,
  customer: m.palette_kind_customer,
  item: m.palette_kind_item,
  invoice: m.palette_kind_invoice,
  quotation: m.palette_kind_quotation,
  receipt: m.palette_kind_receipt,
  chat: m.palette_kind_chat,
};

/** Is `value` a search kind? (Client code must not import medusa-client values: they pull in its Node-only token code.) */
export const isSearchKind = (value: unknown): value is SearchKind => typeof value === "string" && Object.hasOwn(KIND_LABELS, value);

/** A kind's group heading, in the current language. */
export const kindLabel = (kind: SearchKind): string => KIND_LABELS[kind]();
