import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { startEverythingDue } from "../modules/operations/temporal-starts";

/**
 * Every minute: starts the backups, verifications and restores whose Temporal start a crash or an unreachable
 * Temporal left due after their request committed (ids are deterministic, so a start twice is one workflow).
 */
export default async function operationsStartRecovery(container: MedusaContainer): Promise<void> {
  const { started, failed } = await startEverythingDue(container);
  if (started || failed) container.resolve(ContainerRegistrationKeys.LOGGER).info(`operations-start-recovery: started ${started}, still due ${failed}`);
}

export const config = { name: "operations-start-recovery", schedule: { interval: 60_000 } };
