import { fileURLToPath } from "node:url";
import { Worker, type NativeConnection, type WorkflowBundleOption } from "@temporalio/worker";
import { TASK_QUEUES } from "@voltura/domain";
import type { VolturaActivities } from "@voltura/workflows";

/** The built workflow module of @voltura/workflows (run `npm run build` there first). */
export function builtWorkflowsPath(): string {
  return fileURLToPath(import.meta.resolve("@voltura/workflows/workflows"));
}

export interface RepairWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: VolturaActivities;
  taskQueue?: string;
  /** Where the workflow code comes from: by default the built @voltura/workflows. */
  workflows?: { workflowsPath: string } | { workflowBundle: WorkflowBundleOption };
}

/**
 * The worker for the repair task queue. The Temporal Runtime already turns SIGINT and SIGTERM
 * into a graceful `worker.shutdown()`, after which `worker.run()` resolves.
 */
export function createRepairWorker(options: RepairWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? TASK_QUEUES.repair,
    ...(options.workflows ?? { workflowsPath: builtWorkflowsPath() }),
    activities: options.activities,
    shutdownGraceTime: "20s",
  });
}
