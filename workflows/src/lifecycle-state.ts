import { isTerminalStatus, type RepairStatus, type StatusChange } from "@voltura/domain";
import type { LifecycleRunInput } from "./validation.js";

/** What the `history` query answers and what the workflow returns when the job is closed. */
export interface RepairLifecycleSummary {
  jobId: string;
  jobNumber: string;
  status: RepairStatus;
  history: StatusChange[];
}

/** Event-history length after which a run hands its state to a fresh run. */
export const CONTINUE_AS_NEW_AFTER_EVENTS = 500;

export function shouldContinueAsNew(
  info: { historyLength: number; continueAsNewSuggested: boolean },
  limit = CONTINUE_AS_NEW_AFTER_EVENTS,
): boolean {
  return info.continueAsNewSuggested || info.historyLength > limit;
}

export type RecordOutcome = "recorded" | "duplicate" | "after-terminal";

export function isSameStatusChange(a: StatusChange, b: StatusChange): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.note === b.note &&
    a.changedBy === b.changedBy &&
    a.changedAt === b.changedAt
  );
}

/**
 * The status history of one repair job, as the workflow holds it. Plain data and no Temporal
 * APIs, so it can be unit tested and carried across continue-as-new.
 */
export class RepairLifecycleState {
  private readonly history: StatusChange[];
  private latest: StatusChange;

  private constructor(
    readonly jobId: string,
    readonly jobNumber: string,
    first: StatusChange,
    rest: readonly StatusChange[],
  ) {
    this.latest = first;
    this.history = [first];
    for (const change of rest) this.record(change);
  }

  static fromInput(input: LifecycleRunInput): RepairLifecycleState {
    const [first, ...rest] = input.carriedHistory ?? [input.initial];
    return new RepairLifecycleState(input.jobId, input.jobNumber, first ?? input.initial, rest);
  }

  get status(): RepairStatus {
    return this.latest.to;
  }

  get isClosed(): boolean {
    return isTerminalStatus(this.latest.to);
  }

  get length(): number {
    return this.history.length;
  }

  /**
   * Appends a change in arrival order. Exact duplicates (a client retrying a signal) are dropped,
   * and so is anything after a final status, because the job is closed by then.
   */
  record(change: StatusChange): RecordOutcome {
    if (this.isClosed) return "after-terminal";
    if (this.history.some((known) => isSameStatusChange(known, change))) return "duplicate";
    this.history.push(change);
    this.latest = change;
    return "recorded";
  }

  summary(): RepairLifecycleSummary {
    return {
      jobId: this.jobId,
      jobNumber: this.jobNumber,
      status: this.status,
      history: this.history.map((change) => ({ ...change })),
    };
  }

  /** The input for the next run when this one continues as new. */
  continuationInput(): LifecycleRunInput {
    const history = this.summary().history;
    const initial = history[0] ?? this.latest;
    return { jobId: this.jobId, jobNumber: this.jobNumber, initial, carriedHistory: history };
  }
}
