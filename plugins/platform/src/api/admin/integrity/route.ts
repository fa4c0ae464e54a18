import { MANAGERS } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { runIntegrityChecks, sqlReader } from "./run-checks";

/**
 * Every platform invariant checked now, read-only: `{ ok, checked_at, checks: [{ name, title,
 * description, ok, breaches (first 50), count, error? }] }`. Nothing is stored or sent.
 */
export const GET = staffRoute([...MANAGERS, "system"], async (req, res) => {
  res.json(await runIntegrityChecks(sqlReader(req.scope)));
});
