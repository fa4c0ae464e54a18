import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import { FilterPreset } from "./models/filter-preset";

export interface FilterPresetRow {
  id: string;
  list: string;
  name: string;
  query: string;
  owner_id: string;
  shared: boolean;
  created_at: string;
  updated_at: string;
}

const ts = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;
const COLUMNS = `id, list, name, query, owner_id, shared, ${ts("created_at")}, ${ts("updated_at")}`;

/** Saved filters: visibility and deletion rules live in the routes (src/api/admin/filter-presets). */
class FilterPresetService extends MedusaService({ FilterPreset }) {
  /** The owner's presets of a list and every shared one (each side read on its own partial index). */
  @InjectManager()
  async visiblePresets(list: string, ownerId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<FilterPresetRow[]> {
    return sharedContext.manager!.execute(
      `SELECT ${COLUMNS} FROM filter_preset WHERE list = ? AND owner_id = ? AND deleted_at IS NULL
       UNION
       SELECT ${COLUMNS} FROM filter_preset WHERE list = ? AND shared = true AND deleted_at IS NULL
       ORDER BY shared DESC, name, id`,
      [list, ownerId, list],
    );
  }

  @InjectManager()
  async addPreset(
    preset: { list: string; name: string; query: string; owner_id: string; shared: boolean },
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<FilterPresetRow> {
    const inserted: FilterPresetRow[] = await sharedContext.manager!.execute(
      `INSERT INTO filter_preset (id, list, name, query, owner_id, shared) VALUES (?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
      [generateEntityId(undefined, "fpre"), preset.list, preset.name, preset.query, preset.owner_id, preset.shared],
    );
    return inserted[0]!;
  }

  @InjectManager()
  async findPreset(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<FilterPresetRow | null> {
    const found: FilterPresetRow[] = await sharedContext.manager!.execute(`SELECT ${COLUMNS} FROM filter_preset WHERE id = ? AND deleted_at IS NULL`, [id]);
    return found[0] ?? null;
  }

  /** Soft delete; false when it was already gone. */
  @InjectManager()
  async removePreset(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const gone: Array<{ id: string }> = await sharedContext.manager!.execute(
      `UPDATE filter_preset SET deleted_at = now(), updated_at = now() WHERE id = ? AND deleted_at IS NULL RETURNING id`, [id]);
    return gone.length > 0;
  }
}

export default FilterPresetService;
