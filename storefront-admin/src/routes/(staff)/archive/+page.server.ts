import { error, fail } from "@sveltejs/kit";
import { MANAGERS, roleAllowed } from "@voltura/domain";
import { archivedEntitySchema } from "@voltura/contracts";
import { getArchiveSettings, listArchiveRuns, restoreArchivedRecord, searchArchive, updateArchiveSettings } from "@voltura/medusa-client";
import { z } from "zod";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

const restoreFormSchema = z.object({ entity: archivedEntitySchema, id: z.string().trim().min(1).max(200) });
const settingsFormSchema = z.object({
  archive_after_months: z.coerce.number().int(),
  tax_retention_years: z.coerce.number().int(),
  batch_size: z.coerce.number().int(),
});

/** Archive search (?q=), run history and the retention settings. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce, staff } = requireRole(locals, MANAGERS);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  try {
    const [runs, settings, hits] = await Promise.all([
      listArchiveRuns(commerce, 10),
      getArchiveSettings(commerce),
      q.length >= 3 ? searchArchive(commerce, q) : Promise.resolve(null),
    ]);
    return { q, hits, tooShort: q.length > 0 && q.length < 3, runs, settings, canEditSettings: roleAllowed(staff.role, ["owner"]) };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
};

export const actions: Actions = {
  restore: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const parsed = restoreFormSchema.safeParse(Object.fromEntries(await request.formData()));
    if (!parsed.success) return fail(400, { action: "restore" as const, message: m.archive_choose_record(), restored: null });
    try {
      const result = await restoreArchivedRecord(commerce, parsed.data.entity, parsed.data.id);
      const rows = Object.values(result.restored).reduce((a, b) => a + b, 0);
      return { action: "restore" as const, message: null, restored: { id: parsed.data.id, rows } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status >= 500 ? 502 : problem.status, { action: "restore" as const, message: problem.message, restored: null });
    }
  },
  settings: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ["owner"]);
    const parsed = settingsFormSchema.safeParse(Object.fromEntries(await request.formData()));
    if (!parsed.success) return fail(400, { action: "settings" as const, message: m.archive_whole_numbers(), saved: false });
    try {
      await updateArchiveSettings(commerce, parsed.data);
      return { action: "settings" as const, message: null, saved: true };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status >= 500 ? 502 : problem.status, { action: "settings" as const, message: problem.message, saved: false });
    }
  },
};
