import { MANAGERS } from "@voltura/domain";
import { parseOrThrow, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { listDataRequestsQuerySchema } from "./validators";

/** PDPA requests (exports and anonymisations), newest first; optionally of one customer. */
export const GET = staffRoute([...MANAGERS], async (req, res) => {
  const { customer_id, limit } = parseOrThrow(listDataRequestsQuerySchema, req.query);
  const found = await rows(sqlConnection(req.scope),
    `SELECT id, kind, customer_id, format, requested_by, requested_by_role, summary, created_at FROM data_request
      WHERE deleted_at IS NULL AND (?::text IS NULL OR customer_id = ?) ORDER BY created_at DESC, id DESC LIMIT ?`, [customer_id ?? null, customer_id ?? null, limit]);
  res.json({ requests: found.map((r) => ({ ...r, created_at: new Date(String(r.created_at)).toISOString() })) });
});
