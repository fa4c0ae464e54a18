import {
  extractDevice,
  extractDeviceType,
  extractJobNumber,
  extractRepairType,
  extractWeekday,
  type Device,
  type DeviceType,
  type RepairType,
  type Weekday,
} from "./entities.js";
import { detectLanguage, type Language } from "./language.js";
import { canonicalise, hasAnyPhrase, type NormalisedText } from "./normalise.js";
import { classifyQuoteReply, mentionsQuoteDecision } from "./quote-reply.js";

export const intents = [
  "greeting",
  "job_status",
  "price_enquiry",
  "opening_hours",
  "thanks",
  "human_request",
  "quote_reply",
  "unknown",
] as const;
export type Intent = (typeof intents)[number];

export interface IntentEntities {
  jobNumber?: string;
  device?: Device;
  deviceType?: DeviceType;
  repairType?: RepairType;
  /** The weekday asked about, for opening hours. */
  day?: Weekday;
  /** For quote_reply. */
  decision?: "approve" | "reject";
}

export interface IntentMatch {
  intent: Intent;
  /** 0–1: how sure the matcher is. unknown is always 0. */
  confidence: number;
  entities: IntentEntities;
  language: Language;
}

export interface MatchContext {
  /** The customer has a quote waiting for an answer: a bare "ok" / "tak nak" answers it. */
  awaitingQuoteReply?: boolean;
}

const HUMAN = [
  "cakap dengan orang", "cakap dengan staf", "cakap dengan staff", "cakap dengan manusia", "bercakap dengan",
  "nak cakap dengan", "sembang dengan orang", "orang sebenar", "manusia", "bukan bot", "not a bot", "real person",
  "real human", "human", "speak to someone", "speak to a person", "talk to someone", "talk to a person", "speak with",
  "talk to staff", "customer service", "khidmat pelanggan", "agent", "admin", "call saya", "call me", "telefon saya",
  "please call", "boleh call", "nak call", "sambung ke staf", "operator", "technician", "juruteknik", "teknisi",
];

const STATUS = [
  "status", "dah siap", "siap ke", "siap tak", "bila siap", "siap bila", "sudah siap", "belum siap", "tak siap",
  "siap lagi", "boleh ambil", "bila boleh ambil", "nak ambil", "ambil phone", "ambil laptop", "is ready", "ready ke",
  "ready tak", "ready yet", "is it ready", "is my", "ready", "done yet", "finished", "progress", "any update",
  "update on", "pick up", "pickup", "collect", "how is my", "hows my", "macam mana phone", "macammana phone", "siap",
];

const PRICE = [
  "harga", "how much", "price", "prices", "pricing", "cost", "costs", "kos", "caj", "charge", "rm", "ringgit",
  "quotation", "sebut harga", "anggaran", "estimate", "berapa ringgit", "mahal tak", "murah",
];

const HOURS_STRONG = [
  "waktu operasi", "waktu buka", "jam operasi", "opening hours", "operating hours", "business hours", "open hours",
  "buka pukul", "tutup pukul", "buka jam", "tutup jam", "pukul berapa buka", "pukul berapa tutup", "what time open",
  "what time close", "what time do you open", "what time do you close", "open what time", "close what time",
  "buka tak", "open tak", "open or not", "cuti umum", "public holiday",
];
const HOURS_VERBS = ["buka", "tutup", "open", "close", "closed", "closing", "opening"];
const HOURS_CONTEXT = [
  "pukul", "jam", "berapa", "bila", "hari", "today", "tomorrow", "esok", "hari ni", "sekarang", "now", "kedai",
  "shop", "store", "you", "korang", "awak", "time", "hours", "ke", "tak", "weekend", "raya",
];

const GREETINGS = [
  "hi", "hai", "hello", "helo", "hallo", "hey", "yo", "assalamualaikum", "salam", "selamat pagi", "selamat petang",
  "selamat malam", "selamat tengah hari", "good morning", "good afternoon", "good evening", "morning", "pagi", "petang",
];
const THANKS = ["thanks", "terima kasih", "thank you", "appreciate", "kasih", "sama sama"];

/** Words that can stand beside a greeting or thanks without changing what the message is. */
const FILLER = new Set([
  "bos", "boss", "bro", "sis", "kak", "abang", "bang", "encik", "cik", "tuan", "puan", "la", "lah", "ya", "ye", "yer",
  "ok", "you", "very", "much", "so", "banyak", "a", "lot", "admin", "team", "all", "there", "semua", "ah", "again",
  "sekali", "lagi", "sangat", "dear",
]);

function onlyFrom(text: NormalisedText, phrases: readonly string[]): boolean {
  let rest = text.padded;
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(` ${phrase} `, "  ");
  const left = rest.split(" ").filter(Boolean);
  return left.length < text.tokens.length && left.every((word) => FILLER.has(word) || phrases.includes(word));
}

function isPriceQuestion(text: NormalisedText, repairType: RepairType | undefined, device: Device | undefined): boolean {
  if (hasAnyPhrase(text, PRICE)) return !hasAnyPhrase(text, ["how much longer", "how much time"]);
  // "berapa" asks a price unless it asks a time: "berapa lama", "pukul berapa", "berapa hari".
  const asksHowMany = hasAnyPhrase(text, ["berapa"]);
  const asksTime = hasAnyPhrase(text, ["berapa lama", "pukul berapa", "jam berapa", "berapa hari", "berapa jam", "berapa minggu"]);
  return asksHowMany && !asksTime && (repairType !== undefined || device !== undefined || hasAnyPhrase(text, ["tukar", "repair", "baiki"]));
}

function isHoursQuestion(text: NormalisedText, day: Weekday | undefined): boolean {
  if (hasAnyPhrase(text, HOURS_STRONG)) return true;
  if (!hasAnyPhrase(text, HOURS_VERBS)) return false;
  // "phone tak boleh buka" is a fault, not opening hours.
  if (hasAnyPhrase(text, ["tak boleh buka", "cannot open", "cant open", "wont open", "tak boleh on", "tak nak buka"])) return false;
  return day !== undefined || hasAnyPhrase(text, HOURS_CONTEXT);
}

/**
 * The offline concierge's intent matcher (no model needed). Priority: a human request, a job
 * number, a pending quote's answer, a price question, opening hours, a status question, then
 * greetings and thanks when they are the whole message. Anything else is unknown (hand off).
 */
export function matchIntent(text: string, context: MatchContext = {}): IntentMatch {
  const language = detectLanguage(text);
  const canonical = canonicalise(text);
  const jobNumber = extractJobNumber(text);
  const device = extractDevice(canonical);
  const deviceType = extractDeviceType(canonical);
  const repairType = extractRepairType(canonical);
  const day = extractWeekday(canonical);
  const devices: IntentEntities = {
    ...(device ? { device } : {}),
    ...(deviceType ? { deviceType } : {}),
    ...(repairType ? { repairType } : {}),
  };
  const result = (intent: Intent, confidence: number, entities: IntentEntities = {}): IntentMatch => ({
    intent,
    confidence,
    entities,
    language,
  });

  if (canonical.tokens.length === 0) return result("unknown", 0);
  if (hasAnyPhrase(canonical, HUMAN)) return result("human_request", 0.9, jobNumber ? { jobNumber } : {});

  const quote = classifyQuoteReply(text);
  const explicitQuote = mentionsQuoteDecision(text);
  if (quote !== "unclear" && (context.awaitingQuoteReply || explicitQuote)) {
    const confidence = context.awaitingQuoteReply ? (explicitQuote ? 0.95 : 0.85) : 0.7;
    return result("quote_reply", confidence, { decision: quote, ...(jobNumber ? { jobNumber } : {}) });
  }
  if (jobNumber) return result("job_status", 0.95, { jobNumber, ...devices });
  if (isPriceQuestion(canonical, repairType, device)) {
    const detail = (repairType ? 1 : 0) + (device ? 1 : 0);
    return result("price_enquiry", [0.7, 0.85, 0.95][detail]!, devices);
  }
  if (isHoursQuestion(canonical, day)) return result("opening_hours", 0.85, day ? { day } : {});
  if (hasAnyPhrase(canonical, STATUS)) {
    const aboutMyDevice = hasAnyPhrase(canonical, ["saya", "my", "i"]) || deviceType !== undefined;
    return result("job_status", aboutMyDevice ? 0.85 : 0.7, devices);
  }
  if (onlyFrom(canonical, THANKS)) return result("thanks", 0.9);
  if (onlyFrom(canonical, GREETINGS)) return result("greeting", 0.9);
  if (hasAnyPhrase(canonical, THANKS)) return result("thanks", 0.6);
  if (hasAnyPhrase(canonical, GREETINGS) && canonical.tokens.length <= 4) return result("greeting", 0.6);
  return result("unknown", 0);
}

/** Whether a human should take over: nothing matched, a human was asked for, or the match is weak. */
export function shouldHandOff(match: IntentMatch, minimumConfidence = 0.6): boolean {
  return match.intent === "unknown" || match.intent === "human_request" || match.confidence < minimumConfidence;
}
