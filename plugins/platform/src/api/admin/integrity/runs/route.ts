import { MANAGERS } from "@voltura/domain";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { runAndRecordIntegrity } from "./record-run";
import { INTEGRITY_MODULE, type IntegrityModuleService } from "../../../../modules/integrity";
import { listIntegrityRunsQuerySchema, recordIntegrityRunBodySchema } from "../validators";

/** Stored runs, newest first (the console shows the latest nightly one). */
export const GET = staffRoute([...MANAGERS, "system"], async (req, res) => {
  const { limit } = parseOrThrow(listIntegrityRunsQuerySchema, req.query);
  res.json({ runs: await req.scope.resolve<IntegrityModuleService>(INTEGRITY_MODULE).latestRuns(limit) });
});

/**
 * The nightly run (the worker's `runIntegrityCheck`): checks, stores the run once per key and, on
 * a breach, writes `integrity.breach` to the audit trail and alerts the owners on WhatsApp.
 * 201 with the run; a replayed key answers 200 with the first run.
 */
export const POST = staffRoute(["system"], async (req, res) => {
  const body = parseOrThrow(recordIntegrityRunBodySchema, req.body ?? {});
  const result = await runAndRecordIntegrity(req, { trigger: "nightly", idempotency_key: body.idempotency_key });
  res.status(result.replayed ? 200 : 201).json(result);
});
