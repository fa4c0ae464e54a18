import type { LoaderOptions } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { SqlConnection } from "@voltura/medusa-kit";
import { ITEM_SEARCH_INDEXES, RECORD_SEARCH_INDEXES, ensureSearchIndexes } from "@voltura/plugin-platform/modules/search/indexes";

/**
 * The counter item search's expression indexes on Medusa's `product` and `product_variant` tables, and
 * the palette's record indexes (receipts, invoices, quotations, chats) on the tables that exist by
 * now (see the platform's search/indexes.ts; the migration script makes them all).
 */
export default async function itemSearchIndexes({ container }: LoaderOptions): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  try {
    await ensureSearchIndexes(container.resolve<SqlConnection>(ContainerRegistrationKeys.PG_CONNECTION), [...ITEM_SEARCH_INDEXES, ...RECORD_SEARCH_INDEXES], logger);
  } catch (error) {
    // A search without its index is slow, not wrong: never stop the shop from starting over it.
    logger.warn(`Item search indexes not applied: ${(error as Error).message}`);
  }
}
