import type { ConciergeSettings, ToolCall } from "@voltura/contracts";
import type { KnowledgeKind, PriceItem } from "@voltura/knowledge";
import type { RepairStatus } from "@voltura/domain";
import type { Language } from "@voltura/conversation";

/** A repair job as the concierge may show it, plus the phone it belongs to (for the no-leak rule; never shown). */
export interface JobFact {
  job_number: string;
  status: RepairStatus;
  device: string;
  customer_phone: string;
  eta: string | null;
  updated_at: string;
}

export interface KnowledgeFact {
  document_id: string;
  kind: KnowledgeKind;
  title: string;
  content: string;
  score: number;
  price?: PriceItem;
}

export interface StockFact {
  title: string;
  sku: string | null;
  available: number;
}

/** Everything the concierge's tools can read. Implemented over the Medusa container; pure code depends on this only. */
export interface ShopData {
  jobsByPhone(phone: string): Promise<JobFact[]>;
  jobByNumber(jobNumber: string): Promise<JobFact | null>;
  searchKnowledge(query: string, options: { kinds?: KnowledgeKind[]; k?: number }): Promise<KnowledgeFact[]>;
  stockAtShop(query: string): Promise<StockFact[]>;
  settings(): Promise<ConciergeSettings>;
  shopName(): Promise<string>;
}

export interface ChatContext {
  /** The sender, E.164. Jobs are only ever looked up for this phone (see guards.ts). */
  phone: string;
  text: string;
  /** The chat's language so far, for messages that carry no signal ("ok", a job number). */
  previousLanguage?: Language;
  summary?: string;
  recentTurns?: Array<{ customer: string; reply: string }>;
}

export interface ConciergeReply {
  reply: string;
  /** Why a person must take over; null when the bot answered. */
  handoff: { reason: string } | null;
  language: Language;
  tool_calls: ToolCall[];
  mode: "llm" | "offline";
}
