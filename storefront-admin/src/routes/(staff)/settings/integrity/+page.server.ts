import { error, fail } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { z } from "zod";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

/** GET /admin/integrity: every invariant checked now (plugins/platform `src/integrity`). */
const reportSchema = z.object({
  ok: z.boolean(),
  checked_at: z.string(),
  checks: z.array(z.object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    ok: z.boolean(),
    count: z.number(),
    error: z.string().optional(),
    breaches: z.array(z.object({ kind: z.string(), ref: z.string(), message: z.string() })),
  })),
});

/** GET /admin/integrity/runs: stored runs, newest first (the nightly schedule writes them). */
const runsSchema = z.object({
  runs: z.array(z.object({
    id: z.string(),
    ran_at: z.string(),
    ok: z.boolean(),
    trigger: z.string(),
    summary: z.object({
      checks: z.array(z.object({ name: z.string(), title: z.string(), ok: z.boolean(), count: z.number(), error: z.string().optional(), examples: z.array(z.string()) })),
    }),
  })),
});

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  try {
    const { runs } = await commerce.request("GET", "/admin/integrity/runs?limit=1", runsSchema);
    return { lastRun: runs[0] ?? null };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
};

export const actions: Actions = {
  run: async ({ locals }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    try {
      return { report: await commerce.request("GET", "/admin/integrity", reportSchema), message: null };
    } catch (err) {
      return fail(502, { report: null, message: commerceProblem(err).message });
    }
  },
};
