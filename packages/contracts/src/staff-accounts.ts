import { z } from "zod";
import { newPasswordSchema, refinePasswordField, staffRoleSchema, tryNormalisePhone } from "@voltura/domain";

// ---- staff accounts (plugins/platform): first-run setup, credentials check, passwords, lockouts ----

const emailInput = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254));
/** A password as typed at sign-in: not the policy (an old password may predate it), only sane bounds. */
const typedPassword = z.string().min(1, "Enter the password").max(256, "That password is too long");

/** The console's languages; a staff member's choice is kept on their account (`metadata.locale`). */
export const staffLocaleSchema = z.enum(["en", "ms"]);
export type StaffLocale = z.infer<typeof staffLocaleSchema>;

export const staffAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  /** Their saved console language; null/absent until they choose one. */
  locale: staffLocaleSchema.nullable().optional(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/** POST /admin/staff/credentials/check (role `system`; the console calls it as the system actor). */
export const credentialsCheckBodySchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email").max(254),
  password: typedPassword,
  ip: z.string().trim().min(1, "ip is required").max(100),
  purpose: z.enum(["signin", "approval"]),
});
export type CredentialsCheckBody = z.infer<typeof credentialsCheckBodySchema>;

export const credentialsCheckAnswerSchema = z.object({ staff: staffAccountSchema, must_change_password: z.boolean() });
export type CredentialsCheckAnswer = z.infer<typeof credentialsCheckAnswerSchema>;

/** The 429 answer of a limited check: how long until the account / address may try again. */
export const tooManyAttemptsAnswerSchema = z.object({
  type: z.literal("too_many_attempts"),
  message: z.string(),
  retry_after_seconds: z.number().int().positive(),
});

export type CredentialsVerdict =
  | ({ ok: true } & CredentialsCheckAnswer)
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "limited"; retry_after_seconds: number };

/** POST /admin/staff/me/password: any staff member, for themselves. */
export const changeOwnPasswordBodySchema = z.object({
  current_password: typedPassword,
  new_password: newPasswordSchema,
});
export type ChangeOwnPasswordBody = z.infer<typeof changeOwnPasswordBodySchema>;

/** POST /admin/staff/me/preferences: any staff member saves their own console language. */
export const ownPreferencesBodySchema = z.object({ locale: staffLocaleSchema });
export type OwnPreferencesBody = z.infer<typeof ownPreferencesBodySchema>;

/** POST /admin/staff/:id/password-reset (owners): a typed temporary password, or none to have one made. */
export const passwordResetBodySchema = z.object({ temporary_password: newPasswordSchema.optional() });
export type PasswordResetBody = z.infer<typeof passwordResetBodySchema>;

export const passwordResetAnswerSchema = z.object({
  staff: staffAccountSchema.extend({ role: z.string() }),
  /** Only when the shop made it up: shown once, never stored in clear. */
  temporary_password: z.string().nullable(),
  must_change_password: z.literal(true),
});
export type PasswordResetAnswer = z.infer<typeof passwordResetAnswerSchema>;

/** GET /public/setup. */
export const setupStatusSchema = z.object({ needed: z.boolean(), token_required: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatusSchema>;

const shopPhone = z
  .string()
  .trim()
  .min(1, "Enter the shop's phone number")
  .transform((v, ctx) => {
    const e164 = tryNormalisePhone(v);
    if (!e164) ctx.addIssue({ code: "custom", message: "Enter a phone number such as 03-2141 1234 or 012-345 6789" });
    return e164 ?? v;
  });

/** POST /public/setup: the shop and its first owner (the password follows the policy). */
export const setupBodySchema = z
  .object({
    shop: z.object({
      name: z.string().trim().min(1, "Enter the shop's name").max(120),
      phone: shopPhone,
      address: z.string().trim().min(1, "Enter the shop's address").max(400),
      email: emailInput.optional(),
    }),
    owner: z
      .object({
        name: z.string().trim().min(1, "Enter your name").max(120),
        email: emailInput,
        password: newPasswordSchema,
      })
      .superRefine(refinePasswordField<{ name: string; email: string; password: string }>("password")),
    setup_token: z.string().max(200).optional(),
  });
export type SetupBody = z.input<typeof setupBodySchema>;

export const setupAnswerSchema = z.object({ staff: staffAccountSchema });

/** GET /admin/staff/lockouts (owners and managers). */
export const signinLockoutSchema = z.object({
  email: z.string(),
  failures: z.number(),
  locked_at: z.string(),
  locked_until: z.string(),
  still_locked: z.boolean(),
  last_ip: z.string().nullable(),
});
export type SigninLockout = z.infer<typeof signinLockoutSchema>;

/** POST /admin/staff/lockouts/unlock (owners). */
export const unlockAccountBodySchema = z.object({ email: z.string().trim().toLowerCase().min(1, "email is required").max(254) });

/** GET /admin/staff/demo-status: the demo seed's accounts that are still active (every staff role). */
export const demoStatusSchema = z.object({
  active: z.boolean(),
  accounts: z.array(z.object({ id: z.string(), email: z.string(), role: z.string() })),
});
export type DemoStatus = z.infer<typeof demoStatusSchema>;
