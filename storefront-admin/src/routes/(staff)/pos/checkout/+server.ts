import { json } from "@sveltejs/kit";
import { posCheckoutBodySchema } from "@voltura/contracts";
import { counterApi, counterError } from "$lib/server/pos";
import type { RequestHandler } from "./$types";

/** Passes the till's sale (with its idempotency key) to commerce; the answer is the sale or the refusal as JSON. */
export const POST: RequestHandler = async ({ locals, request }) => {
  const pos = counterApi(locals);
  const parsed = posCheckoutBodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json({ message: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}` }, { status: 400 });
  }
  try {
    return json({ sale: await pos.checkout(parsed.data) });
  } catch (err) {
    return counterError(err);
  }
};
