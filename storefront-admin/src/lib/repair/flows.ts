/** One Temporal flow as the job workspace shows it. */
export interface RepairFlowView {
  workflowId: string;
  title: string;
  /** Temporal's status in words: Running, Completed, Terminated, … */
  status: string;
  running: boolean;
  /** Where the flow stands, in a sentence (null when the worker did not answer). */
  summary: string | null;
  details: string[];
  temporalUrl: string | null;
}
