import { createHash } from "node:crypto";
import type { MedusaContainer } from "@medusajs/framework/types";
import type { PosSale } from "@voltura/medusa-client";
import { posConflict } from "./errors";
import { findSaleByKey, loadSale } from "./load-sale";

/** A fingerprint of what the till asked for, to refuse one key reused for a different sale. */
export function requestHash(body: Record<string, unknown>): string {
  const { manager_approval: _credentials, ...rest } = body;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The sale an idempotency key already made. When the first request is still running, waits for it
 * (up to `waitMs`); when it failed and was rolled back, the key is free again and the till may retry.
 */
export async function replaySale(container: MedusaContainer, key: string, hash: string, waitMs = 20_000): Promise<PosSale> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const found = await findSaleByKey(container, key);
    if (!found) throw posConflict("checkout_retry", "The first attempt with this idempotency_key failed; send the checkout again", { idempotency_key: key });
    if (found.request_hash !== hash) {
      throw posConflict("idempotency_key_reused", "This idempotency_key was used for a different sale", { field: "idempotency_key" });
    }
    if (found.status === "completed") return loadSale(container, found.id);
    if (Date.now() > deadline) throw posConflict("checkout_in_progress", "This checkout is still being processed; try again in a moment", { idempotency_key: key });
    await sleep(100);
  }
}
