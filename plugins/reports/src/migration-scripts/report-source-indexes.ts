import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { ensureSourceIndexes } from "../modules/report-days/daily/source-indexes";

/**
 * The report sources' indexes, made by `medusa db:migrate` after every module's migrations (so the
 * source tables exist) and as the role that runs migrations: in compose the apps' role may not create
 * indexes, so the module's loader alone would never make them there.
 */
export default async function reportSourceIndexes({ container }: ExecArgs): Promise<void> {
  const created = await ensureSourceIndexes(container.resolve(ContainerRegistrationKeys.PG_CONNECTION));
  if (created.length) container.resolve(ContainerRegistrationKeys.LOGGER).info(`report source indexes created: ${created.join(", ")}`);
}
