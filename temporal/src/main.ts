// The worker process: ensure the namespace, start the repair worker, serve /health.
import type { Server } from "node:http";
import { TASK_QUEUES } from "@voltura/domain";
import { Connection } from "@temporalio/client";
import { CommerceClient } from "@voltura/medusa-client";
import { createActivities } from "./activities/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { connectToTemporal } from "./connection.js";
import { startHealthServer } from "./health.js";
import { ensureIntegritySchedule } from "./integrity-schedule.js";
import { ensureNamespace } from "./namespace.js";
import { createRepairWorker } from "./worker.js";

const WORKER_ACTOR = { id: "system:temporal-worker", role: "system", name: "Temporal worker" } as const;

async function listenForHealth(port: number, host: string, source: Parameters<typeof startHealthServer>[1]) {
  try {
    return await startHealthServer(port, source, host);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "EADDRINUSE") throw cause;
    throw new ConfigError(`Port ${port} is already in use — stop the other worker, or set WORKER_HEALTH_PORT`);
  }
}

/** The nightly integrity check's schedule, created or brought in line at every start; a failure is logged, the worker still runs. */
async function ensureNightlySchedules(address: string, namespace: string): Promise<void> {
  let client: Connection | undefined;
  try {
    client = await Connection.connect({ address });
    const outcome = await ensureIntegritySchedule({ connection: client, namespace, taskQueue: TASK_QUEUES.repair });
    console.log(`[worker] schedule "integrity-nightly" ${outcome}`);
  } catch (error) {
    console.error(`[worker] could not set up the integrity-nightly schedule: ${(error as Error).message}`);
  } finally {
    await client?.close();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await connectToTemporal(config.temporalAddress);
  let health: Server | undefined;
  try {
    const namespaceOutcome = await ensureNamespace(connection.workflowService, config.namespace);
    console.log(`[worker] namespace "${config.namespace}" ${namespaceOutcome} at ${config.temporalAddress}`);

    const commerce = new CommerceClient({
      baseUrl: config.medusaUrl,
      jwtSecret: config.jwtSecret,
      actor: WORKER_ACTOR,
    });
    const worker = await createRepairWorker({
      connection,
      namespace: config.namespace,
      activities: createActivities({ commerce }),
      maxCachedWorkflows: config.maxCachedWorkflows,
    });
    await ensureNightlySchedules(config.temporalAddress, config.namespace);
    health = await listenForHealth(config.healthPort, config.healthHost, {
      taskQueue: TASK_QUEUES.repair,
      namespace: config.namespace,
      state: () => worker.getState(),
    });
    const healthUrl = `http://${config.healthHost}:${config.healthPort}/health`;
    console.log(`[worker] polling "${TASK_QUEUES.repair}"; health on ${healthUrl}`);
    await worker.run();
    console.log("[worker] stopped");
  } finally {
    health?.close();
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `[worker] ${error.message}` : error);
  process.exit(1);
});
