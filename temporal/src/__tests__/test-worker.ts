import { fileURLToPath } from "node:url";
import { bundleWorkflowCode, Worker, type WorkerOptions, type WorkflowBundle } from "@temporalio/worker";

/** The shop's workflows, as the integration suites bundle them. */
export const WORKFLOWS_PATH = fileURLToPath(new URL("../../../workflows/src/workflows.ts", import.meta.url));

/** The bundler's logger without its chatter: warnings and errors only. */
export function quietLogger() {
  const ignore = () => undefined;
  return { trace: ignore, debug: ignore, info: ignore, log: ignore, warn: console.warn, error: console.error };
}

/** Bundles the workflows once per suite, quietly. */
export function bundleWorkflows(workflowsPath = WORKFLOWS_PATH): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath, logger: quietLogger() });
}

/** Creates a worker and runs it; `stop` shuts it down and waits until it has. */
export async function runWorker(options: WorkerOptions): Promise<{ stop(): Promise<void> }> {
  const worker = await Worker.create(options);
  const running = worker.run();
  return {
    stop: async () => {
      worker.shutdown();
      await running;
    },
  };
}
