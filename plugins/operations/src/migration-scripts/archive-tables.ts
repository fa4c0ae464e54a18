import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { SqlConnection } from "@voltura/medusa-kit";
import { archiveSchemaGaps, ensureArchiveTables } from "../modules/archive/sql/tables";

/**
 * The archive's tables (`archive.<t>` LIKE each archived hot table) and their indexes, made by
 * `medusa db:migrate` after every module's migrations (so the hot tables exist) and as the role that
 * runs migrations: in compose the apps' role may not run DDL, so the first archive run could not.
 */
export default async function archiveTables({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const db = container.resolve<SqlConnection>(ContainerRegistrationKeys.PG_CONNECTION);
  const gaps = await archiveSchemaGaps(db);
  if (!gaps.length) return;
  const made = await db.transaction((trx) => ensureArchiveTables(trx));
  logger.info(`Archive tables ready: ${made.join(", ")}`);
}
