import { detectLanguage, HANDOFF_TEXT, type HandoffReason, type Language } from "@voltura/conversation";
import { isTerminalStatus, REPAIR_STATUS_LABELS, tryNormalisePhone, type RepairStatus } from "@voltura/domain";
import type { JobFact } from "./agent-types";

/** How each status reads to a customer, in BM and English. */
export const CUSTOMER_STATUS_LABELS: Record<RepairStatus, { ms: string; en: string }> = {
  pending: { ms: "Diterima, menunggu pemeriksaan", en: REPAIR_STATUS_LABELS.pending + " (received, waiting for inspection)" },
  awaiting_approval: { ms: "Menunggu persetujuan sebut harga anda", en: "Awaiting your approval of the quote" },
  awaiting_parts: { ms: "Menunggu alat ganti", en: "Waiting for parts" },
  in_progress: { ms: "Sedang dibaiki", en: "Repair in progress" },
  completed: { ms: "Siap, sedia untuk diambil", en: "Completed, ready for collection" },
  delivered: { ms: "Telah diambil", en: "Collected" },
  cancelled: { ms: "Dibatalkan", en: "Cancelled" },
  returned_unrepaired: { ms: "Dipulangkan tanpa dibaiki", en: "Returned unrepaired" },
};

/**
 * The no-leak rule. A job is shown only when it belongs to the sender's phone, or when the
 * customer gave both its job number and the phone it was booked under (asking from another
 * number). A job number alone never reveals someone else's job.
 */
export function mayReveal(job: Pick<JobFact, "customer_phone" | "job_number">, ask: { senderPhone: string; jobNumber?: string; claimedPhone?: string }): boolean {
  const owner = tryNormalisePhone(job.customer_phone) ?? job.customer_phone;
  if (owner === (tryNormalisePhone(ask.senderPhone) ?? ask.senderPhone)) return true;
  if (!ask.jobNumber || !ask.claimedPhone) return false;
  const claimed = tryNormalisePhone(ask.claimedPhone);
  return claimed !== null && claimed === owner && ask.jobNumber.toUpperCase() === job.job_number.toUpperCase();
}

/** Jobs worth answering about without a job number: the open ones, else the most recent one. */
export function jobsToReport(jobs: JobFact[]): JobFact[] {
  const sorted = [...jobs].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  const open = sorted.filter((j) => !isTerminalStatus(j.status) || j.status === "completed");
  return open.length > 0 ? open.slice(0, 3) : sorted.slice(0, 1);
}

/** Job numbers look like VSH-2026-000123. */
const JOB_NUMBER = /\bVSH-\d{4}-\d{6}\b/gi;

/** Whether a drafted reply names a job number no tool revealed to this sender (and the sender did not type). */
export function mentionsUnrevealedJob(reply: string, revealed: Iterable<string>, customerText: string): boolean {
  const allowed = new Set([...revealed].map((n) => n.toUpperCase()));
  for (const n of customerText.match(JOB_NUMBER) ?? []) allowed.add(n.toUpperCase());
  return (reply.match(JOB_NUMBER) ?? []).some((n) => !allowed.has(n.toUpperCase()));
}

/** The customer's language for this reply: what the message says, else what the chat used so far. */
export function chooseReplyLanguage(text: string, previous?: Language): Language {
  return detectLanguage(text, { fallback: previous ?? "mixed" });
}

export const LANGUAGE_INSTRUCTIONS: Record<Language, string> = {
  ms: "Reply in Bahasa Melayu.",
  en: "Reply in English.",
  mixed: "The customer mixes Malay and English (Manglish): reply in the same casual mix, or give the answer in BM then English.",
};

/**
 * The model's final text → what is sent. Anything that is a hand-off (the tool was called, the
 * model wrote the hand-off phrase, said nothing, or named a job it was not shown) becomes exactly
 * HANDOFF_TEXT.
 */
export function finaliseAgentReply(input: {
  text: string;
  handoffRequested: boolean;
  revealedJobNumbers: string[];
  customerText: string;
}): { reply: string; handoff: boolean; reason?: HandoffReason } {
  const text = input.text.trim();
  if (input.handoffRequested) return { reply: HANDOFF_TEXT, handoff: true };
  if (!text) return { reply: HANDOFF_TEXT, handoff: true, reason: "no_model_answer" };
  if (/tunggu sebentar/i.test(text) || text.includes(HANDOFF_TEXT)) return { reply: HANDOFF_TEXT, handoff: true, reason: "model_handed_over" };
  if (mentionsUnrevealedJob(text, input.revealedJobNumbers, input.customerText)) {
    return { reply: HANDOFF_TEXT, handoff: true, reason: "unshown_job" };
  }
  return { reply: text, handoff: false };
}
