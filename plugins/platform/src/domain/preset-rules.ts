import { MANAGERS, roleAllowed, type AnyRole } from "@voltura/domain";

export interface PresetOwnership {
  owner_id: string;
  shared: boolean;
}

export interface PresetCaller {
  id: string;
  role: AnyRole;
}

/** A personal preset is its author's alone; a shared one is the shop's. */
export function canSeePreset(preset: PresetOwnership, caller: PresetCaller): boolean {
  return preset.shared || preset.owner_id === caller.id;
}

/** Own presets; a shared one also by owners and managers (they tidy the shop's list). */
export function canDeletePreset(preset: PresetOwnership, caller: PresetCaller): boolean {
  if (preset.owner_id === caller.id) return true;
  return preset.shared && roleAllowed(caller.role, MANAGERS);
}

/** The answer's view of a row for this caller. */
export function presetView<T extends PresetOwnership>(preset: T, caller: PresetCaller): T & { mine: boolean; can_delete: boolean } {
  return { ...preset, mine: preset.owner_id === caller.id, can_delete: canDeletePreset(preset, caller) };
}
