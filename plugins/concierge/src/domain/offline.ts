import { formatRinggit, HANDOFF_TEXT, matchIntent, renderReply, shouldHandOff, type HandoffReason, type IntentMatch, type Language, type RepairType } from "@voltura/conversation";
import { chooseReplyLanguage } from "./guards";
import { ToolBox, type JobView } from "./toolbox";
import type { ChatContext, ConciergeReply, KnowledgeFact, ShopData } from "./agent-types";

export type OfflineRoute = "greeting" | "thanks" | "job_status" | "price_enquiry" | "opening_hours" | "handoff";

/**
 * Offline mode (no model key): which answer an intent gets. Only what the tools can answer from
 * shop data; everything else — unknown, a human asked for, a weak match, a quote answer that got
 * past the workflow — goes to a person.
 */
export function routeOffline(match: IntentMatch): OfflineRoute {
  if (shouldHandOff(match)) return "handoff";
  switch (match.intent) {
    case "greeting":
    case "thanks":
    case "job_status":
    case "price_enquiry":
    case "opening_hours":
      return match.intent;
    default:
      return "handoff";
  }
}

const REPAIR_WORDS: Record<RepairType, string[]> = {
  screen: ["screen", "lcd", "display", "oled", "skrin"],
  battery: ["battery", "bateri"],
  charging_port: ["port", "charging"],
  back_glass: ["back", "glass", "housing"],
  camera: ["camera", "kamera"],
  speaker: ["speaker", "mic", "microphone"],
  water_damage: ["water", "air"],
  software: ["software", "format", "reset"],
  keyboard: ["keyboard"],
};

const words = (text: string) => new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));

/** Price lines that really are about what was asked: the named model and repair must both appear. */
export function relevantPrices(match: IntentMatch, hits: KnowledgeFact[]): KnowledgeFact[] {
  return hits.filter((hit) => {
    if (!hit.price) return false;
    const have = words(`${hit.price.item} ${hit.price.variant ?? ""}`);
    const model = match.entities.device?.model;
    if (model && ![...words(model)].every((w) => have.has(w))) return false;
    const repair = match.entities.repairType;
    if (repair && !REPAIR_WORDS[repair].some((w) => have.has(w))) return false;
    return Boolean(model || repair);
  });
}

function priceText(lang: "ms" | "en", hits: KnowledgeFact[]): string {
  const lines = hits.slice(0, 3).map((h) => {
    const p = h.price!;
    const label = p.variant ? `${p.item} (${p.variant})` : p.item;
    return lang === "ms" ? `Harga ${label}: ${formatRinggit(p.price_sen)}.` : `${label}: ${formatRinggit(p.price_sen)}.`;
  });
  lines.push(lang === "ms" ? "Harga muktamad selepas pemeriksaan di kedai." : "Final price after inspection in store.");
  return lines.join("\n");
}

function jobText(lang: "ms" | "en", jobs: JobView[]): string {
  return jobs
    .map((j) =>
      renderReply("job_status", lang, { jobNumber: j.job_number, statusLabel: j.status_label, device: j.device, readyForPickup: j.status === "completed" }),
    )
    .join("\n");
}

const inLanguage = (language: Language, render: (lang: "ms" | "en") => string) =>
  language === "mixed" ? `${render("ms")}\n\n${render("en")}` : render(language);

/** Answers from the same tools as the agent, by intent matching in BM/EN. */
export async function answerOffline(ctx: ChatContext, data: ShopData): Promise<ConciergeReply> {
  const match = matchIntent(ctx.text);
  const language = chooseReplyLanguage(ctx.text, ctx.previousLanguage);
  const tools = new ToolBox(data, ctx.phone);
  const done = (reply: string): ConciergeReply => ({ reply, handoff: null, language, tool_calls: tools.calls, mode: "offline" });
  const handOff = (reason: HandoffReason): ConciergeReply => {
    tools.handoff({ reason });
    return { reply: HANDOFF_TEXT, handoff: { reason }, language, tool_calls: tools.calls, mode: "offline" };
  };

  const route = routeOffline(match);
  switch (route) {
    case "greeting":
      return done(renderReply("greeting", language, { shopName: await data.shopName() }));
    case "thanks":
      return done(renderReply("thanks", language));
    case "opening_hours": {
      const { opening_hours: h } = await data.settings();
      return done(renderReply("opening_hours", language, { opens: h.opens, closes: h.closes, closedDays: h.closed_days, askedDay: match.entities.day }));
    }
    case "job_status": {
      const found = await tools.jobStatus(match.entities.jobNumber ? { job_number: match.entities.jobNumber } : {});
      if (found.jobs.length === 0) return handOff(match.entities.jobNumber ? "job_not_found" : "no_jobs_for_phone");
      return done(inLanguage(language, (lang) => jobText(lang, found.jobs)));
    }
    case "price_enquiry": {
      const { results } = await tools.searchKnowledge({ query: ctx.text, kind: "price_list" });
      const prices = relevantPrices(match, results);
      if (prices.length === 0) return handOff("price_not_listed");
      return done(inLanguage(language, (lang) => priceText(lang, prices)));
    }
    case "handoff":
      return handOff(match.intent === "human_request" ? "customer_asked_for_person" : "out_of_scope");
  }
}
