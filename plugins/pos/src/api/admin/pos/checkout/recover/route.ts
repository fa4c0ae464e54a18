import type { AnyRole } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { recoverPosCheckouts } from "../../../../../workflows/steps/checkout-recovery";
import { recoverSaleOutbox } from "../../../../../workflows/steps/sale-outbox";
import { POS_MANAGERS } from "../../roles";

const RECOVERERS: readonly AnyRole[] = [...POS_MANAGERS, "system"];

/**
 * Runs the POS recovery now (it also runs every minute): finishes committed sales whose outbox a
 * crash interrupted, removes dead claims, then finishes the outbox of payments and returns.
 * Answers what it did.
 */
export const POST = staffRoute(RECOVERERS, async (req, res) => {
  const recovery = await recoverPosCheckouts(req.scope);
  res.json({ recovery, outbox: await recoverSaleOutbox(req.scope) });
});
