/** Words the inventory pages show for the ledger's and orders' codes. */
export const MOVEMENT_KIND_LABELS: Record<string, string> = {
  opening: "Opening stock",
  sale: "Sale",
  return: "Return",
  repair_consumption: "Used in repair",
  receipt: "Received",
  adjustment: "Adjustment",
  stock_take: "Stock take",
};

export const ADJUSTMENT_REASON_LABELS: Record<string, string> = {
  damage: "Damage",
  loss: "Loss",
  found: "Found",
  correction: "Correction",
};

export const PURCHASE_ORDER_STATUS_LABELS: Record<string, string> = {
  draft: "Draft",
  sent: "Sent",
  partially_received: "Partially received",
  received: "Received",
  cancelled: "Cancelled",
};

export const STOCK_TAKE_STATUS_LABELS: Record<string, string> = {
  open: "Open",
  counting: "Counting",
  posted: "Posted",
  cancelled: "Cancelled",
};

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
