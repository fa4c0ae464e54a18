import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { sqlConnection } from "@voltura/medusa-kit";
import { GraphApiError, listTemplates, submitTemplate, type CloudApiConfig } from "@voltura/whatsapp-transport";
import { templateBodyOf, templateStatusOf } from "../../../domain/template-rules";
import { cloudTransportConfig } from "../gateway/cloud-config";
import { listTemplateRows, replaceTemplates, upsertTemplate, type TemplateFromAccount, type TemplateRow } from "./template-sql";

/** A Cloud API session row, as the template routes and the sync job read it. */
export interface CloudSessionRow {
  id: string;
  name: string;
  kind: string;
  cloud_phone_number_id?: string | null;
  cloud_waba_id?: string | null;
  cloud_secrets?: string | null;
}

/** Something the account could not do: the caller gets a readable 4xx/5xx, never an unexplained 500. */
export class TemplateAccountError extends Error {
  constructor(
    readonly status: 400 | 422 | 502,
    readonly type: "cloud_config" | "graph_refused" | "graph_unavailable",
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "TemplateAccountError";
  }
}

/** 400 unless the session is a Cloud API number (templates live on a WhatsApp Business account). */
export function requireCloudSession(session: CloudSessionRow): void {
  if (session.kind !== "cloud_api") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: session_id: ${session.name} is not a Cloud API number; templates belong to Cloud API numbers`);
  }
}

function configOf(session: CloudSessionRow): CloudApiConfig {
  try {
    return cloudTransportConfig(session);
  } catch (error) {
    throw new TemplateAccountError(400, "cloud_config", `The Cloud API config of ${session.name} is not usable: ${(error as Error).message}`);
  }
}

/** A Graph API failure as the route's answer: Meta's refusal (4xx) as 422 with its message, anything else as 502. */
function graphFailure(error: unknown, doing: string): TemplateAccountError {
  if (error instanceof GraphApiError) {
    if (error.errorCode === 190) return new TemplateAccountError(422, "graph_refused", `WhatsApp refused the access token while ${doing} (error 190): set a new access token for this number`, "cloud.access_token");
    if (error.httpStatus >= 400 && error.httpStatus < 500) return new TemplateAccountError(422, "graph_refused", `WhatsApp refused ${doing}: ${error.message}`);
    return new TemplateAccountError(502, "graph_unavailable", `WhatsApp did not answer while ${doing}: ${error.message}`);
  }
  if (error instanceof TemplateAccountError) return error;
  return new TemplateAccountError(502, "graph_unavailable", `WhatsApp could not be reached while ${doing}: ${(error as Error).message}`);
}

interface ListedTemplate {
  name: string;
  language: string;
  category: string;
  status: string;
  components?: unknown[];
  rejectedReason?: string | null;
}

/** One template as the account lists it, in the shape it is stored. */
export function templateFromAccount(listed: ListedTemplate): TemplateFromAccount {
  const components = listed.components ?? [];
  const status = templateStatusOf(listed.status);
  return {
    name: listed.name,
    language: listed.language,
    category: listed.category.toUpperCase(),
    status,
    components,
    ...templateBodyOf(components),
    rejected_reason: status === "REJECTED" ? (listed.rejectedReason ?? null) : null,
  };
}

/** Reads the account's templates and stores them as the number's list (name, language, category, status, body). */
export async function syncTemplates(scope: MedusaContainer, session: CloudSessionRow, now = new Date()): Promise<TemplateRow[]> {
  requireCloudSession(session);
  const config = configOf(session);
  let listed: ListedTemplate[];
  try {
    listed = await listTemplates(config);
  } catch (error) {
    throw graphFailure(error, "listing the templates");
  }
  const db = sqlConnection(scope);
  await replaceTemplates(db, session.id, listed.map(templateFromAccount), now);
  return listTemplateRows(db, session.id);
}

export interface TemplateSubmission {
  name: string;
  language: string;
  category: "MARKETING" | "UTILITY";
  body_text: string;
  body_examples: string[];
}

/** Submits a template for Meta's review and stores it as PENDING (a status webhook or the next sync moves it on). */
export async function submitTemplateToAccount(scope: MedusaContainer, session: CloudSessionRow, submission: TemplateSubmission): Promise<TemplateRow> {
  requireCloudSession(session);
  const config = configOf(session);
  let answered: { status?: string; category?: string };
  try {
    answered = await submitTemplate(config, {
      name: submission.name,
      language: submission.language,
      category: submission.category,
      bodyText: submission.body_text,
      bodyExamples: submission.body_examples,
    });
  } catch (error) {
    throw graphFailure(error, `submitting the template ${submission.name}`);
  }
  const components = [{ type: "BODY", text: submission.body_text }];
  return upsertTemplate(sqlConnection(scope), session.id, {
    name: submission.name,
    language: submission.language,
    category: (answered.category ?? submission.category).toUpperCase(),
    status: answered.status ? templateStatusOf(answered.status) : "PENDING",
    components,
    ...templateBodyOf(components),
    rejected_reason: null,
  }, null);
}
