import { hasAnyPhrase, normalise, type NormalisedText } from "./normalise.js";

/** A job number as printed on the intake slip: VSH-YYYY-NNNNNN. */
export function extractJobNumber(text: string): string | undefined {
  const match = /\bvsh[\s_-]*(20\d{2})[\s_-]*(\d{6})\b/i.exec(text);
  return match ? `VSH-${match[1]}-${match[2]}` : undefined;
}

export const repairTypes = [
  "screen",
  "battery",
  "charging_port",
  "back_glass",
  "camera",
  "speaker",
  "water_damage",
  "software",
  "keyboard",
] as const;
export type RepairType = (typeof repairTypes)[number];

/** Phrases per repair type, checked in this order (charging port before battery: "port cas"). */
const REPAIR_PHRASES: [RepairType, string[]][] = [
  ["water_damage", ["masuk air", "terkena air", "kena air", "jatuh air", "water damage", "dropped in water", "basah", "wet"]],
  ["charging_port", ["charging port", "port charge", "port cas", "port charging", "tak boleh cas", "tak masuk cas", "cas tak masuk", "not charging", "wont charge", "charging", "port"]],
  ["back_glass", ["back glass", "kaca belakang", "belakang pecah", "back cover", "housing"]],
  ["screen", ["screen", "skrin", "lcd", "display", "paparan", "touchscreen", "touch screen", "touch", "oled"]],
  ["battery", ["battery", "bateri", "batt", "betri", "kembung", "swollen", "cepat habis", "drains fast"]],
  ["camera", ["camera", "kamera", "lens", "kanta"]],
  ["speaker", ["speaker", "earpiece", "mic", "microphone", "tak ada bunyi", "takde bunyi", "no sound", "bunyi"]],
  ["keyboard", ["keyboard", "papan kekunci", "keypad", "trackpad", "touchpad"]],
  ["software", ["software", "hang", "format", "reset", "virus", "restart sendiri", "bootloop", "stuck logo", "os"]],
];

export function extractRepairType(text: string | NormalisedText): RepairType | undefined {
  const normalised = typeof text === "string" ? normalise(text) : text;
  return REPAIR_PHRASES.find(([, phrases]) => hasAnyPhrase(normalised, phrases))?.[0];
}

export interface Device {
  brand: string;
  /** Model words as the customer typed them, tidied: "13 Pro Max", "A52", "Note 12". */
  model?: string;
  /** "iPhone 13 Pro Max", "Samsung A52". */
  label: string;
}

export type DeviceType = "phone" | "laptop" | "tablet" | "watch";

const BRANDS: Record<string, { name: string; type: DeviceType }> = {
  iphone: { name: "iPhone", type: "phone" },
  ipad: { name: "iPad", type: "tablet" },
  macbook: { name: "MacBook", type: "laptop" },
  samsung: { name: "Samsung", type: "phone" },
  galaxy: { name: "Samsung", type: "phone" },
  redmi: { name: "Redmi", type: "phone" },
  xiaomi: { name: "Xiaomi", type: "phone" },
  poco: { name: "Poco", type: "phone" },
  oppo: { name: "Oppo", type: "phone" },
  vivo: { name: "Vivo", type: "phone" },
  realme: { name: "Realme", type: "phone" },
  huawei: { name: "Huawei", type: "phone" },
  honor: { name: "Honor", type: "phone" },
  infinix: { name: "Infinix", type: "phone" },
  pixel: { name: "Pixel", type: "phone" },
  oneplus: { name: "OnePlus", type: "phone" },
  nokia: { name: "Nokia", type: "phone" },
  asus: { name: "Asus", type: "laptop" },
  acer: { name: "Acer", type: "laptop" },
  lenovo: { name: "Lenovo", type: "laptop" },
  dell: { name: "Dell", type: "laptop" },
  msi: { name: "MSI", type: "laptop" },
  thinkpad: { name: "ThinkPad", type: "laptop" },
};

/** "hp" is "handphone" in Malaysian chat, unless an HP laptop line follows. */
const HP_LAPTOP_LINES = new Set(["laptop", "pavilion", "envy", "elitebook", "probook", "victus", "omen", "spectre", "notebook"]);

const MODEL_WORD = /^(\d{1,4}[a-z]{0,2}|[a-z]{1,2}\d{1,4}[a-z]{0,2}|pro|max|plus|mini|ultra|note|se|xr|xs|x|lite|fe|air|fold|flip|neo|prime|galaxy)$/;

function tidyModelWord(word: string): string {
  if (["xr", "xs", "se", "fe", "x"].includes(word)) return word.toUpperCase();
  if (/^[a-z]{1,2}\d/.test(word)) return word.toUpperCase();
  if (/^\d+[a-z]+$/.test(word)) return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The brand and model the customer names: "iphone 13 pro max" → iPhone 13 Pro Max. */
export function extractDevice(text: string | NormalisedText): Device | undefined {
  const { tokens } = typeof text === "string" ? normalise(text) : text;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    let brand = BRANDS[token];
    if (!brand && token === "hp" && HP_LAPTOP_LINES.has(tokens[i + 1] ?? "")) brand = { name: "HP", type: "laptop" };
    if (!brand) continue;
    const modelWords: string[] = [];
    for (let j = i + 1; j < tokens.length && modelWords.length < 4; j += 1) {
      const word = tokens[j]!;
      if (!MODEL_WORD.test(word) || (word === "galaxy" && brand.name !== "Samsung")) break;
      if (word !== "galaxy") modelWords.push(tidyModelWord(word));
    }
    const model = modelWords.length > 0 ? modelWords.join(" ") : undefined;
    return { brand: brand.name, ...(model ? { model } : {}), label: model ? `${brand.name} ${model}` : brand.name };
  }
  return undefined;
}

const GENERIC_TYPES: [DeviceType, string[]][] = [
  ["laptop", ["laptop", "notebook", "macbook", "lappy"]],
  ["tablet", ["tablet", "tab", "ipad"]],
  ["watch", ["watch", "jam tangan", "smartwatch"]],
  ["phone", ["phone", "fon", "telefon", "handphone", "hp", "henset", "smartphone", "iphone", "tepon"]],
];

export function extractDeviceType(text: string | NormalisedText): DeviceType | undefined {
  const normalised = typeof text === "string" ? normalise(text) : text;
  const device = extractDevice(normalised);
  if (device) return BRANDS[device.brand.toLowerCase()]?.type ?? (device.brand === "HP" ? "laptop" : undefined);
  return GENERIC_TYPES.find(([, words]) => hasAnyPhrase(normalised, words))?.[0];
}

export const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof weekdays)[number];

const DAY_WORDS: Record<string, Weekday> = {
  monday: "monday", mon: "monday", isnin: "monday",
  tuesday: "tuesday", tue: "tuesday", tues: "tuesday", selasa: "tuesday",
  wednesday: "wednesday", wed: "wednesday", rabu: "wednesday",
  thursday: "thursday", thu: "thursday", thurs: "thursday", khamis: "thursday",
  friday: "friday", fri: "friday", jumaat: "friday", jumat: "friday",
  saturday: "saturday", sat: "saturday", sabtu: "saturday",
  sunday: "sunday", sun: "sunday", ahad: "sunday", minggu: "sunday",
};

/** A weekday the customer asks about ("open sunday?", "hari Ahad buka?"). */
export function extractWeekday(text: string | NormalisedText): Weekday | undefined {
  const { tokens } = typeof text === "string" ? normalise(text) : text;
  for (const token of tokens) {
    const day = DAY_WORDS[token];
    // "minggu" alone is "week"; only "hari minggu" is Sunday.
    if (day && (token !== "minggu" || tokens[tokens.indexOf(token) - 1] === "hari")) return day;
  }
  return undefined;
}
