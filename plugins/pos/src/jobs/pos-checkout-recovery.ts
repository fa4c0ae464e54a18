import type { MedusaContainer } from "@medusajs/framework/types";
import { recoverPosCheckouts } from "../sales/checkout-recovery";

/**
 * Finishes counter sales a crash left committed but without their order, link or event, and removes
 * dead claims. Each sale is taken under its lease, so several instances may run this at once.
 */
export default async function posCheckoutRecoveryJob(container: MedusaContainer): Promise<void> {
  await recoverPosCheckouts(container);
}

export const config = { name: "pos-checkout-recovery", schedule: { interval: 60_000 } };
