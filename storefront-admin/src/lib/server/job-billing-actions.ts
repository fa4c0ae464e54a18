import { redirect, type RequestEvent } from "@sveltejs/kit";
import { PART_GRADES, WARRANTY_VOID_REASONS, type PartGrade, type WarrantyVoidReason } from "@voltura/domain";
import { addRepairLineBodySchema, pickupBodySchema, warrantyClaimBodySchema, type AddRepairLineBody } from "@voltura/contracts";
import { JOB_ABILITY_ROLES } from "$lib/repair/abilities";
import { formatRM, parseMoneyInput } from "$lib/repair/money";
import { paymentsFromForm } from "$lib/repair/payments";
import { commerceMessage, refuse, sectionAction, textFields, type WorkspaceSection } from "./action-result";
import { requireRole } from "./guard";
import { m } from "$lib/paraglide/messages.js";

type Event = RequestEvent<{ id: string }>;

const int = (v: string | undefined) => (/^\d+$/.test((v ?? "").trim()) ? Number(v) : null);
/** Decimal hours with at most 2 places ("1.5", "0.25"), or null. */
function parseHours(v: string | undefined): number | null {
  const text = (v ?? "").trim().replace(",", ".");
  return /^\d+(\.\d{1,2})?$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

async function addLine(event: Event, section: WorkspaceSection, body: AddRepairLineBody, values: Record<string, string>) {
  const { commerce } = requireRole(event.locals, JOB_ABILITY_ROLES.editLines);
  const parsed = addRepairLineBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(section, m.job_act_not_valid({ field: issue?.path.join(".") || "line", message: issue?.message ?? "not valid" }), { values });
  }
  return sectionAction(
    section,
    async () => {
      const { line } = await commerce.addRepairLine(event.params.id, body);
      return line.kind === "part" ? m.job_act_part_added({ title: line.title, quantity: line.quantity }) : m.job_act_line_added({ title: line.title });
    },
    { values },
  );
}

/** A part from stock: grade, quantity, price (defaults to the catalogue price); reserves the stock. */
export async function addPartAction(event: Event) {
  const values = textFields(await event.request.formData());
  const quantity = int(values.quantity);
  const grade = values.grade as PartGrade;
  if (!values.variant_id) return refuse("part", m.job_act_choose_part(), { values });
  if (!PART_GRADES.includes(grade)) return refuse("part", m.job_act_choose_grade(), { values });
  if (!quantity || quantity < 1 || quantity > 100) return refuse("part", m.job_act_quantity(), { values });
  const priceText = (values.price ?? "").trim();
  const price = priceText ? parseMoneyInput(priceText) : undefined;
  if (price === null) return refuse("part", m.job_act_part_price(), { values });
  return addLine(event, "part", { kind: "part", variant_id: values.variant_id, quantity, grade, ...(price !== undefined ? { unit_price_sen: price } : {}) }, values);
}

/** Labour: hours × rate, a fixed price with a title, or a fixed-price service from the price list. */
export async function addLabourAction(event: Event) {
  const values = textFields(await event.request.formData());
  const mode = values.mode ?? "hourly";
  const title = (values.title ?? "").trim();
  if (mode === "service") {
    if (!values.variant_id) return refuse("labour", m.job_act_choose_service(), { values });
    return addLine(event, "labour", { kind: "labour", variant_id: values.variant_id }, values);
  }
  if (!title) return refuse("labour", m.job_act_describe_labour(), { values });
  if (mode === "fixed") {
    const price = parseMoneyInput(values.price);
    if (price === null) return refuse("labour", m.job_act_fixed_price(), { values });
    return addLine(event, "labour", { kind: "labour", title, unit_price_sen: price }, values);
  }
  const hours = parseHours(values.hours);
  const rate = parseMoneyInput(values.rate);
  if (hours === null) return refuse("labour", m.job_act_hours(), { values });
  if (rate === null) return refuse("labour", m.job_act_rate(), { values });
  return addLine(event, "labour", { kind: "labour", title, hours, rate_sen: rate }, values);
}

/** The diagnostic fee (the shop's default amount unless one is typed). */
export async function addFeeAction(event: Event) {
  const values = textFields(await event.request.formData());
  const text = (values.amount ?? "").trim();
  const amount = text ? parseMoneyInput(text) : undefined;
  if (amount === null) return refuse("fee", m.job_act_fee(), { values });
  return addLine(event, "fee", { kind: "fee", fee_type: "diagnostic", ...(amount !== undefined ? { amount_sen: amount } : {}) }, values);
}

/** Removing a part line releases its reserved stock. */
export async function removeLineAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.editLines);
  const lineId = String((await request.formData()).get("line_id") ?? "");
  if (!lineId) return refuse("lines", m.job_act_choose_line());
  return sectionAction(
    "lines",
    async () => {
      await commerce.removeRepairLine(params.id, lineId);
      return m.job_act_line_removed();
    },
    { target: lineId },
  );
}

/** Freezes the lines as a quote and moves the job to Awaiting Approval. */
export async function sendQuoteAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.sendQuote);
  const note = String((await request.formData()).get("note") ?? "").trim();
  return sectionAction("quote", async () => {
    const billing = await commerce.sendRepairQuote(params.id, note ? { note } : {});
    return m.job_act_quote_sent({ version: billing.quote?.version ?? 1, total: formatRM(billing.quote?.totals.total_sen ?? billing.totals.total_sen) });
  });
}

/** The customer's answer at the counter. */
export async function decideQuoteAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.decideQuote);
  const values = textFields(await request.formData());
  const decision = values.decision === "approve" || values.decision === "reject" ? values.decision : null;
  if (!decision) return refuse("decision", m.job_act_choose_decision(), { values });
  const note = (values.note ?? "").trim();
  return sectionAction(
    "decision",
    async () => {
      await commerce.decideRepairQuote(params.id, { decision, channel: "counter", ...(note ? { note } : {}) });
      return decision === "approve" ? m.job_act_quote_approved() : m.job_act_quote_rejected();
    },
    { values },
  );
}

/** Payments at pickup (split across methods; cash may exceed for change), then Delivered. */
export async function pickupAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.pickup);
  const values = textFields(await request.formData());
  const { entries, errors } = paymentsFromForm((name) => values[name] ?? "");
  if (Object.keys(errors).length) return refuse("pickup", m.job_act_check_payments(), { values, errors });
  const ic = (values.collected_by_ic_last4 ?? "").trim();
  const body = pickupBodySchema.safeParse({
    collected_by: values.collected_by,
    ...(ic ? { collected_by_ic_last4: ic } : {}),
    payments: entries.map((e) => ({ method: e.method, amount_sen: e.amountSen, ...(e.reference ? { reference: e.reference } : {}) })),
  });
  if (!body.success) {
    const issue = body.error.issues[0];
    const field = issue?.path[0] === "collected_by_ic_last4" ? "collected_by_ic_last4" : "collected_by";
    return refuse("pickup", issue?.message ?? m.job_act_check_pickup(), { values, errors: { [field]: issue?.message ?? "" } });
  }
  return sectionAction(
    "pickup",
    async () => {
      const answer = await commerce.recordRepairPickup(params.id, body.data);
      const paid = formatRM(answer.paid_sen);
      const name = body.data.collected_by;
      return answer.change_sen > 0
        ? m.job_act_picked_up_change({ paid, name, change: formatRM(answer.change_sen) })
        : m.job_act_picked_up({ paid, name });
    },
    { values },
  );
}

export async function voidWarrantyAction({ locals, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.voidWarranty);
  const values = textFields(await request.formData());
  const reason = values.reason as WarrantyVoidReason;
  const target = values.warranty_id ?? "";
  if (!target) return refuse("warranty", m.job_act_choose_warranty_void());
  if (!WARRANTY_VOID_REASONS.includes(reason)) return refuse("warranty", m.job_act_choose_void_reason(), { values, target });
  const note = (values.note ?? "").trim();
  return sectionAction(
    "warranty",
    async () => {
      const w = await commerce.voidRepairWarranty(target, { reason, ...(note ? { note } : {}) });
      return m.job_act_warranty_voided({ name: w.title });
    },
    { values, target },
  );
}

/** Opens a claim job on a warranty and goes to it. */
export async function claimWarrantyAction({ locals, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.claimWarranty);
  const values = textFields(await request.formData());
  const target = values.warranty_id ?? "";
  const body = warrantyClaimBodySchema.safeParse({ issue: values.issue, note: (values.note ?? "").trim() || undefined });
  if (!target) return refuse("warranty", m.job_act_choose_warranty_claim());
  if (!body.success) return refuse("warranty", m.job_act_claim_issue(), { values, target });
  let claimJobId: string;
  try {
    claimJobId = (await commerce.claimRepairWarranty(target, body.data)).claim_job_id;
  } catch (err) {
    return refuse("warranty", commerceMessage(err).message, { values, target });
  }
  redirect(303, `/jobs/${encodeURIComponent(claimJobId)}?claimed=1`);
}
