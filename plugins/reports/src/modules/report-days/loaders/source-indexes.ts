import type { LoaderOptions } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { ensureSourceIndexes } from "../daily/source-indexes";

/** The report sources' indexes that the migration could not create because their table came later. */
export default async function reportSourceIndexes({ container }: LoaderOptions): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  try {
    const created = await ensureSourceIndexes(container.resolve(ContainerRegistrationKeys.PG_CONNECTION));
    if (created.length) logger.info(`report source indexes created: ${created.join(", ")}`);
  } catch (error) {
    // A report without its index is slow, not wrong: never stop the shop from starting over it.
    logger.warn(`Report source indexes not applied: ${(error as Error).message}`);
  }
}
