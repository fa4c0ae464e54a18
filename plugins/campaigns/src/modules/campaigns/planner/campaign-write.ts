import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId } from "@medusajs/framework/utils";
import { LIVE_EVENTS } from "@voltura/domain";
import { rows, sqlConnection, type Sql } from "@voltura/medusa-kit";
import type { CreateCampaignBody, UpdateCampaignBody } from "@voltura/contracts";
import type { z } from "zod";
import type { createCampaignBodySchema, updateCampaignBodySchema } from "@voltura/contracts";
import { isEditable } from "../../../domain/lifecycle";
import { firstRunAt } from "../../../domain/schedule";
import { loadCampaignRow, type CampaignRow } from "./campaign-read";
import { CampaignRefusal } from "./refusal";
import type { Actor } from "./lifecycle-commit";
import { announceCampaign } from "./live";

type CreateInput = z.output<typeof createCampaignBodySchema>;
type UpdateInput = z.output<typeof updateCampaignBodySchema>;
export type { CreateCampaignBody, UpdateCampaignBody };

const JSON_COLUMNS = new Set(["session_ids", "schedule", "fallbacks", "media", "audience", "cloud_template"]);

/** Every given WhatsApp session must exist; 400 naming session_ids otherwise. */
export async function checkSessions(db: Sql, sessionIds: readonly string[]): Promise<void> {
  if (!sessionIds.length) return;
  const found = await rows(db, `SELECT id FROM whatsapp_session WHERE id = ANY(?::text[]) AND deleted_at IS NULL`, [[...sessionIds]]);
  const known = new Set(found.map((r) => String(r.id)));
  const unknown = sessionIds.filter((id) => !known.has(id));
  if (unknown.length) throw new CampaignRefusal(400, "invalid_data", `Invalid request: session_ids: no WhatsApp number ${unknown.join(", ")}`);
  if (new Set(sessionIds).size !== sessionIds.length) throw new CampaignRefusal(400, "invalid_data", "Invalid request: session_ids: a number is listed twice");
}

/** A campaign's template must name a Cloud API number; 400 naming cloud_template.session_id otherwise. */
export async function checkCloudTemplate(db: Sql, template: { session_id: string } | null | undefined): Promise<void> {
  if (!template) return;
  const [found] = await rows(db, `SELECT kind FROM whatsapp_session WHERE id = ? AND deleted_at IS NULL`, [template.session_id]);
  if (!found) throw new CampaignRefusal(400, "invalid_data", `Invalid request: cloud_template.session_id: no WhatsApp number ${template.session_id}`);
  if (found.kind !== "cloud_api") {
    throw new CampaignRefusal(400, "invalid_data", "Invalid request: cloud_template.session_id: is not a WhatsApp Cloud API number (templates are sent from a Cloud API number)");
  }
}

function columnValue(key: string, value: unknown): unknown {
  return JSON_COLUMNS.has(key) ? (value === null ? null : JSON.stringify(value)) : value;
}

export async function createCampaign(container: MedusaContainer, body: CreateInput, actor: Actor): Promise<CampaignRow> {
  const db = sqlConnection(container);
  await checkSessions(db, body.session_ids);
  await checkCloudTemplate(db, body.cloud_template);
  const id = generateEntityId(undefined, "camp");
  const fields: Record<string, unknown> = { ...body, description: body.description ?? null };
  const keys = Object.keys(fields);
  await db.transaction(async (trx) => {
    await trx.raw(
      `INSERT INTO campaign (id, ${keys.map((k) => `"${k}"`).join(", ")}, status, created_by, created_at, updated_at)
       VALUES (?, ${keys.map((k) => (JSON_COLUMNS.has(k) ? "?::jsonb" : "?")).join(", ")}, 'draft', ?, now(), now())`,
      [id, ...keys.map((k) => columnValue(k, fields[k])), actor.id],
    );
    await trx.raw(
      `INSERT INTO campaign_event (id, campaign_id, from_status, to_status, action, actor_id, actor_name, created_at, updated_at)
       VALUES (?, ?, NULL, 'draft', 'create', ?, ?, now(), now())`,
      [generateEntityId(undefined, "cevt"), id, actor.id, actor.name],
    );
  });
  await announceCampaign(container, LIVE_EVENTS.campaignCreated, { id, actor_id: actor.id });
  return loadCampaignRow(db, id);
}

/** Edits while draft, scheduled or paused (409 `campaign_not_editable` otherwise); a new schedule re-times a scheduled campaign. */
export async function updateCampaign(container: MedusaContainer, id: string, body: UpdateInput, actor: Actor): Promise<{ before: CampaignRow; after: CampaignRow }> {
  const db = sqlConnection(container);
  if (body.session_ids) await checkSessions(db, body.session_ids);
  await checkCloudTemplate(db, body.cloud_template);
  const updated = await db.transaction(async (trx) => {
    const before = await loadCampaignRow(trx, id, true);
    if (!isEditable(before.status)) {
      throw new CampaignRefusal(409, "campaign_not_editable", `This campaign is ${before.status}: only draft, scheduled or paused campaigns can be edited`, { status: before.status });
    }
    if (before.status === "paused" && (body.audience || body.session_ids || body.routing || body.cloud_template !== undefined || body.recent_chat_days)) {
      // The run's recipients and their senders are frozen; changing them would not reach this run.
      throw new CampaignRefusal(409, "campaign_not_editable", "The audience, the numbers and the routing of a running or paused run are frozen; cancel and create a new campaign to change them", { status: before.status });
    }
    if (before.status === "scheduled" && body.schedule?.kind === "now") {
      throw new CampaignRefusal(400, "invalid_data", "Invalid request: schedule: a scheduled campaign needs a time or a recurrence (launch it to send now)");
    }
    const fields = Object.entries(body).filter(([, v]) => v !== undefined);
    const sets = fields.map(([k]) => `"${k}" = ${JSON_COLUMNS.has(k) ? "?::jsonb" : "?"}`);
    const bindings = fields.map(([k, v]) => columnValue(k, v));
    if (before.status === "scheduled" && body.schedule) {
      sets.push("next_run_at = ?", "needs_confirmation = false");
      bindings.push(firstRunAt(body.schedule, new Date()));
    }
    await trx.raw(`UPDATE campaign SET ${[...sets, "updated_at = now()"].join(", ")} WHERE id = ?`, [...bindings, id]);
    await trx.raw(
      `INSERT INTO campaign_event (id, campaign_id, from_status, to_status, action, actor_id, actor_name, reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'edit', ?, ?, ?, now(), now())`,
      [generateEntityId(undefined, "cevt"), id, before.status, before.status, actor.id, actor.name, `changed ${fields.map(([k]) => k).join(", ")}`],
    );
    return { before, after: await loadCampaignRow(trx, id) };
  });
  await announceCampaign(container, LIVE_EVENTS.campaignUpdated, { id, actor_id: actor.id });
  return updated;
}
