import { m } from "$lib/paraglide/messages.js";
import { error, fail, redirect } from "@sveltejs/kit";
import {
  CommerceError,
  deleteVaultSecret,
  getOperationsOverview,
  getOperationsSettings,
  listArchiveRuns,
  listBackups,
  listOptimisationRuns,
  listRestoreRuns,
  listVaultSecrets,
  setVaultSecret,
  startBackup,
  startBackupVerification,
  startRestore,
  updateOperationsSettings,
} from "@voltura/medusa-client";
import { commerceFieldErrors } from "$lib/server/commerce-errors";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { forgetMaintenanceState } from "$lib/server/maintenance-state";
import { OWNERS_ONLY } from "$lib/server/route-access";
import { confirmationMatches, CONFIRMATION_WORDS, type RestoreModeName } from "$lib/operations/format";
import { parseSecretValue, postedSecretName, type SecretsFormResult } from "$lib/operations/secrets-form";
import { parseSettings, postedSettings, SETTINGS_FIELDS, settingsValues, type SettingsField } from "$lib/operations/settings-form";
import type { Actions, PageServerLoad } from "./$types";

/** The Secrets card's answer to a refused or failed commerce call (never the value). */
function secretsFailure(name: SecretsFormResult["name"], err: unknown) {
  if (err instanceof CommerceError && err.status === 400) return fail(400, { section: "secrets" as const, name, errors: { value: err.message.replace(/^Invalid request:\s*(value:\s*)?/i, "") } } satisfies SecretsFormResult);
  const problem = commerceProblem(err);
  return fail(problem.status >= 400 && problem.status < 600 ? problem.status : 502, { section: "secrets" as const, name, error: problem.message } satisfies SecretsFormResult);
}

/** A section that may fail alone: the page still shows the rest, with a note in that card. */
async function optional<T>(call: Promise<T>): Promise<{ value: T; problem: null } | { value: null; problem: string }> {
  try {
    return { value: await call, problem: null };
  } catch (err) {
    return { value: null, problem: commerceProblem(err).message };
  }
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, OWNERS_ONLY);
  let overview, catalog;
  try {
    [overview, catalog] = await Promise.all([getOperationsOverview(commerce), listBackups(commerce)]);
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
  const [restoreRuns, settings, optimisationRuns, secrets, archiveRuns] = await Promise.all([
    optional(listRestoreRuns(commerce)),
    optional(getOperationsSettings(commerce)),
    optional(listOptimisationRuns(commerce)),
    optional(listVaultSecrets(commerce)),
    optional(listArchiveRuns(commerce, 10)),
  ]);
  // Without JavaScript the restore dialog is a page state: ?restore=<backup id>&mode=restore|copy.
  const askedMode = url.searchParams.get("mode");
  const askedId = url.searchParams.get("restore");
  const restoreAsk =
    askedId && (askedMode === "restore" || askedMode === "copy") && catalog.backups.some((b) => b.id === askedId)
      ? { backupId: askedId, mode: askedMode as RestoreModeName }
      : null;
  return {
    overview,
    catalog,
    restoreRuns,
    optimisationRuns,
    archiveRuns,
    settings: settings.value ? { values: settingsValues(settings.value), updatedAt: settings.value.updated_at, updatedBy: settings.value.updated_by } : null,
    settingsProblem: settings.problem,
    secrets,
    restoreAsk,
  };
};

const backupIdFrom = (data: FormData): string => {
  const v = data.get("backup_id");
  return typeof v === "string" ? v.trim() : "";
};

const failureStatus = (status: number) => (status >= 400 && status < 600 ? status : 502);

export const actions: Actions = {
  /** "Back up now": a manual backup, run by the worker; the page follows it until it is listed. */
  backup: async ({ locals }) => {
    const { commerce } = requireRole(locals, OWNERS_ONLY);
    try {
      const started = await startBackup(commerce);
      return { section: "backups" as const, success: m.operations_backup_started(), watch: { kind: "backup" as const, backupId: started.backup_id } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(failureStatus(problem.status), { section: "backups" as const, error: problem.message });
    }
  },

  /** "Verify": a restore test of this backup into a scratch database. */
  verify: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, OWNERS_ONLY);
    const backupId = backupIdFrom(await request.formData());
    if (!backupId) return fail(400, { section: "backups" as const, error: m.operations_choose_backup_verify() });
    try {
      await startBackupVerification(commerce, backupId);
      return { section: "backups" as const, success: m.operations_test_started({ id: backupId }), watch: { kind: "verify" as const, backupId } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(failureStatus(problem.status), { section: "backups" as const, error: problem.message });
    }
  },

  /** "Restore…" / "Restore as a copy…": the typed word must be exactly RESTORE / COPY. */
  restore: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, OWNERS_ONLY);
    const data = await request.formData();
    const backupId = backupIdFrom(data);
    const modeValue = data.get("mode");
    const mode: RestoreModeName = modeValue === "copy" ? "copy" : "restore";
    const confirmation = typeof data.get("confirmation") === "string" ? String(data.get("confirmation")) : "";
    const refuse = (status: number, message: string, confirmationError?: string) => {
      const errors: Record<string, string> = confirmationError ? { confirmation: confirmationError } : {};
      return fail(status, { section: "restore" as const, backupId, mode, error: message, errors });
    };
    if (!backupId || (modeValue !== "restore" && modeValue !== "copy")) return refuse(400, m.operations_choose_backup_mode());
    if (!confirmationMatches(mode, confirmation)) {
      return refuse(400, m.operations_nothing_restored(), m.operations_type_capitals({ word: CONFIRMATION_WORDS[mode] }));
    }
    let runId: string;
    try {
      runId = (await startRestore(commerce, backupId, { mode, confirmation })).id;
    } catch (err) {
      if (err instanceof CommerceError && err.status === 400 && /confirmation/.test(err.message)) {
        return refuse(400, m.operations_nothing_restored(), m.operations_type_capitals({ word: CONFIRMATION_WORDS[mode] }));
      }
      if (err instanceof CommerceError && err.status === 409) {
        const message =
          err.type === "restore_in_progress" || /in_progress|in progress/i.test(err.message)
            ? m.operations_another_restore()
            : err.message;
        return refuse(409, message);
      }
      const problem = commerceProblem(err);
      return refuse(failureStatus(problem.status), problem.message);
    }
    forgetMaintenanceState();
    redirect(303, `/settings/maintenance/restores/${encodeURIComponent(runId)}`);
  },

  /** Secrets card: seal and store one secret (the value is never sent back). */
  setSecret: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, OWNERS_ONLY);
    const data = await request.formData();
    const name = postedSecretName(data);
    if (!name) return fail(400, { section: "secrets" as const, name: null, error: m.operations_not_a_secret() } satisfies SecretsFormResult);
    const value = parseSecretValue(name, data.get("value"));
    if (!value.ok) return fail(400, { section: "secrets" as const, name, errors: { value: value.error } } satisfies SecretsFormResult);
    try {
      const saved = await setVaultSecret(commerce, name, value.value);
      return { section: "secrets" as const, name, success: m.operations_secret_saved({ label: saved.label, key: saved.key_id ?? "—" }) } satisfies SecretsFormResult;
    } catch (err) {
      return secretsFailure(name, err);
    }
  },

  /** Secrets card: remove one secret; the server's own setting applies again. */
  clearSecret: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, OWNERS_ONLY);
    const name = postedSecretName(await request.formData());
    if (!name) return fail(400, { section: "secrets" as const, name: null, error: m.operations_not_a_secret() } satisfies SecretsFormResult);
    try {
      const cleared = await deleteVaultSecret(commerce, name);
      return { section: "secrets" as const, name, success: cleared.env_set ? m.operations_secret_cleared_env({ label: cleared.label }) : m.operations_secret_cleared({ label: cleared.label }) } satisfies SecretsFormResult;
    } catch (err) {
      return secretsFailure(name, err);
    }
  },

  /** Backup schedule, retention and the external target (its keys are secrets: see the Secrets card). */
  settings: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, OWNERS_ONLY);
    const values = postedSettings(await request.formData());
    const refuse = (status: number, errors: Partial<Record<SettingsField, string>>, message: string) =>
      fail(status, { section: "settings" as const, values, errors, error: message });
    const parsed = parseSettings(values);
    if (!parsed.ok) return refuse(400, parsed.errors, m.operations_check_fields());
    try {
      const saved = await updateOperationsSettings(commerce, parsed.patch);
      return { section: "settings" as const, values: settingsValues(saved), errors: {}, success: m.operations_settings_saved() };
    } catch (err) {
      if (err instanceof CommerceError && err.status === 400) {
        const known = new Set<string>(SETTINGS_FIELDS);
        const { errors, rest } = commerceFieldErrors(err.message, (path) => (known.has(path) ? path : null));
        return refuse(400, errors, rest ?? m.operations_check_fields());
      }
      const problem = commerceProblem(err);
      return refuse(failureStatus(problem.status), {}, problem.message);
    }
  },
};
