import { isWindowOpen } from "./service-window";
import { bindingParams, chooseBinding, outsideWindow, templateRefusal, type BindingCandidate, type KnownTemplate, type SendRefusal } from "./template-rules";

/** The approved template a message went out as (Cloud API), with its positional body parameters. */
export interface MessageTemplate {
  name: string;
  language: string;
  bodyParams: string[];
}

/** What the caller asked to send (POST /admin/whatsapp/messages). */
export interface SendAsked {
  /** Text or media to send as it is (free form). */
  hasContent: boolean;
  template?: { name: string; language: string; params: string[] };
  /** The fallback when the window is closed: the template bound to this purpose, filled from `variables`. */
  template_purpose?: string;
  variables?: Record<string, string>;
}

/** What the rules need to know, read before deciding (all optional reads are null when not asked for). */
export interface SendFacts {
  lastInboundAt: Date | string | null;
  now: Date;
  /** The stored template named in `template`, when one was asked for. */
  requestedTemplate: KnownTemplate | null;
  /** Bindings of `template_purpose` on the number, with their templates. */
  bindings: BindingCandidate[];
  customerLanguage: string | null;
}

export type SendDecision =
  | { kind: "free" }
  | { kind: "template"; template: MessageTemplate; known: KnownTemplate }
  | { kind: "refuse"; refusal: SendRefusal };

/**
 * The Cloud API's rule before a message is stored: inside the customer's 24-hour window anything
 * goes; outside it only an approved template with the right number of parameters. An explicit
 * template is checked wherever the window stands; a purpose is the fallback for a closed window.
 */
export function decideCloudSend(asked: SendAsked, facts: SendFacts): SendDecision {
  if (asked.template) {
    const refusal = templateRefusal(asked.template, facts.requestedTemplate, asked.template.params);
    if (refusal) return { kind: "refuse", refusal };
    return { kind: "template", known: facts.requestedTemplate!, template: { name: asked.template.name, language: facts.requestedTemplate!.language, bodyParams: asked.template.params } };
  }
  if (isWindowOpen(facts.lastInboundAt, facts.now) && asked.hasContent) return { kind: "free" };
  if (!asked.template_purpose) return { kind: "refuse", refusal: outsideWindow() };

  const binding = chooseBinding(facts.bindings, facts.customerLanguage);
  if (!binding) return { kind: "refuse", refusal: outsideWindow(`No template is bound to ${asked.template_purpose} on this number`) };
  const filled = bindingParams(binding.params, asked.variables ?? {});
  if ("missing" in filled) {
    return {
      kind: "refuse",
      refusal: { type: "template_params", field: `variables.${filled.missing}`, message: `variables.${filled.missing} is required by the ${asked.template_purpose} template ${binding.template_name}` },
    };
  }
  const refusal = templateRefusal({ name: binding.template_name, language: binding.language }, binding.template, filled.params);
  if (refusal) return { kind: "refuse", refusal: outsideWindow(`The ${asked.template_purpose} template cannot be used: ${refusal.message}`) };
  return { kind: "template", known: binding.template!, template: { name: binding.template_name, language: binding.language, bodyParams: filled.params } };
}
