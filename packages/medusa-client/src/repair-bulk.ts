import { type CommerceClient } from "./client.js";
import { type BulkRepairJobsBody, bulkRepairJobsAnswerSchema, type BulkRepairJobsAnswer } from "@voltura/contracts";

/** Bulk job actions over a CommerceClient. */
export function bulkRepairJobs(client: CommerceClient, body: BulkRepairJobsBody): Promise<BulkRepairJobsAnswer> {
  return client.request("POST", "/admin/repair-jobs/bulk", bulkRepairJobsAnswerSchema, body);
}
