import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { SqlConnection } from "@voltura/medusa-kit";
import { CUSTOMER_SEARCH_INDEXES, ensureSearchIndexes, ITEM_SEARCH_INDEXES, RECORD_SEARCH_INDEXES } from "../modules/search/indexes";

/**
 * The search's indexes on Medusa's tables, made by `medusa db:migrate` after every module's migrations
 * (so the tables exist) and as the role that runs migrations: in compose the apps' role may not
 * create indexes, so the CRM and POS loaders alone would never make them there.
 */
export default async function searchIndexes({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const db = container.resolve<SqlConnection>(ContainerRegistrationKeys.PG_CONNECTION);
  await ensureSearchIndexes(db, [...CUSTOMER_SEARCH_INDEXES, ...ITEM_SEARCH_INDEXES, ...RECORD_SEARCH_INDEXES], logger);
}
