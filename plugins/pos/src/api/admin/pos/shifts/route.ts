import { posOpenShiftBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { z } from "zod";
import { posService } from "../../../../workflows/steps/context";
import { respondToWorkflowError } from "../../../../workflows/steps/errors";
import { POS_STAFF } from "../roles";
import { toApiShift } from "../../../../domain/serialise";
import { openPosShiftWorkflow } from "../../../../workflows/open-pos-shift";

const querySchema = z.object({ register_id: z.string().trim().min(1).max(40).default("main"), limit: z.coerce.number().int().min(1).max(100).default(20) });

/** The register's recent shifts and the open one. */
export const GET = staffRoute(POS_STAFF, async (req, res) => {
  const query = parseOrThrow(querySchema, req.query);
  const rows = await posService(req.scope).listPosShifts({ register_id: query.register_id }, { order: { opened_at: "DESC" }, take: query.limit });
  const shifts = rows.map((r) => toApiShift(r));
  res.json({ shifts, current: shifts.find((s) => s.status === "open") ?? null });
});

export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posOpenShiftBodySchema, req.body);
  const { result, errors } = await openPosShiftWorkflow(req.scope).run({
    input: { register_id: body.register_id, opening_float_sen: body.opening_float_sen, note: body.note ?? null, actor: { id: req.actor.id, name: req.actor.name } },
    throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.status(201).json({ shift: toApiShift(result) });
});
