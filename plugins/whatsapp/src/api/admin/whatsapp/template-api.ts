import type { MedusaResponse } from "@medusajs/framework/http";
import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import type { TemplateBinding, WhatsAppTemplate } from "@voltura/contracts";
import { whatsappService } from "../../../workflows/steps/service";
import { TemplateAccountError, type CloudSessionRow } from "../../../modules/whatsapp/templates/template-account";
import type { BindingRow, TemplateRow } from "../../../modules/whatsapp/templates/template-sql";

const iso = (v: Date | string | null | undefined): string | null => (v ? new Date(v).toISOString() : null);

export function toApiTemplate(row: TemplateRow): WhatsAppTemplate {
  return {
    id: row.id,
    session_id: row.session_id,
    name: row.name,
    language: row.language,
    category: row.category,
    status: row.status,
    body_text: row.body_text,
    param_count: Number(row.param_count),
    rejected_reason: row.rejected_reason,
    synced_at: iso(row.synced_at),
  };
}

export function toApiBinding(row: BindingRow): TemplateBinding {
  return {
    purpose: row.purpose,
    session_id: row.session_id,
    template_name: row.template_name,
    language: row.language,
    params: row.params ?? [],
    updated_at: iso(row.updated_at),
  };
}

/** The session, or 404 naming it. */
export async function sessionOr404(scope: MedusaContainer, id: string): Promise<CloudSessionRow> {
  const [found] = await whatsappService(scope).listWhatsAppSessions({ id }, { take: 1 });
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp session ${id} was not found`);
  return found as CloudSessionRow;
}

/** Answers what the WhatsApp account could not do (config, Meta's refusal, no answer); rethrows anything else. */
export function answerAccountError(res: MedusaResponse, error: unknown): void {
  if (!(error instanceof TemplateAccountError)) throw error;
  res.status(error.status).json({ type: error.type, code: error.type, message: error.message, ...(error.field ? { field: error.field } : {}) });
}
