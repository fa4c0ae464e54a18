import { Module } from "@medusajs/framework/utils";
import FilterPresetService from "./service";

/** Resolve with container.resolve("preset"): saved filters of the console's lists. */
export const PRESET_MODULE = "preset";

export default Module(PRESET_MODULE, { service: FilterPresetService });
export { FilterPresetService };
export type { FilterPresetRow } from "./service";
