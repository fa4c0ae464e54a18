import { fail } from "@sveltejs/kit";
import { formatDateTime as formatShopTime } from "$lib/i18n/format";
import { blacklistAddBodySchema, blacklistRemoveBodySchema } from "@voltura/contracts";
import { campaignsFor } from "$lib/campaigns/server";
import { commerceProblem } from "$lib/server/commerce";
import { fieldErrorsFrom, formValues } from "$lib/server/forms";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals, url }) => {
  const { api } = campaignsFor(locals);
  const q = url.searchParams.get("q")?.trim().slice(0, 32) || undefined;
  const removed = url.searchParams.get("removed") === "1";
  const before = url.searchParams.get("before") ?? undefined;
  try {
    const page = await api.listBlacklist({ q, include_removed: removed ? "true" : undefined, before, limit: 50 });
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (removed) next.set("removed", "1");
    if (page.next_cursor) next.set("before", page.next_cursor);
    return {
      q: q ?? "",
      removed,
      activeCount: page.active_count,
      entries: page.entries.map((e) => ({ ...e, addedAt: formatShopTime(e.created_at), removedAt: e.removed_at ? formatShopTime(e.removed_at) : null })),
      nextHref: page.next_cursor ? `/campaigns/blacklist?${next}` : null,
      problem: null,
    };
  } catch (err) {
    return { q: q ?? "", removed, activeCount: 0, entries: [], nextHref: null, problem: commerceProblem(err).message };
  }
};

export const actions: Actions = {
  add: async ({ locals, request }) => {
    const { api } = campaignsFor(locals);
    const values = formValues(await request.formData(), ["phone", "reason"]);
    const parsed = blacklistAddBodySchema.safeParse(values);
    if (!parsed.success) return fail(400, { add: { values, errors: fieldErrorsFrom(parsed.error), message: "Check the highlighted fields." } });
    try {
      const entry = await api.addToBlacklist(parsed.data);
      return { add: { done: `${entry.phone} is on the blacklist.` } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { add: { values, errors: {}, message: problem.message } });
    }
  },
  remove: async ({ locals, request }) => {
    const { api } = campaignsFor(locals);
    const values = formValues(await request.formData(), ["id", "reason"]);
    const parsed = blacklistRemoveBodySchema.safeParse({ reason: values.reason });
    if (!values.id || !parsed.success) return fail(400, { remove: { id: values.id, message: "Say why the number comes off the blacklist." } });
    try {
      const entry = await api.removeFromBlacklist(values.id, parsed.data);
      return { remove: { done: `${entry.phone} removed from the blacklist.` } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { remove: { id: values.id, message: problem.message } });
    }
  },
  import: async ({ locals, request }) => {
    const { api } = campaignsFor(locals);
    const form = await request.formData();
    const file = form.get("csv_file");
    const csv = file instanceof File && file.size > 0 ? await file.text() : String(form.get("csv") ?? "");
    const reason = String(form.get("reason") ?? "").trim();
    if (!csv.trim() || !reason) return fail(400, { import: { message: "Choose a CSV file with a phone column, and give a reason." } });
    try {
      return { import: { result: await api.importBlacklist({ csv, reason }) } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { import: { message: problem.message } });
    }
  },
};
