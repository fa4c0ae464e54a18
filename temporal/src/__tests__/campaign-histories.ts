import type { Client } from "@temporalio/client";
import type { temporal } from "@temporalio/proto";

export interface RunHistory {
  workflowId: string;
  runId: string;
  history: temporal.api.history.v1.IHistory;
  events: number;
}

/** Every run of a workflow id, oldest first, following continue-as-new back from the latest run. */
export async function historyChain(client: Client, workflowId: string): Promise<RunHistory[]> {
  const chain: RunHistory[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    chain.unshift({ workflowId, runId, history, events: history.events?.length ?? 0 });
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return chain;
}

/** The histories of the given runs of a workflow id. */
export async function runHistories(client: Client, workflowId: string, runIds: string[]): Promise<RunHistory[]> {
  return Promise.all(runIds.map(async (runId) => {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    return { workflowId, runId, history, events: history.events?.length ?? 0 };
  }));
}
