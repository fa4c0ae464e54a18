import { z } from "zod";
import { type CommerceClient } from "./client.js";
import {
  type SubmitWhatsAppTemplateBody,
  whatsappTemplateSchema,
  type WhatsAppTemplate,
  whatsappTemplateListSchema,
  type TemplateBinding,
  templateBindingListSchema,
  type PutTemplateBindingBody,
} from "@voltura/contracts";

// ---- calls ----

const sessionPath = (id: string) => `/admin/whatsapp/sessions/${encodeURIComponent(id)}`;

export async function listWhatsAppTemplates(client: CommerceClient, sessionId: string): Promise<WhatsAppTemplate[]> {
  return (await client.request("GET", `${sessionPath(sessionId)}/templates`, whatsappTemplateListSchema)).templates;
}

/** Reads the account's templates from Meta now (the job does it every 15 minutes). */
export async function syncWhatsAppTemplates(client: CommerceClient, sessionId: string): Promise<WhatsAppTemplate[]> {
  return (await client.request("POST", `${sessionPath(sessionId)}/templates/sync`, whatsappTemplateListSchema, {})).templates;
}

export async function submitWhatsAppTemplate(client: CommerceClient, sessionId: string, body: SubmitWhatsAppTemplateBody): Promise<WhatsAppTemplate> {
  return (await client.request("POST", `${sessionPath(sessionId)}/templates`, z.object({ template: whatsappTemplateSchema }), body)).template;
}

export async function listTemplateBindings(client: CommerceClient): Promise<TemplateBinding[]> {
  return (await client.request("GET", "/admin/whatsapp/template-bindings", templateBindingListSchema)).bindings;
}

export async function putTemplateBinding(client: CommerceClient, body: PutTemplateBindingBody): Promise<TemplateBinding[]> {
  return (await client.request("PUT", "/admin/whatsapp/template-bindings", templateBindingListSchema, body)).bindings;
}
