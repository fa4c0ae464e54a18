import { ALL_STAFF } from "@voltura/domain";
import { createFilterPresetBodySchema, listFilterPresetsQuerySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { PRESET_MODULE, type FilterPresetService } from "../../../modules/preset";
import { presetView } from "../../../domain/preset-rules";

/** The caller's presets of one list and every shared one: shared first, then by name. */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const { list } = parseOrThrow(listFilterPresetsQuerySchema, req.query);
  const found = await req.scope.resolve<FilterPresetService>(PRESET_MODULE).visiblePresets(list, req.actor.id);
  res.json({ presets: found.map((preset) => presetView(preset, req.actor)) });
});

/** Saves the list's current query as a preset; `shared: true` shows it to every member of staff. */
export const POST = staffRoute(ALL_STAFF, async (req, res) => {
  const body = parseOrThrow(createFilterPresetBodySchema, req.body ?? {});
  const preset = await req.scope.resolve<FilterPresetService>(PRESET_MODULE).addPreset({ ...body, owner_id: req.actor.id });
  await recordAudit(req, { action: "filter_preset.created", entity: "filter_preset", entity_id: preset.id, metadata: { list: preset.list, name: preset.name, query: preset.query, shared: preset.shared } });
  res.status(201).json({ preset: presetView(preset, req.actor) });
});
