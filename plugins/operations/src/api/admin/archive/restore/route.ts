import { MANAGERS } from "@voltura/domain";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { MedusaError } from "@medusajs/framework/utils";
import { restoreArchived } from "../../../../modules/archive/sql/restore";
import { restoreArchivedBodySchema } from "../validators";

const UNIQUE_VIOLATION = "23505";

/** Brings one archived job, sale or conversation (with its children) back into the hot tables. */
export const POST = staffRoute([...MANAGERS], async (req, res) => {
  const body = parseOrThrow(restoreArchivedBodySchema, req.body ?? {});
  let restored: Record<string, number>;
  try {
    restored = await restoreArchived(sqlConnection(req.scope), body.entity, body.id);
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `A live record already uses this ${body.entity}'s number or phone; it cannot come back beside it.`);
    }
    throw error;
  }
  if (!Object.keys(restored).length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No archived ${body.entity} with id ${body.id}`);
  await recordAudit(req, { action: "archive.restore", entity: body.entity, entity_id: body.id, metadata: { restored } });
  res.json({ entity: body.entity, id: body.id, restored });
});
