import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, type NativeConnection, type WorkflowBundleOption } from "@temporalio/worker";
import { TASK_QUEUES } from "@voltura/domain";
import type { VolturaActivities } from "@voltura/workflows";

/** The built workflow module of @voltura/workflows (run `npm run build` there first). */
export function builtWorkflowsPath(): string {
  return fileURLToPath(import.meta.resolve("@voltura/workflows/workflows"));
}

/** The workflow bundle `npm run build` writes next to the worker's code. */
export function workflowBundlePath(): string {
  return fileURLToPath(new URL("./workflow-bundle.js", import.meta.url));
}

/** The prebuilt bundle when there is one (production), else the workflow sources bundled at start. */
export function defaultWorkflowSource(): { workflowsPath: string } | { workflowBundle: WorkflowBundleOption } {
  const codePath = workflowBundlePath();
  return existsSync(codePath) ? { workflowBundle: { codePath } } : { workflowsPath: builtWorkflowsPath() };
}

export interface RepairWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: VolturaActivities;
  taskQueue?: string;
  maxCachedWorkflows?: number;
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
    ...(options.workflows ?? defaultWorkflowSource()),
    activities: options.activities,
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
    shutdownGraceTime: "20s",
  });
}
