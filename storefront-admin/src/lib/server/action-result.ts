import { fail, type ActionFailure } from "@sveltejs/kit";
import { CommerceError } from "@voltura/medusa-client";
import { formatRM } from "$lib/repair/money";
import { commerceProblem } from "./commerce";
import type { FieldErrors } from "./forms";
import { m } from "$lib/paraglide/messages.js";

/** Which card of the job workspace an action's answer belongs to (each card shows only its own). */
export type WorkspaceSection =
  | "status"
  | "assign"
  | "details"
  | "diagnosis"
  | "note"
  | "part"
  | "labour"
  | "fee"
  | "lines"
  | "quote"
  | "decision"
  | "pickup"
  | "warranty"
  | "photos";

export interface SectionFailure {
  section: WorkspaceSection;
  error: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  /** Which record the answer is about (a line, a warranty), when the card lists several. */
  target?: string;
}

export interface SectionSuccess {
  section: WorkspaceSection;
  success: string;
  target?: string;
}

/** Commerce's 4xx message as staff read it (stock shortfalls and payment shortfalls made plain). */
export function commerceMessage(err: unknown): { status: number; message: string } {
  const problem = commerceProblem(err);
  if (err instanceof CommerceError && err.body && typeof err.body === "object") {
    const body = err.body as { shortfall_sen?: unknown; available?: unknown; requested?: unknown; type?: unknown };
    if (typeof body.shortfall_sen === "number" && body.shortfall_sen > 0) {
      return { status: problem.status, message: m.job_act_payments_short({ amount: formatRM(body.shortfall_sen) }) };
    }
    if (body.type === "insufficient_stock" && typeof body.available === "number") {
      return { status: problem.status, message: m.job_act_not_enough_stock({ available: body.available, requested: String(body.requested ?? m.job_act_more()) }) };
    }
  }
  return problem;
}

/** Runs a commerce call for a section: its success sentence, or commerce's message inline. */
export async function sectionAction(
  section: WorkspaceSection,
  call: () => Promise<string>,
  extra: { values?: Record<string, string>; target?: string } = {},
): Promise<SectionSuccess | ActionFailure<SectionFailure>> {
  try {
    return { section, success: await call(), ...(extra.target ? { target: extra.target } : {}) };
  } catch (err) {
    const { status, message } = commerceMessage(err);
    return fail(status >= 400 && status < 600 ? status : 502, { section, error: message, ...extra });
  }
}

export function refuse(section: WorkspaceSection, error: string, extra: Omit<SectionFailure, "section" | "error"> = {}) {
  return fail(400, { section, error, ...extra });
}

/** A form's text fields as strings (files ignored). */
export function textFields(data: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of data.entries()) if (typeof value === "string") out[key] = value;
  return out;
}
