import type { MedusaContainer } from "@medusajs/framework/types";
import posCheckoutRecoveryJob from "./pos-checkout-recovery";

/** The same recovery once, a few seconds after start-up: a restart after a crash does not wait a minute. */
export default async function posRecoveryAtStart(container: MedusaContainer): Promise<void> {
  await posCheckoutRecoveryJob(container);
}

export const config = { name: "pos-recovery-at-start", schedule: { interval: 5_000, numberOfExecutions: 1 } };
