import type { MedusaContainer } from "@medusajs/framework/types";
import { recoverPosCheckouts } from "../workflows/steps/checkout-recovery";
import { recoverSaleOutbox } from "../workflows/steps/sale-outbox";

/**
 * Finishes counter sales a crash left committed but without their order, link or event, and removes
 * dead claims; then the outbox of balance payments and returns a crash interrupted (the money on
 * the order, events, audit rows). Every sale and outbox row is taken under its lease, so several
 * instances may run this at once.
 */
export default async function posCheckoutRecoveryJob(container: MedusaContainer): Promise<void> {
  await recoverPosCheckouts(container);
  await recoverSaleOutbox(container);
}

export const config = { name: "pos-checkout-recovery", schedule: { interval: 60_000 } };
