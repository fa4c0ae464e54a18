import { m } from "$lib/paraglide/messages.js";
/** Words the inventory pages show for the ledger's and orders' codes. */
// Getters: each read gives the word in the current locale, and the objects keep their shape for every caller.
export const MOVEMENT_KIND_LABELS: Record<string, string> = {
  get opening() { return m.inventory_kind_opening(); },
  get sale() { return m.inventory_kind_sale(); },
  get return() { return m.inventory_kind_return(); },
  get repair_consumption() { return m.inventory_kind_repair(); },
  get receipt() { return m.inventory_kind_receipt(); },
  get adjustment() { return m.inventory_kind_adjustment(); },
  get stock_take() { return m.inventory_kind_stock_take(); },
};

export const ADJUSTMENT_REASON_LABELS: Record<string, string> = {
  get damage() { return m.inventory_reason_damage(); },
  get loss() { return m.inventory_reason_loss(); },
  get found() { return m.inventory_reason_found(); },
  get correction() { return m.inventory_reason_correction(); },
};

export const PURCHASE_ORDER_STATUS_LABELS: Record<string, string> = {
  get draft() { return m.inventory_po_draft(); },
  get sent() { return m.inventory_po_sent(); },
  get partially_received() { return m.inventory_po_partially_received(); },
  get received() { return m.inventory_po_received(); },
  get cancelled() { return m.inventory_po_cancelled(); },
};

export const STOCK_TAKE_STATUS_LABELS: Record<string, string> = {
  get open() { return m.inventory_take_open(); },
  get counting() { return m.inventory_take_counting(); },
  get posted() { return m.inventory_take_posted(); },
  get cancelled() { return m.inventory_take_cancelled(); },
};

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
