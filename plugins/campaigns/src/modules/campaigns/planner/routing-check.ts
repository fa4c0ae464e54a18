import { rows, type Sql } from "@voltura/medusa-kit";
import { planRouting, type CloudTemplateRef, type RoutingPlan } from "../../../domain/routing";
import type { CampaignRow } from "./campaign-read";
import { CampaignRefusal } from "./refusal";

const invalid = (field: string, message: string) => new CampaignRefusal(400, "invalid_data", `Invalid request: ${field}: ${message}`);

/** The template as the account last reported it (the templates table of the WhatsApp plugin), or null when unknown. */
async function storedTemplate(db: Sql, ref: CloudTemplateRef): Promise<{ status: string; param_count: number | null } | null> {
  const [table] = await rows(db, `SELECT to_regclass('whatsapp_template') IS NOT NULL AS present`);
  if (!table?.present) return null;
  const [found] = await rows(db,
    `SELECT status, to_jsonb(t) -> 'param_count' AS param_count FROM whatsapp_template t
      WHERE session_id = ? AND name = ? AND language = ? AND (to_jsonb(t) ->> 'deleted_at') IS NULL LIMIT 1`,
    [ref.session_id, ref.name, ref.language]);
  if (!found) return null;
  const count = found.param_count;
  return { status: String(found.status), param_count: typeof count === "number" ? count : count == null ? null : Number(count) };
}

/**
 * The run's routing plan (domain/routing.ts) for a campaign about to launch; 400 naming the field when its numbers
 * or its template cannot carry it: the template must be APPROVED on its Cloud API number with as many params as
 * its body has placeholders, and free text must be written when a chat number sends.
 */
export async function launchRoutingPlan(db: Sql, row: Pick<CampaignRow, "routing" | "session_ids" | "cloud_template" | "template_ms" | "template_en">): Promise<RoutingPlan> {
  const ids = [...new Set([...(row.session_ids ?? []), ...(row.cloud_template ? [row.cloud_template.session_id] : [])])];
  const sessions = ids.length
    ? await rows(db, `SELECT id, kind FROM whatsapp_session WHERE id = ANY(?::text[]) AND deleted_at IS NULL`, [ids])
    : [];
  const known = new Set(sessions.map((s) => String(s.id)));
  if (row.cloud_template && !known.has(row.cloud_template.session_id)) {
    throw invalid("cloud_template.session_id", `no WhatsApp number ${row.cloud_template.session_id}`);
  }
  const check = planRouting(
    { routing: row.routing ?? "fixed", session_ids: row.session_ids ?? [], cloud_template: row.cloud_template ?? null },
    sessions.map((s) => ({ id: String(s.id), kind: String(s.kind) })),
  );
  if (!check.ok) throw invalid(check.field, check.message);
  const { plan } = check;
  if (plan.chatSessionIds.length && !row.template_ms.trim() && !row.template_en.trim()) {
    throw invalid("template_ms", "write the message (in BM or EN) before launching");
  }
  const template = row.cloud_template;
  if (template && plan.templateSessionId) {
    const stored = await storedTemplate(db, template);
    if (!stored) throw invalid("cloud_template.name", `no template ${template.name} (${template.language}) on that number: sync the templates first`);
    if (stored.status !== "APPROVED") throw invalid("cloud_template.name", `the template ${template.name} (${template.language}) is ${stored.status}, not approved`);
    if (stored.param_count !== null && stored.param_count !== template.params.length) {
      throw invalid("cloud_template.params", `the template has ${stored.param_count} placeholders; give as many variable names`);
    }
  }
  return plan;
}
