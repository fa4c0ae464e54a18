import { randomUUID } from "node:crypto";
import { ApplicationFailure, Context } from "@temporalio/activity";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import type { WorkflowBundle } from "@temporalio/worker";
import { DEFAULT_PICKUP_REMINDERS } from "@voltura/domain";
import type {
  PickupReminderTarget,
  QuoteForCustomer,
  RecordQuoteDecisionInput,
  RepairFlowActivities,
  SendWhatsAppActivity,
  SendWhatsAppInput,
} from "@voltura/workflows";
import { WHATSAPP_SEND_FAILURES } from "@voltura/workflows";
import { bundleWorkflows, runWorker } from "./test-worker.js";
import { createTimeSkippingTestEnv } from "./time-skipping-env.js";

// Bundled from source, so the tests exercise the workflow code as it is now, not a stale dist/.

export interface Sent extends SendWhatsAppInput {
  /** Server time (skipped) when the send was scheduled. */
  atMs: number;
}

/**
 * The outside world of the repair flows for worker tests: commerce and WhatsApp as in-memory
 * records the tests arrange and inspect. The workflows, timers and signals are real.
 */
export class FlowWorld {
  readonly sent: Sent[] = [];
  readonly decisions: RecordQuoteDecisionInput[] = [];
  readonly handoffs: Array<{ phone: string; jobNumber: string; summary: string }> = [];
  readonly quotes = new Map<string, QuoteForCustomer>();
  readonly pickups = new Map<string, PickupReminderTarget>();
  readonly optedOutPhones = new Set<string>();

  addQuote(jobId: string, jobNumber: string): QuoteForCustomer {
    const quote: QuoteForCustomer = {
      jobNumber, jobStatus: "awaiting_approval", quoteStatus: "sent", phone: `+6012${Math.floor(Math.random() * 1e7)}`,
      customerName: "Aminah Yusof", device: "Apple iPhone 13", totalSen: 32_400,
      lines: [{ title: "Screen (OEM)", amountSen: 25_000 }, { title: "Labour", amountSen: 5_000 }], shopName: "Voltura Demo Repair",
    };
    this.quotes.set(jobId, quote);
    return quote;
  }

  addPickup(jobId: string, jobNumber: string): PickupReminderTarget {
    const target: PickupReminderTarget = {
      jobNumber, jobStatus: "completed", phone: `+6019${Math.floor(Math.random() * 1e7)}`, customerName: "Lim Wei Ming",
      device: "Samsung Galaxy A54", shopName: "Voltura Demo Repair",
    };
    this.pickups.set(jobId, target);
    return target;
  }

  sentTo(phone: string): Sent[] {
    return this.sent.filter((s) => s.to === phone);
  }

  activities(): RepairFlowActivities & SendWhatsAppActivity {
    return {
      loadQuoteForCustomer: async ({ jobId }) => {
        const quote = this.quotes.get(jobId);
        if (!quote) throw ApplicationFailure.nonRetryable(`No job ${jobId}`, "RepairJobNotFound");
        return { ...quote };
      },
      recordQuoteDecision: async (input) => {
        const quote = this.quotes.get(input.jobId)!;
        if (quote.quoteStatus === "approved" || quote.quoteStatus === "rejected") {
          return { outcome: "already_decided", status: quote.quoteStatus };
        }
        this.decisions.push(input);
        quote.quoteStatus = input.decision === "approve" ? "approved" : "rejected";
        quote.jobStatus = input.decision === "approve" ? "in_progress" : "returned_unrepaired";
        return { outcome: "recorded", status: quote.quoteStatus };
      },
      escalateQuoteToStaff: async (input) => {
        this.handoffs.push(input);
        return { handoffId: `hoff_${this.handoffs.length}` };
      },
      loadPickupReminderTarget: async ({ jobId }) => ({ ...this.pickups.get(jobId)! }),
      sendWhatsApp: async (input) => {
        if (input.context?.kind === "reminder" && this.optedOutPhones.has(input.to)) {
          throw ApplicationFailure.nonRetryable(`${input.to} opted out`, WHATSAPP_SEND_FAILURES.optedOut);
        }
        const known = this.sent.findIndex((s) => s.idempotencyKey === input.idempotencyKey);
        if (known === -1) this.sent.push({ ...input, atMs: Context.current().info.scheduledTimestampMs });
        const index = known === -1 ? this.sent.length - 1 : known;
        return { messageId: `msg_${index + 1}`, waMessageId: null, status: "sent" };
      },
    };
  }
}

export interface FlowWorker {
  world: FlowWorld;
  taskQueue: string;
  workflowBundle: WorkflowBundle;
  stop(): Promise<void>;
}

export async function startFlowWorker(env: TestWorkflowEnvironment): Promise<FlowWorker> {
  const world = new FlowWorld();
  const taskQueue = `repair-flows-it-${randomUUID()}`;
  const workflowBundle = await bundleWorkflows();
  const { stop } = await runWorker({ connection: env.nativeConnection, taskQueue, workflowBundle, activities: world.activities() });
  return { world, taskQueue, workflowBundle, stop };
}

/** A time-skipping test server with the flow worker on it: what the flow suites start before all their tests. */
export async function startTimeSkippingFlows(): Promise<{ env: TestWorkflowEnvironment; flows: FlowWorker }> {
  const env = await createTimeSkippingTestEnv();
  return { env, flows: await startFlowWorker(env) };
}

/** Stops what `startTimeSkippingFlows` started (either may be missing when the start failed). */
export async function stopTimeSkippingFlows(env: TestWorkflowEnvironment | undefined, flows: FlowWorker | undefined): Promise<void> {
  await flows?.stop();
  await env?.teardown();
}

/** Polls `check` until it stops throwing (workflow tasks and activities run asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export const pickupSettings = DEFAULT_PICKUP_REMINDERS;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
