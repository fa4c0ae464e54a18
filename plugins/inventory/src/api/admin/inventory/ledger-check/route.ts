import { MANAGERS } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { ledgerCheck } from "../../../../workflows/steps/check-ledger";

/** On-hand == sum(ledger) for every inventory level; system callers (tests, the worker) may ask too. */
export const GET = staffRoute([...MANAGERS, "system", "integration"], async (req, res) => {
  res.json(await ledgerCheck(req.scope));
});
