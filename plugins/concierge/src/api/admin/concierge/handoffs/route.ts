import { handoffStatusSchema, openHandoffBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { z } from "zod";
import { toHandoff } from "../../../../modules/concierge/records";
import { openHandoffWorkflow } from "../../../../workflows/open-handoff";
import { conciergeOf } from "../../../../workflows/steps/service";
import { INBOX } from "../roles";
import { customerIdByPhone, phoneOrThrow } from "../support";

const listQuery = z.object({ status: handoffStatusSchema.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

export const GET = staffRoute(INBOX, async (req, res) => {
  const q = parseOrThrow(listQuery, req.query);
  const rows = await conciergeOf(req.scope).listHandoffs(q.status ? { status: q.status } : {}, { order: { opened_at: "DESC" }, take: q.limit });
  res.json({ handoffs: rows.map(toHandoff) });
});

/** Opens a handoff (idempotent per phone while one is open or claimed): 201 when new, 200 with the open one. */
export const POST = staffRoute(INBOX, async (req, res) => {
  const body = parseOrThrow(openHandoffBodySchema, req.body);
  const phone = phoneOrThrow(body.phone);
  const { result } = await openHandoffWorkflow(req.scope).run({
    input: { phone, reason: body.reason, summary: body.summary ?? null, job_number: body.job_number ?? null, customer_id: await customerIdByPhone(req.scope, phone) },
  });
  res.status(result.created ? 201 : 200).json({ handoff: toHandoff(result.handoff), created: result.created });
});
