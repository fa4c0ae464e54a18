import { ALL_STAFF } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { billingService } from "../../../../../workflows/steps/load-billing";
import { retrieveJobOr404 } from "../../../../../workflows/steps/job-context";
import { flowRefsForJob, readFlowState } from "../../../../../domain/repair-flows";
import { TEMPORAL_MODULE_KEY, type LifecycleStarter } from "../../../../../modules/repair/types";

/** The job's quote confirmation and pickup reminder flows on Temporal, with their state. */
export const GET = staffRoute([...ALL_STAFF, "system"], async (req, res) => {
  const job = await retrieveJobOr404(req.scope, req.params.id!);
  const quotes = await billingService(req.scope).listRepairQuotes({ repair_job_id: job.id }, { select: ["version", "status"] });
  const versions = quotes.filter((q) => q.status !== "draft").map((q) => Number(q.version));
  const temporal = req.scope.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY);
  const found = await Promise.all(
    flowRefsForJob(job.job_number, versions).map(async (ref) => {
      const seen = await temporal.inspect(ref.workflow_id, ref.query);
      if (!seen) return null;
      return {
        kind: ref.kind, workflow_id: ref.workflow_id, version: ref.version, run_id: seen.runId, status: seen.status,
        started_at: seen.startedAt, closed_at: seen.closedAt, state: readFlowState(ref.kind, seen.state),
      };
    }),
  );
  res.json({ namespace: temporal.namespace, flows: found.filter((flow) => flow !== null) });
});
