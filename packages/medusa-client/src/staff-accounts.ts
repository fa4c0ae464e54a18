import { z } from "zod";
import { CommerceError, type CommerceClient } from "./client.js";
import {
  staffAccountSchema,
  type StaffAccount,
  type CredentialsCheckBody,
  credentialsCheckAnswerSchema,
  tooManyAttemptsAnswerSchema,
  type CredentialsVerdict,
  type ChangeOwnPasswordBody,
  type OwnPreferencesBody,
  type PasswordResetBody,
  passwordResetAnswerSchema,
  type PasswordResetAnswer,
  setupStatusSchema,
  type SetupStatus,
  type SetupBody,
  setupAnswerSchema,
  signinLockoutSchema,
  type SigninLockout,
  demoStatusSchema,
  type DemoStatus,
} from "@voltura/contracts";

/** Checks an email + password; a wrong one and a limited one are answers, not errors. */
export async function checkStaffCredentials(client: CommerceClient, body: CredentialsCheckBody): Promise<CredentialsVerdict> {
  try {
    return { ok: true, ...(await client.request("POST", "/admin/staff/credentials/check", credentialsCheckAnswerSchema, body)) };
  } catch (err) {
    if (err instanceof CommerceError && err.status === 401) return { ok: false, reason: "wrong" };
    if (err instanceof CommerceError && err.status === 429) {
      const limited = tooManyAttemptsAnswerSchema.safeParse(err.body);
      return { ok: false, reason: "limited", retry_after_seconds: limited.success ? limited.data.retry_after_seconds : 900 };
    }
    throw err;
  }
}

export async function changeOwnPassword(client: CommerceClient, body: ChangeOwnPasswordBody): Promise<StaffAccount> {
  return (await client.request("POST", "/admin/staff/me/password", z.object({ staff: staffAccountSchema }), body)).staff;
}

export async function saveOwnPreferences(client: CommerceClient, body: OwnPreferencesBody): Promise<StaffAccount> {
  return (await client.request("POST", "/admin/staff/me/preferences", z.object({ staff: staffAccountSchema }), body)).staff;
}

export function resetStaffPassword(client: CommerceClient, staffId: string, body: PasswordResetBody = {}): Promise<PasswordResetAnswer> {
  return client.request("POST", `/admin/staff/${encodeURIComponent(staffId)}/password-reset`, passwordResetAnswerSchema, body);
}

export function getSetupStatus(client: CommerceClient): Promise<SetupStatus> {
  return client.request("GET", "/public/setup", setupStatusSchema);
}

export async function completeSetup(client: CommerceClient, body: SetupBody): Promise<StaffAccount> {
  return (await client.request("POST", "/public/setup", setupAnswerSchema, body)).staff;
}

export async function listSigninLockouts(client: CommerceClient): Promise<SigninLockout[]> {
  return (await client.request("GET", "/admin/staff/lockouts", z.object({ lockouts: z.array(signinLockoutSchema) }))).lockouts;
}

export async function unlockSigninAccount(client: CommerceClient, email: string): Promise<boolean> {
  return (await client.request("POST", "/admin/staff/lockouts/unlock", z.object({ unlocked: z.boolean() }), { email })).unlocked;
}

export function getDemoStatus(client: CommerceClient): Promise<DemoStatus> {
  return client.request("GET", "/admin/staff/demo-status", demoStatusSchema);
}
