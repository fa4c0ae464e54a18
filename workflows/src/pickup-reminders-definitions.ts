import { defineQuery, defineSignal } from "@temporalio/workflow";
import { PICKUP_REMINDERS, type JobReopened, type OptedOut, type PickedUp, type PickupFlowState } from "@voltura/domain";

/** The job became Delivered: no more reminders. */
export const pickedUpSignal = defineSignal<[PickedUp]>(PICKUP_REMINDERS.signals.pickedUp);
/** The customer opted out of reminders on WhatsApp. */
export const optedOutSignal = defineSignal<[OptedOut]>(PICKUP_REMINDERS.signals.optedOut);
/** The job went back to the bench (Completed → In Progress); a new flow starts when it completes again. */
export const jobReopenedSignal = defineSignal<[JobReopened]>(PICKUP_REMINDERS.signals.jobReopened);
export const pickupStateQuery = defineQuery<PickupFlowState>(PICKUP_REMINDERS.query);
