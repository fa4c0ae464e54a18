import { MANAGERS } from "@voltura/domain";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { MedusaError } from "@medusajs/framework/utils";
import { archiveSearchTerms } from "../../../../domain/archive-rules";
import { searchArchive } from "../../../../modules/archive/sql/search";
import { archiveSearchQuerySchema } from "../validators";

/** Archived jobs, sales and conversations by job number, receipt number, phone, name or IMEI. */
export const GET = staffRoute([...MANAGERS], async (req, res) => {
  const { q, limit } = parseOrThrow(archiveSearchQuerySchema, req.query);
  const terms = archiveSearchTerms(q);
  if (!terms) throw new MedusaError(MedusaError.Types.INVALID_DATA, "q must have at least 3 characters");
  res.json({ q, hits: await searchArchive(sqlConnection(req.scope), terms, limit) });
});
