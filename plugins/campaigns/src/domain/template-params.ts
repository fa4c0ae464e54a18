/**
 * WhatsApp template parameters: one text per {{n}} placeholder, never empty, without new lines, tabs or more than
 * four spaces in a row (the Cloud API refuses those), at most 1,024 characters each.
 */
export const EMPTY_PARAM = "-";
const MAX_PARAM_CHARS = 1024;

export function cleanTemplateParam(value: string): string {
  const flat = value.replace(/[\r\n\t]+/g, " ").replace(/ {2,}/g, " ").trim();
  return (flat || EMPTY_PARAM).slice(0, MAX_PARAM_CHARS);
}

/** The params of one recipient, in placeholder order, from the variable names and a renderer of one variable. */
export function templateParamValues(variables: readonly string[], renderVariable: (name: string) => string): string[] {
  return variables.map((name) => cleanTemplateParam(renderVariable(name)));
}

/**
 * The readable text of a template send (the campaign's record and the message log): the template's body with its
 * placeholders filled when the body is known, else its name and params.
 */
export function templateText(template: { name: string; params: readonly string[] }, bodyText: string | null): string {
  if (!bodyText) return `[${template.name}] ${template.params.join(" · ")}`.trim();
  return bodyText.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => template.params[Number(n) - 1] ?? whole);
}
