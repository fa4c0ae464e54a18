import { MedusaError } from "@medusajs/framework/utils";
import { renderCampaignMessage, spintaxVariantCount, tryNormalisePhone, variablesIn, whatsappFormatToHtml } from "@voltura/domain";
import type { CampaignLanguage, CampaignPreview } from "@voltura/contracts";
import { rows, type Sql } from "@voltura/medusa-kit";
import { missingVariablesSql, personValuesSql, routeCountsSql } from "../../../domain/freeze-sql";
import { optOutLink } from "../../../domain/opt-out-token";
import { campaignCandidates } from "./audience";
import type { CampaignRow } from "./campaign-read";
import { autoRoute, isWarmContact, planRouting, routeOfSession, type RecipientRoute, type RoutingPlan } from "../../../domain/routing";
import { templateText } from "../../../domain/template-params";
import { templateBodyText } from "../../campaign-dispatch/gate/claim";
import { renderTemplateForRecipient } from "../../../domain/render";

export interface PreviewTarget {
  recipient_id?: string;
  customer_id?: string;
  phone?: string;
  language?: CampaignLanguage;
}

interface Person {
  customer_id: string | null;
  phone: string | null;
  name: string | null;
  values: Record<string, unknown>;
  language: CampaignLanguage;
  seed: string;
}

const asText = (v: unknown) => (v == null ? null : String(v));

/** The template for a language: its own text, else the other language's (a campaign may be written in one). */
export function templateFor(row: Pick<CampaignRow, "template_ms" | "template_en">, language: CampaignLanguage): string {
  return language === "en" ? row.template_en.trim() || row.template_ms : row.template_ms.trim() || row.template_en;
}

async function crmPerson(db: Sql, customerId: string | null, phone: string | null, name: string | null, shopName: string, extra: Record<string, unknown> = {}) {
  const statement = personValuesSql(customerId, phone, name, shopName);
  const [row] = await rows(db, statement.sql, statement.bindings);
  return { values: { ...((row?.values as Record<string, unknown>) ?? {}), ...extra }, language: (row?.language as CampaignLanguage) ?? "ms" };
}

/** Whom the preview is for: a recipient of this campaign, a customer, a phone, or the audience's first eligible person. */
async function findPerson(db: Sql, row: CampaignRow, target: PreviewTarget, shopName: string): Promise<Person | null> {
  if (target.recipient_id) {
    const [r] = await rows(db, `SELECT id, customer_id, phone, name, language, "values" FROM campaign_recipient WHERE id = ? AND campaign_id = ?`, [target.recipient_id, row.id]);
    if (!r) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: recipient_id: no recipient ${target.recipient_id} in this campaign`);
    return { customer_id: asText(r.customer_id), phone: asText(r.phone), name: asText(r.name), values: (r.values as Record<string, unknown>) ?? {}, language: r.language as CampaignLanguage, seed: String(r.id) };
  }
  let customerId: string | null = null;
  let phone: string | null = null;
  let name: string | null = null;
  if (target.customer_id) {
    const [c] = await rows(db, `SELECT id, phone, NULLIF(btrim(concat_ws(' ', first_name, last_name)), '') AS name FROM customer WHERE id = ? AND deleted_at IS NULL`, [target.customer_id]);
    if (!c) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: customer_id: no customer ${target.customer_id}`);
    [customerId, phone, name] = [String(c.id), asText(c.phone), asText(c.name)];
  } else if (target.phone) {
    phone = tryNormalisePhone(target.phone);
    if (!phone) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: phone: is not a valid phone number");
    const [c] = await rows(db, `SELECT id, NULLIF(btrim(concat_ws(' ', first_name, last_name)), '') AS name FROM customer WHERE phone = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1`, [phone]);
    [customerId, name] = [asText(c?.id), asText(c?.name)];
  } else {
    const candidates = campaignCandidates(row, new Date());
    const [first] = await rows(db, `SELECT * FROM (${candidates.sql}) cand WHERE cand.excluded_reason IS NULL ORDER BY cand.sort_at, cand.sort_id LIMIT 1`, candidates.bindings);
    if (!first) return null;
    [customerId, phone, name] = [asText(first.customer_id), asText(first.phone), asText(first.name)];
  }
  let listValues: Record<string, unknown> = {};
  if (row.audience.mode === "list" && phone) {
    const [entry] = await rows(db, `SELECT name, "values" FROM campaign_list_entry WHERE campaign_id = ? AND phone = ? AND deleted_at IS NULL`, [row.id, phone]);
    if (entry) {
      listValues = (entry.values as Record<string, unknown>) ?? {};
      name = name ?? asText(entry.name);
    }
  }
  const crm = await crmPerson(db, customerId, phone, name, shopName, listValues);
  return { customer_id: customerId, phone, name, values: crm.values, language: crm.language, seed: customerId ?? phone ?? "preview" };
}

/** Under auto routing: when this phone last wrote, and when it last chatted (our campaign sends aside). */
async function contactWarmth(db: Sql, phone: string, recentChatDays: number, now: Date): Promise<boolean> {
  const [found] = await rows(db,
    `SELECT (SELECT max(created_at) FROM whatsapp_message WHERE phone = ? AND direction = 'in' AND deleted_at IS NULL) AS last_in,
            (SELECT max(created_at) FROM whatsapp_message WHERE phone = ? AND deleted_at IS NULL
              AND (direction = 'in' OR context_kind IS DISTINCT FROM 'campaign')) AS last_chat`, [phone, phone]);
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return isWarmContact({ lastInboundAt: date(found?.last_in), lastChatAt: date(found?.last_chat), recentChatDays, now });
}

/** The routing plan of a launch now, or null while the campaign's numbers cannot carry one. */
async function previewPlan(db: Sql, row: CampaignRow): Promise<RoutingPlan | null> {
  const ids = [...new Set([...(row.session_ids ?? []), ...(row.cloud_template ? [row.cloud_template.session_id] : [])])];
  const sessions = ids.length ? await rows(db, `SELECT id, kind FROM whatsapp_session WHERE id = ANY(?::text[]) AND deleted_at IS NULL`, [ids]) : [];
  const check = planRouting({ routing: row.routing ?? "fixed", session_ids: row.session_ids ?? [], cloud_template: row.cloud_template ?? null },
    sessions.map((x) => ({ id: String(x.id), kind: String(x.kind) })));
  return check.ok ? check.plan : null;
}

/** The route this person would take at a launch now (null when the campaign's numbers cannot be planned). */
async function previewRoute(db: Sql, row: CampaignRow, plan: RoutingPlan | null, phone: string | null): Promise<RecipientRoute | null> {
  if (!plan) return null;
  if (plan.routing === "fixed") return plan.chatSessionIds.every((id) => routeOfSession(id, plan) === "template") ? "template" : "chat";
  const warm = phone ? await contactWarmth(db, phone, row.recent_chat_days ?? 30, new Date()) : false;
  const routed = autoRoute(plan, warm);
  return "route" in routed ? routed.route : null;
}

/** The eligible audience split by route (fixed routing: dealt round-robin, the template's number taking its turns). */
async function routeCounts(db: Sql, row: CampaignRow, plan: RoutingPlan): Promise<{ chat: number; template: number }> {
  const statement = routeCountsSql(campaignCandidates(row, new Date()), plan, row.recent_chat_days ?? 30, new Date());
  const [counted] = await rows(db, statement.sql, statement.bindings);
  const chat = Number(counted?.chat ?? 0);
  const template = Number(counted?.template ?? 0);
  if (plan.routing !== "fixed" || !plan.templateSessionId) return { chat, template };
  const turn = plan.chatSessionIds.indexOf(plan.templateSessionId);
  const dealt = Math.floor(chat / plan.chatSessionIds.length) + (turn < chat % plan.chatSessionIds.length ? 1 : 0);
  return { chat: chat - dealt, template: dealt };
}

/**
 * The message as one person will see it (every variable filled, fallbacks used where a value is missing),
 * and across the whole eligible audience how many people lack each variable of the templates.
 */
export async function previewCampaign(db: Sql, row: CampaignRow, target: PreviewTarget, shopName: string, options: { audienceStats?: boolean } = {}): Promise<CampaignPreview> {
  const person = await findPerson(db, row, target, shopName);
  const language = target.language ?? person?.language ?? "ms";
  const template = templateFor(row, language);
  const values: Record<string, unknown> = { shop_name: shopName || null, ...(person?.values ?? {}) };
  if (person?.phone && /^\+[1-9]\d{7,14}$/.test(person.phone)) values.optout_link = optOutLink(person.phone, language);
  const rendered = renderCampaignMessage({
    template,
    values: values as Parameters<typeof renderCampaignMessage>[0]["values"],
    fallbacks: row.fallbacks ?? {},
    language,
    seed: person?.seed ?? "preview",
  });
  const variables = [...new Set([...variablesIn(row.template_ms), ...variablesIn(row.template_en)])];
  const missingStatement = missingVariablesSql(campaignCandidates(row, new Date()), variables, shopName);
  // A test send needs only the text: the pass over the whole audience is for the preview.
  const [missingRow] = options.audienceStats === false ? [] : await rows(db, missingStatement.sql, missingStatement.bindings);
  const audienceMissing = variables
    .filter((v) => v !== "optout_link")
    .map((v) => ({ variable: v, count: Number(missingRow?.[v] ?? 0), fallback: row.fallbacks?.[v] ?? null }))
    .filter((m) => m.count > 0);
  const plan = await previewPlan(db, row);
  const route = await previewRoute(db, row, plan, person?.phone ?? null);
  const split = plan && options.audienceStats !== false ? await routeCounts(db, row, plan) : null;
  const cloudTemplate = renderTemplateForRecipient({
    campaign: row,
    recipient: { id: person?.seed ?? "preview", phone: person?.phone ?? "", name: person?.name ?? null, language, values: person?.values ?? {} },
    shopName,
    optoutLink: typeof values.optout_link === "string" ? values.optout_link : "",
  });
  const templateBody = cloudTemplate && row.cloud_template ? await templateBodyText(db, row.cloud_template.session_id, cloudTemplate) : null;
  return {
    route,
    route_counts: split,
    template: cloudTemplate ? { ...cloudTemplate, text: templateText(cloudTemplate, templateBody) } : null,
    language,
    to: { phone: person?.phone ?? null, name: person?.name ?? null, customer_id: person?.customer_id ?? null },
    text: rendered.text,
    html: whatsappFormatToHtml(rendered.text),
    values: Object.fromEntries(Object.entries(values).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)])),
    missing: rendered.missing,
    audience_missing: audienceMissing,
    audience_size: Number(missingRow?.total ?? 0),
    spintax_variants: spintaxVariantCount(template),
  };
}
