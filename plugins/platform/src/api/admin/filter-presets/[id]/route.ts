import { MedusaError } from "@medusajs/framework/utils";
import { ALL_STAFF } from "@voltura/domain";
import { recordAudit, staffRoute } from "@voltura/medusa-kit";
import { PRESET_MODULE, type FilterPresetService } from "../../../../modules/preset";
import { canDeletePreset, canSeePreset } from "../../../../domain/preset-rules";

/**
 * Removes a preset: the author's own, or a shared one by its author, an owner or a manager.
 * Another member's personal preset is 404 (it is not theirs to know of).
 */
export const DELETE = staffRoute(ALL_STAFF, async (req, res) => {
  const presets = req.scope.resolve<FilterPresetService>(PRESET_MODULE);
  const preset = await presets.findPreset(req.params.id!);
  if (!preset || !canSeePreset(preset, req.actor)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Filter preset ${req.params.id} was not found`);
  if (!canDeletePreset(preset, req.actor)) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "A shared preset can be deleted by its author, an owner or a manager");
  }
  await presets.removePreset(preset.id);
  await recordAudit(req, { action: "filter_preset.deleted", entity: "filter_preset", entity_id: preset.id, metadata: { list: preset.list, name: preset.name, shared: preset.shared, owner_id: preset.owner_id } });
  res.json({ id: preset.id, deleted: true });
});
