import type { RepairType, Weekday } from "./entities.js";
import type { Intent } from "./intent.js";
import type { Language } from "./language.js";

/** The one fallback: sent whenever the concierge hands the chat to a person. Do not reword. */
export const HANDOFF_TEXT = "Tunggu sebentar, teknisi kami akan melayan anda";

type Lang = "ms" | "en";

export interface ReplyData {
  greeting: { customerName?: string; shopName?: string };
  job_status: {
    jobNumber?: string;
    /** The status as the customer should read it, per language (from the repair status labels). */
    statusLabel?: { ms: string; en: string };
    device?: string;
    readyForPickup?: boolean;
  };
  price_enquiry: { device?: string; repairType?: RepairType; priceFromSen?: number; priceToSen?: number };
  opening_hours: { opens: string; closes: string; closedDays?: Weekday[]; askedDay?: Weekday };
  thanks: Record<string, never>;
  human_request: Record<string, never>;
  quote_reply: { decision: "approve" | "reject"; jobNumber?: string };
  unknown: Record<string, never>;
}

const DAY_NAMES: Record<Weekday, Record<Lang, string>> = {
  monday: { ms: "Isnin", en: "Monday" },
  tuesday: { ms: "Selasa", en: "Tuesday" },
  wednesday: { ms: "Rabu", en: "Wednesday" },
  thursday: { ms: "Khamis", en: "Thursday" },
  friday: { ms: "Jumaat", en: "Friday" },
  saturday: { ms: "Sabtu", en: "Saturday" },
  sunday: { ms: "Ahad", en: "Sunday" },
};

const REPAIR_NAMES: Record<RepairType, Record<Lang, string>> = {
  screen: { ms: "tukar skrin", en: "screen replacement" },
  battery: { ms: "tukar bateri", en: "battery replacement" },
  charging_port: { ms: "baiki port cas", en: "charging port repair" },
  back_glass: { ms: "tukar kaca belakang", en: "back glass replacement" },
  camera: { ms: "baiki kamera", en: "camera repair" },
  speaker: { ms: "baiki speaker / mikrofon", en: "speaker / microphone repair" },
  water_damage: { ms: "rawatan masuk air", en: "water damage treatment" },
  software: { ms: "servis software", en: "software service" },
  keyboard: { ms: "tukar keyboard", en: "keyboard replacement" },
};

/** 35000 → "RM 350", 35050 → "RM 350.50". */
export function formatRinggit(sen: number): string {
  const ringgit = sen / 100;
  return `RM ${Number.isInteger(ringgit) ? ringgit.toString() : ringgit.toFixed(2)}`;
}

function join(parts: (string | false | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}

const TEMPLATES: { [I in Intent]: (lang: Lang, data: ReplyData[I]) => string } = {
  greeting: (lang, { customerName, shopName = "Voltura" }) =>
    lang === "ms"
      ? `${customerName ? `Hai ${customerName}! ` : "Hai! "}Selamat datang ke ${shopName}. Boleh kami bantu? Tanya status job, harga pembaikan atau waktu operasi.`
      : `${customerName ? `Hi ${customerName}! ` : "Hi! "}Welcome to ${shopName}. How can we help? Ask about your job status, repair prices or opening hours.`,

  job_status: (lang, { jobNumber, statusLabel, device, readyForPickup }) => {
    if (!jobNumber || !statusLabel) {
      return lang === "ms"
        ? "Boleh berikan nombor job anda (contoh: VSH-2026-000123)? Ia tertera pada slip penerimaan."
        : "Could you send your job number (e.g. VSH-2026-000123)? It is printed on your intake slip.";
    }
    const what = device ? ` (${device})` : "";
    if (lang === "ms") {
      return join([`Status job ${jobNumber}${what}: ${statusLabel.ms}.`, readyForPickup && "Peranti anda sedia untuk diambil."]);
    }
    return join([`Job ${jobNumber}${what} status: ${statusLabel.en}.`, readyForPickup && "Your device is ready for collection."]);
  },

  price_enquiry: (lang, { device, repairType, priceFromSen, priceToSen }) => {
    const repair = repairType ? REPAIR_NAMES[repairType][lang] : undefined;
    if (priceFromSen === undefined || !repair) {
      return lang === "ms"
        ? "Boleh beritahu model peranti dan masalahnya (contoh: tukar skrin iPhone 13)? Kami akan beri anggaran harga."
        : "Could you tell us the device model and the problem (e.g. iPhone 13 screen replacement)? We will give you an estimate.";
    }
    const range =
      priceToSen !== undefined && priceToSen > priceFromSen
        ? `${formatRinggit(priceFromSen)} – ${formatRinggit(priceToSen)}`
        : formatRinggit(priceFromSen);
    return lang === "ms"
      ? `Anggaran harga ${repair}${device ? ` ${device}` : ""}: ${range}. Harga muktamad selepas pemeriksaan di kedai.`
      : `Estimated price for ${device ? `${device} ` : ""}${repair}: ${range}. Final price after inspection in store.`;
  },

  opening_hours: (lang, { opens, closes, closedDays = [], askedDay }) => {
    if (!opens || !closes) throw new TypeError("renderReply(opening_hours) needs data.opens and data.closes");
    const hours = `${opens} – ${closes}`;
    if (askedDay) {
      const day = DAY_NAMES[askedDay][lang];
      if (closedDays.includes(askedDay)) {
        return lang === "ms" ? `Maaf, kami tutup pada hari ${day}.` : `Sorry, we are closed on ${day}.`;
      }
      return lang === "ms" ? `Ya, kami buka hari ${day}, ${hours}.` : `Yes, we are open on ${day}, ${hours}.`;
    }
    const closed = closedDays.map((d) => DAY_NAMES[d][lang]).join(", ");
    if (lang === "ms") return closed ? `Kami buka ${hours}. Tutup pada hari ${closed}.` : `Kami buka setiap hari, ${hours}.`;
    return closed ? `We are open ${hours}. Closed on ${closed}.` : `We are open daily, ${hours}.`;
  },

  thanks: (lang) =>
    lang === "ms" ? "Sama-sama! Terima kasih kerana memilih kami." : "You're welcome! Thank you for choosing us.",

  quote_reply: (lang, { decision, jobNumber }) => {
    if (decision !== "approve" && decision !== "reject") {
      throw new TypeError('renderReply(quote_reply) needs data.decision "approve" or "reject"');
    }
    const jobMs = jobNumber ? ` untuk job ${jobNumber}` : "";
    const jobEn = jobNumber ? ` (job ${jobNumber})` : "";
    if (decision === "approve") {
      return lang === "ms"
        ? `Terima kasih! Kami akan teruskan pembaikan${jobMs} dan maklumkan bila siap.`
        : `Thank you! We will go ahead with the repair${jobEn} and let you know when it is ready.`;
    }
    return lang === "ms"
      ? `Baik, kami tidak akan teruskan pembaikan${jobMs}. Peranti anda boleh diambil di kedai.`
      : `Noted, we will not go ahead with the repair${jobEn}. You can collect your device at the shop.`;
  },

  human_request: () => HANDOFF_TEXT,
  unknown: () => HANDOFF_TEXT,
};

/**
 * The concierge's reply for an intent in the customer's language. "mixed" answers in both, BM
 * first. Handoffs (unknown, human_request) are always exactly HANDOFF_TEXT.
 */
export function renderReply<I extends Intent>(
  intent: I,
  language: Language,
  ...[data]: Record<never, never> extends ReplyData[I] ? [data?: ReplyData[I]] : [data: ReplyData[I]]
): string {
  const template = TEMPLATES[intent] as (lang: Lang, data: ReplyData[I]) => string;
  const input = (data ?? {}) as ReplyData[I];
  if (intent === "unknown" || intent === "human_request") return HANDOFF_TEXT;
  if (language !== "mixed") return template(language, input);
  return `${template("ms", input)}\n\n${template("en", input)}`;
}
