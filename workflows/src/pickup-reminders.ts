import { log, patched, setHandler } from "@temporalio/workflow";
import {
  jobReopenedSchema,
  optedOutSchema,
  pickedUpSchema,
  pickupRemindersInputSchema,
  type PickupFlowState,
  type PickupRemindersInput,
} from "@voltura/domain";
import { CLOUD_API_TEMPLATES_PATCH, MESSAGE_TEMPLATES_PATCH, pickupTemplatePurpose, pickupTemplateValues } from "./message-template-values.js";
import { jobReopenedSignal, optedOutSignal, pickedUpSignal, pickupStateQuery } from "./pickup-reminders-definitions.js";
import { pickupReminderKey, pickupReminderMessage, pickupSchedule } from "./pickup-reminders-schedule.js";
import {
  failureMessage,
  iso,
  isOptedOutFailure,
  parseFlowInput,
  repairFlowActivities,
  waitUntil,
  whatsAppActivities,
} from "./repair-flows-support.js";

// Every function exported here is registered as a workflow type: export helpers elsewhere.

type StopReason = NonNullable<PickupFlowState["stoppedBy"]>;

/**
 * Reminds the customer to collect a completed job (id `pickup-<jobNumber>`) on the configured
 * days after completion (Day 1 / 20 / 30 by default). Stops on `pickedUp` (Delivered), on
 * `optedOut` or a send refused as opted out, and when the job is no longer Completed.
 */
export async function pickupReminders(rawInput: PickupRemindersInput): Promise<PickupFlowState> {
  const input = parseFlowInput(pickupRemindersInputSchema, rawInput, "pickup reminders");
  const schedule = pickupSchedule(input.completedAt, input.reminders.days);
  const state: PickupFlowState = {
    jobNumber: input.jobNumber,
    phase: "waiting",
    completedAt: input.completedAt,
    sent: [],
    next: null,
    stoppedBy: null,
  };
  const stop = (reason: StopReason) => {
    state.stoppedBy ??= reason;
  };
  const stopped = () => state.stoppedBy !== null;

  // A bad payload is logged and dropped (a throw in a handler would fail every workflow task).
  setHandler(pickedUpSignal, (raw) => (pickedUpSchema.safeParse(raw).success ? stop("picked_up") : log.warn("Ignored an invalid pickedUp signal")));
  setHandler(optedOutSignal, (raw) => (optedOutSchema.safeParse(raw).success ? stop("opted_out") : log.warn("Ignored an invalid optedOut signal")));
  setHandler(jobReopenedSignal, (raw) => (jobReopenedSchema.safeParse(raw).success ? stop("reopened") : log.warn("Ignored an invalid jobReopened signal")));
  setHandler(pickupStateQuery, () => ({ ...state, sent: [...state.sent] }));

  for (const reminder of schedule) {
    state.next = { day: reminder.day, at: iso(reminder.atMs) };
    if (await waitUntil(stopped, reminder.atMs)) break;

    const target = await repairFlowActivities.loadPickupReminderTarget({ jobId: input.jobId });
    if (stopped()) break;
    if (target.jobStatus !== "completed") {
      stop(target.jobStatus === "delivered" ? "picked_up" : "reopened");
      break;
    }
    try {
      const sent = await whatsAppActivities.sendWhatsApp({
        idempotencyKey: pickupReminderKey(input.jobId, reminder.day),
        to: target.phone,
        body: pickupReminderMessage(input.reminders, target),
        context: { kind: "reminder", ref: input.jobNumber },
        // The shop's own pickup_reminder text applies at send time (read by the activity).
        ...(patched(MESSAGE_TEMPLATES_PATCH) ? { template: { kind: "pickup_reminder" as const, values: pickupTemplateValues(target) } } : {}),
        // Days after pickup the window is usually closed: a Cloud API number sends the template bound to this day.
        ...(patched(CLOUD_API_TEMPLATES_PATCH) ? { templatePurpose: pickupTemplatePurpose(reminder.day), variables: pickupTemplateValues(target) } : {}),
      });
      state.sent.push({ day: reminder.day, at: iso(Date.now()), messageId: sent.messageId });
    } catch (err) {
      if (isOptedOutFailure(err)) {
        stop("opted_out");
        break;
      }
      // One failed day does not end the flow: the next day may reach the customer.
      log.warn("A pickup reminder could not be sent", { jobNumber: input.jobNumber, day: reminder.day, error: failureMessage(err) });
    }
  }

  state.next = null;
  state.phase = stopped() ? "stopped" : "finished";
  return { ...state, sent: [...state.sent] };
}
