import type { Campaign, CampaignCloudTemplate } from "@voltura/contracts";
import { m } from "$lib/paraglide/messages.js";
import { paramsFromForm } from "$lib/whatsapp/cloud";

/**
 * The campaign builder's routing: "fixed" sends everyone from the chosen numbers; "auto" sends customers inside
 * their 24 h window or with a recent chat by chat, and the others through a Cloud API number's approved template,
 * whose {{n}} are filled with the variables chosen here, in order.
 */
export interface RoutingValues {
  routing: "fixed" | "auto";
  recent_chat_days: string;
  /** `<session_id>|<name>|<language>`, or "" for none. */
  cloud_template: string;
  cloud_params: string[];
}

/** An approved template of a Cloud API number, as the builder offers it. */
export type CloudTemplateChoice = { session_id: string; session_name: string; name: string; language: string; body_text: string | null; param_count: number };

export const EMPTY_ROUTING: RoutingValues = { routing: "fixed", recent_chat_days: "30", cloud_template: "", cloud_params: [] };

export const cloudTemplateKey = (t: { session_id: string; name: string; language: string }) => `${t.session_id}|${t.name}|${t.language}`;

export function parseCloudTemplateKey(key: string): { session_id: string; name: string; language: string } | null {
  const [session_id, name, language, ...rest] = key.split("|");
  return session_id && name && language && rest.length === 0 ? { session_id, name, language } : null;
}

export function routingValuesFrom(form: FormData): RoutingValues {
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" ? v.trim() : "";
  };
  const count = Number(text("cloud_param_count"));
  return {
    routing: text("routing") === "auto" ? "auto" : "fixed",
    recent_chat_days: text("recent_chat_days"),
    cloud_template: text("cloud_template"),
    cloud_params: paramsFromForm(form, Number.isInteger(count) && count > 0 && count <= 20 ? count : 0, "cloud_param"),
  };
}

/** A routing field the console names itself (the rest is commerce's 400). */
export class RoutingFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function routingBodyFrom(v: RoutingValues): { routing: "fixed" | "auto"; recent_chat_days: number; cloud_template: CampaignCloudTemplate | null } {
  const days = v.recent_chat_days === "" ? 30 : Number(v.recent_chat_days);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new RoutingFieldError("recent_chat_days", m.cloud_campaign_error_days());
  const chosen = parseCloudTemplateKey(v.cloud_template);
  if (v.routing === "auto" && !chosen) throw new RoutingFieldError("cloud_template", m.cloud_campaign_error_template());
  if (chosen && v.cloud_params.some((p) => !p)) throw new RoutingFieldError("cloud_template", m.cloud_campaign_error_params());
  return { routing: v.routing, recent_chat_days: days, cloud_template: chosen ? { ...chosen, params: v.cloud_params } : null };
}

export function routingValuesOf(c: Pick<Campaign, "routing" | "cloud_template" | "recent_chat_days">): RoutingValues {
  return {
    routing: c.routing,
    recent_chat_days: String(c.recent_chat_days),
    cloud_template: c.cloud_template ? cloudTemplateKey(c.cloud_template) : "",
    cloud_params: c.cloud_template?.params ?? [],
  };
}
