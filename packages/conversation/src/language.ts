import { normalise } from "./normalise.js";

export type Language = "ms" | "en" | "mixed";

/** Malay words and the way Malaysians type them in chat. Weight 1 unless listed in WEAK_MS. */
const MALAY = new Set(
  (
    "saya sy aku awak anda kamu korang nak nk tak tk x tidak tdk takde xde tiada ke kah ka dah dh sudah belum blm lagi " +
    "berapa brp bape bila bile pukul pkl buka tutup harga tukar baiki betulkan rosak boleh blh bleh terima kasih trima " +
    "tolong encik cik abang kak hari ini ni tu itu dengan dgn ada mana kenapa knp apa camne macam mcm je jer sahaja saje " +
    "punya dia kami kita mahu hantar ambil amik bayar murah mahal sangat sgt lama minggu esok semalam pagi petang malam " +
    "selamat setuju jadi batal skrin bateri telefon henset kedai sebentar sekejap jap dekat dkt untuk utk nanti betul " +
    "baru dulu lepas sebab sbb kalau klu kalo tapi tp dan atau pun juga jugak bagi bg bagitau bgtau beritahu sikit banyak " +
    "byk orang org cakap ckp bercakap manusia siap sudahkah mohon sila boleh ke pecah retak masuk air kena habis cepat " +
    "jam waktu ahad isnin selasa rabu khamis jumaat sabtu buat teruskan baik baiklah ya ye yer yang yg pasal tentang " +
    "berapakah bilakah tengok check kan lah la tanya jumpa datang pergi sampai kerja staf bos tunggu kenape nape sama " +
    "masih mcmana camana ape nk tau tahu nombor no telefon caj kos anggaran sebut nombor rosak tak payah taknak xnak"
  ).split(" "),
);

/** English words. */
const ENGLISH = new Set(
  (
    "i my me mine you your u ur is are am was were be been the an how much many what when where why which who can " +
    "could will would should please pls plz thanks thank thx ready done finished status price cost costs repair fix " +
    "fixed replace replacement open opening close closed closing today tomorrow yesterday sunday monday tuesday " +
    "wednesday thursday friday saturday hours hour time still yet already not no yes yeah yep want need check it its " +
    "this that do does did have has of for to in with and or but sure hi hello hey morning afternoon evening good " +
    "speak talk human person someone agent cancel approve proceed go ahead long take takes there any anyone know let " +
    "us we our they them cheap expensive too very so just pick up collect ok okay problem quote quotation agree " +
    "broken cracked crack water damage charging port won't wont doesnt doesn't isnt don't dont like about get got " +
    "give send tell call real staff shop store number job"
  ).split(" "),
);

/** Words both sides use (loanwords, particles): they tell nothing about the language. */
const NEUTRAL = new Set(
  (
    "ok okay k kk okey oke on set phone laptop screen battery charger iphone ipad samsung redmi xiaomi oppo vivo " +
    "huawei realme macbook lah la ah meh lor leh wei bro sis boss bos tq ty job status quote vsh rm service servis " +
    "online whatsapp wifi pro max plus mini ultra note camera speaker"
  ).split(" "),
);

/** Words counted at half weight: common in both, but leaning one way. */
const WEAK_MS = new Set(["la", "lah", "ya", "ye", "kan", "no", "check", "staf", "bos", "caj", "kos", "tengok"]);
const WEAK_EN = new Set(["a", "so", "ok", "okay", "repair", "check", "status", "staff", "shop", "job", "number", "quote", "no", "go"]);

export interface LanguageScores {
  ms: number;
  en: number;
}

export function languageScores(text: string): LanguageScores {
  let ms = 0;
  let en = 0;
  for (const token of normalise(text).tokens) {
    if (NEUTRAL.has(token) || /^\d/.test(token)) continue;
    if (MALAY.has(token)) ms += WEAK_MS.has(token) ? 0.5 : 1;
    if (ENGLISH.has(token)) en += WEAK_EN.has(token) ? 0.5 : 1;
  }
  return { ms, en };
}

export interface DetectLanguageOptions {
  /** What to answer when the text says nothing (an emoji, "ok", a job number). Default "mixed". */
  fallback?: Language;
}

/**
 * BM, English or a mix ("Manglish") for a Malaysian chat message, by word lists and scoring:
 * more than 75 % of the language signal on one side decides it; otherwise it is mixed.
 * Loanwords everybody uses (phone, screen, ok, lah) do not count. "mixed" also means "reply in
 * both" when there is no signal at all.
 */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): Language {
  const { ms, en } = languageScores(text);
  const total = ms + en;
  if (total === 0) return options.fallback ?? "mixed";
  const share = ms / total;
  if (share > 0.75) return "ms";
  if (share < 0.25) return "en";
  return "mixed";
}
