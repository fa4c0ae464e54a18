import type { AnyRole } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { recoverPosCheckouts } from "../../../../../sales/checkout-recovery";
import { POS_MANAGERS } from "../../../../../sales/roles";

const RECOVERERS: readonly AnyRole[] = [...POS_MANAGERS, "system"];

/**
 * Runs the checkout recovery now (it also runs every minute): finishes committed sales whose
 * outbox a crash interrupted and removes dead claims. Answers what it did.
 */
export const POST = staffRoute(RECOVERERS, async (req, res) => {
  res.json({ recovery: await recoverPosCheckouts(req.scope) });
});
