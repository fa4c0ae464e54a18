import { defineQuery, defineSignal } from "@temporalio/workflow";
import { REPAIR_LIFECYCLE } from "@voltura/domain";
import type { RepairLifecycleSummary } from "./lifecycle-state.js";
import type { StatusChangeArg } from "./validation.js";

/** Sent by the commerce core after it has saved a status change of the job. */
export const statusChangedSignal = defineSignal<[StatusChangeArg]>(REPAIR_LIFECYCLE.signal);

/** The job's status and the ordered list of changes the workflow has seen. */
export const historyQuery = defineQuery<RepairLifecycleSummary>(REPAIR_LIFECYCLE.query);
