import { type CommerceClient } from "./client.js";
import { repairFlowsAnswerSchema, type RepairFlows } from "@voltura/contracts";

/** The job's quote confirmation and pickup reminder flows on Temporal (GET /admin/repair-jobs/:id/flows). */
export function getRepairJobFlows(client: CommerceClient, jobId: string): Promise<RepairFlows> {
  return client.request("GET", `/admin/repair-jobs/${encodeURIComponent(jobId)}/flows`, repairFlowsAnswerSchema);
}
