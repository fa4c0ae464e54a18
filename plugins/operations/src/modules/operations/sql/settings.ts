import { OPERATIONS_SETTINGS_FIELDS, type OperationsSettings, type operationsSettingsPatchSchema } from "@voltura/contracts";
import { rows, type Sql, type SqlConnection } from "@voltura/medusa-kit";
import type { z } from "zod";
import { toSettings } from "./rows";

type SettingsPatch = z.output<typeof operationsSettingsPatchSchema>;
const COLUMNS = `${OPERATIONS_SETTINGS_FIELDS.join(", ")}, updated_at, updated_by`;

export async function readSettings(db: Sql): Promise<OperationsSettings> {
  const [row] = await rows(db, `SELECT ${COLUMNS} FROM operations_settings WHERE id = 'shop'`);
  if (row) return toSettings(row);
  const [created] = await rows(db, `INSERT INTO operations_settings (id) VALUES ('shop') ON CONFLICT (id) DO UPDATE SET id = excluded.id RETURNING ${COLUMNS}`);
  return toSettings(created!);
}

/** Applies a validated patch under the row lock; answers the settings before and after (for the audit row). */
export async function updateSettings(db: SqlConnection, patch: SettingsPatch, by: string): Promise<{ before: OperationsSettings; after: OperationsSettings }> {
  return db.transaction(async (trx) => {
    await trx.raw(`INSERT INTO operations_settings (id) VALUES ('shop') ON CONFLICT (id) DO NOTHING`);
    const [locked] = await rows(trx, `SELECT ${COLUMNS} FROM operations_settings WHERE id = 'shop' FOR UPDATE`);
    const before = toSettings(locked!);
    const fields = OPERATIONS_SETTINGS_FIELDS.filter((f) => patch[f] !== undefined);
    if (!fields.length) return { before, after: before };
    const sets = fields.map((f) => `${f} = ?`).join(", ");
    const [row] = await rows(trx, `UPDATE operations_settings SET ${sets}, updated_by = ?, updated_at = now() WHERE id = 'shop' RETURNING ${COLUMNS}`,
      [...fields.map((f) => patch[f] ?? null), by]);
    return { before, after: toSettings(row!) };
  });
}
