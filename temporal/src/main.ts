// The worker process: ensure the namespace, start the repair worker, serve /health.
import type { Server } from "node:http";
import { shopTimeZone, TASK_QUEUES } from "@voltura/domain";
import { Connection } from "@temporalio/client";
import { CommerceClient, getOperationsSettings } from "@voltura/medusa-client";
import { createActivities } from "./activities/index.js";
import { ConfigError, loadConfig, loadOperationsConfig } from "./config.js";
import { connectToTemporal } from "./connection.js";
import { startHealthServer } from "./health.js";
import { ensureIntegritySchedule } from "./integrity-schedule.js";
import { ensureNamespace } from "./namespace.js";
import { ensureOperationsSchedules, temporalScheduleControl } from "./operations-schedules.js";
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

/** The operations schedules (backup hour and restore-test weekday from commerce's settings, defaults when it is not up yet). */
async function ensureOperationsSchedulesAtStart(address: string, namespace: string, commerce: CommerceClient): Promise<void> {
  const settings = await getOperationsSettings(commerce).then(
    (s) => ({ backupHour: s.backup_hour, restoreTestWeekday: s.restore_test_weekday }),
    (error: unknown) => {
      console.warn(`[worker] operations settings unreadable (${(error as Error).message}); schedules use 03:00 and Sunday`);
      return undefined;
    },
  );
  let client: Connection | undefined;
  try {
    client = await Connection.connect({ address });
    const outcome = await ensureOperationsSchedules({ connection: client, namespace, taskQueue: TASK_QUEUES.repair, settings });
    console.log(`[worker] operations schedules: ${Object.entries(outcome).map(([id, how]) => `${id} ${how}`).join(", ")}`);
  } catch (error) {
    console.error(`[worker] could not set up the operations schedules: ${(error as Error).message}`);
  } finally {
    await client?.close();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const operations = loadOperationsConfig();
  if ("error" in operations.dbOps) console.error(`[worker] backups are not configured: ${operations.dbOps.error}`);
  const connection = await connectToTemporal(config.temporalAddress);
  let health: Server | undefined;
  let scheduleConnection: Connection | undefined;
  try {
    const namespaceOutcome = await ensureNamespace(connection.workflowService, config.namespace);
    console.log(`[worker] namespace "${config.namespace}" ${namespaceOutcome} at ${config.temporalAddress}`);

    const commerce = new CommerceClient({
      baseUrl: config.medusaUrl,
      jwtSecret: config.jwtSecret,
      actor: WORKER_ACTOR,
    });
    // A client connection of its own: the restore workflow pauses and unpauses schedules through it.
    scheduleConnection = await Connection.connect({ address: config.temporalAddress });
    const schedules = temporalScheduleControl(scheduleConnection, config.namespace, { taskQueue: TASK_QUEUES.repair, timeZone: shopTimeZone(process.env.SHOP_TIME_ZONE) });
    const worker = await createRepairWorker({
      connection,
      namespace: config.namespace,
      activities: createActivities({ commerce, operations: { ...operations, schedules } }),
      maxCachedWorkflows: config.maxCachedWorkflows,
    });
    await ensureNightlySchedules(config.temporalAddress, config.namespace);
    await ensureOperationsSchedulesAtStart(config.temporalAddress, config.namespace, commerce);
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
    await scheduleConnection?.close();
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `[worker] ${error.message}` : error);
  process.exit(1);
});
