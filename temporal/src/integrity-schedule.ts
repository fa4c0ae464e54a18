import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptions } from "@temporalio/client";
import { shopTimeZone, TASK_QUEUES } from "@voltura/domain";
import { INTEGRITY_NIGHTLY, type IntegrityNightlyInput } from "@voltura/workflows";

export interface IntegrityScheduleOptions {
  connection: ConnectionLike;
  namespace: string;
  taskQueue?: string;
  /** The shop's IANA zone: the schedule fires at 02:30 there. */
  timeZone?: string;
}

/** The schedule as the code wants it: 02:30 shop time, skip when the last run is still going, catch up for 1 h. */
export function integrityScheduleOptions(taskQueue: string, timeZone: string): ScheduleOptions {
  const args: [IntegrityNightlyInput] = [{ timeZone }];
  return {
    scheduleId: INTEGRITY_NIGHTLY.scheduleId,
    spec: { calendars: [{ hour: INTEGRITY_NIGHTLY.hour, minute: INTEGRITY_NIGHTLY.minute, comment: "nightly integrity check" }], timezone: timeZone },
    action: { type: "startWorkflow", workflowType: INTEGRITY_NIGHTLY.workflowType, workflowId: INTEGRITY_NIGHTLY.workflowId, taskQueue, args },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: INTEGRITY_NIGHTLY.catchupWindow },
  };
}

/**
 * Creates the `integrity-nightly` schedule, or brings an existing one in line with the code
 * (spec, action, policies; its pause state is left as an operator set it). Safe at every start.
 */
export async function ensureIntegritySchedule(options: IntegrityScheduleOptions): Promise<"created" | "updated"> {
  const client = new Client({ connection: options.connection, namespace: options.namespace });
  const wanted = integrityScheduleOptions(options.taskQueue ?? TASK_QUEUES.repair, options.timeZone ?? shopTimeZone(process.env.SHOP_TIME_ZONE));
  try {
    await client.schedule.create(wanted);
    return "created";
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  await client.schedule.getHandle(wanted.scheduleId).update((previous) => ({
    ...previous, spec: wanted.spec, action: wanted.action, policies: { ...previous.policies, ...wanted.policies },
  }));
  return "updated";
}
