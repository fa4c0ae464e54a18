import { fail, type RequestEvent } from "@sveltejs/kit";
import type { StaffRole } from "@voltura/domain";
import { type FilterPreset, type FilterPresetList } from "@voltura/contracts";
import { FilterPresetsApi } from "@voltura/medusa-client";
import { presetQueryOf } from "$lib/components/data-table/url-state";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "./commerce";
import { requireRole } from "./guard";

/** The list's presets for the signed-in member (personal + shared); none when commerce cannot answer. */
export async function loadPresets(locals: App.Locals, list: FilterPresetList): Promise<FilterPreset[]> {
  if (!locals.commerce) return [];
  return new FilterPresetsApi(locals.commerce).list(list).catch(() => []);
}

/** Answers of the preset actions, read by the page as `form.preset`. */
export type PresetActionResult = { preset: { saved?: string; deleted?: boolean; error?: string } };

/**
 * The `savePreset` and `deletePreset` form actions of a list page (the preset menu posts to them).
 * `roles`: who may open the list.
 */
export function presetActions(list: FilterPresetList, roles: readonly StaffRole[]) {
  return {
    savePreset: async ({ locals, request }: RequestEvent) => {
      const { commerce } = requireRole(locals, roles);
      const data = await request.formData();
      const name = String(data.get("name") ?? "").trim();
      if (!name) return fail(400, { preset: { error: m.table_preset_name_required() } } as PresetActionResult);
      try {
        const saved = await new FilterPresetsApi(commerce).create({
          list,
          name,
          query: presetQueryOf(String(data.get("query") ?? "")),
          shared: data.get("shared") === "1" || data.get("shared") === "on",
        });
        return { preset: { saved: saved.name } } as PresetActionResult;
      } catch (err) {
        const problem = commerceProblem(err);
        return fail(problem.status >= 500 ? 503 : problem.status, { preset: { error: problem.message } } as PresetActionResult);
      }
    },
    deletePreset: async ({ locals, request }: RequestEvent) => {
      const { commerce } = requireRole(locals, roles);
      const id = String((await request.formData()).get("id") ?? "");
      try {
        await new FilterPresetsApi(commerce).remove(id);
        return { preset: { deleted: true } } as PresetActionResult;
      } catch (err) {
        const problem = commerceProblem(err);
        return fail(problem.status >= 500 ? 503 : problem.status, { preset: { error: problem.message } } as PresetActionResult);
      }
    },
  };
}
