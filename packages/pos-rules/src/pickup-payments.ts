import type { Sen } from "@voltura/domain";
import { settlePayments, type AppliedPayment, type TenderedPayment } from "./payments.js";

export type PickupSettlement =
  | { ok: true; paid_sen: Sen; change_sen: Sen; applied: AppliedPayment[] }
  | { ok: false; reason: string; shortfall_sen: Sen; paid_sen: Sen };

/**
 * Checks the payments taken when a repair is collected against the amount due. They must cover it;
 * only cash may exceed it (the excess is change handed back, out of the cash). Card, QR, e-wallet and
 * transfer payments for more than is owed are refused, since the shop cannot hand back change for them.
 * The same settlement as the counter's, without the 5-sen rounding: `paid_sen` is everything tendered.
 */
export function settlePickupPayments(amountDueSen: Sen, payments: readonly TenderedPayment[]): PickupSettlement {
  const tendered = payments.reduce((sum, p) => sum + p.amount_sen, 0);
  const settlement = settlePayments(amountDueSen, payments, { roundCash: false });
  if (!settlement.ok) {
    const nonCash = payments.filter((p) => p.method !== "cash").reduce((sum, p) => sum + p.amount_sen, 0);
    const reason = nonCash > amountDueSen ? "Only cash may exceed the amount due (change is given in cash)" : settlement.errors[0]!.message;
    return { ok: false, paid_sen: tendered, shortfall_sen: 0, reason };
  }
  if (settlement.balance_due_sen > 0) {
    return { ok: false, paid_sen: tendered, shortfall_sen: settlement.balance_due_sen, reason: `Payments fall short of the amount due by ${settlement.balance_due_sen} sen` };
  }
  return { ok: true, paid_sen: tendered, change_sen: settlement.change_sen, applied: settlement.applied };
}
