import { TransportSendError } from "../errors.js";
import type { TemplateMessage } from "../types.js";

export interface SimulatedTemplate {
  name: string;
  language: string;
  bodyText: string;
}

/** How many positional parameters ({{1}}..{{n}}) a template text uses: its highest index. */
export function templateParamCount(text: string): number {
  let highest = 0;
  for (const match of text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

/**
 * The text a customer would see for a template: a known template's body with its parameters filled
 * in (a parameter count that does not match is refused as WhatsApp's 132000 would), an unknown one
 * as "name: param, param".
 */
export function renderTemplate(template: TemplateMessage, known: SimulatedTemplate | undefined): string {
  if (!known) {
    return template.bodyParams.length > 0 ? `${template.name}: ${template.bodyParams.join(", ")}` : template.name;
  }
  const expected = templateParamCount(known.bodyText);
  if (expected !== template.bodyParams.length) {
    throw new TransportSendError({
      code: "template_rejected",
      statusCode: 400,
      errorCode: 132000,
      errorTitle: "Number of parameters does not match the expected number of params",
      retryable: false,
      message: `template ${template.name} (${template.language}) takes ${expected} body parameters, got ${template.bodyParams.length}`,
    });
  }
  return known.bodyText.replace(/\{\{\s*(\d+)\s*\}\}/g, (_match, index: string) => template.bodyParams[Number(index) - 1] ?? "");
}
