import { Client, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type CalendarSpec, type ConnectionLike, type ScheduleOptions } from "@temporalio/client";
import { shopTimeZone, TASK_QUEUES } from "@voltura/domain";
import { OPERATIONS_SCHEDULES, type OperationsScheduleDefinition, type OperationsScheduleTime } from "@voltura/workflows";
import type { ScheduleControl } from "./activities/operations-support.js";

/** What the settings decide about the schedules (read from commerce at worker start). */
export interface OperationsScheduleSettings {
  /** Shop hour (0-23) of the daily backup. Default 3. */
  backupHour: number;
  /** 0 = Sunday: the day of the weekly backup and the restore test. */
  restoreTestWeekday: number;
}

export const DEFAULT_OPERATIONS_SCHEDULE_SETTINGS: OperationsScheduleSettings = { backupHour: 3, restoreTestWeekday: 0 };

const WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] as const;

function calendar(time: OperationsScheduleTime, comment: string): CalendarSpec {
  if (time.every === "hour") return { hour: "*", minute: time.minute, comment };
  if (time.every === "day") return { hour: time.hour, minute: time.minute, comment };
  return { dayOfWeek: WEEKDAYS[time.weekday]!, hour: time.hour, minute: time.minute, comment };
}

/** The six schedules' times after the settings: backup hour, and the restore test on the restore-test weekday. */
export function operationsScheduleTimes(settings: OperationsScheduleSettings): OperationsScheduleDefinition[] {
  const s = OPERATIONS_SCHEDULES;
  return [
    { ...s.backupDaily, time: { every: "day", hour: settings.backupHour, minute: 0 } },
    { ...s.restoreTestWeekly, time: { ...s.restoreTestWeekly.time, weekday: settings.restoreTestWeekday } },
    s.backupFreshness, s.optimiseWeekly, s.auditChainDaily, s.archiveDaily,
  ];
}

/** Each workflow's input: the scheduled backup is `daily` (the workflow makes the weekday's one weekly); the others take the shop's zone. */
function scheduleArgs(definition: OperationsScheduleDefinition, timeZone: string): unknown[] {
  switch (definition.workflowType) {
    case OPERATIONS_SCHEDULES.backupDaily.workflowType: return [{ kind: "daily", requestedBy: `schedule:${definition.scheduleId}`, timeZone }];
    case OPERATIONS_SCHEDULES.restoreTestWeekly.workflowType: return [{}];
    case OPERATIONS_SCHEDULES.backupFreshness.workflowType:
    case OPERATIONS_SCHEDULES.auditChainDaily.workflowType: return [];
    default: return [{ timeZone }];
  }
}

/** The schedules as the code wants them: shop time, skip when the last run still goes, a catch-up window each. */
export function operationsScheduleOptions(taskQueue: string, timeZone: string, settings: OperationsScheduleSettings): ScheduleOptions[] {
  return operationsScheduleTimes(settings).map((definition) => ({
    scheduleId: definition.scheduleId,
    spec: { calendars: [calendar(definition.time, definition.comment)], timezone: timeZone },
    action: { type: "startWorkflow", workflowType: definition.workflowType, workflowId: definition.workflowId, taskQueue, args: scheduleArgs(definition, timeZone) },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: definition.catchupWindow },
  }));
}

export interface OperationsSchedulesOptions {
  connection: ConnectionLike;
  namespace: string;
  taskQueue?: string;
  timeZone?: string;
  settings?: OperationsScheduleSettings;
}

/**
 * Creates the operations schedules, or brings existing ones in line with the code and settings
 * (their pause state is left alone: a restore or an operator may hold them). Safe at every start.
 */
export async function ensureOperationsSchedules(options: OperationsSchedulesOptions): Promise<Record<string, "created" | "updated">> {
  const client = new Client({ connection: options.connection, namespace: options.namespace });
  const timeZone = options.timeZone ?? shopTimeZone(process.env.SHOP_TIME_ZONE);
  const outcome: Record<string, "created" | "updated"> = {};
  for (const wanted of operationsScheduleOptions(options.taskQueue ?? TASK_QUEUES.repair, timeZone, options.settings ?? DEFAULT_OPERATIONS_SCHEDULE_SETTINGS)) {
    try {
      await client.schedule.create(wanted);
      outcome[wanted.scheduleId] = "created";
      continue;
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
    await client.schedule.getHandle(wanted.scheduleId).update((previous) => ({
      ...previous, spec: wanted.spec, action: wanted.action, policies: { ...previous.policies, ...wanted.policies },
    }));
    outcome[wanted.scheduleId] = "updated";
  }
  return outcome;
}

/** The first value of a described calendar field (Temporal answers ranges). */
const firstOf = (field: unknown) => (Array.isArray(field) ? (field[0] as { start?: unknown } | undefined)?.start : undefined);
const weekdayNumber = (value: unknown) => (typeof value === "string" ? WEEKDAYS.indexOf(value as (typeof WEEKDAYS)[number]) : value);

/**
 * Pause and unpause through the worker's Temporal client (the restore workflow holds the
 * schedules), and the hourly alignment of the backup and restore-test times with the settings.
 */
export function temporalScheduleControl(connection: ConnectionLike, namespace: string, target: { taskQueue: string; timeZone: string }): ScheduleControl {
  const client = new Client({ connection, namespace });
  return {
    async align(settings) {
      const changed: string[] = [];
      const wanted = operationsScheduleOptions(target.taskQueue, target.timeZone, settings);
      for (const id of [OPERATIONS_SCHEDULES.backupDaily.scheduleId, OPERATIONS_SCHEDULES.restoreTestWeekly.scheduleId]) {
        const want = wanted.find((w) => w.scheduleId === id)!;
        const handle = client.schedule.getHandle(id);
        const current = await handle.describe().catch((err: unknown) => {
          if (err instanceof ScheduleNotFoundError) return null; // the next worker start creates it
          throw err;
        });
        const have = current?.spec.calendars?.[0];
        const need = want.spec.calendars![0]!;
        if (!current || !have) continue;
        const sameHour = firstOf(have.hour) === need.hour;
        const sameDay = need.dayOfWeek === undefined || weekdayNumber(firstOf(have.dayOfWeek)) === weekdayNumber(need.dayOfWeek);
        const same = sameHour && sameDay;
        if (same) continue;
        await handle.update((previous) => ({ ...previous, spec: want.spec }));
        changed.push(id);
      }
      return changed;
    },
    async describe(scheduleId) {
      try {
        const described = await client.schedule.getHandle(scheduleId).describe();
        return { paused: described.state.paused, note: described.state.note };
      } catch (err) {
        if (err instanceof ScheduleNotFoundError) return null;
        throw err;
      }
    },
    pause: (scheduleId, note) => client.schedule.getHandle(scheduleId).pause(note),
    unpause: (scheduleId, note) => client.schedule.getHandle(scheduleId).unpause(note),
  };
}
