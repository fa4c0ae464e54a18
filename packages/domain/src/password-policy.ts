import { z } from "zod";
import { COMMON_PASSWORDS_TEXT } from "./common-passwords.js";

/** The shortest password a staff member may choose. */
export const PASSWORD_MIN_LENGTH = 10;
/** Long passphrases are welcome; beyond this it is not a password any more (and hashing costs grow). */
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords people here pick that the international list misses (Malay words, the shop's names). */
const LOCAL_COMMON_PASSWORDS = [
  "malaysia", "malaysia123", "malaysiaboleh", "kualalumpur", "selamatdatang", "sayangkamu", "akusayangkamu",
  "bismillah", "alhamdulillah", "assalamualaikum", "subhanallah", "merdeka", "merdeka1957", "harimaumalaya",
  "bolasepak", "kucingku", "rahsia", "rahsiasaya", "katalaluan", "katalaluan123", "voltura", "volturademo",
  "repairshop", "phonerepair", "laptoprepair", "servicehub", "welcome", "changeme", "administrator",
];

let commonSet: Set<string> | null = null;
function commonPasswords(): Set<string> {
  commonSet ??= new Set([...COMMON_PASSWORDS_TEXT.split("\n").filter(Boolean), ...LOCAL_COMMON_PASSWORDS]);
  return commonSet;
}

const LEET: Record<string, string> = { "@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "5": "s", "7": "t" };
const undoLeet = (s: string) => s.replace(/[@43!10$57]/g, (c) => LEET[c] ?? c);

/** Who the password belongs to: it must not contain their email's name or their own name. */
export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

/** Words of the email's local part and the name that are long enough to matter (4+ letters or digits). */
function personalWords(context: PasswordContext): string[] {
  const local = context.email?.split("@")[0]?.toLowerCase() ?? "";
  const words = [local, ...local.split(/[._+-]+/), ...(context.name ?? "").toLowerCase().split(/\s+/)];
  return [...new Set(words.map((w) => w.trim()).filter((w) => w.length >= 4))];
}

/**
 * Why `password` is not acceptable, as short sentences that follow the field's name
 * ("password: must be at least 10 characters"), or [] when it is fine.
 */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  if (password.length < PASSWORD_MIN_LENGTH) return [`must be at least ${PASSWORD_MIN_LENGTH} characters`];
  if (password.length > PASSWORD_MAX_LENGTH) return [`must be at most ${PASSWORD_MAX_LENGTH} characters`];
  const lower = password.toLowerCase();
  const problems: string[] = [];
  if (new Set(lower).size <= 2) problems.push("must not be one or two characters repeated");
  const common = commonPasswords();
  // The word people decorate: "Password2026!" → "password", "P@ssw0rd!!" → "password".
  const core = lower.replace(/^[^a-z@$]+/, "").replace(/[^a-z]+$/, "");
  if (common.has(lower) || common.has(undoLeet(lower))) problems.push("is one of the most common passwords; choose something less predictable");
  else if (core.length >= 4 && (common.has(core) || common.has(undoLeet(core)))) {
    problems.push("is a common password with a few characters added; choose something less predictable");
  }
  const personal = personalWords(context).find((word) => lower.includes(word));
  if (personal) problems.push("must not contain your email address or your name");
  return problems;
}

export function isAcceptablePassword(password: string, context: PasswordContext = {}): boolean {
  return passwordProblems(password, context).length === 0;
}

/**
 * A zod refinement for a body whose `field` holds a new password and whose `email` / `name`
 * (when present) describe its owner; issues name the field, e.g. `new_password: must be …`.
 */
export function refinePasswordField<T extends Record<string, unknown>>(
  field: keyof T & string,
  contextOf: (body: T) => PasswordContext = (body) => ({
    email: typeof body.email === "string" ? body.email : null,
    name: typeof body.name === "string" ? body.name : null,
  }),
) {
  return (body: T, ctx: z.RefinementCtx) => {
    const value = body[field];
    if (typeof value !== "string") return;
    for (const message of passwordProblems(value, contextOf(body))) ctx.addIssue({ code: "custom", path: [field], message });
  };
}

/** A new password as typed: a string within the length limits (the rest of the policy needs the context). */
export const newPasswordSchema = z
  .string({ error: "is required" })
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
