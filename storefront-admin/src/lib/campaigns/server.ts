import { error, fail, redirect, type RequestEvent } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { campaignMediaSchema, CAMPAIGN_RAW_PATHS, type CampaignMedia } from "@voltura/contracts";
import { CampaignsApi, CommerceError, getWhatsAppHealth, listWhatsAppTemplates, type CommerceClient } from "@voltura/medusa-client";
import { z } from "zod";
import { commerceProblem } from "$lib/server/commerce";
import { commerceErrorFrom, commerceFetch } from "$lib/server/commerce-raw";
import { requireRole } from "$lib/server/guard";
import type { SessionStaff } from "$lib/server/session-store";
import { m } from "$lib/paraglide/messages.js";
import { sendableTemplates } from "$lib/whatsapp/cloud";
import { BuilderFieldError, builderValuesFrom, campaignBodyFrom, type BuilderValues } from "./builder-form";
import { RoutingFieldError } from "./routing-form";

/** Campaigns are planned and run by owners and managers. */
export const CAMPAIGN_MANAGERS = MANAGERS;

export function campaignsFor(locals: App.Locals) {
  const { commerce, staff } = requireRole(locals, CAMPAIGN_MANAGERS);
  return { api: new CampaignsApi(commerce), commerce, staff };
}

/** A campaign with its events and list entries, or the page's error (404 when there is no such campaign). */
export async function campaignDetailOrError(api: CampaignsApi, id: string) {
  try {
    return await api.get(id);
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status, { message: problem.status === 404 ? m.campaigns_no_such_campaign() : problem.message });
  }
}

const MAX_MEDIA_BYTES = 16 * 1024 * 1024;

/** Uploads the builder's media file once (multipart, as the staff member); commerce checks kind and size again. */
export async function uploadCampaignMedia(staff: SessionStaff, file: File): Promise<CampaignMedia> {
  if (file.size > MAX_MEDIA_BYTES) throw new BuilderFieldError("media", "The file is larger than 16 MB");
  const body = new FormData();
  body.append("file", file, file.name);
  const res = await commerceFetch(staff, CAMPAIGN_RAW_PATHS.mediaUpload, { method: "POST", body });
  if (!res.ok) throw await commerceErrorFrom(res);
  return z.object({ media: campaignMediaSchema }).parse(await res.json()).media;
}

/** Commerce's 400 names the field as `<field>: message` or in its path; show it next to that field when we can. */
function fieldOfProblem(message: string): string {
  const m = /^([a-z_]+)(?:[.[]|:|\s)/.exec(message);
  return m?.[1] ?? "form";
}

export type BuilderFailure = { builder: { values: BuilderValues; errors: Record<string, string>; message: string } };

/** The builder's save: upload a new media file if one came, then create or update; redirect to the campaign. */
export async function saveCampaign(event: RequestEvent, id: string | null) {
  const { api, staff } = campaignsFor(event.locals);
  const form = await event.request.formData();
  const values = builderValuesFrom(form);
  const failure = (status: number, errors: Record<string, string>, message: string) => fail(status, { builder: { values, errors, message } } satisfies BuilderFailure);
  let savedId: string;
  try {
    const file = form.get("media_file");
    if (file instanceof File && file.size > 0) values.media = await uploadCampaignMedia(staff, file);
    const body = campaignBodyFrom(values);
    if (!body.name) return failure(400, { name: "Give the campaign a name" }, "Check the highlighted fields.");
    savedId = id ? (await api.update(id, body)).id : (await api.create(body)).id;
  } catch (err) {
    if (err instanceof BuilderFieldError || err instanceof RoutingFieldError) return failure(400, { [err.field]: err.message }, "Check the highlighted fields.");
    const problem = commerceProblem(err);
    const field = err instanceof CommerceError && err.status === 400 ? fieldOfProblem(problem.message) : "form";
    return failure(problem.status, { [field]: problem.message }, problem.message);
  }
  redirect(303, `/campaigns/${encodeURIComponent(savedId)}?saved=1`);
}

/** The approved templates of each Cloud API number (a number whose templates cannot be read offers none). */
async function cloudTemplatesOf(commerce: CommerceClient, sessions: ReadonlyArray<{ id: string; name: string; kind: string }>) {
  const cloud = sessions.filter((s) => s.kind === "cloud_api");
  const lists = await Promise.allSettled(cloud.map((s) => listWhatsAppTemplates(commerce, s.id)));
  return cloud.flatMap((s, i) => {
    const list = lists[i];
    return list?.status === "fulfilled" ? sendableTemplates(list.value).map((t) => ({ session_id: s.id, session_name: s.name, name: t.name, language: t.language, body_text: t.body_text, param_count: t.param_count })) : [];
  });
}

/** What the builder offers: the shop's WhatsApp numbers, the template library and the Cloud API templates. */
export async function builderOptions(locals: App.Locals) {
  const { api, commerce } = campaignsFor(locals);
  const [health, templates] = await Promise.all([getWhatsAppHealth(commerce), api.listTemplates()]);
  return {
    sessions: health.sessions.map((s) => ({ id: s.id, name: s.name, phone: s.phone, state: s.state, kind: s.kind })),
    templates,
    cloudTemplates: await cloudTemplatesOf(commerce, health.sessions),
  };
}
