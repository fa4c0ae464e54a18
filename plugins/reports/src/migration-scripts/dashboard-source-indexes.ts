import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { ensureSourceIndexes } from "../modules/report-days/daily/source-indexes";

/**
 * The dashboard's indexes added to SOURCE_INDEXES after `report-source-indexes` had run (a migration
 * script runs once per database): quotes awaiting a decision and the audit trail per entity. Made as
 * the role that runs migrations, like the first ones.
 */
export default async function dashboardSourceIndexes({ container }: ExecArgs): Promise<void> {
  const created = await ensureSourceIndexes(container.resolve(ContainerRegistrationKeys.PG_CONNECTION));
  if (created.length) container.resolve(ContainerRegistrationKeys.LOGGER).info(`dashboard source indexes created: ${created.join(", ")}`);
}
