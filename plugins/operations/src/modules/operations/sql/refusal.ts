import type { MedusaResponse } from "@medusajs/framework/http";

/** A refusal with its own answer type (e.g. 409 restore_in_progress), which Medusa's errors cannot carry. */
export class OperationsRefusal extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 409,
    readonly field?: string,
  ) {
    super(message);
    this.name = "OperationsRefusal";
  }
}

/** Runs a route's work, answering an OperationsRefusal as `{ type, message }` with its status. */
export async function answeringRefusals(res: MedusaResponse, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof OperationsRefusal)) throw err;
    res.status(err.status).json({ type: err.type, message: err.message, ...(err.field ? { field: err.field } : {}) });
  }
}
