import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { SaleClaim } from "../../modules/pos/service";
import { posService } from "../../sales/context";
import { posConflict } from "../../sales/errors";

/** The code a replayed checkout fails with; the route answers it with the sale the key already made. */
export const KEY_ALREADY_CLAIMED = "idempotency_key_in_use";

/**
 * Claims the client's idempotency key with a pending sale row before anything else happens, so of
 * concurrent checkouts with one key only one goes on. Compensation removes the claim (the key can
 * be tried again after a failure).
 */
export const claimSaleKeyStep = createStep(
  "claim-pos-sale-key",
  async (claim: SaleClaim, { container }) => {
    const id = await posService(container).claimSaleKey(claim);
    if (!id) throw posConflict(KEY_ALREADY_CLAIMED, "This checkout was already sent (same idempotency_key)", { idempotency_key: claim.idempotency_key });
    return new StepResponse(id, id);
  },
  async (id, { container }) => {
    if (!id) return;
    const service = posService(container);
    const lines = await service.listPosSaleLines({ sale_id: id }, { select: ["id"] });
    if (lines.length) await service.deletePosSaleLines(lines.map((l) => l.id));
    await service.deletePosSales(id);
  },
);
