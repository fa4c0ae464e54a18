import type { ToolCall } from "@voltura/contracts";
import type { KnowledgeKind } from "@voltura/knowledge";
import { CUSTOMER_STATUS_LABELS, jobsToReport, mayReveal } from "./guards";
import type { JobFact, KnowledgeFact, ShopData, StockFact } from "./agent-types";

/** Retrieval hits below this similarity are not evidence (the local embedder scores flat; see @voltura/knowledge). */
export const MIN_KNOWLEDGE_SCORE = 0.3;

export interface JobView {
  job_number: string;
  device: string;
  status: string;
  status_label: { ms: string; en: string };
  eta: string | null;
}

/**
 * What the concierge's tools do, for both the LLM agent and offline mode. It records every call
 * and every job number it revealed, and enforces the no-leak rule itself: the sender's phone
 * comes from the chat, never from the model.
 */
export class ToolBox {
  readonly calls: ToolCall[] = [];
  readonly revealed = new Set<string>();
  handoffReason: string | null = null;

  constructor(
    private readonly data: ShopData,
    private readonly senderPhone: string,
  ) {}

  async jobStatus(args: { job_number?: string; phone?: string }): Promise<{ jobs: JobView[]; note?: string }> {
    this.calls.push({ name: "job_status", args: { ...args } });
    let jobs: JobFact[];
    if (args.job_number) {
      const job = await this.data.jobByNumber(args.job_number.trim().toUpperCase());
      const ok = job && mayReveal(job, { senderPhone: this.senderPhone, jobNumber: args.job_number, claimedPhone: args.phone });
      if (!ok) return { jobs: [], note: "No job with that number for this customer's phone." };
      jobs = [job];
    } else {
      jobs = jobsToReport(await this.data.jobsByPhone(this.senderPhone));
      if (jobs.length === 0) return { jobs: [], note: "This phone number has no repair jobs." };
    }
    return { jobs: jobs.map((j) => this.view(j)) };
  }

  private view(job: JobFact): JobView {
    this.revealed.add(job.job_number);
    return { job_number: job.job_number, device: job.device, status: job.status, status_label: CUSTOMER_STATUS_LABELS[job.status], eta: job.eta };
  }

  async searchKnowledge(args: { query: string; kind?: KnowledgeKind }): Promise<{ results: KnowledgeFact[] }> {
    this.calls.push({ name: "search_knowledge", args: { ...args } });
    const hits = await this.data.searchKnowledge(args.query, { kinds: args.kind ? [args.kind] : undefined, k: 5 });
    return { results: hits.filter((h) => h.score >= MIN_KNOWLEDGE_SCORE) };
  }

  async checkStock(args: { query: string }): Promise<{ items: StockFact[] }> {
    this.calls.push({ name: "check_stock", args: { ...args } });
    return { items: await this.data.stockAtShop(args.query) };
  }

  handoff(args: { reason: string }): { handed_over: true } {
    this.calls.push({ name: "handoff_to_technician", args: { ...args } });
    this.handoffReason = args.reason || "The customer needs a person";
    return { handed_over: true };
  }
}
