import { ApplicationFailure } from "@temporalio/activity";
import { type RepairBilling, type RepairJob } from "@voltura/contracts";
import { CommerceError } from "@voltura/medusa-client";
import type {
  PickupReminderTarget,
  QuoteForCustomer,
  RecordQuoteDecisionResult,
  RepairFlowActivities,
} from "@voltura/workflows";
import { z } from "zod";
import type { ActivityDeps } from "./index.js";

/** Failure types the flows can tell apart (all non-retryable: retrying cannot change the answer). */
export const REPAIR_FLOW_FAILURES = {
  notFound: "RepairJobNotFound",
  refused: "CommerceRefused",
} as const;

// A handoff answer from the concierge plugin; only the id matters here.
const handoffAnswerSchema = z.object({ handoff: z.looseObject({ id: z.string() }) }).loose();

/**
 * Commerce's 4xx answers will not change on retry: they become non-retryable failures (404 names
 * the job). 5xx and "unreachable" stay ordinary errors, so Temporal retries them.
 */
function asFailure(err: unknown, what: string, notFoundType: string = REPAIR_FLOW_FAILURES.notFound): unknown {
  if (!(err instanceof CommerceError) || err.status >= 500) return err;
  const type = err.status === 404 ? notFoundType : REPAIR_FLOW_FAILURES.refused;
  return ApplicationFailure.create({ message: `${what}: ${err.status} ${err.message}`, type, nonRetryable: true, details: [err.type ?? null] });
}

async function orFail<T>(what: string, run: () => Promise<T>, notFoundType?: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw asFailure(err, what, notFoundType);
  }
}

function device(job: RepairJob): string {
  return [job.brand, job.model].map((part) => part.trim()).filter(Boolean).join(" ") || job.device_type;
}

function decidedStatus(billing: RepairBilling, version: number): "approved" | "rejected" | null {
  const status = billing.quotes.find((q) => q.version === version)?.status;
  return status === "approved" || status === "rejected" ? status : null;
}

/** Reads the job, its billing and the shop settings: everything a quote or reminder text needs. */
export function createRepairFlowActivities({ commerce }: ActivityDeps): RepairFlowActivities {
  const loadJob = (jobId: string) =>
    orFail(`Loading job ${jobId}`, () => Promise.all([commerce.getRepairJob(jobId), commerce.getShopSettings()]));

  return {
    async loadQuoteForCustomer({ jobId, version }): Promise<QuoteForCustomer> {
      const [[job, settings], billing] = await Promise.all([loadJob(jobId), orFail(`Loading billing of ${jobId}`, () => commerce.getRepairBilling(jobId))]);
      const quote = billing.quotes.find((q) => q.version === version);
      return {
        jobNumber: job.job_number,
        jobStatus: job.status,
        quoteStatus: quote?.status ?? "missing",
        phone: job.customer_phone,
        customerName: job.customer_name,
        device: device(job),
        totalSen: quote?.totals.total_sen ?? 0,
        lines: (quote?.lines ?? []).map((line) => ({ title: line.title, amountSen: line.amount_sen })),
        shopName: settings.business.name,
      };
    },

    async recordQuoteDecision({ jobId, version, decision, messageId, text }): Promise<RecordQuoteDecisionResult> {
      // A retry after a lost answer finds the quote decided already: that counts as done.
      const before = await orFail(`Loading billing of ${jobId}`, () => commerce.getRepairBilling(jobId));
      const already = decidedStatus(before, version);
      if (already) return { outcome: "already_decided", status: already };
      try {
        const after = await commerce.decideRepairQuote(jobId, {
          decision,
          channel: "whatsapp",
          note: `WhatsApp reply "${text.slice(0, 200)}" (message ${messageId})`,
        });
        return { outcome: "recorded", status: decidedStatus(after, version) ?? (decision === "approve" ? "approved" : "rejected") };
      } catch (err) {
        if (err instanceof CommerceError && err.status === 409 && err.type === "quote_decided") {
          const now = await orFail(`Loading billing of ${jobId}`, () => commerce.getRepairBilling(jobId));
          const status = decidedStatus(now, version);
          if (status) return { outcome: "already_decided", status };
        }
        throw asFailure(err, `Recording the decision on quote v${version} of ${jobId}`);
      }
    },

    async escalateQuoteToStaff({ phone, jobNumber, summary }) {
      // The concierge keeps one open handoff per phone, so a retried call finds the same one.
      const answer = await orFail(`Opening a handoff for ${jobNumber}`, () =>
        commerce.request("POST", "/admin/concierge/handoffs", handoffAnswerSchema, {
          phone, reason: "quote_no_reply", summary, job_number: jobNumber,
        }),
        REPAIR_FLOW_FAILURES.refused,
      );
      return { handoffId: answer.handoff.id };
    },

    async loadPickupReminderTarget({ jobId }): Promise<PickupReminderTarget> {
      const [job, settings] = await loadJob(jobId);
      return {
        jobNumber: job.job_number,
        jobStatus: job.status,
        phone: job.customer_phone,
        customerName: job.customer_name,
        device: device(job),
        shopName: settings.business.name,
      };
    },
  };
}
