import type { MedusaResponse } from "@medusajs/framework/http";

/** A refusal the client can act on: 409 with a stable `type` (and what is allowed instead). */
export class CampaignRefusal extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "CampaignRefusal";
  }
}

/** Runs `work`; a CampaignRefusal becomes its status and `{type, message, ...extra}`, anything else goes on. */
export async function answeringRefusals(res: MedusaResponse, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof CampaignRefusal)) throw err;
    res.status(err.status).json({ type: err.type, message: err.message, ...err.extra });
  }
}
