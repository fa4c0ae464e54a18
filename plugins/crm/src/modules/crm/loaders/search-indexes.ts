import type { LoaderOptions } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { SqlConnection } from "@voltura/medusa-kit";
import { CUSTOMER_SEARCH_INDEXES, ensureSearchIndexes } from "@voltura/plugin-platform/modules/search/indexes";

/** The customer search's expression indexes on Medusa's `customer` table (see the platform's search/indexes.ts). */
export default async function customerSearchIndexes({ container }: LoaderOptions): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  try {
    await ensureSearchIndexes(container.resolve<SqlConnection>(ContainerRegistrationKeys.PG_CONNECTION), CUSTOMER_SEARCH_INDEXES, logger);
  } catch (error) {
    // A search without its index is slow, not wrong: never stop the shop from starting over it.
    logger.warn(`Customer search indexes not applied: ${(error as Error).message}`);
  }
}
