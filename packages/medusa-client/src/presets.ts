import { type CommerceClient } from "./client.js";
import {
  type FilterPresetList,
  type FilterPreset,
  type CreateFilterPresetBody,
  filterPresetListAnswerSchema,
  filterPresetAnswerSchema,
  deletedFilterPresetSchema,
} from "@voltura/contracts";

/** `/admin/filter-presets` (plugins/platform), over a CommerceClient. */
export class FilterPresetsApi {
  constructor(private readonly client: CommerceClient) {}

  /** The caller's own presets of the list and every shared one, shared first, then by name. */
  async list(list: FilterPresetList): Promise<FilterPreset[]> {
    const r = await this.client.request("GET", `/admin/filter-presets?${new URLSearchParams({ list })}`, filterPresetListAnswerSchema);
    return r.presets;
  }
  async create(body: CreateFilterPresetBody): Promise<FilterPreset> {
    return (await this.client.request("POST", "/admin/filter-presets", filterPresetAnswerSchema, body)).preset;
  }
  /** 404 for a preset the caller cannot see; 403 for a shared one of another author unless owner / manager. */
  async remove(id: string): Promise<void> {
    await this.client.request("DELETE", `/admin/filter-presets/${encodeURIComponent(id)}`, deletedFilterPresetSchema);
  }
}
