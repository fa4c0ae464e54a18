import { Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from "@temporalio/client";
import { MedusaError } from "@medusajs/framework/utils";
import { readTemporalConfig, type TemporalConfig } from "./config";

export interface StartOptions {
  workflowType: string;
  workflowId: string;
  taskQueue: string;
  args: unknown[];
}

/**
 * The commerce core's handle on Temporal. It only starts, signals and ends workflows; the
 * workflows themselves run in the Temporal worker process.
 */
export default class TemporalClientService {
  private readonly config: TemporalConfig;
  private client: Promise<Client> | null = null;

  constructor() {
    this.config = readTemporalConfig();
  }

  get namespace(): string {
    return this.config.TEMPORAL_NAMESPACE;
  }

  private async getClient(): Promise<Client> {
    if (!this.client) {
      this.client = Connection.connect({ address: this.config.TEMPORAL_ADDRESS, connectTimeout: "5s" })
        .then((connection) => new Client({ connection, namespace: this.config.TEMPORAL_NAMESPACE }))
        .catch((cause: unknown) => {
          this.client = null;
          throw new MedusaError(
            MedusaError.Types.UNEXPECTED_STATE,
            `Temporal is not reachable at ${this.config.TEMPORAL_ADDRESS} — run \`npm run services\`, or set TEMPORAL_ADDRESS (${String(cause)})`,
          );
        });
    }
    return this.client;
  }

  /** Starts a workflow; starting one that already runs with the same id is not an error. */
  async start(opts: StartOptions): Promise<{ workflowId: string; runId: string | null }> {
    const client = await this.getClient();
    try {
      const handle = await client.workflow.start(opts.workflowType, {
        workflowId: opts.workflowId,
        taskQueue: opts.taskQueue,
        args: opts.args,
      });
      return { workflowId: handle.workflowId, runId: handle.firstExecutionRunId };
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId: opts.workflowId, runId: null };
      throw err;
    }
  }

  /** Signals a workflow, starting it first when it does not run (e.g. it was started while Temporal was down). */
  async signalWithStart(opts: StartOptions & { signal: string; signalArgs: unknown[] }): Promise<void> {
    const client = await this.getClient();
    await client.workflow.signalWithStart(opts.workflowType, {
      workflowId: opts.workflowId,
      taskQueue: opts.taskQueue,
      args: opts.args,
      signal: opts.signal,
      signalArgs: opts.signalArgs,
    });
  }

  async signal(workflowId: string, signal: string, args: unknown[]): Promise<void> {
    const client = await this.getClient();
    await client.workflow.getHandle(workflowId).signal(signal, ...args);
  }

  /** Ends a workflow that a compensated Medusa workflow had started. A missing workflow is fine. */
  async terminate(workflowId: string, reason: string): Promise<void> {
    const client = await this.getClient();
    try {
      await client.workflow.getHandle(workflowId).terminate(reason);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }

  async query<T>(workflowId: string, query: string): Promise<T> {
    const client = await this.getClient();
    return client.workflow.getHandle(workflowId).query<T>(query);
  }

  /** Signals a workflow that may have ended or never started; false when there is none running. */
  async signalIfRunning(workflowId: string, signal: string, args: unknown[]): Promise<boolean> {
    const client = await this.getClient();
    try {
      await client.workflow.getHandle(workflowId).signal(signal, ...args);
      return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }

  /**
   * A workflow's status for staff screens: its `query` answer while it runs (bounded wait, since a
   * query needs a worker), its result once completed, null when there is no such workflow.
   */
  async inspect(workflowId: string, query: string, waitMs = 3_000): Promise<WorkflowInspection | null> {
    const client = await this.getClient();
    const handle = client.workflow.getHandle(workflowId);
    let description;
    try {
      description = await handle.describe();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
    const status = description.status.name;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref());
    const answer = status === "RUNNING" ? handle.query(query) : status === "COMPLETED" ? handle.result() : Promise.resolve(null);
    const state = await Promise.race([answer.catch(() => null), timeout]);
    return {
      workflowId,
      runId: description.runId,
      status,
      startedAt: description.startTime.toISOString(),
      closedAt: description.closeTime?.toISOString() ?? null,
      state: state ?? null,
    };
  }
}

export interface WorkflowInspection {
  workflowId: string;
  runId: string;
  status: string;
  startedAt: string;
  closedAt: string | null;
  state: unknown;
}
