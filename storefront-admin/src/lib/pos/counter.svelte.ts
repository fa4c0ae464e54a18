import type { TaxSettings } from "@voltura/domain";
import type { PosCatalogueItem, PosDiscount } from "@voltura/contracts";
import { computeCartTotals, type CartTotals } from "@voltura/pos-rules";

export interface CounterLine {
  item: PosCatalogueItem;
  quantity: number;
  discount: PosDiscount | null;
}

function newKey(): string {
  return `pos-${globalThis.crypto.randomUUID()}`;
}

/**
 * The sale on the counter: lines, discounts, customer, and the idempotency key the checkout sends.
 * The key is made once per sale and kept across retries and double submits; it changes only when
 * the cart changes after a failed attempt (a new request) or a new sale starts.
 */
export class Counter {
  lines = $state<CounterLine[]>([]);
  selected = $state(0);
  cartDiscount = $state<PosDiscount | null>(null);
  customerPhone = $state("");
  customerName = $state("");
  idempotencyKey = $state(newKey());

  constructor(private readonly tax: TaxSettings) {}

  totals: CartTotals = $derived.by(() => this.compute());

  private compute(): CartTotals {
    try {
      return computeCartTotals({
        lines: this.lines.map((l, i) => ({
          id: String(i), unit_price_sen: l.item.price_sen ?? 0, quantity: l.quantity, discount: l.discount,
          taxable: l.item.taxable, sst_rate_bp: l.item.sst_rate_bp,
        })),
        discount: this.cartDiscount,
      }, this.tax);
    } catch {
      // A discount larger than what it comes off: show the cart without it until it is fixed.
      return computeCartTotals({ lines: this.lines.map((l, i) => ({ id: String(i), unit_price_sen: l.item.price_sen ?? 0, quantity: l.quantity, taxable: l.item.taxable, sst_rate_bp: l.item.sst_rate_bp })) }, this.tax);
    }
  }

  get itemCount(): number {
    return this.lines.reduce((sum, l) => sum + l.quantity, 0);
  }

  /** Adds one unit (a second scan of the same item raises its quantity) and selects the line. */
  add(item: PosCatalogueItem): void {
    const at = this.lines.findIndex((l) => l.item.variant_id === item.variant_id);
    if (at >= 0) {
      this.lines[at]!.quantity += 1;
      this.selected = at;
    } else {
      this.lines.push({ item, quantity: 1, discount: null });
      this.selected = this.lines.length - 1;
    }
    this.changed();
  }

  setQuantity(index: number, quantity: number): void {
    const line = this.lines[index];
    if (!line) return;
    if (quantity <= 0) this.remove(index);
    else line.quantity = Math.min(999, Math.trunc(quantity));
    this.changed();
  }

  remove(index: number): void {
    this.lines.splice(index, 1);
    this.selected = Math.max(0, Math.min(this.selected, this.lines.length - 1));
    this.changed();
  }

  setLineDiscount(index: number, discount: PosDiscount | null): void {
    const line = this.lines[index];
    if (line) line.discount = discount;
    this.changed();
  }

  setCartDiscount(discount: PosDiscount | null): void {
    this.cartDiscount = discount;
    this.changed();
  }

  move(delta: number): void {
    if (!this.lines.length) return;
    this.selected = (this.selected + delta + this.lines.length) % this.lines.length;
  }

  /** What the checkout posts (amounts in sen). */
  body(payments: Array<{ method: string; amount_sen: number; reference?: string }>, extra: Record<string, unknown> = {}) {
    return {
      idempotency_key: this.idempotencyKey,
      lines: this.lines.map((l) => ({ variant_id: l.item.variant_id, quantity: l.quantity, ...(l.discount ? { discount: l.discount } : {}) })),
      ...(this.cartDiscount ? { discount: this.cartDiscount } : {}),
      ...(this.customerPhone.trim() ? { customer: { phone: this.customerPhone.trim(), ...(this.customerName.trim() ? { name: this.customerName.trim() } : {}) } } : {}),
      payments,
      ...extra,
    };
  }

  reset(): void {
    this.lines = [];
    this.selected = 0;
    this.cartDiscount = null;
    this.customerPhone = "";
    this.customerName = "";
    this.idempotencyKey = newKey();
  }

  /** A changed cart is a different sale request: it gets its own key. */
  private changed(): void {
    this.idempotencyKey = newKey();
  }
}

/** "10%" → percent discount, "5" / "RM5.50" → amount in sen; null when it is not a discount. */
export function parseDiscountInput(text: string): PosDiscount | null {
  const t = text.trim();
  if (!t) return null;
  const percent = /^(\d{1,3}(?:\.\d{1,2})?)\s*%$/.exec(t);
  if (percent) {
    const bp = Math.round(Number(percent[1]) * 100);
    return bp > 0 && bp <= 10_000 ? { kind: "percent", percent_bp: bp } : null;
  }
  const amount = /^(?:rm\s*)?(\d+)(?:\.(\d{1,2}))?$/i.exec(t);
  if (!amount) return null;
  const sen = Number(amount[1]) * 100 + Number((amount[2] ?? "").padEnd(2, "0") || "0");
  return sen > 0 ? { kind: "amount", amount_sen: sen } : null;
}
